package cn.cadreflow.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.shared.Registration;

/**
 * Lists on a phone: a view follows the width of the browser window and lays itself out for a narrow one (rows as
 * cards, filters folded behind a 筛选 button). While narrow the view carries the class {@code phone}, under which
 * the theme gives every control a touch target of at least 44 px; the desktop look is left as it is.
 */
public final class PhoneLayout {

    /** Windows narrower than this many CSS pixels are phones. */
    public static final int MAX_WIDTH = 600;

    private PhoneLayout() {
    }

    /** The state a view keeps: its layout and whether it is narrow now. */
    private static final class Follower {
        final Consumer<Boolean> layout;
        Boolean narrow;

        Follower(Consumer<Boolean> layout) {
            this.layout = layout;
        }
    }

    /**
     * Lays the view out for the window's width when it is shown and again whenever the width crosses
     * {@link #MAX_WIDTH}; {@code layout} gets true for a phone. The view starts in the desktop layout.
     */
    public static void follow(Component view, Consumer<Boolean> layout) {
        ComponentUtil.setData(view, Follower.class, new Follower(layout));
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(d -> apply(view, d.getWindowInnerWidth() < MAX_WIDTH));
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> apply(view, e.getWidth() < MAX_WIDTH));
            view.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    /** Lays the view out as for a phone ({@code true}) or a desktop, if it is not laid out so already. */
    public static void apply(Component view, boolean narrow) {
        Follower f = ComponentUtil.getData(view, Follower.class);
        if (f == null || Boolean.valueOf(narrow).equals(f.narrow)) {
            return;
        }
        f.narrow = narrow;
        view.getElement().getClassList().set("phone", narrow);
        f.layout.accept(narrow);
    }

    /** Is the view laid out for a phone now? */
    public static boolean isNarrow(Component view) {
        Follower f = ComponentUtil.getData(view, Follower.class);
        return f != null && Boolean.TRUE.equals(f.narrow);
    }

    /**
     * The 筛选 button (id {@code filters-toggle}) that shows and folds the filters on a phone; hidden on a desktop,
     * where the filters stay in view. Call {@link #foldFilters} from the view's layout.
     */
    public static Button filterToggle(Component filters) {
        Button toggle = new Button(filters.getTranslation("phone.filters"), VaadinIcon.FILTER.create());
        toggle.setId("filters-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        toggle.setVisible(false);
        toggle.addClickListener(e -> {
            filters.setVisible(!filters.isVisible());
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(filters.isVisible()));
        });
        return toggle;
    }

    /**
     * A column that shows a row as a card, for phones: a bold first line (what), a second (who or about what) and a
     * muted third (when, state). Hidden until {@link #showCards} shows it in place of the grid's other columns.
     */
    public static <T> Grid.Column<T> cards(Grid<T> grid, ValueProvider<T, String> title, ValueProvider<T, String> about,
                                           ValueProvider<T, String> meta) {
        Grid.Column<T> card = grid.addColumn(LitRenderer.<T>of("<div class=\"row-card\">"
                        + "<div class=\"row-card-title\">${item.title}</div><div>${item.about}</div>"
                        + "<div class=\"row-card-meta\">${item.meta}</div></div>")
                .withProperty("title", title).withProperty("about", about).withProperty("meta", meta));
        card.setKey("card");
        card.setVisible(false);
        return card;
    }

    /** On a phone the grid shows its card column alone; on a desktop every column but the card. */
    public static <T> void showCards(Grid<T> grid, Grid.Column<T> card, boolean narrow) {
        grid.getColumns().forEach(c -> c.setVisible(c == card ? narrow : !narrow));
        grid.getElement().getClassList().set("cards", narrow);
    }

    /** On a phone the filters fold behind their toggle; on a desktop they are shown and the toggle is not. */
    public static void foldFilters(Button toggle, Component filters, boolean narrow) {
        toggle.setVisible(narrow);
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(!narrow));
        filters.setVisible(!narrow);
    }
}
