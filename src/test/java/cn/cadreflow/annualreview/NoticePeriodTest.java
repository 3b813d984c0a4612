package cn.cadreflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.annualreview.internal.ReviewFacts;
import cn.cadreflow.annualreview.internal.ReviewRecords;
import cn.cadreflow.annualreview.internal.ReviewRules;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.CalendarDay;
import cn.cadreflow.org.WorkCalendar;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.ProcessStarts;

/**
 * 公示 counts working days on the {@link WorkCalendar}: a review of 陈静's in a campaign of 2004 (a year no other test
 * uses) reaches the notice on Monday 5 November 2091, by a fixed clock. Five working days end on Monday 12th, so the
 * notice runs until the start of Tuesday 13th; with Wednesday 7th recorded as a holiday it runs a day longer.
 */
@CadreFlowTest
class NoticePeriodTest {

    static final ZoneId ZONE = ZoneId.systemDefault();
    static final LocalDateTime NOW = LocalDateTime.of(2091, 11, 5, 9, 30);

    @Autowired
    AppraisalMapper mapper;
    @Autowired
    AppraisalSettings settings;
    @Autowired
    ReviewRules rules;
    @Autowired
    ReviewFacts facts;
    @Autowired
    ReviewRecords records;
    @Autowired
    CadreService cadres;
    @Autowired
    UserService users;
    @Autowired
    UserDirectory directory;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ProcessStarts starts;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AnnualReviews appraisal;
    /** The facade on a fixed clock. */
    AnnualReviewSteps steps;
    long campaign;
    long review;

    @BeforeEach
    void reviewAwaitingTheNotice() {
        steps = new AnnualReviewSteps(mapper, settings, rules, facts, records, cadres, users, directory, calendar,
                Clock.fixed(NOW.atZone(ZONE).toInstant(), ZONE));
        long cadre = ((Number) starts.knownData("chenjing").get("cadreId")).longValue();
        long unit = ((Number) starts.knownData("chenjing").get("unitId")).longValue();
        campaign = campaigns.create(2004, "2004年度考核（公示期测试）", List.of(unit), "GRASSROOTS11", "wangfang");
        jdbc.update("INSERT INTO appraisal_review (campaign_id, cadre_id, unit_id, review_year, status, final_grade, "
                + "created_at, updated_at) VALUES (?, ?, ?, 2004, 'COMMITTEE', '称职', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP)", campaign, cadre, unit);
        review = jdbc.queryForObject("SELECT id FROM appraisal_review WHERE campaign_id = ?", Long.class, campaign);
    }

    @AfterEach
    void removeTheReviewAndTheHoliday() {
        calendar.remove(LocalDate.of(2091, 11, 7));
        jdbc.update("DELETE FROM appraisal_review WHERE campaign_id = ?", campaign);
        jdbc.update("DELETE FROM appraisal_campaign_unit WHERE campaign_id = ?", campaign);
        jdbc.update("DELETE FROM appraisal_campaign WHERE id = ?", campaign);
    }

    static Date startOf(int month, int day) {
        return Date.from(LocalDate.of(2091, month, day).atStartOfDay(ZONE).toInstant());
    }

    @Test
    void theNoticeRunsFiveWorkingDaysAndAHolidayInsideItMakesItADayLonger() {
        assertThat(settings.intRule(AppraisalSettings.NOTICE_DAYS)).isEqualTo(5);

        assertThat(steps.startNotice(review)).isEqualTo(startOf(11, 13));
        Review r = appraisal.review(review);
        assertThat(r.status()).isEqualTo("NOTICE");
        assertThat(r.noticeStartedAt()).isEqualTo(NOW);

        calendar.record(LocalDate.of(2091, 11, 7), CalendarDay.Kind.HOLIDAY, "测试节", "admin");
        assertThat(steps.startNotice(review)).isEqualTo(startOf(11, 14));
    }
}
