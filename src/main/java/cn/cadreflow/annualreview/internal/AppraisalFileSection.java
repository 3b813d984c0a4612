package cn.cadreflow.annualreview.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.cadreflow.annualreview.AnnualReviews;
import cn.cadreflow.annualreview.Review;
import cn.cadreflow.annualreview.TrainingNeeds;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreFileSection;
import cn.cadreflow.i18n.AppI18NProvider;

/**
 * 年度考核 in the cadre file: per year the grade, total and part scores (once the cadre has been notified), the
 * decision date and the 三等功 flag, then the training needs a weak digital-capability score raised. The file view has checked access already.
 */
@Component
public class AppraisalFileSection implements CadreFileSection {

    private static final Set<String> RESULT_KNOWN = Set.of(Review.Status.NOTIFIED.name(),
            Review.Status.RECHECK.name(), Review.Status.FILED.name());

    private final AnnualReviews appraisal;
    private final TrainingNeeds needs;
    private final AppI18NProvider i18n;

    AppraisalFileSection(AnnualReviews appraisal, TrainingNeeds needs, AppI18NProvider i18n) {
        this.appraisal = appraisal;
        this.needs = needs;
        this.i18n = i18n;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleKey() {
        return "appraisal.file.title";
    }

    @Override
    public com.vaadin.flow.component.Component render(Cadre cadre, Locale locale) {
        List<Review> reviews = appraisal.reviewsOfCadre(cadre.id()).stream()
                .filter(r -> !Review.Status.TERMINATED.name().equals(r.status())).toList();
        Set<Integer> merit = appraisal.meritYears(cadre.id());

        Grid<Review> grid = new Grid<>();
        grid.setId("appraisal-reviews");
        grid.setAllRowsVisible(true);
        grid.addColumn(Review::reviewYear).setHeader(t("appraisal.file.year", locale)).setAutoWidth(true);
        grid.addColumn(r -> r.finalizedAt() != null ? gradeLabel(r.finalGrade(), locale)
                        : t("appraisal.file.inProgress", locale, t("appraisal.status." + r.status(), locale)))
                .setHeader(t("appraisal.file.grade", locale)).setAutoWidth(true);
        grid.addColumn(r -> score(r, r.totalScore())).setHeader(t("appraisal.file.total", locale))
                .setAutoWidth(true);
        grid.addColumn(r -> score(r, r.selfScore())).setHeader(t("appraisal.file.self", locale)).setAutoWidth(true);
        grid.addColumn(r -> score(r, r.peerScore())).setHeader(t("appraisal.file.peer", locale)).setAutoWidth(true);
        grid.addColumn(r -> score(r, r.leaderScore())).setHeader(t("appraisal.file.leader", locale))
                .setAutoWidth(true);
        grid.addColumn(r -> score(r, r.digitalScore())).setHeader(t("appraisal.file.digital", locale))
                .setAutoWidth(true);
        grid.addColumn(r -> r.finalizedAt() == null ? "" : r.finalizedAt().toLocalDate().toString())
                .setHeader(t("appraisal.file.decided", locale)).setAutoWidth(true);
        grid.addColumn(r -> merit.contains(r.reviewYear()) && r.finalizedAt() != null
                        ? t("appraisal.file.meritFlag", locale) : "")
                .setHeader(t("appraisal.file.merit", locale)).setAutoWidth(true);
        grid.setItems(reviews);
        grid.setEmptyStateText(t("appraisal.file.empty", locale));

        VerticalLayout box = new VerticalLayout(grid, new H4(t("appraisal.needs.title", locale)),
                TrainingNeedsGrid.ofCadre(needs.ofCadre(cadre.id()), i18n, locale));
        box.setPadding(false);
        return box;
    }

    private String gradeLabel(String grade, Locale locale) {
        return grade == null ? "" : i18n.getTranslation("appraisal.grade." + grade, locale);
    }

    private String t(String key, Locale locale, Object... args) {
        return i18n.getTranslation(key, locale, args);
    }

    /** Scores show once the cadre has the result in writing; before that the file shows where the review is. */
    private static String score(Review r, BigDecimal score) {
        return RESULT_KNOWN.contains(r.status()) ? score(score) : "";
    }

    public static String score(BigDecimal score) {
        return score == null ? "" : score.stripTrailingZeros().toPlainString();
    }
}
