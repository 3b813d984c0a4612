package cn.cadreflow.workflow.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.popover.Popover;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.internal.notify.Notification;
import cn.cadreflow.workflow.internal.notify.Notifications;
import cn.cadreflow.workflow.internal.notify.TaskEvents;
import cn.cadreflow.workflow.internal.query.TaskIndexMapper;
import cn.cadreflow.workflow.internal.query.TaskRow;

/** The bell's items as their reader meets them: when each came, what it is about, and no item twice. */
@CadreFlowTest
class NotificationBellUiTest extends KaribuSupport {

    @Autowired
    ProcessStarts starts;
    @Autowired
    Notifications notifications;
    @Autowired
    TaskEvents events;
    @Autowired
    TaskIndexMapper index;
    @Autowired
    JdbcTemplate jdbc;

    private List<Div> openBell() {
        _get(Popover.class).open();
        return _find(Div.class, spec -> spec.withClasses("bell-item"));
    }

    private static String text(Div item) {
        return item.getElement().getTextRecursively();
    }

    @Test
    void anItemSaysWhenItCameAndWhichRequestItIsAndComesOnce() {
        String pi = starts.start("trainingLeave", "zhangwei",
                TrainingRequests.request("消息·时间与编号", TrainingRequests.nextFreeStart(), 2, 16));
        String taskId = jdbc.queryForObject("SELECT task_id FROM wf_task WHERE process_instance_id = ? AND state = 'OPEN'",
                String.class, pi);
        String number = jdbc.queryForObject("SELECT business_key FROM wf_task WHERE task_id = ?", String.class, taskId);
        assertThat(number).startsWith("PX-");
        // the same task announced to lijun once more (as a reassignment does): his item is refreshed, not repeated
        events.taskAssigned(index.find(taskId), "lijun", "wangfang");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = 'lijun' AND task_id = ?",
                Integer.class, taskId)).isEqualTo(1);

        login("lijun");
        List<Div> items = openBell().stream().filter(d -> text(d).contains(number)).toList();
        assertThat(items).hasSize(1);
        assertThat(text(items.get(0))).contains("【培训请假】张伟的申请待您办理：单位负责人审批 · " + number);
        Span time = _get(items.get(0), Span.class, spec -> spec.withClasses("bell-time"));
        assertThat(time.getText()).matches("刚刚|\\d+分钟前");
        long unread = notifications.unread("lijun"); // other tests in the run may have told lijun of much else
        assertThat(_get(Span.class, spec -> spec.withId("bell-count")).getText())
                .isEqualTo(unread > 99 ? "99+" : String.valueOf(unread));
    }

    @Test
    void aCadreReadsTheirOwnSelfReportNotTheStartersRequest() {
        // what TaskEvents stores for a 述职 HR (王芳) started for zhangwei, as an annual review's task row has it
        TaskRow selfReport = new TaskRow("bell-self-2001", null, "bell-pi-2001", "annualReview", "selfReport", "述职",
                "KH-2001-9", "wangfang", "zhangwei", null, "张伟", "zhangwei", null, TaskRow.OPEN, null, null, null,
                null);
        Notification.About about = notifications.about(selfReport);
        notifications.send("zhangwei", Notification.Kind.TASK, "annualReview", "bell-pi-2001", "bell-self-2001", "述职",
                "王芳", about);

        login("zhangwei");
        List<String> texts = openBell().stream().map(NotificationBellUiTest::text)
                .filter(t -> t.contains("KH-2001-9")).toList();
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0)).contains("【年度考核】待您办理：您的述职 · KH-2001-9").doesNotContain("王芳的申请");
    }
}
