package cn.cadreflow.annualreview.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.BoundedUpload;
import jakarta.annotation.security.RolesAllowed;

/**
 * 数字化能力佐证导入: the HR officer uploads platform figures (.csv or .xlsx) for a year. Either every row is
 * imported, or nothing is and the bad lines are listed with the reason.
 */
@Route("appraisal/evidence")
@RolesAllowed(AppRoles.HR_OFFICER)
public class EvidenceImportView extends VerticalLayout implements HasDynamicTitle {

    static final String TEMPLATE = "\uFEFF干部编号,姓名,指标编码,数值,说明\n";

    private final EvidenceImportService imports;
    private final UserContext user;

    final IntegerField year = new IntegerField();
    final Paragraph result = new Paragraph();
    final Grid<AppraisalException.RowError> errors = new Grid<>();

    public EvidenceImportView(EvidenceImportService imports, EvidenceImportLimits limits, AppraisalSettings settings,
                              UserService users) {
        this.imports = imports;
        this.user = users.current();
        addClassName("view");
        year.setId("evidence-year");
        year.setLabel(getTranslation("appraisal.year"));
        year.setValue(Year.now().getValue());
        year.setStepButtonsVisible(true);

        BoundedUpload upload = new BoundedUpload(limits.maxBytes(), this::importFile);
        upload.setId("evidence-upload");
        upload.setAcceptedFileTypes(".csv", ".xlsx");

        String indicators = settings.indicators().stream()
                .map(i -> i.code() + " " + getTranslation("appraisal.indicator." + i.code()))
                .collect(Collectors.joining("；"));
        byte[] template = TEMPLATE.getBytes(StandardCharsets.UTF_8);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(template), "evidence-template.csv", "text/csv", template.length)),
                getTranslation("appraisal.evidence.template"));
        download.setId("evidence-template");

        result.setId("evidence-result");
        errors.setId("evidence-errors");
        errors.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        errors.addColumn(AppraisalException.RowError::line).setHeader(getTranslation("appraisal.evidence.line"))
                .setAutoWidth(true);
        errors.addColumn(r -> getTranslation(r.key(), r.args().toArray()))
                .setHeader(getTranslation("appraisal.evidence.reason")).setFlexGrow(1);
        errors.setAllRowsVisible(true);
        errors.setVisible(false);

        add(new RouterLink(getTranslation("appraisal.back"), CampaignsView.class),
                new H2(getTranslation("appraisal.evidence.title")),
                new Paragraph(getTranslation("appraisal.evidence.help")),
                new Paragraph(getTranslation("appraisal.evidence.indicators", indicators)),
                new HorizontalLayout(year), download, upload, result, errors);
    }

    /** Imports the uploaded file and shows the count, or the bad lines (nothing imported). */
    public void importFile(String fileName, byte[] content) {
        try {
            int count = imports.importFile(fileName, content, year.getValue() == null ? 0 : year.getValue(),
                    user);
            result.setText(getTranslation("appraisal.evidence.imported", count, year.getValue()));
            errors.setItems(List.of());
            errors.setVisible(false);
        } catch (AppraisalException e) {
            result.setText(getTranslation(e.key(), e.args()));
            errors.setItems(e.rows());
            errors.setVisible(!e.rows().isEmpty());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("appraisal.evidence.title") + " · " + getTranslation("app.name");
    }
}
