package cn.cadreflow.workflow.internal.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.router.RouteParameters;

import cn.cadreflow.ui.ShellWidget;
import cn.cadreflow.workflow.internal.notify.Notification;
import cn.cadreflow.workflow.internal.notify.Notifications;

/** The bell in the header: unread count, and the latest notifications, each leading to its task or request. */
class NotificationBell extends Div implements ShellWidget {

    private static final int SHOWN = 15;

    private final Notifications notifications;
    private final String user;
    private final Span count = new Span();
    private final VerticalLayout list = new VerticalLayout();

    NotificationBell(Notifications notifications, String user) {
        this.notifications = notifications;
        this.user = user;
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
        for (Notification n : latest) {
            Div item = new Div(new Span(notifications.text(n, getLocale())));
            item.addClassName("bell-item");
            if (n.readAt() == null) {
                item.addClassName("unread");
            }
            item.addClickListener(e -> {
                notifications.markRead(user, n.id());
                refresh();
                getUI().ifPresent(ui -> {
                    if (n.taskId() != null && n.kind() != Notification.Kind.ENDED) {
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
