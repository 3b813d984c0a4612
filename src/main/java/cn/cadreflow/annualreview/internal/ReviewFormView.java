package cn.cadreflow.annualreview.internal;

import static cn.cadreflow.ui.FormTable.row;
import static cn.cadreflow.ui.FormTable.value;
import static cn.cadreflow.ui.FormTable.wide;

import java.math.BigDecimal;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import cn.cadreflow.ui.FormTable;
import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.CampaignService;
import cn.cadreflow.annualreview.Review;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreFormats;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceService;
import cn.cadreflow.workflow.WorkflowQueries;
import jakarta.annotation.security.RolesAllowed;

/**
 * 年度考核登记表: one cadre's review laid out as the registration form, ready to print (the print style sheet
 * hides the application shell and the buttons).
 */
@Route("appraisal/form/:reviewId")
@RolesAllowed(AppRoles.HR_OFFICER)
public class ReviewFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CampaignService campaigns;
    private final CadreService cadres;
    private final OrgService org;
    private final AppraisalReports reports;
    private final WorkflowQueries workflow;
    private final ToleranceService tolerance;
    private final UserContext user;
    private String title = "";

    public ReviewFormView(CampaignService campaigns, CadreService cadres, OrgService org,
                          AppraisalReports reports, WorkflowQueries workflow, ToleranceService tolerance,
                          UserService users) {
        this.campaigns = campaigns;
        this.cadres = cadres;
        this.org = org;
        this.reports = reports;
        this.workflow = workflow;
        this.tolerance = tolerance;
        this.user = users.current();
        addClassName("view");
        addClassName("print-form");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        title = getTranslation("appraisal.form.title");
        Review r;
        try {
            r = reports.review(Long.parseLong(event.getRouteParameters().get("reviewId").orElse("")), user);
        } catch (NumberFormatException | AppraisalException e) {
            r = null;
        }
        Cadre cadre = r == null ? null : cadres.find(r.cadreId()).orElse(null);
        if (r == null || cadre == null) {
            Paragraph p = new Paragraph(getTranslation("appraisal.form.notFound"));
            p.setId("appraisal-error");
            add(p);
            return;
        }
        Locale locale = getLocale();
        Button print = new Button(getTranslation("appraisal.form.print"),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("form-print");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(new RouterLink(getTranslation("appraisal.back"),
                CampaignProgressView.class, new RouteParameters("campaignId", String.valueOf(r.campaignId()))),
                print);
        actions.addClassName("no-print");
        actions.setAlignItems(Alignment.BASELINE);

        String unit = org.unit(r.unitId()).map(OrgUnit::name).orElse("");
        String post = org.post(cadre.postId()).map(Post::name).orElse("");
        H2 heading = new H2(getTranslation("appraisal.form.heading", r.reviewYear()));
        heading.addClassName("form-heading");

        NativeTable table = new NativeTable();
        table.setId("review-form");
        table.addClassName("registration-form");
        NativeTableBody body = new NativeTableBody();
        body.add(row(label("appraisal.col.name"), value(cadre.name(), "form-name"),
                label("appraisal.form.gender"), value(getTranslation("gender." + cadre.gender()), null),
                label("appraisal.form.birth"), value(CadreFormats.yearMonth(cadre.birthDate(), locale), "form-birth")));
        body.add(row(label("cadre.politicalStatus"), value(getTranslation("political." + cadre.politicalStatus()),
                        "form-political"),
                label("appraisal.form.education"), value(getTranslation("education." + cadre.education()),
                        "form-education"),
                label("directory.postSince"), value(CadreFormats.yearMonth(cadre.postSince(), locale),
                        "form-post-since")));
        body.add(row(label("appraisal.form.unitPost"), wide(value(unit + " " + post, null), 3),
                label("appraisal.year"), value(String.valueOf(r.reviewYear()), null)));
        NativeTableCell selfReport = wide(opinion(selfReport(r), ""), 5);
        selfReport.setId("form-self-report");
        body.add(row(label("appraisal.form.selfReport"), selfReport));
        body.add(row(label("appraisal.col.self"), value(score(r.selfScore()), null),
                label("appraisal.col.peer"), value(score(r.peerScore()), null),
                label("appraisal.col.leader"), value(score(r.leaderScore()), null)));
        body.add(row(label("appraisal.col.digital"), value(score(r.digitalScore()), null),
                label("appraisal.col.total"), value(score(r.totalScore()), null),
                label("appraisal.col.suggested"), value(reports.grade(r.suggestedGrade(), locale), null)));
        NativeTableCell tolerated = wide(opinion(tolerance.summary(r.cadreId(), r.reviewYear(), locale), ""), 5);
        tolerated.setId("form-tolerated");
        body.add(row(label("tolerance.form.matters"), tolerated));
        body.add(row(label("appraisal.form.leaderOpinion"), wide(opinion(r.leaderOpinion(),
                reports.grade(r.proposedGrade(), locale)), 5)));
        body.add(row(label("appraisal.form.hrOpinion"), wide(opinion(r.hrOpinion(),
                reports.grade(r.hrGrade(), locale)), 5)));
        body.add(row(label("appraisal.form.committeeOpinion"), wide(opinion(r.committeeOpinion(), ""), 5)));
        body.add(row(label("appraisal.col.final"), wide(value(reports.grade(r.finalGrade(), locale),
                "form-grade"), 5)));
        table.add(body);
        title = getTranslation("appraisal.form.title") + " · " + cadre.name();
        Paragraph campaign = new Paragraph(campaigns.campaign(r.campaignId()).name());
        campaign.addClassName("form-campaign");
        add(actions, heading, campaign, table);
    }

    private NativeTableCell label(String key) {
        return FormTable.label(getTranslation(key));
    }

    private NativeTableCell opinion(String text, String grade) {
        Div content = new Div();
        content.addClassName("form-opinion");
        content.setText(text == null ? "" : text);
        NativeTableCell cell = new NativeTableCell(content);
        if (!grade.isEmpty()) {
            cell.add(new Paragraph(getTranslation("appraisal.form.proposedGrade", grade)));
        }
        return cell;
    }

    /** The 述职 text the cadre submitted, read from the review's process. */
    private String selfReport(Review r) {
        if (r.processInstanceId() == null) {
            return "";
        }
        Object text = workflow.instance(r.processInstanceId(), user.username()).values().get("selfReport");
        return text == null ? "" : text.toString();
    }

    private static String score(BigDecimal score) {
        return score == null ? "" : score.stripTrailingZeros().toPlainString();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
