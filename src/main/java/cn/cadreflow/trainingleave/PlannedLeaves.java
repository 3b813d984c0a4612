package cn.cadreflow.trainingleave;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.trainingleave.internal.TrainingLeaveMapper;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.StartRequest;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews.OpenTask;

/**
 * The per-leave process of a published yearly plan: one {@code trainingLeave} instance per published immersive week
 * or 脱产 course of each cadre ({@link #planPublished}, idempotent), the cadre's 工作交接 ({@link #handOver}: a
 * colleague of the unit and what is handed over) and HR's attendance per course day ({@link #recordDay}: absence
 * beyond 1/7 of the 学时 withdraws the cadre at once, {@link AbsenceRule}). A cadre's own request, once HR has
 * approved it, takes the same 工作交接 and attendance steps (version 4 of the model). Requests out of the actor's
 * reach read as not found ({@code training.error.requestNotFound}).
 */
@Service
public class PlannedLeaves {

    /** Why the system ended a planned leave: a re-publish dropped its assignment. */
    public static final String PLAN_CHANGED = "PLAN_CHANGED";
    public static final int MAX_HANDOVER = 1000;
    private static final Set<String> HANDOVER_STEPS = Set.of(TrainingLeaveSteps.HANDOVER,
            TrainingLeaveSteps.HANDOVER_REVISE);
    private static final Set<String> NOT_STARTED = Set.of("HANDOVER", "PENDING_LEADER", "RETURNED", "APPROVED");
    private static final Set<String> ENDED = Set.of("TERMINATED", "WITHDRAWN", "REJECTED", "DROPPED_OUT", "COMPLETED");

    private final TrainingLeaveMapper mapper;
    private final TrainingLeaveService requests;
    private final ProcessStarts starts;
    private final InstanceCommands instances;
    private final TaskCommands tasks;
    private final WorkflowQueries queries;
    private final UserService users;
    private final CadreService cadres;
    private final Texts texts;
    private final Clock clock;

    PlannedLeaves(TrainingLeaveMapper mapper, TrainingLeaveService requests, ProcessStarts starts,
                  InstanceCommands instances, TaskCommands tasks, WorkflowQueries queries, UserService users, CadreService cadres, Texts texts, Clock clock) {
        this.mapper = mapper;
        this.requests = requests;
        this.starts = starts;
        this.instances = instances;
        this.tasks = tasks;
        this.queries = queries;
        this.users = users;
        this.cadres = cadres;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * What a publish did to the plan's leaves: instances started, instances ended, cadres without an enabled account
     * that may start a training leave (they get none).
     */
    public record Outcome(int started, int ended, int withoutAccount) {
    }

    /** A colleague the cadre may name as substitute. */
    public record Colleague(long cadreId, String name) {
    }

    /**
     * The plan's published leaves are now {@code leaves}: an instance starts for each leave that has none running
     * (re-publishing starts no duplicate), and the instances of leaves no longer published that have not started
     * yet are ended (终止 by {@code actor}, the publishing HR officer, with the reason recorded). A cadre without an
     * enabled account that may start a training leave gets no instance (counted).
     */
    @Transactional
    public Outcome planPublished(long planId, List<PlannedLeave> leaves, String actor) {
        Map<String, TrainingLeaveRequest> live = new HashMap<>();
        for (TrainingLeaveRequest r : mapper.ofPlan(planId)) {
            if (!ENDED.contains(r.status())) {
                live.put(r.cadreId() + ":" + r.courseId(), r);
            }
        }
        Set<String> wanted = new HashSet<>();
        Map<Long, List<PlannedLeave>> toStart = new LinkedHashMap<>();
        for (PlannedLeave leave : leaves) {
            String key = leave.cadreId() + ":" + leave.courseId();
            if (wanted.add(key) && !live.containsKey(key)) {
                toStart.computeIfAbsent(leave.cadreId(), c -> new ArrayList<>()).add(leave);
            }
        }
        int ended = 0;
        String reason = texts.get("training.planChanged", Locale.SIMPLIFIED_CHINESE);
        for (Map.Entry<String, TrainingLeaveRequest> e : live.entrySet()) {
            TrainingLeaveRequest r = e.getValue();
            if (!wanted.contains(e.getKey()) && NOT_STARTED.contains(r.status()) && r.processInstanceId() != null) {
                instances.terminate(r.processInstanceId(), actor, reason);
                mapper.endedBecause(r.id(), PLAN_CHANGED, clock.instant());
                ended++;
            }
        }
        int started = 0;
        int withoutAccount = 0;
        for (Map.Entry<Long, List<PlannedLeave>> e : toStart.entrySet()) {
            AppUser user = users.findByCadre(e.getKey()).filter(AppUser::enabled).orElse(null);
            if (user == null || starts.startOptions(user.username()).stream()
                    .noneMatch(o -> TrainingLeaveService.PROCESS_KEY.equals(o.processKey()))) {
                withoutAccount++;
                continue;
            }
            List<StartRequest> requests = new ArrayList<>();
            for (PlannedLeave leave : e.getValue()) {
                requests.add(request(user.username(), leave));
            }
            started += starts.startAll(TrainingLeaveService.PROCESS_KEY, user.username(), requests).size();
        }
        return new Outcome(started, ended, withoutAccount);
    }

    private StartRequest request(String username, PlannedLeave leave) {
        TrainingLeaveMapper.RequestRow row = new TrainingLeaveMapper.RequestRow();
        row.cadreId = leave.cadreId();
        row.courseName = leave.title();
        row.organizer = leave.place();
        row.trainingType = "FULL_TIME";
        row.startDate = leave.startDate();
        row.endDate = leave.endDate();
        row.hours = leave.hours();
        row.location = leave.place();
        row.reason = texts.get(leave.immersive() ? "training.plannedImmersive" : "training.plannedCourse",
                Locale.SIMPLIFIED_CHINESE);
        row.status = TrainingLeaveRequest.Status.HANDOVER;
        row.planId = leave.planId();
        row.courseId = leave.courseId();
        row.at = clock.instant();
        mapper.insertRequest(row);
        Map<String, Object> variables = new HashMap<>(cadres.knownData(username));
        variables.put(TrainingLeaveService.REQUEST_ID, row.id);
        variables.put("courseName", row.courseName);
        variables.put("organizer", row.organizer);
        variables.put("trainingType", row.trainingType);
        variables.put("startDate", row.startDate.toString());
        variables.put("endDate", row.endDate.toString());
        variables.put("hours", row.hours.doubleValue());
        variables.put("location", row.location);
        variables.put("reason", row.reason);
        return new StartRequest("PX-" + row.id, variables);
    }

    /** The cadre's colleagues in the unit (active cadres, not the cadre), whom the cadre may name as substitute. */
    public List<Colleague> colleagues(String username, long requestId) {
        TrainingLeaveRequest r = own(username, requestId);
        long unitId = cadres.find(r.cadreId()).map(Cadre::unitId).orElseThrow();
        List<Long> ids = cadres.activeIdsInUnits(List.of(unitId)).stream().filter(id -> id != r.cadreId()).toList();
        return cadres.findAll(ids).values().stream().map(c -> new Colleague(c.id(), c.name()))
                .sorted(Comparator.comparing(Colleague::name)).toList();
    }

    /** The leaves waiting for this cadre's 工作交接 (first, or revised after the leader's 不同意). */
    public List<TrainingLeaveRequest> handoversOf(String username) {
        Long cadreId = users.find(username).map(AppUser::cadreId).orElse(null);
        if (cadreId == null) {
            return List.of();
        }
        return withOpenStep(mapper.withStatus(cadreId, List.of(TrainingLeaveRequest.Status.HANDOVER,
                TrainingLeaveRequest.Status.RETURNED)), HANDOVER_STEPS);
    }

    /** The leaves of cadres of this HR officer's units whose attendance is being recorded. */
    public List<TrainingLeaveRequest> attendanceOf(String username) {
        UserContext user = users.context(username).orElse(null);
        if (user == null || user.hrUnitIds().isEmpty()) {
            return List.of();
        }
        List<TrainingLeaveRequest> onLeave = mapper.withStatus(null, List.of(TrainingLeaveRequest.Status.ON_LEAVE));
        Map<Long, Cadre> who = cadres.findAll(onLeave.stream().map(TrainingLeaveRequest::cadreId).toList());
        return withOpenStep(onLeave.stream().filter(r -> who.containsKey(r.cadreId())
                && user.hrUnitIds().contains(who.get(r.cadreId()).unitId())).toList(),
                Set.of(TrainingLeaveSteps.ATTENDANCE));
    }

    /**
     * 工作交接: names the substitute (a colleague of the cadre's unit) and what is handed over, and completes the
     * cadre's step (or resubmits it to the leader after a 不同意). Without a substitute, or with a bad one or text,
     * nothing changes and every problem is reported.
     */
    @Transactional
    public void handOver(String username, long requestId, Long substituteCadreId, String handover) {
        TrainingLeaveRequest r = own(username, requestId);
        OpenTask task = openTask(r, HANDOVER_STEPS, "training.error.requestNotFound");
        List<FormError> errors = new ArrayList<>();
        if (substituteCadreId == null) {
            errors.add(FormError.of("substitute", "training.error.noSubstitute"));
        } else if (colleagues(username, requestId).stream().noneMatch(c -> c.cadreId() == substituteCadreId)) {
            errors.add(FormError.of("substitute", "training.error.notColleague"));
        }
        String text = handover == null ? "" : handover.strip();
        if (text.isEmpty()) {
            errors.add(FormError.of("handover", "training.error.handoverRequired"));
        } else if (text.length() > MAX_HANDOVER) {
            errors.add(FormError.of("handover", "training.error.handoverTooLong", MAX_HANDOVER));
        }
        if (!errors.isEmpty()) {
            throw new WorkflowException("form.error.invalid", errors);
        }
        mapper.handOver(r.id(), substituteCadreId, text, clock.instant());
        if (TrainingLeaveSteps.HANDOVER.equals(task.stepKey())) {
            tasks.submitForm(task.taskId(), username, Map.of("handover", text));
        } else {
            tasks.resubmit(task.taskId(), username, Map.of("handover", text), null);
        }
    }

    /** The attendance recorded so far, by day; for an HR officer over the cadre's unit. */
    public List<AttendanceDay> attendance(String username, long requestId) {
        return mapper.attendance(overseen(username, requestId).id());
    }

    /**
     * 考勤: records (or corrects) one course day's hours attended and absent. When the absence of the whole course
     * then exceeds 1/7 of its 学时 the attendance step ends at once and the process withdraws the cadre (退学);
     * returns whether it did.
     */
    @Transactional
    public boolean recordDay(String username, long requestId, LocalDate day, BigDecimal attended, BigDecimal absent) {
        TrainingLeaveRequest r = overseen(username, requestId);
        OpenTask task = openTask(r, Set.of(TrainingLeaveSteps.ATTENDANCE), "training.error.notRecording");
        List<FormError> errors = new ArrayList<>();
        if (day == null || day.isBefore(r.startDate()) || day.isAfter(r.endDate())) {
            errors.add(FormError.of("day", "training.error.notACourseDay", r.startDate().toString(),
                    r.endDate().toString()));
        }
        if (attended == null || attended.signum() < 0 || attended.scale() > 1) {
            errors.add(FormError.of("attended", "training.error.badHours"));
        }
        if (absent == null || absent.signum() < 0 || absent.scale() > 1) {
            errors.add(FormError.of("absent", "training.error.badHours"));
        }
        if (errors.isEmpty() && attended.add(absent).compareTo(
                BigDecimal.valueOf(TrainingLeaveService.MAX_HOURS_PER_DAY)) > 0) {
            errors.add(FormError.of("absent", "training.error.dayTooLong", TrainingLeaveService.MAX_HOURS_PER_DAY));
        }
        if (!errors.isEmpty()) {
            throw new WorkflowException("form.error.invalid", errors);
        }
        mapper.deleteAttendance(r.id(), day);
        mapper.insertAttendance(r.id(), new AttendanceDay(day, attended, absent, username), clock.instant());
        if (!AbsenceRule.withdraws(r.hours(), requests.absentHours(r.id()))) {
            return false;
        }
        tasks.submitForm(task.taskId(), username, Map.of());
        return true;
    }

    /** 考勤完成: every course day is recorded and the course is over; the process credits the hours. */
    @Transactional
    public void finishAttendance(String username, long requestId) {
        TrainingLeaveRequest r = overseen(username, requestId);
        tasks.submitForm(openTask(r, Set.of(TrainingLeaveSteps.ATTENDANCE), "training.error.notRecording").taskId(),
                username, Map.of());
    }

    /**
     * The open task of one of these steps of the request's instance (one query by instance, not the user's inbox);
     * whether the user may act on it is the task command's own check (assignee or candidate group).
     */
    private OpenTask openTask(TrainingLeaveRequest r, Set<String> steps, String notOpen) {
        if (r.processInstanceId() == null) {
            throw new WorkflowException(notOpen);
        }
        return queries.openTasks(List.of(r.processInstanceId())).stream()
                .filter(t -> TrainingLeaveService.PROCESS_KEY.equals(t.processKey()) && steps.contains(t.stepKey()))
                .findFirst().orElseThrow(() -> new WorkflowException(notOpen));
    }

    /** These requests whose instance has an open task of one of these steps, read in batches of instances. */
    private List<TrainingLeaveRequest> withOpenStep(List<TrainingLeaveRequest> requests, Set<String> steps) {
        Set<String> open = new HashSet<>();
        OrgService.batches(requests.stream().map(TrainingLeaveRequest::processInstanceId).toList(),
                batch -> queries.openTasks(batch).stream()
                        .filter(t -> TrainingLeaveService.PROCESS_KEY.equals(t.processKey())
                                && steps.contains(t.stepKey()))
                        .forEach(t -> open.add(t.processInstanceId())));
        return requests.stream().filter(r -> open.contains(r.processInstanceId())).toList();
    }

    private TrainingLeaveRequest own(String username, long requestId) {
        Long cadreId = users.find(username).map(AppUser::cadreId).orElse(null);
        TrainingLeaveRequest r = mapper.findRequest(requestId);
        if (r == null || cadreId == null || r.cadreId() != cadreId.longValue()) {
            throw new WorkflowException("training.error.requestNotFound");
        }
        return r;
    }

    private TrainingLeaveRequest overseen(String username, long requestId) {
        UserContext user = users.context(username).orElse(null);
        TrainingLeaveRequest r = mapper.findRequest(requestId);
        Long unitId = r == null ? null : cadres.find(r.cadreId()).map(Cadre::unitId).orElse(null);
        if (user == null || r == null || unitId == null || !user.hrUnitIds().contains(unitId)) {
            throw new WorkflowException("training.error.requestNotFound");
        }
        return r;
    }
}
