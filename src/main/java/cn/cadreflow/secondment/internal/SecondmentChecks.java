package cn.cadreflow.secondment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.secondment.Secondment;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.WorkflowException;

/**
 * The checks before dispatch: the sending grassroots unit keeps its minimum on duty every day ({@link StaffingRule},
 * counting approved training leaves and other secondments), and the posts a secondment holds are free over its term.
 * Asked when a request is made (as form errors) and again, under the rows of {@code secondment_lock}, when HR's
 * approval or an extension commits it, so that two approvals on two servers take turns and the second sees the first.
 */
@Component
public class SecondmentChecks {

    /** An appointment for good is checked against the holds of this many years ahead. */
    public static final int FOR_GOOD_YEARS = 50;

    private final SecondmentMapper mapper;
    private final OrgService org;
    private final CadreService cadres;
    private final TrainingLeaveService leaves;

    SecondmentChecks(SecondmentMapper mapper, OrgService org, CadreService cadres, TrainingLeaveService leaves) {
        this.mapper = mapper;
        this.org = org;
        this.cadres = cadres;
        this.leaves = leaves;
    }

    /** Why the unit would fall below its minimum on duty with this cadre away from {@code from} to {@code to}. */
    public Optional<FormError> staffing(long unitId, long cadreId, LocalDate from, LocalDate to, Long secondmentId) {
        OrgUnit unit = org.unit(unitId).orElse(null);
        if (unit == null || !unit.grassroots() || unit.minStaffing() <= 0) {
            return Optional.empty();
        }
        List<Long> staff = cadres.activeIdsInUnits(List.of(unitId));
        List<StaffingRule.Absence> away = new ArrayList<>(mapper.absencesFrom(unitId, from, to, secondmentId));
        leaves.awayOnTraining(staff, from, to).forEach(l -> away.add(
                new StaffingRule.Absence(l.cadreId(), l.startDate(), l.endDate())));
        return StaffingRule.firstShortfall(staff.size(), unit.minStaffing(), away,
                        new StaffingRule.Absence(cadreId, from, to))
                .map(s -> FormError.of("startDate", "secondment.error.staffing", unit.name(), s.day().toString(),
                        s.onDuty(), s.minimum()));
    }

    /**
     * Why the post cannot be filled by this cadre from {@code from} to {@code to}: another active cadre holds it, or
     * another secondment keeps it (a home post reserved, a post filled) over part of the period.
     */
    public Optional<FormError> postFree(String field, long postId, long cadreId, LocalDate from, LocalDate to,
                                        Long secondmentId) {
        if (!mapper.holdsOn(postId, from, to, secondmentId).isEmpty()) {
            return Optional.of(FormError.of(field, "secondment.error.postReserved"));
        }
        if (cadres.activeIdsInPost(postId).stream().anyMatch(id -> id != cadreId)) {
            return Optional.of(FormError.of(field, "secondment.error.postTaken"));
        }
        return Optional.empty();
    }

    /** Makes sure the lock rows of the secondment's unit and posts exist (each is created once, ever). */
    public void prepareLocks(Secondment s) {
        for (String key : keys(s, null)) {
            if (mapper.countLock(key) == 0) {
                try {
                    mapper.insertLock(key);
                } catch (DuplicateKeyException e) {
                    // created meanwhile by another request: what was wanted
                }
            }
        }
    }

    /**
     * Locks the secondment's unit and posts (and {@code extraPost}) in a fixed order until the transaction ends, then
     * checks staffing and the posts from {@code from} to {@code to} again; a failure is a {@link WorkflowException}
     * that rolls the step back, with the same words as the request's check.
     */
    public void lockAndCheck(Secondment s, LocalDate from, LocalDate to, Long extraPost) {
        prepareLocks(s);
        for (String key : keys(s, extraPost)) {
            mapper.lock(key);
        }
        List<FormError> errors = new ArrayList<>();
        staffing(s.homeUnitId(), s.cadreId(), from, to, s.id()).ifPresent(errors::add);
        postFree("targetPostId", s.targetPostId(), s.cadreId(), from, to, s.id()).ifPresent(errors::add);
        if (s.homePostId() != null) {
            // the home post may be kept for the cadre only if nobody else is to fill it meanwhile
            if (!mapper.holdsOn(s.homePostId(), from, to, s.id()).isEmpty()) {
                errors.add(FormError.of(null, "secondment.error.homePostHeld"));
            }
        }
        if (!errors.isEmpty()) {
            throw new WorkflowException(errors.get(0).messageKey(), errors);
        }
    }

    private static TreeSet<String> keys(Secondment s, Long extraPost) {
        TreeSet<String> keys = new TreeSet<>();
        keys.add("unit:" + s.homeUnitId());
        keys.add("post:" + s.targetPostId());
        if (s.homePostId() != null) {
            keys.add("post:" + s.homePostId());
        }
        if (extraPost != null) {
            keys.add("post:" + extraPost);
        }
        return keys;
    }
}
