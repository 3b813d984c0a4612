package cn.cadreflow.secondment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.secondment.SecondmentException;
import cn.cadreflow.secondment.SecondmentReports;
import cn.cadreflow.secondment.SecondmentReports.Flow;
import cn.cadreflow.secondment.SecondmentReports.Mover;
import cn.cadreflow.secondment.SecondmentReports.PumpRow;
import cn.cadreflow.secondment.SecondmentService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.DatePickers;
import cn.cadreflow.ui.EChart;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.Texts;
import jakarta.annotation.security.RolesAllowed;

/**
 * 挂职交流报表 for HR, over the officer's scope: how many are away and how many return decisions are overdue (the
 * dashboard lists them), the talent-pump figure by home unit, and the flows between levels over a chosen period as a
 * Sankey diagram. A click on a unit's row, a flow or a level (in the chart or in the table under it) lists the cadres
 * behind it, each name opening the cadre's file.
 */
@Route("secondments/reports")
@Menu(order = 9.6, title = "secondment.nav.reports", icon = "vaadin:chart-3d")
@RolesAllowed(AppRoles.HR_OFFICER)
public class SecondmentReportsView extends VerticalLayout implements HasDynamicTitle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecondmentReports reports;
    private final CadreService cadres;
    private final OrgService org;
    private final MessageSource messages;
    private final UserContext user;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    final EChart sankey = new EChart();
    private final Grid<Flow> flows = new Grid<>();
    private final Grid<PumpRow> pump = new Grid<>();
    private final H3 behindTitle = new H3();
    private final Grid<Mover> behind = new Grid<>();

    public SecondmentReportsView(SecondmentReports reports, SecondmentService secondments, CadreService cadres,
                                 OrgService org, MessageSource messages, UserService users, Texts texts,
                                 Clock clock) {
        this.reports = reports;
        this.cadres = cadres;
        this.org = org;
        this.messages = messages;
        this.user = users.current();
        addClassName("view");

        List<SecondmentService.Current> current = secondments.current(user);
        Paragraph summary = new Paragraph(getTranslation("secondment.report.summary", current.size(),
                current.stream().filter(SecondmentService.Current::decisionOverdue).count()));
        summary.setId("secondment-report-summary");
        RouterLink dashboard = new RouterLink(getTranslation("secondment.report.toDashboard"),
                SecondmentDashboardView.class);

        pump.setId("secondment-pump");
        pump.setAllRowsVisible(true);
        pump.setEmptyStateText(getTranslation("secondment.report.pumpNone"));
        OrgService.OrgTree tree = org.tree();
        pump.addColumn(r -> unit(tree, r.unitId())).setHeader(getTranslation("cadre.unit")).setAutoWidth(true);
        pump.addColumn(PumpRow::awayUp).setHeader(getTranslation("secondment.report.awayUp")).setAutoWidth(true);
        pump.addColumn(PumpRow::beyondTerm).setHeader(getTranslation("secondment.report.beyondTerm"))
                .setAutoWidth(true);
        pump.addColumn(PumpRow::keptForGood).setHeader(getTranslation("secondment.report.keptForGood"))
                .setAutoWidth(true);
        pump.addColumn(PumpRow::pumped).setHeader(getTranslation("secondment.report.pumped")).setAutoWidth(true);
        pump.setItems(reports.talentPump(user));
        pump.addItemClickListener(e -> showPumped(e.getItem()));

        LocalDate today = LocalDate.now(clock);
        for (DatePicker d : List.of(from, to)) {
            d.setI18n(DatePickers.i18n(texts, getLocale()));
        }
        from.setLabel(getTranslation("secondment.report.from"));
        from.setId("secondment-report-from");
        from.setValue(today.minusYears(1).plusDays(1));
        to.setLabel(getTranslation("secondment.report.to"));
        to.setId("secondment-report-to");
        to.setValue(today);
        Button show = new Button(getTranslation("secondment.report.show"), e -> showFlows());
        show.setId("secondment-report-show");
        HorizontalLayout period = new HorizontalLayout(from, to, show);
        period.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        sankey.setId("secondment-sankey");
        sankey.setHeight("420px");
        sankey.addItemClickListener(e -> FlowSankey.picked(e.key())
                .ifPresent(p -> showFlow(p.from(), p.to())));
        flows.setId("secondment-flows");
        flows.setAllRowsVisible(true);
        flows.setEmptyStateText(getTranslation("secondment.report.flowsNone"));
        flows.addColumn(f -> level(f.from())).setHeader(getTranslation("secondment.report.fromLevel"))
                .setAutoWidth(true);
        flows.addColumn(f -> level(f.to())).setHeader(getTranslation("secondment.report.toLevel")).setAutoWidth(true);
        flows.addColumn(Flow::out).setHeader(getTranslation("secondment.report.out")).setAutoWidth(true);
        flows.addColumn(Flow::returns).setHeader(getTranslation("secondment.report.returns")).setAutoWidth(true);
        flows.addItemClickListener(e -> showFlow(e.getItem().from(), e.getItem().to()));

        behindTitle.setId("secondment-behind-title");
        behind.setId("secondment-behind");
        behind.setAllRowsVisible(true);
        behind.setEmptyStateText(getTranslation("secondment.report.behindNone"));
        behindTitle.setVisible(false);
        behind.setVisible(false);

        add(new H2(getTranslation("secondment.report.title")), summary, dashboard,
                new H3(getTranslation("secondment.report.pumpTitle")),
                new Paragraph(getTranslation("secondment.report.pumpHint")), pump,
                new H3(getTranslation("secondment.report.flowsTitle")),
                new Paragraph(getTranslation("secondment.report.flowsHint")), period, sankey, flows,
                behindTitle, behind);
        showFlows();
    }

    private void showFlows() {
        try {
            List<Flow> rows = reports.flows(user, from.getValue(), to.getValue());
            flows.setItems(rows);
            sankey.setOption(JSON.writeValueAsString(FlowSankey.option(rows, messages, getLocale())));
            behindTitle.setVisible(false);
            behind.setVisible(false);
        } catch (SecondmentException e) {
            Notices.error(getTranslation(e.key(), e.args()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cadres behind a flow (both levels), or behind a level's node (one of them). */
    private void showFlow(OrgLevel source, OrgLevel target) {
        try {
            String what = source != null && target != null
                    ? getTranslation("secondment.report.behindFlow", level(source), level(target))
                    : source != null ? getTranslation("secondment.report.sourceNode", level(source))
                    : getTranslation("secondment.report.targetNode", level(target));
            show(getTranslation("secondment.report.behind", what),
                    reports.flowCadres(user, from.getValue(), to.getValue(), source, target));
        } catch (SecondmentException e) {
            Notices.error(getTranslation(e.key(), e.args()));
        }
    }

    private void showPumped(PumpRow row) {
        try {
            show(getTranslation("secondment.report.behind", unit(org.tree(), row.unitId())),
                    reports.pumpCadres(row.unitId(), user));
        } catch (SecondmentException e) {
            Notices.error(getTranslation(e.key(), e.args()));
        }
    }

    private void show(String title, List<Mover> movers) {
        Map<Long, Cadre> people = cadres.findAll(movers.stream().map(Mover::cadreId).distinct().toList());
        OrgService.OrgTree tree = org.tree();
        behind.removeAllColumns();
        behind.addComponentColumn(m -> fileLink(people.get(m.cadreId()), m.cadreId())).setKey("name")
                .setHeader(getTranslation("cadre.name")).setAutoWidth(true);
        behind.addColumn(m -> getTranslation("secondment.kind." + m.kind().name()))
                .setHeader(getTranslation("form.secondment.kind")).setAutoWidth(true);
        behind.addColumn(m -> getTranslation("secondment.movement." + m.movement().name()))
                .setHeader(getTranslation("secondment.report.movement")).setAutoWidth(true);
        behind.addColumn(m -> unit(tree, m.fromUnitId()) + " → " + unit(tree, m.toUnitId()))
                .setHeader(getTranslation("secondment.report.fromTo")).setAutoWidth(true);
        behind.addColumn(m -> m.on().toString()).setHeader(getTranslation("secondment.report.on"))
                .setAutoWidth(true);
        behind.setItems(movers);
        behindTitle.setText(title);
        behindTitle.setVisible(true);
        behind.setVisible(true);
    }

    private Component fileLink(Cadre cadre, long cadreId) {
        Anchor a = new Anchor("file/" + cadreId, cadre == null ? String.valueOf(cadreId) : cadre.name());
        a.addClassName("secondment-behind-cadre");
        return a;
    }

    private String level(OrgLevel level) {
        return FlowSankey.level(messages, level, getLocale());
    }

    private static String unit(OrgService.OrgTree tree, Long unitId) {
        return unitId == null ? "" : tree.unit(unitId).map(OrgUnit::name).orElse("");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("secondment.report.title") + " · " + getTranslation("app.name");
    }
}
