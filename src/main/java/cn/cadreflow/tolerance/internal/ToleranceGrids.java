package cn.cadreflow.tolerance.internal;

import java.util.function.UnaryOperator;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

import cn.cadreflow.tolerance.ToleranceOutcome;

/** The columns an outcome shows wherever outcomes are listed: the 容错认定登记 view and the cadre file. */
final class ToleranceGrids {

    private ToleranceGrids() {
    }

    /** Matter, its date, outcome, decision date, 认定文号 and where it came from; {@code t} translates a message key. */
    static void addOutcomeColumns(Grid<ToleranceOutcome> grid, UnaryOperator<String> t) {
        grid.addColumn(ToleranceOutcome::matter).setHeader(t.apply("tolerance.matter")).setFlexGrow(1);
        grid.addColumn(o -> o.matterDate().toString()).setHeader(t.apply("tolerance.matterDate")).setAutoWidth(true);
        grid.addColumn(o -> t.apply("tolerance.outcome." + o.outcome().name()))
                .setHeader(t.apply("tolerance.outcome")).setAutoWidth(true);
        grid.addColumn(o -> o.decisionDate().toString()).setHeader(t.apply("tolerance.decisionDate"))
                .setAutoWidth(true);
        grid.addColumn(ToleranceOutcome::decisionNo).setHeader(t.apply("tolerance.decisionNo")).setAutoWidth(true);
        // a decision registered from paper is marked as such; the process's own carry its case
        grid.addColumn(o -> t.apply("tolerance.source." + o.source().name())).setHeader(t.apply("tolerance.source"))
                .setAutoWidth(true);
        // the written notice of an outcome the process decided, to print
        grid.addComponentColumn(o -> o.caseId() == null ? new Span()
                : new Anchor("tolerance/notice/" + o.caseId(), t.apply("tolerance.notice.link")))
                .setHeader(t.apply("tolerance.notice.link")).setAutoWidth(true);
    }
}
