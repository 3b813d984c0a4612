package cn.cadreflow.workflow.internal.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.task.Signatures;
import cn.cadreflow.workflow.internal.form.FormTexts;

/**
 * 审批单: one request laid out for printing, for whoever may see it (as the instance view: anyone else reads the
 * same words as for a request that does not exist): the header (process, number, applicant, unit, dates, state),
 * the values as submitted, and every step with its people, result, opinion and time. The print style sheet leaves
 * out the menu and the buttons.
 */
@Route("print/:instanceId")
@PermitAll
public class PrintView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkflowQueries queries;
    private final Signatures signatures;
    private final Texts texts;
    private final Clock clock;
    private String title = "";

    public PrintView(WorkflowQueries queries, Signatures signatures, Texts texts, Clock clock) {
        this.queries = queries;
        this.signatures = signatures;
        this.texts = texts;
        this.clock = clock;
        addClassNames("view", "approval-sheet", "print-form");
        setId("print-page");
    }

    /** The 打印审批单 link of a task or request view. */
    static RouterLink link(String processInstanceId) {
        RouterLink link = new RouterLink(PrintView.class, new RouteParameters("instanceId", processInstanceId));
        link.setText(link.getTranslation("print.open"));
        link.setId("print-link");
        link.addClassName("no-print");
        return link;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        TaskViewStyle.addTo(this);
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        String id = event.getRouteParameters().get("instanceId").orElse(null);
        Locale locale = getLocale();
        title = getTranslation("print.title");
        WorkflowViews.InstanceDetail detail;
        try {
            detail = queries.instance(id, user);
        } catch (WorkflowException e) {
            // out of reach reads as not there
            Paragraph p = new Paragraph(getTranslation("workflow.error.instanceGone"));
            p.setId("print-error");
            add(new H1(title), p);
            return;
        }
        WorkflowViews.InstanceSummary s = detail.summary();
        String process = texts.processName(s.processKey(), s.processName(), locale);
        title = process + " · " + getTranslation("print.title");
        Button print = new Button(getTranslation("print.print"),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("print-now");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(print,
                new RouterLink(getTranslation("print.back"), InstanceView.class, new RouteParameters("instanceId", id)));
        actions.addClassName("no-print");
        H1 heading = new H1(getTranslation("print.heading", process));
        heading.setId("print-title");
        add(actions, heading, header(detail, process, locale));
        if (detail.form() != null) {
            add(new H3(getTranslation("print.values")), values(detail.form(), detail.values(), locale));
        }
        SignatureImages images = new SignatureImages(signatures);
        add(new H3(getTranslation("print.steps")), steps(ApprovalSteps.of(s.processKey(), detail.timeline(),
                detail.pending(), images.signed(detail.timeline()), texts, locale), images));
        Paragraph printed = new Paragraph(getTranslation("print.printedAt", texts.dateTime(clock.instant())));
        printed.setId("print-printed");
        add(printed);
    }

    private Component header(WorkflowViews.InstanceDetail detail, String process, Locale locale) {
        WorkflowViews.InstanceSummary s = detail.summary();
        Map<String, Object> v = detail.values();
        Table t = new Table("print-header");
        t.row(getTranslation("print.process"), process);
        t.row(getTranslation("print.number"), s.businessKey() == null ? "—" : s.businessKey());
        t.row(getTranslation("print.applicant"), detail.starterName());
        // the unit and the person as the request recorded them (a form's 单位 and 姓名), when it did
        if (v.get("cadreName") != null && !v.get("cadreName").toString().equals(detail.starterName())) {
            t.row(getTranslation("print.subject"), v.get("cadreName").toString());
        }
        t.row(getTranslation("print.unit"), v.get("unitName") == null ? "—" : v.get("unitName").toString());
        t.row(getTranslation("print.started"), texts.dateTime(s.started()));
        t.row(getTranslation("print.ended"), s.ended() == null ? "—" : texts.dateTime(s.ended()));
        t.row(getTranslation("print.state"), StartedView.status(s, texts, locale));
        return t.html();
    }

    private Component values(FormDefinition form, Map<String, Object> values, Locale locale) {
        Table t = new Table("print-values");
        for (FormDefinition.FormField f : form.inputs()) {
            t.row(FormTexts.label(texts, form, f, locale), shown(form, f, values.get(f.key()), locale));
        }
        return t.html();
    }

    private String shown(FormDefinition form, FormDefinition.FormField f, Object v, Locale locale) {
        if (v == null || v.toString().isEmpty()) {
            return "—";
        }
        if (v instanceof Boolean b) {
            return getTranslation(b ? "print.yes" : "print.no");
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        for (FormDefinition.Option o : f.options()) {
            if (o.value().equals(v.toString())) {
                return FormTexts.option(texts, form, f, o, locale);
            }
        }
        return f.readonly() ? FormTexts.systemValue(texts, v.toString(), locale) : v.toString();
    }

    private Component steps(List<ApprovalSteps.Row> rows, SignatureImages images) {
        Table t = new Table("print-steps");
        t.head(List.of(getTranslation("print.step"), getTranslation("print.person"), getTranslation("print.result"),
                getTranslation("print.opinion"), getTranslation("print.time")));
        for (ApprovalSteps.Row r : rows) {
            t.cells("step-" + r.state(), List.of(r.step(), r.people().isEmpty() ? "—" : String.join("、", r.people())
                            + (r.target() == null ? "" : " → " + r.target()), r.stateText(),
                    r.opinion() == null ? "" : r.opinion(), r.at() == null ? "" : texts.dateTime(r.at())));
            if (r.signature() != null) {
                // the signature beside the person, as on a paper 审批单, as it was when signed
                images.image(r.signature()).ifPresent(img -> {
                    Div cell = new Div(img);
                    cell.addClassName("print-signature");
                    t.lastRowCell(1).appendChild(cell.getElement());
                });
            }
        }
        return t.html();
    }

    /** A plain table; every text is set as text, never as markup. */
    private static final class Table {

        private final Div box = new Div();
        private final Element body = new Element("tbody");
        private final Element table = new Element("table");

        Table(String id) {
            box.setId(id);
            table.appendChild(body);
            box.getElement().appendChild(table);
        }

        void head(List<String> labels) {
            Element row = new Element("tr");
            labels.forEach(l -> row.appendChild(new Element("th").setText(l)));
            table.insertChild(0, new Element("thead").appendChild(row));
        }

        void row(String label, String value) {
            body.appendChild(new Element("tr").appendChild(new Element("th").setText(label),
                    new Element("td").setText(value)));
        }

        void cells(String className, List<String> cells) {
            Element row = new Element("tr");
            row.getClassList().add(className);
            cells.forEach(c -> row.appendChild(new Element("td").setText(c)));
            body.appendChild(row);
        }

        /** The last row's cell at {@code index}, to add to. */
        Element lastRowCell(int index) {
            return body.getChild(body.getChildCount() - 1).getChild(index);
        }

        Div html() {
            return box;
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
