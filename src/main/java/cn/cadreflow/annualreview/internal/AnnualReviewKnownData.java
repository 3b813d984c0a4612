package cn.cadreflow.annualreview.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.KnownDataProvider;

/** What the annual review knows about a user who is a cadre, to prefill forms: last year's grade, platform usage. */
@Component
class AnnualReviewKnownData implements KnownDataProvider {

    private final UserService users;
    private final ReviewFacts facts;
    private final Clock clock;

    AnnualReviewKnownData(UserService users, ReviewFacts facts, Clock clock) {
        this.users = users;
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> knownData(String username) {
        Long cadreId = users.find(username).map(AppUser::cadreId).orElse(null);
        if (cadreId == null) {
            return Map.of();
        }
        int year = LocalDate.now(clock).getYear();
        return Map.of("lastYearGrade", facts.gradeOf(cadreId, year - 1),
                "platformUsage", facts.platformUsage(cadreId, year));
    }
}
