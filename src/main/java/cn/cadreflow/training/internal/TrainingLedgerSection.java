package cn.cadreflow.training.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreFileSection;
import cn.cadreflow.i18n.AppI18NProvider;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.training.TrainingRecord;

/** The training ledger in the cadre file, with this year's hours against the yearly requirement. */
@Component
class TrainingLedgerSection implements CadreFileSection {

    private final TrainingLedger training;
    private final AppI18NProvider i18n;
    private final Clock clock;

    TrainingLedgerSection(TrainingLedger training, AppI18NProvider i18n, Clock clock) {
        this.training = training;
        this.i18n = i18n;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleKey() {
        return "training.ledger";
    }

    @Override
    public com.vaadin.flow.component.Component render(Cadre cadre, Locale locale) {
        int year = LocalDate.now(clock).getYear();
        List<TrainingRecord> records = training.ledger(cadre.id());
        BigDecimal hours = records.stream().filter(r -> r.trainingYear() == year).map(TrainingRecord::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Paragraph summary = new Paragraph(i18n.getTranslation("training.ledgerSummary", locale, year,
                hours.stripTrailingZeros().toPlainString()));
        summary.setId("ledger-summary");

        Grid<TrainingRecord> grid = new Grid<>();
        grid.setId("training-ledger");
        grid.setAllRowsVisible(true);
        grid.addColumn(TrainingRecord::trainingYear).setHeader(i18n.getTranslation("training.year", locale))
                .setAutoWidth(true);
        grid.addColumn(TrainingRecord::courseName).setHeader(i18n.getTranslation("training.course", locale))
                .setAutoWidth(true);
        grid.addColumn(TrainingRecord::organizer).setHeader(i18n.getTranslation("training.organizer", locale))
                .setAutoWidth(true);
        grid.addColumn(r -> i18n.getTranslation("form.trainingLeave.trainingType." + r.trainingType(), locale))
                .setHeader(i18n.getTranslation("training.type", locale)).setAutoWidth(true);
        grid.addColumn(r -> r.startDate() + " ~ " + r.endDate())
                .setHeader(i18n.getTranslation("training.dates", locale)).setAutoWidth(true);
        grid.addColumn(r -> r.hours().stripTrailingZeros().toPlainString())
                .setHeader(i18n.getTranslation("training.hours", locale)).setAutoWidth(true);
        grid.setItems(records);
        grid.setEmptyStateText(i18n.getTranslation("training.ledgerEmpty", locale));

        VerticalLayout box = new VerticalLayout(summary, grid);
        box.setPadding(false);
        return box;
    }
}
