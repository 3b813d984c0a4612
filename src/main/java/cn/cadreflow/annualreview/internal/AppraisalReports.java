package cn.cadreflow.annualreview.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cadreflow.annualreview.AnnualReviews;
import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.AnnualReviewStep;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.Review;
import cn.cadreflow.annualreview.Campaign;
import cn.cadreflow.annualreview.CampaignService;
import cn.cadreflow.annualreview.DigitalIndicator;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews.OpenTask;

/**
 * What the HR officer sees of a campaign: progress per unit and step, late tasks, the 优秀 quota before the
 * results are final, the results as an Excel sheet and the chart options. Every read is limited to the units
 * in the officer's HR scope.
 */
@Service
public class AppraisalReports {

    /** The steps where a review waits for people, in process order. */
    public static final List<String> STEPS = List.of("selfReport", "peerRating", "leaderRating", "hrReview",
            "quotaApproval", "committeeDecision", "objectionWatch", "objectionCheck", "resultNotice", "recheck");

    private final AppraisalReportMapper mapper;
    private final CampaignService campaigns;
    private final AnnualReviews reviews;
    private final AppraisalSettings settings;
    private final OrgService org;
    private final CadreService cadres;
    private final WorkflowQueries tasks;
    private final MessageSource messages;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public AppraisalReports(AppraisalReportMapper mapper, CampaignService campaigns, AnnualReviews reviews,
                            AppraisalSettings settings, OrgService org, CadreService cadres, WorkflowQueries tasks,
                            MessageSource messages, Clock clock) {
        this.mapper = mapper;
        this.campaigns = campaigns;
        this.reviews = reviews;
        this.settings = settings;
        this.org = org;
        this.cadres = cadres;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
    }

    /** Campaigns over units all in the officer's scope, newest first. */
    public List<Campaign> campaigns(UserContext user) {
        return user.hrUnitIds().isEmpty() ? List.of() : mapper.campaignsOfUnits(user.hrUnitIds());
    }

    /** The campaign, if every one of its units is in the officer's scope; unknown and out of scope read the same. */
    public Campaign campaign(long campaignId, UserContext user) {
        Campaign c = campaigns.campaign(campaignId);
        if (!user.hrUnitIds().containsAll(campaigns.units(campaignId))) {
            throw new AppraisalException("appraisal.error.unknownCampaign");
        }
        return c;
    }

    /** A review, for an HR officer over the reviewed cadre's unit; unknown and out of scope read the same. */
    public Review review(long reviewId, UserContext user) {
        Review r = reviews.review(reviewId);
        if (r == null || !user.hrUnitIds().contains(r.unitId())) {
            throw new AppraisalException("appraisal.form.notFound");
        }
        return r;
    }

    public String unitName(long unitId) {
        return org.unit(unitId).map(OrgUnit::name).orElse(String.valueOf(unitId));
    }

    /** Progress per unit with reviews, units in tree order. */
    public List<UnitProgress> progress(long campaignId, UserContext user) {
        campaign(campaignId, user);
        Map<String, AppraisalReportMapper.ReviewInstance> reviews = new HashMap<>();
        mapper.reviewInstances(campaignId).forEach(r -> reviews.put(r.processInstanceId(), r));
        List<OpenTask> open = new ArrayList<>();
        OrgService.batches(reviews.keySet(), batch -> tasks.openTasks(batch).stream()
                .filter(t -> AnnualReviewStep.PROCESS_KEY.equals(t.processKey())).forEach(open::add));
        // open reviews per unit and step (a review counts once per step, however many tasks it has there)
        Map<Long, Map<String, Set<Long>>> atStep = new TreeMap<>();
        for (OpenTask t : open) {
            AppraisalReportMapper.ReviewInstance r = reviews.get(t.processInstanceId());
            atStep.computeIfAbsent(r.unitId(), u -> new LinkedHashMap<>())
                    .computeIfAbsent(t.stepKey(), k -> new HashSet<>()).add(r.reviewId());
        }
        Map<Long, Map<String, Integer>> steps = new TreeMap<>();
        atStep.forEach((unit, byStep) -> byStep.forEach((step, ids) -> steps
                .computeIfAbsent(unit, u -> new LinkedHashMap<>()).put(step, ids.size())));
        Map<Long, List<LateTask>> late = new TreeMap<>();
        lateTasks(open, reviews).forEach(t -> late.computeIfAbsent(t.unitId(), u -> new ArrayList<>()).add(t));
        int normal = settings.intRule(AppraisalSettings.QUOTA_PERCENT);
        int widened = settings.intRule(AppraisalSettings.QUOTA_MAX_PERCENT);
        List<UnitProgress> out = new ArrayList<>();
        for (AppraisalReportMapper.UnitQuota q : mapper.unitQuotas(campaignId)) {
            out.add(new UnitProgress(q.unitId(), unitName(q.unitId()), q.reviewed(),
                    steps.getOrDefault(q.unitId(), Map.of()), late.getOrDefault(q.unitId(), List.of()),
                    q.excellentProposed(), q.excellentDecided(), q.reviewed() * normal / 100,
                    q.reviewed() * widened / 100));
        }
        out.sort(Comparator.comparing(UnitProgress::unitId));
        return out;
    }

    /** Open tasks past their due date, earliest due first, with whose review they are. */
    private List<LateTask> lateTasks(List<OpenTask> open, Map<String, AppraisalReportMapper.ReviewInstance> reviews) {
        Instant now = clock.instant();
        List<OpenTask> overdue = open.stream().filter(t -> t.dueAt() != null && t.dueAt().isBefore(now)).toList();
        Map<Long, Cadre> names = cadres.findAll(overdue.stream()
                .map(t -> reviews.get(t.processInstanceId()).cadreId()).toList());
        return overdue.stream().map(t -> {
            AppraisalReportMapper.ReviewInstance r = reviews.get(t.processInstanceId());
            Cadre c = names.get(r.cadreId());
            return new LateTask(r.unitId(), r.reviewId(), c == null ? null : c.name(), t.stepKey(), t.name(),
                    t.assignee(), LocalDateTime.ofInstant(t.dueAt(), ZoneId.systemDefault()));
        }).sorted(Comparator.comparing(LateTask::dueAt).thenComparing(LateTask::reviewId)).toList();
    }

    public List<Result> results(long campaignId, Long unitId, UserContext user) {
        campaign(campaignId, user);
        return results(campaignId, unitId);
    }

    /** The result rows with the cadres' names and posts, read in one batch each. */
    private List<Result> results(long campaignId, Long unitId) {
        List<AppraisalReportMapper.ResultRow> rows = mapper.results(campaignId, unitId);
        Map<Long, Cadre> byId = cadres.findAll(rows.stream().map(AppraisalReportMapper.ResultRow::cadreId).toList());
        Map<Long, Post> posts = org.posts(byId.values().stream().map(Cadre::postId).toList());
        return rows.stream().map(r -> {
            Cadre c = byId.get(r.cadreId());
            Post post = c == null || c.postId() == null ? null : posts.get(c.postId());
            return new Result(r.reviewId(), r.cadreId(), c == null ? null : c.name(), post == null ? null : post.name(),
                    r.unitId(), r.selfScore(), r.peerScore(), r.leaderScore(), r.digitalScore(), r.totalScore(),
                    r.suggestedGrade(), r.finalGrade());
        }).toList();
    }

    /** One unit's results as an .xlsx workbook: a header row, then one row per cadre. */
    public byte[] exportXlsx(long campaignId, long unitId, UserContext user, Locale locale) {
        Campaign c = campaign(campaignId, user);
        if (!user.hrUnitIds().contains(unitId)) {
            throw new AppraisalException("appraisal.error.notHrOfUnit");
        }
        List<Result> rows = results(campaignId, unitId);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(unitName(unitId) + " " + c.campaignYear()));
            Row header = sheet.createRow(0);
            String[] keys = {"appraisal.col.name", "appraisal.col.post", "appraisal.col.self", "appraisal.col.peer",
                "appraisal.col.leader", "appraisal.col.digital", "appraisal.col.total", "appraisal.col.suggested",
                "appraisal.col.final"};
            for (int i = 0; i < keys.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage(keys[i], null, locale));
            }
            int n = 1;
            for (Result r : rows) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.cadreName());
                row.createCell(1).setCellValue(r.postName() == null ? "" : r.postName());
                BigDecimal[] scores = {r.selfScore(), r.peerScore(), r.leaderScore(), r.digitalScore(), r.totalScore()};
                for (int i = 0; i < scores.length; i++) {
                    if (scores[i] != null) {
                        row.createCell(2 + i).setCellValue(scores[i].doubleValue());
                    }
                }
                row.createCell(7).setCellValue(grade(r.suggestedGrade(), locale));
                row.createCell(8).setCellValue(grade(r.finalGrade(), locale));
            }
            for (int i = 0; i < keys.length; i++) {
                sheet.autoSizeColumn(i);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A grade in the reader's language ("" for none). */
    public String grade(String grade, Locale locale) {
        return grade == null ? "" : messages.getMessage("appraisal.grade." + grade, null, grade, locale);
    }

    /** ECharts option: per unit, how many reviews have each final grade and how many are suggested it so far. */
    public String gradeChart(long campaignId, UserContext user, Locale locale) {
        campaign(campaignId, user);
        return write(GradeChart.option(mapper.gradeCounts(campaignId), this::unitName, messages, locale));
    }

    /** ECharts option: per unit, the average digital score and the average points of each indicator. */
    public String digitalChart(long campaignId, UserContext user, Locale locale) {
        Campaign c = campaign(campaignId, user);
        Map<Long, Integer> reviewed = new TreeMap<>();
        mapper.unitQuotas(campaignId).forEach(q -> reviewed.put(q.unitId(), q.reviewed()));
        Map<Long, BigDecimal> averages = new TreeMap<>();
        mapper.digitalAverages(campaignId).forEach(a -> averages.put(a.unitId(), a.average()));
        Map<String, Map<Long, BigDecimal>> points = new LinkedHashMap<>();
        mapper.indicatorSums(campaignId, c.campaignYear()).forEach(s -> points
                .computeIfAbsent(s.indicatorCode(), k -> new TreeMap<>()).put(s.unitId(), s.points()));
        Set<Long> units = reviewed.keySet();
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("name", messages.getMessage("appraisal.chart.digitalAverage", null, locale),
                "type", "bar", "data", units.stream().map(u -> round(averages.get(u), 1)).toList()));
        for (DigitalIndicator i : settings.indicators()) {
            Map<Long, BigDecimal> sums = points.getOrDefault(i.code(), Map.of());
            series.add(Map.of("name", messages.getMessage("appraisal.indicator." + i.code(), null, i.name(), locale),
                    "type", "bar", "data", units.stream().map(u -> round(
                            sums.getOrDefault(u, BigDecimal.ZERO), reviewed.get(u))).toList()));
        }
        return option(messages.getMessage("appraisal.chart.digital", null, locale),
                units.stream().map(this::unitName).toList(), series);
    }

    private static double round(BigDecimal sum, int divisor) {
        if (sum == null || divisor == 0) {
            return 0;
        }
        return sum.divide(BigDecimal.valueOf(divisor), 1, RoundingMode.HALF_UP).doubleValue();
    }

    private String option(String title, List<String> categories, List<Map<String, Object>> series) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0));
        option.put("grid", Map.of("left", 40, "right", 20, "top", 40, "bottom", 60, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", categories));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", series);
        return write(option);
    }

    private String write(Map<String, Object> option) {
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One unit's state in a campaign. */
    public record UnitProgress(Long unitId, String unitName, int reviewed, Map<String, Integer> openByStep,
                               List<LateTask> late, int excellentProposed,
                               int excellentDecided, int normalPlaces, int widenedPlaces) {

        public int excellent() {
            return excellentProposed + excellentDecided;
        }
    }

    /** An open task of the campaign whose due date has passed. */
    public record LateTask(Long unitId, Long reviewId, String cadreName, String stepKey, String stepName,
                           String assignee, LocalDateTime dueAt) {
    }

    /** One reviewed cadre's scores and grades. */
    public record Result(Long reviewId, Long cadreId, String cadreName, String postName, Long unitId,
                         BigDecimal selfScore, BigDecimal peerScore, BigDecimal leaderScore, BigDecimal digitalScore,
                         BigDecimal totalScore, String suggestedGrade, String finalGrade) {
    }
}
