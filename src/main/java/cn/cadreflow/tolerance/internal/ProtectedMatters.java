package cn.cadreflow.tolerance.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceOutcome;
import cn.cadreflow.tolerance.ToleranceService;
import cn.cadreflow.workflow.SubjectNotes;

/**
 * Every task about a cadre, in any process, shows the approver the cadre's protected matters: those a
 * fault-tolerance review exempted (免责), mitigated (从轻减轻) or cleared (澄清正名), whatever the year, each with
 * its outcome and 认定文号, and the rule that they must not count against the cadre.
 */
@Component
class ProtectedMatters implements SubjectNotes {

    private final ToleranceService tolerance;
    private final UserService users;
    private final MessageSource messages;

    ProtectedMatters(ToleranceService tolerance, UserService users, MessageSource messages) {
        this.tolerance = tolerance;
        this.users = users;
        this.messages = messages;
    }

    @Override
    public List<String> notes(String subject, Locale locale) {
        Long cadreId = users.find(subject).map(AppUser::cadreId).orElse(null);
        if (cadreId == null) {
            return List.of();
        }
        List<String> lines = tolerance.ofCadre(cadreId).stream()
                .filter(o -> o.outcome() != ToleranceOutcome.Outcome.NOT_TOLERATED)
                .map(o -> messages.getMessage("tolerance.protected.item", new Object[] {o.matter(),
                        o.matterDate().toString(), messages.getMessage("tolerance.outcome." + o.outcome().name(),
                        null, locale), o.decisionNo()}, locale))
                .toList();
        if (lines.isEmpty()) {
            return lines;
        }
        return Stream.concat(lines.stream(), Stream.of(messages.getMessage("tolerance.protected.rule", null, locale)))
                .toList();
    }
}
