package cn.cadreflow.workflow.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSender;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.internal.query.TaskRow;

/**
 * What a bell item says: the step, whom the request is about and its number, so that items of different requests
 * never read the same, and a cadre's own 述职 (started by HR) is not announced as HR's request.
 */
class NotificationTextTest {

    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private final NotificationMapper mapper = mock(NotificationMapper.class);
    private final UserDirectory directory = mock(UserDirectory.class);
    private Notifications notifications;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        when(directory.user("zhangwei")).thenReturn(Optional.of(
                new UserDirectory.DirectoryUser("zhangwei", "张伟", null)));
        notifications = new Notifications(mapper, directory, new StaticListableBeanFactory()
                .getBeanProvider(JavaMailSender.class), new Texts(messages), Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")),
                new InboxSignals(mapper, java.time.Duration.ofSeconds(10)));
    }

    /** A 述职 task of an annual review HR (王芳) started for the cadre 毛春梅. */
    private static TaskRow selfReport(long reviewId, String cadreUser, String cadreName) {
        return new TaskRow("task-" + reviewId, null, "pi-" + reviewId, "annualReview", "selfReport", "述职",
                "KH-2026-" + reviewId, "wangfang", cadreUser, 1L, cadreName, cadreUser, null, TaskRow.OPEN, NOW, null,
                null, null);
    }

    private Notification task(String recipient, TaskRow t, String starterName) {
        Notification.About about = notifications.about(t);
        return new Notification(1L, recipient, Notification.Kind.TASK, t.processKey(), t.processInstanceId(),
                t.taskId(), t.name(), starterName, NOW, null, about.businessKey(), about.user(), about.name());
    }

    @Test
    void theCadreReadsTheirOwnSelfReportNotHrsRequest() {
        String text = notifications.text(task("maochunmei", selfReport(15, "maochunmei", "毛春梅"), "王芳"),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(text).isEqualTo("【年度考核】待您办理：您的述职 · KH-2026-15").doesNotContain("王芳");
        assertThat(notifications.text(task("maochunmei", selfReport(15, "maochunmei", "毛春梅"), "王芳"),
                Locale.ENGLISH)).isEqualTo("[Annual review] Waits for you: your 述职 · KH-2026-15");
    }

    @Test
    void othersReadTheStepTheCadreAndTheNumber() {
        String first = notifications.text(task("wangfang", selfReport(15, "maochunmei", "毛春梅"), "王芳"),
                Locale.SIMPLIFIED_CHINESE);
        String second = notifications.text(task("wangfang", selfReport(16, "zhaolei", "赵磊"), "王芳"),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(first).isEqualTo("【年度考核】待您办理：述职 · 毛春梅 · KH-2026-15");
        assertThat(second).isEqualTo("【年度考核】待您办理：述职 · 赵磊 · KH-2026-16");
    }

    @Test
    void aRequestAboutItsStarterIsTheirRequestWithItsNumber() {
        TaskRow leave = new TaskRow("task-3", null, "pi-3", "trainingLeave", "leaderApproval", "单位负责人审批", "PX-3",
                "zhangwei", "zhangwei", 1L, null, "lijun", null, TaskRow.OPEN, NOW, null, null, null);
        assertThat(notifications.text(task("lijun", leave, "张伟"), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("【培训请假】张伟的申请待您办理：单位负责人审批 · PX-3");
        Notification.About about = notifications.about(leave);
        Notification urge = new Notification(2L, "lijun", Notification.Kind.URGE, "trainingLeave", "pi-3", "task-3",
                "单位负责人审批", "王芳", NOW, null, about.businessKey(), about.user(), about.name());
        assertThat(notifications.text(urge, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("【培训请假】王芳催办：单位负责人审批 · 张伟，请尽快办理 · PX-3");
    }
}
