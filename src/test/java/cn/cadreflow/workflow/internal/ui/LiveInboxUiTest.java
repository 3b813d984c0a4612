package cn.cadreflow.workflow.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.notify.InboxSignals;
import cn.cadreflow.workflow.internal.notify.Notifications;

/**
 * Issue 14 defect 6: an open 待办 follows new tasks without a click, its list, the menu badge and the bell, whether
 * the task came through this server or another one on the same database; clicking 待办 again reads it again.
 */
@CadreFlowTest
class LiveInboxUiTest extends KaribuSupport {

    /** A task another server wrote: only its rows in the shared database. */
    static final String OTHER_NODE_TASK = "other-node-task-1";

    @Autowired
    ProcessStarts starts;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    Notifications notifications;
    @Autowired
    InboxSignals signals;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTheOtherServersTask() {
        jdbc.update("DELETE FROM notification WHERE task_id = ?", OTHER_NODE_TASK);
        jdbc.update("DELETE FROM wf_task WHERE task_id = ?", OTHER_NODE_TASK);
    }

    @SuppressWarnings("unchecked")
    static List<WorkflowViews.TaskSummary> rows() {
        return GridKt._findAll(_get(Grid.class, spec -> spec.withId("inbox-grid")));
    }

    /** The menu badge's number ("0" while hidden). */
    static String badge() {
        return _find(Span.class, spec -> spec.withId("nav-inbox-count")).stream().map(Span::getText).findFirst()
                .orElse("0");
    }

    /** The bell's number ("0" while hidden). */
    static String bell() {
        return _find(Span.class, spec -> spec.withId("bell-count")).stream().map(Span::getText).findFirst()
                .orElse("0");
    }

    /** The list's own count, as its tab says it (Karibu reads a grid's rows straight from its data provider). */
    static String todoTab() {
        return _get(Tab.class, spec -> spec.withId("tab-todo")).getLabel();
    }

    static String shown(long n) {
        return n > 99 ? "99+" : String.valueOf(n);
    }

    @Test
    void aTaskArrivingWhileTheInboxIsOpenShowsUpWithItsBadgeAndBell() {
        login("lijun");
        long todo = queries.countInbox("lijun");
        assertThat(badge()).isEqualTo(String.valueOf(todo));
        assertThat(todoTab()).isEqualTo("待办 (" + todo + ")");

        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request("实时待办·推送", TrainingRequests.nextFreeStart(), 2, 16.0));
        MockVaadin.clientRoundtrip();

        assertThat(todoTab()).as("the open list").isEqualTo("待办 (" + (todo + 1) + ")");
        assertThat(rows()).anyMatch(t -> t.processInstanceId().equals(pi));
        assertThat(badge()).isEqualTo(String.valueOf(todo + 1));
        assertThat(bell()).isEqualTo(shown(notifications.unread("lijun")));
    }

    @Test
    void aTaskAnotherServerWroteShowsUpAfterThePoll() {
        login("lijun");
        signals.poll();
        MockVaadin.clientRoundtrip();
        long todo = queries.countInbox("lijun");
        long unread = notifications.unread("lijun");

        otherServerGivesLijunATask(true);
        signals.poll();
        MockVaadin.clientRoundtrip();

        assertThat(todoTab()).isEqualTo("待办 (" + (todo + 1) + ")");
        assertThat(rows()).anyMatch(t -> t.taskId().equals(OTHER_NODE_TASK));
        assertThat(badge()).isEqualTo(String.valueOf(todo + 1));
        assertThat(bell()).isEqualTo(shown(unread + 1));
    }

    @Test
    void clickingTheInboxAgainReadsItAgain() {
        login("lijun");
        long todo = queries.countInbox("lijun");
        otherServerGivesLijunATask(false);
        MockVaadin.clientRoundtrip();
        assertThat(todoTab()).as("nobody was told: the list waits").isEqualTo("待办 (" + todo + ")");

        navigate("inbox");
        assertThat(todoTab()).isEqualTo("待办 (" + (todo + 1) + ")");
        assertThat(rows()).anyMatch(t -> t.taskId().equals(OTHER_NODE_TASK));
        assertThat(badge()).isEqualTo(String.valueOf(todo + 1));
    }

    private void otherServerGivesLijunATask(boolean told) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO wf_task (task_id, process_key, step_key, name, business_key, starter, cadre_name, "
                + "assignee, state, created_at) VALUES (?, 'trainingLeave', 'leaderApproval', '单位负责人审批', 'PX-0', "
                + "'zhangwei', '张伟', 'lijun', 'OPEN', ?)", OTHER_NODE_TASK, now);
        if (told) {
            jdbc.update("INSERT INTO notification (recipient, kind, process_key, task_id, subject, actor_name, "
                    + "created_at) VALUES ('lijun', 'TASK', 'trainingLeave', ?, '单位负责人审批', '张伟', ?)",
                    OTHER_NODE_TASK, now);
        }
    }
}
