package cn.cadreflow.trainingplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.TrainingNeed;
import cn.cadreflow.annualreview.TrainingNeeds;
import cn.cadreflow.secondment.Secondment;
import cn.cadreflow.secondment.SecondmentService;
import cn.cadreflow.security.UserService;
import cn.cadreflow.trainingplan.internal.PlanInputs;
import cn.cadreflow.trainingplan.schedule.PlanCadre;

/**
 * The plan inputs read secondments, training needs and preferences for all cadres in batches: the batch reads give
 * what the per-cadre reads give, and a plan's inputs carry each cadre's own wishes and gaps.
 */
@CadreFlowTest
class PlanInputsBatchTest {

    @Autowired
    SecondmentService secondments;
    @Autowired
    TrainingNeeds needs;
    @Autowired
    PreferenceService preferences;
    @Autowired
    PlanInputs inputs;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void clean() {
        jdbc.update("DELETE FROM training_need WHERE capability_code = 'BATCH1'");
        jdbc.update("DELETE FROM training_preference WHERE plan_year = 2031");
    }

    @Test
    void batchReadsGiveWhatPerCadreReadsGive() {
        List<Long> ids = jdbc.queryForList("SELECT id FROM cadre ORDER BY id", Long.class);
        Map<Long, List<Secondment>> allSecondments = secondments.ofCadres(ids);
        Map<Long, List<TrainingNeed>> allNeeds = needs.ofCadres(ids);
        for (long id : ids) {
            assertThat(allSecondments.getOrDefault(id, List.of())).as("secondments of " + id)
                    .containsExactlyElementsOf(secondments.ofCadre(id));
            assertThat(allNeeds.getOrDefault(id, List.of())).as("needs of " + id)
                    .containsExactlyElementsOf(needs.ofCadre(id));
        }
        assertThat(secondments.ofCadres(List.of())).isEmpty();
        assertThat(needs.ofCadres(List.of())).isEmpty();
    }

    @Test
    void aPlansInputsCarryEachCadresWishesAndGaps() {
        long zhangwei = users.context("zhangwei").orElseThrow().cadreId();
        long unitId = jdbc.queryForObject("SELECT unit_id FROM cadre WHERE id = ?", Long.class, zhangwei);
        jdbc.update("INSERT INTO training_need (cadre_id, capability_code, capability_name, status, created_at)"
                + " VALUES (?, 'BATCH1', '法治示范能力', 'OPEN', CURRENT_TIMESTAMP)", zhangwei);
        preferences.save(new TrainingPreferences(zhangwei, 2031, new TreeSet<>(List.of(10, 14)),
                new TreeSet<>(List.of(20)), List.of()), users.context("zhangwei").orElseThrow());

        PlanInputs.Inputs built = inputs.build(2031, List.of(unitId));
        PlanCadre his = built.problem().cadres().stream().filter(c -> c.id().equals(String.valueOf(zhangwei)))
                .findFirst().orElseThrow();
        assertThat(his.preferredWeeks()).as("ISO weeks 10 and 14, zero-based").containsExactlyInAnyOrder(9, 13);
        assertThat(his.impossibleWeeks()).contains(19);
        assertThat(his.capabilityGaps()).contains("法治示范能力");
        assertThat(built.problem().cadres()).filteredOn(c -> !c.id().equals(String.valueOf(zhangwei)))
                .allSatisfy(c -> assertThat(c.preferredWeeks()).isEmpty());
    }
}
