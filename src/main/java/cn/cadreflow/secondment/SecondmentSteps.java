package cn.cadreflow.secondment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import org.springframework.stereotype.Component;

import cn.cadreflow.secondment.Secondment.Outcome;
import cn.cadreflow.secondment.internal.SecondmentMoves;
import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.ProcessSteps;

/**
 * What processes/secondment.bpmn calls, one method per step, each taking the secondment's id; the step ids are in
 * {@link SecondmentStep}. Dates of the term are the secondment's own (start, end, the points before the end its
 * settings name), at midnight of the server's zone; the work is done by the module's internals.
 */
@Component(SecondmentSteps.BEAN)
public class SecondmentSteps implements ProcessSteps {

    public static final String PROCESS_KEY = "secondment";
    public static final String BEAN = PROCESS_KEY + "Steps";

    private final SecondmentMoves moves;
    private final SecondmentSettings settings;
    private final InstanceCommands instances;
    private final Clock clock;

    SecondmentSteps(SecondmentMoves moves, SecondmentSettings settings, InstanceCommands instances, Clock clock) {
        this.moves = moves;
        this.settings = settings;
        this.instances = instances;
        this.clock = clock;
    }

    /** 提交申请: the row learns its process instance. */
    public void submitted(Number secondmentId, String processInstanceId) {
        moves.attachProcess(secondmentId, processInstanceId);
    }

    /** 派出单位审批 begins (also after a resubmission). */
    public void sendingApproval(Number secondmentId) {
        moves.markStatus(secondmentId, Secondment.Status.PENDING_SENDING);
    }

    /** 接收单位审批 begins. */
    public void receivingApproval(Number secondmentId) {
        moves.markStatus(secondmentId, Secondment.Status.PENDING_RECEIVING);
    }

    /** 组织部审批 begins. */
    public void hrApproval(Number secondmentId) {
        moves.markStatus(secondmentId, Secondment.Status.PENDING_HR);
    }

    /** 派出前核查: staffing and posts checked again under lock; the home post kept, the target post filled. */
    public void approve(Number secondmentId) {
        moves.approve(secondmentId);
    }

    /** 到岗: the first day of the term. */
    public Date startAt(Number secondmentId) {
        return midnight(moves.secondment(secondmentId).startDate());
    }

    /** 派出: the cadre takes up the post, written to the post history. */
    public void dispatch(Number secondmentId) {
        moves.dispatch(secondmentId);
    }

    /** 定期报告: the cycle of check-in reports during the term. */
    public String checkInCycle() {
        return settings.checkInCycle();
    }

    /** 中期考核: the middle of the term (of the extension, once extended). */
    public Date midTermAt(Number secondmentId) {
        Secondment s = moves.secondment(secondmentId);
        LocalDate from = s.extended() ? s.plannedEndDate().plusDays(1) : s.startDate();
        return midnight(from.plusDays((s.endDate().toEpochDay() - from.toEpochDay()) / 2));
    }

    /** 返回决定 reaches HR this many days before the end. */
    public Date decisionOpensAt(Number secondmentId) {
        return midnight(moves.secondment(secondmentId).endDate().minusDays(settings.decisionOpensDays()));
    }

    /** 返回决定 is due this many days before the end; later it is overdue. */
    public Date decisionDueAt(Number secondmentId) {
        return midnight(moves.secondment(secondmentId).endDate().minusDays(settings.decisionDueDays()));
    }

    /** How often HR is reminded while the return decision is pending. */
    public String reminderCycle() {
        return settings.reminderCycle();
    }

    /** 提醒组织部: the people the return decision waits on are told again. */
    public void remindHr(String processInstanceId) {
        instances.remind(processInstanceId);
    }

    /** 期满: the end date, when the return is taken by default if nobody has decided. */
    public Date endAt(Number secondmentId) {
        return midnight(moves.secondment(secondmentId).endDate());
    }

    /** 期满自动返回: nobody decided; the cadre goes back to the home post. */
    public void autoReturn(Number secondmentId) {
        moves.returnHome(secondmentId, Outcome.AUTO_RETURNED, null);
    }

    /** 提前召回: HR called the cadre back (the reason is on the record). */
    public void recalled(Number secondmentId) {
        moves.recall(secondmentId);
    }

    /** 返回原岗位. */
    public void returnHome(Number secondmentId, String decisionNote) {
        moves.returnHome(secondmentId, Outcome.RETURNED_HOME, decisionNote);
    }

    /** 延期 (once). */
    public void extend(Number secondmentId, String newEndDate) {
        moves.extend(secondmentId, LocalDate.parse(newEndDate));
    }

    /** 转为交流任职: the home post is released. */
    public void convertToTransfer(Number secondmentId, String decisionNote) {
        moves.convertToTransfer(secondmentId, decisionNote);
    }

    /** 提拔回基层. */
    public void returnPromoted(Number secondmentId, Number newPostId, String newRank, String decisionNote) {
        moves.returnPromoted(secondmentId, newPostId, newRank, decisionNote);
    }

    /** 修改申请: the request went back to its starter. */
    public void revise(Number secondmentId) {
        moves.markStatus(secondmentId, Secondment.Status.REVISING);
    }

    /** 已撤销. */
    public void withdrawn(Number secondmentId) {
        moves.markStatus(secondmentId, Secondment.Status.WITHDRAWN);
    }

    private Date midnight(LocalDate day) {
        return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
