package cn.cadreflow.trainingplan.internal.ui;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.ArrayList;
import java.util.Set;
import java.util.LinkedHashSet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.trainingplan.CatalogueCourse;
import cn.cadreflow.trainingplan.CatalogueException;
import cn.cadreflow.trainingplan.CourseCatalogue;
import cn.cadreflow.ui.BoundedUpload;
import cn.cadreflow.ui.DatePickers;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.TextLimit;
import cn.cadreflow.ui.Texts;
import jakarta.annotation.security.RolesAllowed;

/**
 * 培训课程目录 for HR officers and administrators: a year's courses; add, change and delete one (every problem of a
 * refused course listed, nothing saved); export the year as .xlsx and import a file in the same format (a bad row
 * is named by its row number and nothing is imported).
 */
@Route("training/catalogue")
@Menu(order = 10, title = "trainingplan.nav.catalogue", icon = "vaadin:academy-cap")
@RolesAllowed({AppRoles.HR_OFFICER, AppRoles.ADMIN})
public class CatalogueView extends VerticalLayout implements HasDynamicTitle {

    private final CourseCatalogue catalogue;
    private final UserContext user;

    final IntegerField year = new IntegerField();
    final Grid<CatalogueCourse> grid = new Grid<>();
    final TextField title = new TextField();
    final MultiSelectComboBox<String> capabilities = new MultiSelectComboBox<>();
    private final List<String> known;
    final DatePicker start = new DatePicker();
    final DatePicker end = new DatePicker();
    final TextField place = new TextField();
    final IntegerField capacity = new IntegerField();
    final BigDecimalField hours = new BigDecimalField();
    final Checkbox immersive = new Checkbox();
    final Checkbox fullTime = new Checkbox();
    final Button save = new Button();
    final Button cancel = new Button();
    final UnorderedList problems = new UnorderedList();
    private Long editing;

    public CatalogueView(CourseCatalogue catalogue, UserService users, Texts texts) {
        this.catalogue = catalogue;
        this.user = users.current();
        this.known = catalogue.capabilities(user);
        addClassName("view");
        setSizeFull();

        year.setId("catalogue-year");
        year.setLabel(getTranslation("trainingplan.year"));
        year.setValue(LocalDate.now().getYear() + 1);
        year.setMin(2000);
        year.setMax(2100);
        year.setStepButtonsVisible(true);
        year.addValueChangeListener(e -> refresh());

        grid.setId("catalogue-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(CatalogueCourse::title).setHeader(getTranslation("trainingplan.course.title"))
                .setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(c -> getTranslation(c.immersive() ? "trainingplan.course.immersive"
                : "trainingplan.course.classroom")).setHeader(getTranslation("trainingplan.course.kind")).setAutoWidth(true);
        grid.addColumn(c -> c.startDate() + " – " + c.endDate()).setHeader(getTranslation("trainingplan.course.dates"))
                .setAutoWidth(true);
        grid.addColumn(CatalogueCourse::place).setHeader(getTranslation("trainingplan.course.place")).setAutoWidth(true);
        grid.addColumn(CatalogueCourse::capacity).setHeader(getTranslation("trainingplan.course.capacity"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.hours().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("trainingplan.course.hours")).setAutoWidth(true);
        grid.addColumn(c -> String.join(CourseCatalogue.SEPARATOR, c.capabilities()))
                .setHeader(getTranslation("trainingplan.course.capabilities")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("trainingplan.catalogue.empty"));

        title.setId("catalogue-title");
        title.setLabel(getTranslation("trainingplan.course.title"));
        TextLimit.apply(title, CourseCatalogue.TITLE_MAX);
        capabilities.setId("catalogue-capabilities");
        capabilities.setLabel(getTranslation("trainingplan.course.capabilities"));
        capabilities.setHelperText(getTranslation("trainingplan.course.capabilitiesPick"));
        capabilities.setItems(known);
        start.setId("catalogue-start");
        start.setLabel(getTranslation("trainingplan.course.start"));
        end.setId("catalogue-end");
        end.setLabel(getTranslation("trainingplan.course.end"));
        start.setI18n(DatePickers.i18n(texts, getLocale()));
        end.setI18n(DatePickers.i18n(texts, getLocale()));
        place.setId("catalogue-place");
        place.setLabel(getTranslation("trainingplan.course.place"));
        TextLimit.apply(place, CourseCatalogue.PLACE_MAX);
        capacity.setId("catalogue-capacity");
        capacity.setLabel(getTranslation("trainingplan.course.capacity"));
        hours.setId("catalogue-hours");
        hours.setLabel(getTranslation("trainingplan.course.hours"));
        immersive.setId("catalogue-immersive");
        immersive.setLabel(getTranslation("trainingplan.course.immersiveLong"));
        fullTime.setId("catalogue-fulltime");
        fullTime.setLabel(getTranslation("trainingplan.course.fullTime"));
        fullTime.setValue(true);
        save.setId("catalogue-save");
        save.setText(getTranslation("trainingplan.catalogue.add"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.setId("catalogue-cancel");
        cancel.setText(getTranslation("trainingplan.catalogue.cancel"));
        cancel.setVisible(false);
        cancel.addClickListener(e -> clear());
        problems.setId("catalogue-problems");
        problems.addClassName("form-problems");
        FormLayout form = new FormLayout(title, capabilities, start, end, place, capacity, hours, immersive, fullTime);

        BoundedUpload upload = new BoundedUpload(CourseCatalogue.FILE_MAX, (name, data) -> importFile(data));
        upload.setId("catalogue-upload");
        upload.setAcceptedFileTypes(".xlsx");
        Anchor export = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] file = catalogue.exportXlsx(year.getValue() == null ? 0 : year.getValue(), user);
            return new DownloadResponse(new ByteArrayInputStream(file), "catalogue-" + year.getValue() + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.length);
        }), getTranslation("trainingplan.catalogue.export"));
        export.setId("catalogue-export");

        add(new H2(getTranslation("trainingplan.nav.catalogue")), new HorizontalLayout(year, export), grid,
                new H3(getTranslation("trainingplan.catalogue.form")), form, problems,
                new HorizontalLayout(save, cancel), new H3(getTranslation("trainingplan.catalogue.import")),
                upload);
        setFlexGrow(1, grid);
        refresh();
    }

    private HorizontalLayout actions(CatalogueCourse course) {
        Button edit = new Button(getTranslation("trainingplan.catalogue.edit"), e -> edit(course));
        edit.setId("catalogue-edit-" + course.id());
        Button delete = new Button(getTranslation("trainingplan.catalogue.delete"), e -> delete(course));
        delete.setId("catalogue-delete-" + course.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, delete);
    }

    private void edit(CatalogueCourse course) {
        editing = course.id();
        title.setValue(course.title());
        capabilities.setValue(new LinkedHashSet<>(course.capabilities()));
        start.setValue(course.startDate());
        end.setValue(course.endDate());
        place.setValue(course.place());
        capacity.setValue(course.capacity());
        hours.setValue(course.hours());
        immersive.setValue(course.immersive());
        fullTime.setValue(course.fullTime());
        save.setText(getTranslation("trainingplan.catalogue.save"));
        cancel.setVisible(true);
    }

    private void delete(CatalogueCourse course) {
        try {
            catalogue.delete(course.id(), user);
            Notices.success(getTranslation("trainingplan.catalogue.deleted", course.title()));
            refresh();
        } catch (CatalogueException e) {
            Notices.error(String.join("；", Problems.texts(this, e)));
        }
    }

    void save() {
        // in the frameworks' order; a capability of an older course that is not (or no longer) in them is kept, and
        // the catalogue refuses it with its name
        Set<String> chosen = capabilities.getValue();
        List<String> caps = new ArrayList<>(known.stream().filter(chosen::contains).toList());
        chosen.stream().filter(c -> !known.contains(c)).forEach(caps::add);
        CatalogueCourse course = new CatalogueCourse(editing, title.getValue(), caps, start.getValue(), end.getValue(),
                place.getValue(), capacity.getValue() == null ? 0 : capacity.getValue(), hours.getValue(),
                immersive.getValue(), fullTime.getValue());
        try {
            if (editing == null) {
                catalogue.add(course, user);
                Notices.success(getTranslation("trainingplan.catalogue.added", course.title().strip()));
            } else {
                catalogue.update(course, user);
                Notices.success(getTranslation("trainingplan.catalogue.saved", course.title().strip()));
            }
            clear();
            refresh();
        } catch (CatalogueException e) {
            showProblems(e);
        }
    }

    void importFile(byte[] data) {
        try {
            int count = catalogue.importXlsx(data, user);
            problems.removeAll();
            Notices.success(getTranslation("trainingplan.catalogue.imported", count));
            refresh();
        } catch (CatalogueException e) {
            showProblems(e);
        }
    }

    private void showProblems(CatalogueException e) {
        problems.removeAll();
        Problems.texts(this, e).forEach(text -> problems.add(new ListItem(text)));
    }

    private void clear() {
        editing = null;
        title.clear();
        capabilities.clear();
        start.clear();
        end.clear();
        place.clear();
        capacity.clear();
        hours.clear();
        immersive.setValue(false);
        fullTime.setValue(true);
        problems.removeAll();
        save.setText(getTranslation("trainingplan.catalogue.add"));
        cancel.setVisible(false);
    }

    private void refresh() {
        grid.setItems(year.getValue() == null ? List.of() : catalogue.year(year.getValue(), user));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("trainingplan.nav.catalogue") + " · " + getTranslation("app.name");
    }
}
