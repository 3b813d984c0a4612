package cn.cadreflow.tolerance.internal;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.tolerance.ToleranceCases;
import cn.cadreflow.tolerance.ToleranceException;
import cn.cadreflow.tolerance.ToleranceStep;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.TextLimit;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.UserDirectory.DirectoryUser;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import jakarta.annotation.security.PermitAll;

/**
 * One 容错纠错 case, read-only, for those who may read it ({@link ToleranceCases}: the cadre, HR over the unit, admin,
 * the case's officers, and the 组织部长 over the unit an overdue 受理 escalates to): who it is about, where it stands,
 * the investigator, and the timeline. HR over the unit may here hand an open investigation to another discipline
 * officer (改派调查人员, {@link Investigators}). A missing case and one out of reach read the same.
 */
@Route("tolerance/case/:caseId")
@PermitAll
public class ToleranceCaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The case view's address without the case's id. */
    static final String ROUTE = "tolerance/case/";

    private final ToleranceCases cases;
    private final Investigators investigators;
    private final EarlyStatements early;
    private final CadreService cadres;
    private final OrgService org;
    private final UserService users;
    private final UserDirectory directory;
    private final WorkflowQueries queries;
    private final Texts texts;

    public ToleranceCaseView(ToleranceCases cases, Investigators investigators, EarlyStatements early,
                             CadreService cadres, OrgService org, UserService users, UserDirectory directory,
                             WorkflowQueries queries, Texts texts) {
        this.cases = cases;
        this.investigators = investigators;
        this.early = early;
        this.cadres = cadres;
        this.org = org;
        this.users = users;
        this.directory = directory;
        this.queries = queries;
        this.texts = texts;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("caseId").orElse("");
        show(id.matches("\\d{1,18}") ? Long.parseLong(id) : -1);
    }

    private void show(long caseId) {
        removeAll();
        UserContext viewer = users.current();
        ToleranceCase c = caseId < 0 ? null : cases.readable(viewer, caseId).orElse(null);
        add(new H2(getTranslation("tolerance.caseView.title")));
        if (c == null) {
            Paragraph refused = new Paragraph(getTranslation("tolerance.caseView.unavailable"));
            refused.setId("case-error");
            add(refused);
            return;
        }
        String cadre = cadres.find(c.cadreId()).map(Cadre::name).orElse("");
        String unit = org.unit(c.unitId()).map(OrgUnit::name).orElse("");
        Paragraph about = new Paragraph(getTranslation("tolerance.caseView.about", "RC-" + c.id(), cadre, unit,
                getTranslation("tolerance.caseView.kind." + c.kind().name()),
                getTranslation("tolerance.caseView.status." + c.status().name())));
        about.setId("case-about");
        Paragraph matter = new Paragraph(getTranslation("tolerance.caseView.matter", c.matter(),
                c.matterDate().toString()));
        matter.setId("case-matter");
        Paragraph category = new Paragraph(getTranslation("tolerance.caseView.category",
                getTranslation("tolerance.category." + c.category().name())));
        category.setId("case-category");
        Paragraph investigator = new Paragraph(getTranslation("tolerance.caseView.investigator",
                c.investigator() == null ? "—" : nameOf(c.investigator())));
        investigator.setId("case-investigator");
        add(about, category, matter, investigator);
        if (investigators.mayReassign(viewer, c)) {
            add(reassignForm(viewer, c));
        }
        if (early.mayWrite(viewer, c)) {
            add(earlyStatementForm(viewer, c));
        }
        add(new H3(getTranslation("tolerance.caseView.evidence")), evidence(c));
        add(new H3(getTranslation("tolerance.caseView.timeline")), timeline(c));
    }

    /** 证据材料: the files sent with the application or lead and those attached at the steps, to download. */
    private Component evidence(ToleranceCase c) {
        List<WorkflowViews.AttachmentInfo> files = c.processInstanceId() == null ? List.of()
                : queries.attachmentsOf(c.processInstanceId());
        if (files.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("tolerance.caseView.noEvidence"));
            none.setId("case-evidence");
            return none;
        }
        UnorderedList list = new UnorderedList();
        list.setId("case-evidence");
        for (WorkflowViews.AttachmentInfo file : files) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] bytes = queries.attachmentContentOf(c.processInstanceId(), file.id());
                return new DownloadResponse(new ByteArrayInputStream(bytes), file.name(),
                        "application/octet-stream", bytes.length);
            }), file.name());
            link.getElement().setAttribute("download", true);
            list.add(new ListItem(link, new Span(" " + texts.dateTime(file.created()))));
        }
        return list;
    }

    private Div reassignForm(UserContext hr, ToleranceCase c) {
        ComboBox<DirectoryUser> target = new ComboBox<>(getTranslation("tolerance.reassign.target"));
        target.setId("reassign-target");
        target.setItems(investigators.candidates(c));
        target.setItemLabelGenerator(DirectoryUser::name);
        TextArea reason = TextLimit.apply(new TextArea(getTranslation("tolerance.reassign.reason")),
                Investigators.REASON_MAX);
        reason.setId("reassign-reason");
        reason.setWidthFull();
        Button save = new Button(getTranslation("tolerance.reassign.submit"), e -> {
            target.setInvalid(false);
            reason.setInvalid(false);
            try {
                investigators.reassign(hr, c.id(), target.getValue() == null ? null : target.getValue().id(),
                        reason.getValue());
                Notices.success(getTranslation("tolerance.reassign.done", target.getValue().name()));
                show(c.id());
            } catch (ToleranceException ex) {
                for (ToleranceException.Problem p : ex.problems()) {
                    String text = getTranslation(p.key(), p.args().toArray());
                    if ("investigator".equals(p.field())) {
                        target.setErrorMessage(text);
                        target.setInvalid(true);
                    } else if ("reason".equals(p.field())) {
                        reason.setErrorMessage(text);
                        reason.setInvalid(true);
                    } else {
                        Notices.error(text);
                    }
                }
            }
        });
        save.setId("reassign-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(new H3(getTranslation("tolerance.reassign.title")), target, reason, save);
        form.setId("reassign");
        return form;
    }

    /** 提前陈述: the cadre a lead is about writes their statement before 听取本人陈述 ({@link EarlyStatements}). */
    private Div earlyStatementForm(UserContext cadre, ToleranceCase c) {
        TextArea statement = TextLimit.apply(new TextArea(getTranslation("tolerance.early.statement")),
                EarlyStatements.STATEMENT_MAX);
        statement.setId("early-statement");
        statement.setWidthFull();
        if (c.statement() != null) {
            statement.setValue(c.statement());
        }
        Button save = new Button(getTranslation("tolerance.early.submit"), e -> {
            statement.setInvalid(false);
            try {
                early.write(cadre, c.id(), statement.getValue());
                Notices.success(getTranslation("tolerance.early.saved"));
                show(c.id());
            } catch (ToleranceException ex) {
                for (ToleranceException.Problem p : ex.problems()) {
                    String text = getTranslation(p.key(), p.args().toArray());
                    if ("statement".equals(p.field())) {
                        statement.setErrorMessage(text);
                        statement.setInvalid(true);
                    } else {
                        Notices.error(text);
                    }
                }
            }
        });
        save.setId("early-statement-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(new H3(getTranslation("tolerance.early.title")),
                new Paragraph(getTranslation("tolerance.early.hint")), statement, save);
        form.setId("early");
        return form;
    }

    private UnorderedList timeline(ToleranceCase c) {
        UnorderedList list = new UnorderedList();
        list.setId("case-timeline");
        list.addClassName("timeline");
        if (c.processInstanceId() == null) {
            return list;
        }
        for (TimelineEntry e : queries.timelineOf(c.processInstanceId())) {
            ListItem item = new ListItem(new Div(texts.dateTime(e.at()) + " · " + texts.stepName(
                    ToleranceStep.PROCESS_KEY, e.stepKey(), e.stepName(), getLocale())),
                    new Div(getTranslation("action." + e.action().name(), e.actorName(),
                            e.targetName() == null ? "" : e.targetName())));
            if (e.opinion() != null) {
                Div opinion = new Div(e.opinion());
                opinion.addClassName("opinion");
                item.add(opinion);
            }
            list.add(item);
        }
        return list;
    }

    private String nameOf(String username) {
        return directory.user(username).map(DirectoryUser::name).orElse(username);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tolerance.caseView.title") + " · " + getTranslation("app.name");
    }
}
