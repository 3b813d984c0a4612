package cn.cadreflow.tolerance.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.security.UserContext;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.tolerance.ToleranceException;

/**
 * 提前陈述: the cadre a 问责线索 is about may write their statement on the case view while the lead waits for 受理,
 * before 听取本人陈述. It is kept as the case's statement: 听取本人陈述 shows it to be confirmed or edited, 调查核实
 * reads it, and it satisfies the rule that the investigation needs a statement or a recorded refusal. Anyone but
 * the cadre concerned, and a missing case, read the same refusal.
 */
@Service
public class EarlyStatements {

    /** As the statement's column and the 听取本人陈述 form keep it. */
    public static final int STATEMENT_MAX = 2000;

    private final CaseMapper cases;
    private final Clock clock;

    EarlyStatements(CaseMapper cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /** Whether this person may write (or rewrite) an early statement on the case now. */
    public boolean mayWrite(UserContext viewer, ToleranceCase c) {
        return c != null && c.kind() == ToleranceCase.Kind.LEAD && c.cadreId().equals(viewer.cadreId())
                && c.status() == ToleranceCase.Status.ACCEPTANCE && !Boolean.TRUE.equals(c.statementRefused());
    }

    /**
     * Keeps the cadre's early statement. Refused, changing nothing, for someone other than the cadre concerned or a
     * missing case (alike), a case past 受理, and a blank or over-long text.
     */
    @Transactional
    public void write(UserContext cadre, long caseId, String statement) {
        ToleranceCase c = cases.find(caseId);
        if (c == null || !c.cadreId().equals(cadre.cadreId())) {
            throw new ToleranceException("tolerance.early.error.notFound");
        }
        if (!mayWrite(cadre, c)) {
            throw new ToleranceException("tolerance.early.error.notOpen");
        }
        String text = statement == null ? "" : statement.strip();
        if (text.isEmpty()) {
            throw new ToleranceException(List.of(ToleranceException.Problem.of("statement",
                    "tolerance.early.error.required")));
        }
        if (text.length() > STATEMENT_MAX) {
            throw new ToleranceException(List.of(ToleranceException.Problem.of("statement",
                    "tolerance.early.error.tooLong", STATEMENT_MAX)));
        }
        cases.statement(caseId, text, false, clock.instant());
    }
}
