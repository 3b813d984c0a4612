package cn.cadreflow.workflow.internal.notify;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.UserDirectory;

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

    public Notifications(NotificationMapper mapper, UserDirectory directory, ObjectProvider<JavaMailSender> mail,
                         Texts texts, Clock clock) {
        this.mapper = mapper;
        this.directory = directory;
        this.mail = mail;
        this.texts = texts;
        this.clock = clock;
    }

    public void send(String recipient, Notification.Kind kind, String processKey, String processInstanceId,
                     String taskId, String subject, String actorName) {
        Notification n = new Notification(null, recipient, kind, processKey, processInstanceId, taskId,
                shortened(subject), actorName, clock.instant(), null);
        mapper.insert(n);
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

    /** The text of a notification in a language: "【培训请假】张伟的申请待您办理：单位负责人审批". */
    public String text(Notification n, Locale locale) {
        String process = n.processKey() == null ? "" : texts.processName(n.processKey(), n.processKey(), locale);
        return texts.get("notify." + n.kind().name(), locale, process, n.subject(),
                n.actorName() == null ? "" : n.actorName());
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
