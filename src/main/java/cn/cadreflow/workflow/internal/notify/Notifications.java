package cn.cadreflow.workflow.internal.notify;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.internal.query.TaskRow;

/**
 * The bell: notifications stored per person, plus an e-mail when a mail server is configured
 * ({@code spring.mail.host}) and the person has an address. Mail leaves only after the transaction
 * that caused it commits, so a rolled-back action sends nothing.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    /** notification.subject VARCHAR(255) (sql/V6): a longer subject (a termination's reason, say) is shortened. */
    static final int SUBJECT_MAX = 255;

    private final NotificationMapper mapper;
    private final UserDirectory directory;
    private final ObjectProvider<JavaMailSender> mail;
    private final Texts texts;
    private final Clock clock;
    private final InboxSignals signals;

    public Notifications(NotificationMapper mapper, UserDirectory directory, ObjectProvider<JavaMailSender> mail,
                         Texts texts, Clock clock, InboxSignals signals) {
        this.mapper = mapper;
        this.directory = directory;
        this.mail = mail;
        this.texts = texts;
        this.clock = clock;
        this.signals = signals;
    }

    /**
     * Tells a person; an item of the same task and kind they already have is refreshed (newest, unread) rather than
     * repeated.
     */
    public void send(String recipient, Notification.Kind kind, String processKey, String processInstanceId,
                     String taskId, String subject, String actorName, Notification.About about) {
        Notification n = new Notification(null, recipient, kind, processKey, processInstanceId, taskId,
                shortened(subject), actorName, clock.instant(), null, about.businessKey(), about.user(), about.name());
        store(n);
        signals.changed(recipient);
        JavaMailSender sender = mail.getIfAvailable();
        String address = directory.user(recipient).map(UserDirectory.DirectoryUser::email).orElse(null);
        if (sender != null && address != null && !address.isBlank()) {
            Runnable post = () -> email(sender, address, n);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        post.run();
                    }
                });
            } else {
                post.run();
            }
        }
    }

    /**
     * One item per recipient, task and kind (uk_notification_task): a repeat refreshes the item it repeats. Most
     * items are a task's first (a launch stores thousands), so the insert comes first and only a repeat pays twice.
     */
    private void store(Notification n) {
        try {
            mapper.insert(n);
        } catch (DuplicateKeyException e) {
            mapper.refresh(n);
        }
    }

    /** What a task's request is about: its number and its subject, named as the task centre files it. */
    public Notification.About about(TaskRow task) {
        if (task.subject() == null) {
            return new Notification.About(task.businessKey(), null, null);
        }
        String name = task.cadreName() != null ? task.cadreName() : directory.user(task.subject())
                .map(UserDirectory.DirectoryUser::name).orElse(task.subject());
        return new Notification.About(task.businessKey(), task.subject(), name);
    }

    /** The subject as the bell keeps it: whole when it fits, else its beginning and "…" (the trail has it all). */
    static String shortened(String subject) {
        if (subject == null) {
            return "";
        }
        if (subject.length() <= SUBJECT_MAX) {
            return subject;
        }
        int end = SUBJECT_MAX - 1;
        if (Character.isHighSurrogate(subject.charAt(end - 1))) {
            end--;
        }
        return subject.substring(0, end) + "…";
    }

    public List<Notification> latest(String recipient, int limit) {
        return mapper.latest(recipient, limit);
    }

    public long unread(String recipient) {
        return mapper.countUnread(recipient);
    }

    public void markRead(String recipient, Long id) {
        mapper.markRead(recipient, id, clock.instant());
    }

    /**
     * The text of a notification in a language, ending with the request number: "【培训请假】张伟的申请待您办理：单位负责人审批
     * · PX-3"; a task of a request about someone other than its starter names that person ("【年度考核】待您办理：述职 ·
     * 毛春梅 · KH-2026-15"), and the person it is about reads it as theirs ("【年度考核】待您办理：您的述职 · KH-2026-15").
     */
    public String text(Notification n, Locale locale) {
        String process = n.processKey() == null ? "" : texts.processName(n.processKey(), n.processKey(), locale);
        String actor = n.actorName() == null ? "" : n.actorName();
        String text;
        if (n.kind() == Notification.Kind.TASK && (n.aboutRecipient()
                || n.aboutName() != null && !n.aboutName().equals(actor))) {
            text = texts.get("notify.TASK.about", locale, process, what(n, locale));
        } else if (n.kind() == Notification.Kind.URGE || n.kind() == Notification.Kind.REMIND) {
            text = texts.get("notify." + n.kind().name(), locale, process, what(n, locale), actor);
        } else {
            text = texts.get("notify." + n.kind().name(), locale, process, n.subject(), actor);
        }
        return n.businessKey() == null || n.businessKey().equals(n.subject()) ? text
                : texts.get("notify.numbered", locale, text, n.businessKey());
    }

    /** The step, and whom it is about: "您的述职" for that person, "述职 · 毛春梅" for others. */
    private String what(Notification n, Locale locale) {
        if (n.aboutRecipient()) {
            return texts.get("notify.yours", locale, n.subject());
        }
        return n.aboutName() == null ? n.subject() : texts.get("notify.about", locale, n.subject(), n.aboutName());
    }

    private void email(JavaMailSender sender, String address, Notification n) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(address);
        message.setSubject(texts.get("notify.mailSubject", Locale.SIMPLIFIED_CHINESE));
        message.setText(text(n, Locale.SIMPLIFIED_CHINESE));
        try {
            sender.send(message);
        } catch (MailException e) {
            // the bell still has it; a mail server outage must not undo an approval
            log.warn("Could not e-mail notification {} to {}: {}", n.kind(), n.recipient(), e.getMessage());
        }
    }
}
