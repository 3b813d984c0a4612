package cn.cadreflow.workflow.internal.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Tells the screens open on this server that a user's tasks or notifications changed, so that their 待办 list, menu
 * badge and bell follow without a click (issue 14 defect 6). A notification stored here is signalled once its
 * transaction commits; one stored by another server (the servers share only the database) is found by a light poll,
 * every {@code cadreflow.workflow.inbox-poll} (10 s), of the newest notification and the unread count of each user
 * with a screen open on this server: one grouped query, and none while nobody is signed in.
 */
@Component
public class InboxSignals {

    private static final Logger log = LoggerFactory.getLogger(InboxSignals.class);
    /** Users per poll query. */
    private static final int BATCH = 500;

    private final NotificationMapper mapper;
    private final Duration interval;
    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Map<String, NotificationMapper.Stamp> seen = new ConcurrentHashMap<>();
    private ScheduledExecutorService poller;

    InboxSignals(NotificationMapper mapper, @Value("${cadreflow.workflow.inbox-poll:10s}") Duration interval) {
        this.mapper = mapper;
        this.interval = interval;
    }

    @PostConstruct
    void startPolling() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "inbox-poll");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1000, interval.toMillis());
        poller.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopPolling() {
        poller.shutdownNow();
    }

    /** Calls {@code onChange} whenever the user's tasks or notifications may have changed; run to stop. */
    public Runnable listen(String user, Runnable onChange) {
        listeners.computeIfAbsent(user, u -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> listeners.computeIfPresent(user, (u, set) -> {
            set.remove(onChange);
            if (set.isEmpty()) {
                seen.remove(u);
                return null;
            }
            return set;
        });
    }

    /** Something the user is told about happened: their screens here follow once the transaction commits. */
    void changed(String user) {
        if (!listeners.containsKey(user)) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            fire(List.of(user));
            return;
        }
        // one signal per user and transaction, however many items a launch stores for them
        Set<String> users = pending();
        users.add(user);
    }

    @SuppressWarnings("unchecked")
    private Set<String> pending() {
        Set<String> users = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (users == null) {
            Set<String> fresh = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(InboxSignals.this);
                    if (status == STATUS_COMMITTED) {
                        fire(fresh);
                    }
                }
            });
            users = fresh;
        }
        return users;
    }

    /**
     * Reads the stamp (newest notification, unread count) of every user with a screen open here and signals those
     * whose stamp changed since the last poll: what another server stored for them.
     */
    public void poll() {
        List<String> users = new ArrayList<>(listeners.keySet());
        Map<String, NotificationMapper.Stamp> now = new HashMap<>();
        for (int i = 0; i < users.size(); i += BATCH) {
            mapper.stamps(users.subList(i, Math.min(users.size(), i + BATCH))).forEach(s -> now.put(s.recipient(), s));
        }
        List<String> changed = new ArrayList<>();
        for (String user : users) {
            NotificationMapper.Stamp stamp = now.getOrDefault(user, NotificationMapper.Stamp.NONE);
            NotificationMapper.Stamp before = seen.put(user, stamp);
            if (before != null && !before.sameAs(stamp)) {
                changed.add(user);
            }
        }
        fire(changed);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // the database away for a moment: the next poll tries again
            log.debug("Inbox poll failed: {}", e.getMessage());
        }
    }

    private void fire(Collection<String> users) {
        for (String user : users) {
            for (Runnable listener : listeners.getOrDefault(user, Set.of())) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.debug("Inbox signal to a screen of {} failed: {}", user, e.getMessage());
                }
            }
        }
    }
}
