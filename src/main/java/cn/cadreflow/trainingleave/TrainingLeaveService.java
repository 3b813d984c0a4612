package cn.cadreflow.trainingleave;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserService;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.training.TrainingRecord;
import cn.cadreflow.trainingleave.internal.TrainingLeaveMapper;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.KnownDataProvider;
import cn.cadreflow.workflow.ProcessHandler;

/**
 * 培训请假: the request record behind process {@value #PROCESS_KEY}: its form is checked and stored here, and the
 * steps of training-leave.bpmn ({@link TrainingLeaveSteps}) move its status on; a course whose completion HR
 * confirmed goes to the {@link TrainingLedger} with the hours attended.
 */
@Service
public class TrainingLeaveService implements ProcessHandler, KnownDataProvider {

    public static final String PROCESS_KEY = "trainingLeave";
    static final String REQUEST_ID = "requestId";
    /** A full training day is at most this many 学时. */
    static final int MAX_HOURS_PER_DAY = 8;
    static final int MAX_DAYS = 366;

    private final TrainingLeaveMapper mapper;
    private final TrainingLedger ledger;
    private final UserService users;
    private final Clock clock;
    private final CadreService cadres;
    private final ApplicationEventPublisher events;

    public TrainingLeaveService(TrainingLeaveMapper mapper, TrainingLedger ledger, UserService users, Clock clock,
                                CadreService cadres, ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.events = events;
        this.cadres = cadres;
        this.ledger = ledger;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    /** "数字政府专题培训 · 2027-08-23至08-25 · 24学时": the course, its days (the end without a repeated year), its hours. */
    @Override
    public Summary summary(String businessKey, Map<String, Object> variables) {
        Object course = variables.get("courseName");
        Object start = variables.get("startDate");
        Object end = variables.get("endDate");
        if (course == null || start == null || end == null || !(variables.get("hours") instanceof Number hours)) {
            return null;
        }
        String from = start.toString();
        String to = end.toString();
        if (to.length() == 10 && from.length() == 10 && to.regionMatches(0, from, 0, 5)) {
            to = to.substring(5);
        }
        return new Summary("training.summary", List.of(course.toString(), from, to,
                BigDecimal.valueOf(hours.doubleValue()).stripTrailingZeros().toPlainString()));
    }

    @Override
    public Map<String, Object> knownData(String username) {
        Long cadreId = users.find(username).map(AppUser::cadreId).orElse(null);
        if (cadreId == null) {
            return Map.of();
        }
        return Map.of("trainingHoursThisYear", ledger.hoursThisYear(cadreId).doubleValue());
    }

    @Override
    public List<FormError> validate(String username, Map<String, Object> values) {
        Long cadreId = cadreOf(username);
        List<FormError> errors = new ArrayList<>();
        if (cadreId == null) {
            errors.add(FormError.of(null, "training.error.notCadre"));
            return errors;
        }
        TrainingLeaveRequest existing = values.get(REQUEST_ID) instanceof Number id ? mapper.findRequest(id.longValue())
                : null;
        if (existing != null && existing.planned()) {
            // a planned leave resubmitted after the leader's 不同意: its course is the plan's; only the handover counts
            return existing.substituteCadreId() == null ? List.of(FormError.of(null, "training.error.noSubstitute"))
                    : List.of();
        }
        LocalDate start = date(values, "startDate");
        LocalDate end = date(values, "endDate");
        if (start != null && start.isBefore(LocalDate.now(clock))) {
            errors.add(FormError.of("startDate", "training.error.startInPast"));
        }
        if (start == null || end == null) {
            return errors;
        }
        if (end.isBefore(start)) {
            errors.add(FormError.of("endDate", "training.error.endBeforeStart"));
            return errors;
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS) {
            errors.add(FormError.of("endDate", "training.error.tooLong", MAX_DAYS));
        }
        Number hours = (Number) values.get("hours");
        if (hours != null && hours.doubleValue() > days * MAX_HOURS_PER_DAY) {
            errors.add(FormError.of("hours", "training.error.tooManyHours", days, days * MAX_HOURS_PER_DAY));
        }
        Object requestId = values.get(REQUEST_ID);
        if (mapper.countOverlapping(cadreId, start, end, requestId == null ? null : ((Number) requestId).longValue()) > 0) {
            errors.add(FormError.of("startDate", "training.error.overlap"));
        }
        return errors;
    }

    @Override
    @Transactional
    public Map<String, Object> onStart(String username, Map<String, Object> values) {
        TrainingLeaveMapper.RequestRow row = row(values);
        row.cadreId = cadreOf(username);
        row.status = TrainingLeaveRequest.Status.PENDING_LEADER;
        mapper.insertRequest(row);
        return Map.of(REQUEST_ID, row.id, "businessKey", "PX-" + row.id);
    }

    @Override
    @Transactional
    public void onResubmit(Map<String, Object> variables) {
        TrainingLeaveRequest existing = mapper.findRequest(((Number) variables.get(REQUEST_ID)).longValue());
        if (existing.planned()) {
            if (variables.get("handover") instanceof String text && !text.isBlank()) {
                mapper.handOver(existing.id(), existing.substituteCadreId(), text.strip(), clock.instant());
            }
            return;
        }
        TrainingLeaveMapper.RequestRow row = row(variables);
        row.id = ((Number) variables.get(REQUEST_ID)).longValue();
        row.status = TrainingLeaveRequest.Status.PENDING_LEADER;
        mapper.updateRequest(row);
    }

    @Override
    @Transactional
    public void onTerminated(Map<String, Object> variables) {
        markStatus((Number) variables.get(REQUEST_ID), TrainingLeaveRequest.Status.TERMINATED);
    }

    /** The request has reached a step or ended. */
    void markStatus(Number requestId, TrainingLeaveRequest.Status status) {
        mapper.updateStatus(requestId.longValue(), status, clock.instant());
    }

    void attachProcess(Number requestId, String processInstanceId) {
        mapper.attachProcess(requestId.longValue(), processInstanceId);
    }

    /**
     * The course goes to the cadre's ledger with the hours attended (the approved hours when null) and the request
     * takes the given status.
     */
    void credit(Number requestId, Number hoursAttended, TrainingLeaveRequest.Status status) {
        TrainingLeaveRequest r = mapper.findRequest(requestId.longValue());
        BigDecimal hours = hoursAttended == null ? r.hours() : BigDecimal.valueOf(hoursAttended.doubleValue());
        ledger.record(new TrainingRecord(null, r.cadreId(), r.startDate().getYear(), r.courseName(), r.organizer(),
                r.trainingType(), r.startDate(), r.endDate(), hours, r.id()));
        markStatus(requestId, status);
        events.publishEvent(new TrainingCredited(r.id(), r.cadreId(), r.courseId(), r.courseName()));
    }

    /**
     * 结业报告: reported only once the course is over, and for no more hours than were approved; a later step
     * (组织部确认结业) has nothing of its own to check.
     */
    @Override
    public List<FormError> validateStep(String stepKey, String username, Map<String, Object> values,
                                        Map<String, Object> variables) {
        TrainingLeaveRequest r = mapper.findRequest(((Number) variables.get(REQUEST_ID)).longValue());
        if (TrainingLeaveSteps.HANDOVER.equals(stepKey) && r.substituteCadreId() == null) {
            return List.of(FormError.of(null, "training.error.noSubstitute"));
        }
        if (TrainingLeaveSteps.ATTENDANCE.equals(stepKey)) {
            return attendanceComplete(r);
        }
        if (!TrainingLeaveSteps.COMPLETION_REPORT.equals(stepKey)) {
            return List.of();
        }
        List<FormError> errors = new ArrayList<>();
        if (LocalDate.now(clock).isBefore(r.endDate())) {
            errors.add(FormError.of("completedHours", "training.error.notYetOver", r.endDate().toString()));
        }
        Number attended = (Number) values.get("completedHours");
        if (attended != null && BigDecimal.valueOf(attended.doubleValue()).compareTo(r.hours()) > 0) {
            errors.add(FormError.of("completedHours", "training.error.moreThanApproved", r.hours().toPlainString()));
        }
        return errors;
    }

    /**
     * 考勤登记 ends when the absence withdraws the cadre, or when the course is over and every course day is recorded.
     */
    private List<FormError> attendanceComplete(TrainingLeaveRequest r) {
        List<AttendanceDay> days = mapper.attendance(r.id());
        BigDecimal absent = absentHours(r.id());
        if (AbsenceRule.withdraws(r.hours(), absent)) {
            return List.of();
        }
        if (LocalDate.now(clock).isBefore(r.endDate())) {
            return List.of(FormError.of(null, "training.error.attendanceNotOver", r.endDate().toString()));
        }
        long courseDays = ChronoUnit.DAYS.between(r.startDate(), r.endDate()) + 1;
        if (days.size() < courseDays) {
            return List.of(FormError.of(null, "training.error.attendanceIncomplete", days.size(), courseDays));
        }
        return List.of();
    }

    /** The hours absent recorded for the request's course days. */
    BigDecimal absentHours(long requestId) {
        return mapper.attendance(requestId).stream().map(AttendanceDay::absent).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    /** A leave's steps (planned or own) show the substitute, the handover and the attendance as the record has them. */
    @Override
    public Map<String, Object> stepData(String stepKey, Map<String, Object> variables) {
        if (!(variables.get(REQUEST_ID) instanceof Number id)) {
            return Map.of();
        }
        TrainingLeaveRequest r = mapper.findRequest(id.longValue());
        if (r == null) {
            return Map.of();
        }
        Map<String, Object> data = new java.util.HashMap<>();
        if (r.substituteCadreId() != null) {
            cadres.find(r.substituteCadreId()).ifPresent(c -> data.put("substituteName", c.name()));
        }
        if (r.handover() != null) {
            data.put("handover", r.handover());
        }
        BigDecimal absent = absentHours(r.id());
        data.put("absentHours", absent.doubleValue());
        data.put("allowedAbsence", AbsenceRule.allowedAbsence(r.hours()).doubleValue());
        data.put("creditedHours", AbsenceRule.credited(r.hours(), absent).doubleValue());
        return data;
    }

    /**
     * The cadres' own approved training leaves that overlap the dates (from HR's 同意 through 工作交接, the leave and
     * its report; not withdrawn, ended or dropped out): when they are away from their unit.
     */
    public List<TrainingLeaveRequest> approvedLeaves(Collection<Long> cadreIds, LocalDate from, LocalDate to) {
        List<TrainingLeaveRequest> leaves = new ArrayList<>();
        OrgService.batches(cadreIds, batch -> leaves.addAll(mapper.approvedOverlapping(batch, from, to)));
        return leaves;
    }

    /**
     * When these cadres are away on training over the dates, as far as anyone can know today: the approved leaves they
     * asked for ({@link #approvedLeaves}), and the leaves of published yearly plans that are not withdrawn, ended or dropped out (pending
     * 工作交接 or approval included: the plan has already promised those days). Read by checks that keep a unit's
     * minimum on duty outside the plan, such as a secondment's; the planner itself counts its plan, not these.
     */
    public List<TrainingLeaveRequest> awayOnTraining(Collection<Long> cadreIds, LocalDate from, LocalDate to) {
        List<TrainingLeaveRequest> leaves = new ArrayList<>();
        OrgService.batches(cadreIds, batch -> {
            leaves.addAll(mapper.approvedOverlapping(batch, from, to));
            leaves.addAll(mapper.plannedOverlapping(batch, from, to));
        });
        return leaves;
    }

    public TrainingLeaveRequest request(long id) {
        return mapper.findRequest(id);
    }

    private static LocalDate date(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null ? null : LocalDate.parse(v.toString());
    }

    private Long cadreOf(String username) {
        return users.find(username).map(AppUser::cadreId).orElse(null);
    }

    private TrainingLeaveMapper.RequestRow row(Map<String, Object> v) {
        TrainingLeaveMapper.RequestRow row = new TrainingLeaveMapper.RequestRow();
        row.courseName = v.get("courseName").toString();
        row.organizer = v.get("organizer").toString();
        row.trainingType = v.get("trainingType").toString();
        row.startDate = LocalDate.parse(v.get("startDate").toString());
        row.endDate = LocalDate.parse(v.get("endDate").toString());
        row.hours = BigDecimal.valueOf(((Number) v.get("hours")).doubleValue());
        row.location = v.get("location").toString();
        row.reason = v.get("reason").toString();
        row.at = clock.instant();
        return row;
    }
}
