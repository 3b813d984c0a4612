package cn.cadreflow.trainingplan.internal.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.trainingplan.CatalogueException;
import cn.cadreflow.trainingplan.CourseChoice;
import cn.cadreflow.trainingplan.PreferenceService;
import cn.cadreflow.trainingplan.TrainingPreferences;
import cn.cadreflow.trainingplan.internal.PlanInputs;
import cn.cadreflow.ui.Notices;
import jakarta.annotation.security.RolesAllowed;

/**
 * 我的培训意向: a cadre states, for next year's (or this year's) plan, the weeks they would like for the immersive
 * week, the weeks they cannot be away, and the courses they would like; the courses that target their capability
 * gaps from the annual review come first, each with the reason.
 */
@Route("training/preferences")
@Menu(order = 10.2, title = "trainingplan.nav.preferences", icon = "vaadin:heart")
@RolesAllowed(AppRoles.CADRE)
public class PreferencesView extends VerticalLayout implements HasDynamicTitle {

    private final PreferenceService preferences;
    private final UserContext user;

    final IntegerField year = new IntegerField();
    final MultiSelectComboBox<Integer> preferred = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Integer> impossible = new MultiSelectComboBox<>();
    final Grid<CourseChoice> courses = new Grid<>();
    final Button save = new Button();
    final UnorderedList problems = new UnorderedList();

    public PreferencesView(PreferenceService preferences, UserService users) {
        this.preferences = preferences;
        this.user = users.current();
        addClassName("view");
        setSizeFull();
        int now = LocalDate.now().getYear();
        year.setId("pref-year");
        year.setLabel(getTranslation("trainingplan.year"));
        year.setValue(now + 1);
        year.setMin(now);
        year.setMax(now + 1);
        year.setStepButtonsVisible(true);
        year.addValueChangeListener(e -> load());
        preferred.setId("pref-weeks");
        preferred.setLabel(getTranslation("trainingplan.pref.preferredWeeks"));
        preferred.setHelperText(getTranslation("trainingplan.pref.weeksHelp", PreferenceService.WEEKS_MAX));
        impossible.setId("pref-impossible");
        impossible.setLabel(getTranslation("trainingplan.pref.impossibleWeeks"));
        impossible.setHelperText(getTranslation("trainingplan.pref.weeksHelp", PreferenceService.WEEKS_MAX));
        preferred.setWidth("24em");
        impossible.setWidth("24em");

        courses.setId("pref-courses");
        courses.setSelectionMode(Grid.SelectionMode.MULTI);
        courses.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        courses.addColumn(c -> c.course().title()).setHeader(getTranslation("trainingplan.course.title"))
                .setAutoWidth(true).setFlexGrow(1);
        courses.addColumn(c -> getTranslation(c.course().immersive() ? "trainingplan.course.immersive"
                : "trainingplan.course.classroom")).setHeader(getTranslation("trainingplan.course.kind")).setAutoWidth(true);
        courses.addColumn(c -> c.course().startDate() + " – " + c.course().endDate())
                .setHeader(getTranslation("trainingplan.course.dates")).setAutoWidth(true);
        courses.addColumn(c -> c.course().hours().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("trainingplan.course.hours")).setAutoWidth(true);
        courses.addColumn(this::reason).setKey("reason").setHeader(getTranslation("trainingplan.pref.reason"))
                .setAutoWidth(true).setFlexGrow(1);
        courses.setEmptyStateText(getTranslation("trainingplan.catalogue.empty"));

        save.setId("pref-save");
        save.setText(getTranslation("trainingplan.pref.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        problems.setId("pref-problems");

        add(new H2(getTranslation("trainingplan.nav.preferences")),
                new Paragraph(getTranslation("trainingplan.pref.help", PreferenceService.COURSES_MAX)), year,
                new HorizontalLayout(preferred, impossible), new H3(getTranslation("trainingplan.pref.courses")),
                courses, problems, save);
        setFlexGrow(1, courses);
        load();
    }

    String reason(CourseChoice choice) {
        return choice.recommended() ? getTranslation("trainingplan.pref.recommended",
                String.join("、", choice.gaps()), choice.reviewYear() == null ? "" : choice.reviewYear()) : "";
    }

    private void load() {
        problems.removeAll();
        if (user.cadreId() == null || year.getValue() == null) {
            return;
        }
        int y = year.getValue();
        List<Integer> weeks = IntStream.rangeClosed(1, PlanInputs.weeks(y)).boxed().toList();
        for (MultiSelectComboBox<Integer> box : List.of(preferred, impossible)) {
            box.setItems(weeks);
            box.setItemLabelGenerator(w -> getTranslation("trainingplan.week", w,
                    PlanInputs.firstMonday(y).plusWeeks(w - 1L).toString()));
        }
        List<CourseChoice> choices = preferences.courses(user.cadreId(), y, user);
        courses.setItems(choices);
        TrainingPreferences stated = preferences.of(user.cadreId(), y, user).orElse(null);
        preferred.setValue(stated == null ? Set.of() : stated.preferredWeeks());
        impossible.setValue(stated == null ? Set.of() : stated.impossibleWeeks());
        courses.deselectAll();
        if (stated != null) {
            choices.stream().filter(c -> stated.preferredCourseIds().contains(c.course().id())).forEach(courses::select);
        }
    }

    void save() {
        if (user.cadreId() == null || year.getValue() == null) {
            return;
        }
        List<Long> chosen = courses.getSelectedItems().stream().map(c -> c.course().id()).sorted()
                .collect(Collectors.toList());
        try {
            preferences.save(new TrainingPreferences(user.cadreId(), year.getValue(), new TreeSet<>(preferred.getValue()),
                    new TreeSet<>(impossible.getValue()), chosen), user);
            problems.removeAll();
            Notices.success(getTranslation("trainingplan.pref.saved", year.getValue()));
        } catch (CatalogueException e) {
            problems.removeAll();
            Problems.texts(this, e).forEach(t -> problems.add(new ListItem(t)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("trainingplan.nav.preferences") + " · " + getTranslation("app.name");
    }
}
