package cn.cadreflow.annualreview.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.DigitalIndicator;
import cn.cadreflow.annualreview.Evidence;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.BoundedUpload;
import cn.cadreflow.ui.TextLimit;
import cn.cadreflow.workflow.AttachmentRules;
import jakarta.annotation.security.RolesAllowed;

/**
 * 数字化能力佐证: a cadre records this year's evidence (e.g. a new-media campaign, a data-based proposal) with a
 * file, and sees which entries the organisation department has verified; only verified ones count.
 */
@Route("appraisal/my-evidence")
@Menu(order = 6, title = "nav.myEvidence", icon = "vaadin:diploma-scroll")
@RolesAllowed(AppRoles.CADRE)
public class MyEvidenceView extends VerticalLayout implements HasDynamicTitle {

    private final EvidenceService evidence;
    private final UserContext user;
    private final int year;
    private final Grid<Evidence> grid = new Grid<>();
    private byte[] fileContent;
    private String fileName;

    public MyEvidenceView(EvidenceService evidence, AppraisalSettings settings, AttachmentRules files,
                          UserService users, Clock clock) {
        this.evidence = evidence;
        this.user = users.current();
        this.year = LocalDate.now(clock).getYear();
        addClassName("view");

        Select<String> indicator = new Select<>();
        indicator.setId("evidence-indicator");
        indicator.setLabel(getTranslation("evidence.indicator"));
        List<String> codes = settings.indicators().stream().map(DigitalIndicator::code).toList();
        indicator.setItems(codes);
        indicator.setItemLabelGenerator(c -> getTranslation("appraisal.indicator." + c));
        BigDecimalField value = new BigDecimalField(getTranslation("evidence.value"));
        value.setId("evidence-value");
        TextArea note = new TextArea(getTranslation("evidence.note"));
        note.setId("evidence-note");
        TextLimit.apply(note, 500);
        Paragraph chosen = new Paragraph();
        chosen.setId("evidence-file");
        BoundedUpload upload = new BoundedUpload(files.maxBytes(), (name, data) -> {
            fileName = name;
            fileContent = data;
            chosen.setText(getTranslation("evidence.fileChosen", name));
        });
        upload.setId("evidence-upload");
        Button save = new Button(getTranslation("evidence.save"), e -> {
            try {
                evidence.submitOwn(user, year, indicator.getValue(), value.getValue(), note.getValue(), fileName,
                        fileContent);
                show(getTranslation("evidence.saved"), NotificationVariant.LUMO_SUCCESS);
                indicator.clear();
                value.clear();
                note.clear();
                upload.clearFileList();
                fileName = null;
                fileContent = null;
                chosen.setText("");
                refresh();
            } catch (AppraisalException ex) {
                show(getTranslation(ex.key(), ex.args()), NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("evidence-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(indicator, value, note);
        form.setColspan(note, 2);

        grid.setId("my-evidence");
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> getTranslation("appraisal.indicator." + e.indicatorCode()))
                .setHeader(getTranslation("evidence.indicator")).setAutoWidth(true);
        grid.addColumn(e -> e.evidenceValue().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("evidence.value")).setAutoWidth(true);
        grid.addColumn(Evidence::note).setHeader(getTranslation("evidence.note")).setAutoWidth(true);
        grid.addComponentColumn(this::fileLinks).setHeader(getTranslation("evidence.files")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(statusKey(e)))
                .setHeader(getTranslation("evidence.status")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("evidence.none"));

        add(new H2(getTranslation("evidence.myTitle", year)), new Paragraph(getTranslation("evidence.hint")), form,
                upload, chosen, save, new H3(getTranslation("evidence.listTitle")), grid);
        refresh();
    }

    private Map<Long, List<EvidenceService.EvidenceFile>> filesByEvidence = Map.of();

    private void refresh() {
        filesByEvidence = user.cadreId() == null ? Map.of() : evidence.files(user.cadreId(), year, user).stream()
                .collect(Collectors.groupingBy(EvidenceService.EvidenceFile::evidenceId));
        grid.setItems(evidence.mine(user, year));
    }

    private Div fileLinks(Evidence e) {
        return new EvidenceFileLinks(filesByEvidence.getOrDefault(e.id(), List.of()), evidence, user);
    }

    private static String statusKey(Evidence e) {
        if (Evidence.Source.IMPORT.name().equals(e.source())) {
            return "evidence.imported";
        }
        return e.verifiedAt() != null ? "evidence.verified" : "evidence.pending";
    }

    private static void show(String text, NotificationVariant variant) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_CENTER).addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.myEvidence") + " · " + getTranslation("app.name");
    }
}
