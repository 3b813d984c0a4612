package cn.cadreflow.workflow.internal.ui;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.router.RouteParameters;

import cn.cadreflow.ui.CountsChanged;
import cn.cadreflow.ui.ShellWidget;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.internal.notify.InboxSignals;
import cn.cadreflow.workflow.internal.notify.Notification;
import cn.cadreflow.workflow.internal.notify.Notifications;

/**
 * The bell in the header: unread count, and the latest notifications, each with when it came (in the browser's time
 * zone once the browser has told it) and leading to its task or request (or, for a reader the task centre would
 * refuse, the feature's own page: {@link NotificationTargets}). While it is on screen, news for the user
 * ({@link InboxSignals}) makes the shell's counts and an open 待办 list read again, pushed to the browser.
 */
class NotificationBell extends Div implements ShellWidget {

    private static final int SHOWN = 15;

    private final Notifications notifications;
    private final NotificationTargets targets;
    private final String user;
    private final Texts texts;
    private final Clock clock;
    private final InboxSignals signals;
    private Runnable stopListening;
    private final Span count = new Span();
    private final VerticalLayout list = new VerticalLayout();

    NotificationBell(Notifications notifications, NotificationTargets targets, InboxSignals signals, String user,
                     Texts texts, Clock clock) {
        this.notifications = notifications;
        this.targets = targets;
        this.signals = signals;
        this.user = user;
        this.texts = texts;
        this.clock = clock;
        setId("bell");
        addClassName("bell");
        Button bell = new Button(VaadinIcon.BELL_O.create());
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        bell.setAriaLabel(getTranslation("bell.title"));
        bell.setId("bell-button");
        count.setId("bell-count");
        count.addClassName("bell-count");
        add(bell, count);

        list.setId("bell-list");
        list.setPadding(false);
        list.setSpacing(false);
        list.setWidth("24em");
        Popover popover = new Popover();
        popover.setTarget(bell);
        popover.add(list);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                fill();
            }
        });
        add(popover);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // asked once per page; until the browser answers, times are shown in the server's zone
        event.getUI().getPage().retrieveExtendedClientDetails(details -> { });
        // a task or notification for the user, from any server: the shell's counts and an open list follow (push)
        UI ui = event.getUI();
        stopListening = signals.listen(user, () -> ui.access(() -> ComponentUtil.fireEvent(ui, new CountsChanged(ui))));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
    }

    private ZoneId zone() {
        ExtendedClientDetails details = getUI().map(UI::getInternals).map(i -> i.getExtendedClientDetails())
                .orElse(null);
        if (details != null && details.getTimeZoneId() != null) {
            try {
                return ZoneId.of(details.getTimeZoneId());
            } catch (DateTimeException e) {
                // an id Java does not know: the server's zone
            }
        }
        return clock.getZone();
    }

    @Override
    public Component component() {
        return this;
    }

    /** Re-reads the unread count (called on every navigation). */
    @Override
    public void refresh() {
        long unread = notifications.unread(user);
        count.setText(unread > 99 ? "99+" : String.valueOf(unread));
        count.setVisible(unread > 0);
    }

    private void fill() {
        list.removeAll();
        List<Notification> latest = notifications.latest(user, SHOWN);
        if (latest.isEmpty()) {
            list.add(new Span(getTranslation("bell.empty")));
            return;
        }
        ZoneId zone = zone();
        for (Notification n : latest) {
            Span time = new Span(BellTime.of(n.createdAt(), clock.instant(), zone, texts, getLocale()));
            time.addClassName("bell-time");
            Div item = new Div(new Span(notifications.text(n, getLocale())), time);
            item.setId("bell-item-" + n.id());
            item.addClassName("bell-item");
            if (n.readAt() == null) {
                item.addClassName("unread");
            }
            item.addClickListener(e -> {
                notifications.markRead(user, n.id());
                refresh();
                getUI().ifPresent(ui -> {
                    String own = targets.readerRoute(n, user).orElse(null);
                    if (own != null) {
                        // told of a request they may read only on the feature's page (督办 to a 组织部长)
                        ui.navigate(own);
                    } else if (n.taskId() != null && n.kind() != Notification.Kind.ENDED) {
                        ui.navigate(TaskView.class, new RouteParameters("taskId", n.taskId()));
                    } else if (n.processInstanceId() != null) {
                        ui.navigate(InstanceView.class, new RouteParameters("instanceId", n.processInstanceId()));
                    }
                });
            });
            list.add(item);
        }
        Button all = new Button(getTranslation("bell.markAllRead"), e -> {
            notifications.markRead(user, null);
            refresh();
            fill();
        });
        all.setId("bell-read-all");
        all.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        list.add(all);
    }
}
