package cn.cadreflow.workflow.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.UserDirectory;

/**
 * E-mail for notifications, without a Spring context: the bell entry is always stored; a mail goes to the
 * directory's address only when a mail sender exists, and only once the surrounding transaction commits.
 */
class NotificationMailTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final NotificationMapper mapper = mock(NotificationMapper.class);
    private final UserDirectory directory = mock(UserDirectory.class);
    private final RecordingMailSender sender = new RecordingMailSender();
    private final TransactionTemplate transaction = new TransactionTemplate(new NoOpTransactionManager());
    private Texts texts;

    /** A mail sender that keeps what it is asked to send. */
    static class RecordingMailSender extends JavaMailSenderImpl {
        final List<SimpleMailMessage> sent = new ArrayList<>();

        @Override
        public void send(SimpleMailMessage... messages) {
            sent.addAll(List.of(messages));
        }
    }

    /** A mail server that is down. */
    static class FailingMailSender extends JavaMailSenderImpl {
        int attempts;

        @Override
        public void send(SimpleMailMessage... messages) {
            attempts++;
            throw new MailSendException("connection refused");
        }
    }

    /** Transactions with nothing behind them, so commit and rollback run the synchronizations as in the app. */
    static class NoOpTransactionManager extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        texts = new Texts(messages);
        when(directory.user("lijun")).thenReturn(Optional.of(
                new UserDirectory.DirectoryUser("lijun", "李军", "lijun@qingshan.example.cn")));
        when(directory.user("liuyang")).thenReturn(Optional.of(
                new UserDirectory.DirectoryUser("liuyang", "刘洋", null)));
    }

    @AfterEach
    void noTransactionLeftOpen() {
        assertThat(TransactionSynchronizationManager.isSynchronizationActive()).isFalse();
    }

    private Notifications notifications(JavaMailSender mailSender) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (mailSender != null) {
            beans.addBean("mailSender", mailSender);
        }
        return new Notifications(mapper, directory, beans.getBeanProvider(JavaMailSender.class), texts,
                Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")),
                new InboxSignals(mapper, java.time.Duration.ofSeconds(10)));
    }

    private static void taskFor(Notifications notifications, String user) {
        notifications.send(user, Notification.Kind.TASK, "trainingLeave", "pi-1", "task-1", "单位负责人审批", "张伟",
                Notification.About.NONE);
    }

    private void verifyStoredFor(String user) {
        verify(mapper).insert(argThat(n -> n.recipient().equals(user) && n.kind() == Notification.Kind.TASK
                && n.taskId().equals("task-1") && n.createdAt().equals(NOW) && n.readAt() == null));
    }

    @Test
    void mailLeavesOnlyAfterTheTransactionCommits() {
        Notifications notifications = notifications(sender);
        transaction.executeWithoutResult(status -> {
            taskFor(notifications, "lijun");
            assertThat(sender.sent).as("nothing leaves before the commit").isEmpty();
            verifyStoredFor("lijun");
        });

        assertThat(sender.sent).hasSize(1);
        SimpleMailMessage mail = sender.sent.get(0);
        assertThat(mail.getTo()).containsExactly("lijun@qingshan.example.cn");
        assertThat(mail.getSubject()).isEqualTo("干部全周期：您有新的消息");
        assertThat(mail.getText()).isEqualTo("【培训请假】张伟的申请待您办理：单位负责人审批");
    }

    @Test
    void rolledBackTransactionSendsNothing() {
        Notifications notifications = notifications(sender);
        transaction.executeWithoutResult(status -> {
            taskFor(notifications, "lijun");
            status.setRollbackOnly();
        });
        assertThat(sender.sent).isEmpty();

        assertThatCode(() -> transaction.executeWithoutResult(status -> {
            taskFor(notifications, "lijun");
            throw new IllegalStateException("the approval failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void withoutATransactionTheMailLeavesAtOnce() {
        taskFor(notifications(sender), "lijun");
        assertThat(sender.sent).extracting(m -> m.getTo()[0]).containsExactly("lijun@qingshan.example.cn");
    }

    @Test
    void withoutAMailSenderNothingIsSentAndTheNotificationIsStillStored() {
        Notifications notifications = notifications(null);
        transaction.executeWithoutResult(status -> taskFor(notifications, "lijun"));
        verifyStoredFor("lijun");
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void personWithoutAnAddressGetsOnlyTheBell() {
        Notifications notifications = notifications(sender);
        transaction.executeWithoutResult(status -> taskFor(notifications, "liuyang"));
        verifyStoredFor("liuyang");
        assertThat(sender.sent).isEmpty();

        when(directory.user("ghost")).thenReturn(Optional.empty());
        notifications.send("ghost", Notification.Kind.COPY, "trainingLeave", "pi-1", null, "PX-1", "张伟",
                Notification.About.NONE);
        verify(mapper, times(2)).insert(any());
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void mailServerFailureDoesNotUndoTheAction() {
        FailingMailSender failing = new FailingMailSender();
        Notifications notifications = notifications(failing);
        assertThatCode(() -> transaction.executeWithoutResult(status -> taskFor(notifications, "lijun")))
                .doesNotThrowAnyException();
        assertThat(failing.attempts).isEqualTo(1);
        verifyStoredFor("lijun");

        assertThatCode(() -> taskFor(notifications, "lijun")).as("outside a transaction too")
                .doesNotThrowAnyException();
        assertThat(failing.attempts).isEqualTo(2);
    }
}
