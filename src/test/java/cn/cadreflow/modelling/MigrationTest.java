package cn.cadreflow.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.MigrationPreview;
import cn.cadreflow.workflow.MigrationResult;
import cn.cadreflow.workflow.ModelVersion;

/**
 * Migrating running instances on the real engine: two versions of a small process deployed through the library,
 * real instances of the first waiting in its two steps; the second version renames the first step and replaces
 * the second. The preview maps the kept step, names the replaced one with the instances sitting in it, counts
 * who moves; the migration moves exactly those (their tasks go on in the new version), leaves the others, is
 * recorded, and is for the administrator only. Only a group nobody has may start the process, so no other test
 * sees it.
 */
@CadreFlowTest
public class MigrationTest {

    @Autowired
    LibraryService library;
    @Autowired
    UserService users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    /** One approval step for HR officers, as {@link #probe} writes it. */
    static String probeStep(String id, String name) {
        return """
                    <bpmn:userTask id="%s" name="%s" camunda:candidateGroups="HR_OFFICER">
                      <bpmn:extensionElements><camunda:properties><camunda:property name="cf.kind" value="approval"/>\
                <camunda:property name="cf.reject" value="end"/></camunda:properties></bpmn:extensionElements>
                    </bpmn:userTask>
                """.formatted(id, name);
    }

    /** start → {@code fill} → {@code second} → end; both steps approvals for HR officers. */
    public static byte[] probe(String key, String fillName, String secondId, String secondName) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="t">
                  <bpmn:process id="%1$s" name="迁移探针" isExecutable="true" camunda:historyTimeToLive="30" \
                camunda:candidateStarterGroups="NO_SUCH_GROUP">
                    <bpmn:startEvent id="start"/>
                """.formatted(key) + probeStep("fill", fillName) + probeStep(secondId, secondName) + """
                    <bpmn:endEvent id="end"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fill"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="fill" targetRef="%1$s"/>
                    <bpmn:sequenceFlow id="f3" sourceRef="%1$s" targetRef="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(secondId)).getBytes(StandardCharsets.UTF_8);
    }

    UserContext as(String username) {
        return users.context(username).orElseThrow();
    }

    String versionId(String key, int version) {
        return library.entries(as("admin")).stream().map(LibraryEntry::version)
                .filter(v -> v.kind() == ModelVersion.Kind.PROCESS && v.key().equals(key) && v.version() == version)
                .findFirst().orElseThrow().id();
    }

    String startAndWaitIn(String definitionId, boolean second) {
        String pi = runtime.startProcessInstanceById(definitionId, Map.of("initiator", "zhangwei")).getId();
        if (second) {
            tasks.complete(tasks.createTaskQuery().processInstanceId(pi).singleResult().getId(),
                    Map.of("approved", true));
        }
        return pi;
    }

    String waitingIn(String pi) {
        return tasks.createTaskQuery().processInstanceId(pi).singleResult().getTaskDefinitionKey();
    }

    @Test
    void thePreviewSaysWhatMapsWhereAndTheMigrationMovesThoseThatCanRecordedForTheAdministratorOnly() {
        UserContext admin = as("admin");
        library.deploy(admin, "migration-probe.bpmn", probe("migrationProbe", "填写", "review", "审核"));
        String v1 = versionId("migrationProbe", 1);
        String atFill1 = startAndWaitIn(v1, false);
        String atFill2 = startAndWaitIn(v1, false);
        String atReview = startAndWaitIn(v1, true);
        library.deploy(admin, "migration-probe.bpmn", probe("migrationProbe", "填写申请", "check", "复核"));
        String v2 = versionId("migrationProbe", 2);

        MigrationPreview preview = library.migrationPreview(admin, v1, v2);
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.sources()).extracting(MigrationPreview.Step::id, MigrationPreview.Step::type)
                .containsExactly(tuple("review", "userTask"));
        assertThat(preview.running()).isEqualTo(3);
        assertThat(preview.movable()).isEqualTo(2);
        assertThat(preview.mapped()).extracting(MigrationPreview.Mapping::sourceId, MigrationPreview.Mapping::sourceName,
                MigrationPreview.Mapping::targetId, MigrationPreview.Mapping::targetName)
                .contains(tuple("fill", "填写", "fill", "填写申请"))
                .noneMatch(t -> "review".equals(t.toList().get(0)));
        assertThat(preview.unmapped()).extracting(MigrationPreview.Unmapped::stepId,
                MigrationPreview.Unmapped::stepName, MigrationPreview.Unmapped::instances)
                .containsExactly(tuple("review", "审核", 1L));

        for (String user : List.of("zhangwei", "wangfang", "lijun")) {
            assertThat(catchThrowableOfType(LibraryException.class, () -> library.migrate(as(user), v1, v2))
                    .messageKey()).isEqualTo(LibraryService.UNAVAILABLE);
            assertThat(catchThrowableOfType(LibraryException.class,
                    () -> library.migrationPreview(as(user), v1, v2)).messageKey())
                    .isEqualTo(LibraryService.UNAVAILABLE);
        }
        assertThat(catchThrowableOfType(LibraryException.class, () -> library.migrate(admin, v1, v1)).messageKey())
                .isEqualTo(LibraryService.NOT_A_PAIR);
        String other = versionId("trainingLeave", 1);
        assertThat(catchThrowableOfType(LibraryException.class, () -> library.migrate(admin, v1, other))
                .messageKey()).isEqualTo(LibraryService.NOT_A_PAIR);
        assertThat(definitionOf(atFill1)).isEqualTo(v1);

        MigrationResult result = library.migrate(admin, v1, v2);
        assertThat(result.moved()).isEqualTo(2);
        assertThat(result.left()).isEqualTo(1);
        assertThat(result.refused()).isEmpty();
        assertThat(List.of(atFill1, atFill2)).allSatisfy(pi -> {
            assertThat(definitionOf(pi)).isEqualTo(v2);
            assertThat(waitingIn(pi)).isEqualTo("fill");
        });
        assertThat(definitionOf(atReview)).isEqualTo(v1);
        assertThat(waitingIn(atReview)).isEqualTo("review");
        assertThat(library.entry(admin, v1).version().running()).isEqualTo(1);
        assertThat(library.entry(admin, v2).version().running()).isEqualTo(2);

        // a moved instance goes on in the new version: after 填写申请 it reaches 复核, the step v1 did not have
        tasks.complete(tasks.createTaskQuery().processInstanceId(atFill1).singleResult().getId(),
                Map.of("approved", true));
        assertThat(waitingIn(atFill1)).isEqualTo("check");

        assertThat(library.record(admin, 1)).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::target)
                .containsExactly(tuple("MIGRATE", "admin", v1 + " -> " + v2));
        assertThat(library.record(admin, 1).get(0).detail()).contains("migrationProbe v1 -> v2", "2 moved",
                "1 left");

        MigrationPreview after = library.migrationPreview(admin, v1, v2);
        assertThat(after.running()).isEqualTo(1);
        assertThat(after.movable()).isZero();
    }

    @Test
    void aStepMappedByHandMovesItsInstancesAndAWrongMappingIsExplainedAndMovesNothing() {
        UserContext admin = as("admin");
        library.deploy(admin, "hand-probe.bpmn", probe("handProbe", "填写", "review", "审核"));
        String v1 = versionId("handProbe", 1);
        String atFill = startAndWaitIn(v1, false);
        String atReview = startAndWaitIn(v1, true);
        library.deploy(admin, "hand-probe.bpmn", probe("handProbe", "填写", "check", "复核"));
        String v2 = versionId("handProbe", 2);
        int audited = jdbc.queryForObject("SELECT COUNT(*) FROM model_audit", Integer.class);

        // each wrong mapping: its problem, about its steps; nothing maps, nothing would move, and migrating refuses
        assertProblem(v1, v2, Map.of("review", "nowhere"), MigrationPreview.UNKNOWN_TARGET, "review", "审核");
        assertProblem(v1, v2, Map.of("ghost", "check"), MigrationPreview.UNKNOWN_SOURCE, "ghost", "ghost");
        assertProblem(v1, v2, Map.of("review", "end"), MigrationPreview.UNKNOWN_TARGET, "review", "审核");
        assertProblem(v1, v2, Map.of("review", "start"), MigrationPreview.UNKNOWN_TARGET, "review", "审核");
        assertThat(catchThrowableOfType(LibraryException.class, () -> library.migrate(admin, v1, v2,
                Map.of("review", "nowhere"))).messageKey()).isEqualTo(LibraryService.MAPPING_REFUSED);
        assertThat(definitionOf(atFill)).isEqualTo(v1);
        assertThat(definitionOf(atReview)).isEqualTo(v1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_audit", Integer.class)).isEqualTo(audited);
        // nobody else learns anything by a mapping
        assertThat(catchThrowableOfType(LibraryException.class, () -> library.migrationPreview(as("wangfang"), v1, v2,
                Map.of("review", "check"))).messageKey()).isEqualTo(LibraryService.UNAVAILABLE);

        MigrationPreview preview = library.migrationPreview(admin, v1, v2, Map.of("review", "check"));
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.mapped()).extracting(MigrationPreview.Mapping::sourceId, MigrationPreview.Mapping::targetId,
                MigrationPreview.Mapping::targetName).contains(tuple("fill", "fill", "填写"), tuple("review", "check", "复核"));
        assertThat(preview.unmapped()).isEmpty();
        assertThat(preview.movable()).isEqualTo(2);

        MigrationResult result = library.migrate(admin, v1, v2, Map.of("review", "check"));
        assertThat(result.moved()).isEqualTo(2);
        assertThat(result.left()).isZero();
        assertThat(definitionOf(atReview)).isEqualTo(v2);
        assertThat(waitingIn(atReview)).isEqualTo("check");
        assertThat(waitingIn(atFill)).isEqualTo("fill");
        assertThat(library.record(admin, 1).get(0).detail()).contains("handProbe v1 -> v2", "2 moved",
                "mapped by hand: review->check");
        // the moved instance goes on from 复核 to the end
        tasks.complete(tasks.createTaskQuery().processInstanceId(atReview).singleResult().getId(),
                Map.of("approved", true));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(atReview).count()).isZero();
    }

    @Test
    void stepsOfDifferentKindsOrAMultiInstanceStepToASingleOneAreRefused() {
        UserContext admin = as("admin");
        library.deploy(admin, "kind-probe.bpmn", probe("kindProbe", "填写", "review", "审核"));
        String v1 = versionId("kindProbe", 1);
        startAndWaitIn(v1, true);
        String many = new String(probe("kindProbe", "填写", "check", "复核"), StandardCharsets.UTF_8).replaceAll(
                "(?s)(<bpmn:userTask id=\"check\".*?)</bpmn:userTask>",
                "$1<bpmn:multiInstanceLoopCharacteristics isSequential=\"true\"><bpmn:loopCardinality>2"
                        + "</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>");
        library.deploy(admin, "kind-probe.bpmn", many.getBytes(StandardCharsets.UTF_8));
        String v2 = versionId("kindProbe", 2);
        assertProblem(v1, v2, Map.of("review", "check"), MigrationPreview.MULTI_INSTANCE, "review", "审核");


        String timer = new String(probe("kindProbe", "填写", "check", "复核"), StandardCharsets.UTF_8).replaceAll(
                "(?s)<bpmn:userTask id=\"check\".*?</bpmn:userTask>",
                "<bpmn:intermediateCatchEvent id=\"check\" name=\"复核\"><bpmn:timerEventDefinition>"
                        + "<bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>"
                        + "</bpmn:intermediateCatchEvent>");
        library.deploy(admin, "kind-probe.bpmn", timer.getBytes(StandardCharsets.UTF_8));
        String v3 = versionId("kindProbe", 3);
        assertProblem(v1, v3, Map.of("review", "check"), MigrationPreview.INCOMPATIBLE, "review", "审核");
        assertThat(library.migrationPreview(admin, v1, v3, Map.of()).targets())
                .extracting(MigrationPreview.Step::id, MigrationPreview.Step::type)
                .contains(tuple("fill", "userTask"), tuple("check", "intermediateCatchEvent"));
    }

    void assertProblem(String v1, String v2, Map<String, String> mapping, String code, String sourceId,
                       String sourceName) {
        MigrationPreview p = library.migrationPreview(as("admin"), v1, v2, mapping);
        assertThat(p.problems()).extracting(MigrationPreview.Problem::code, MigrationPreview.Problem::sourceId,
                MigrationPreview.Problem::sourceName).containsExactly(tuple(code, sourceId, sourceName));
        assertThat(p.mapped()).isEmpty();
        assertThat(p.movable()).isZero();
    }

    String definitionOf(String pi) {
        return runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getProcessDefinitionId();
    }
}
