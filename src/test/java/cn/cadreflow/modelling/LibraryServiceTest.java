package cn.cadreflow.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.ModelProblem;
import cn.cadreflow.workflow.ModelRejected;
import cn.cadreflow.workflow.ModelVersion;
import cn.cadreflow.workflow.ModelVersion.Kind;

/**
 * The process library as an administrator uses it, on the real engine: the shipped models listed with their
 * versions; an upload the guard refuses deploys nothing and records nothing; a good one is deployed with the form
 * it names, recorded with who deployed it, and can be suspended and resumed. Anyone else is refused. The process
 * deployed here is a copy of the training leave that only a group nobody has may start, so no other test sees it.
 */
@CadreFlowTest
class LibraryServiceTest {

    @Autowired
    LibraryService library;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    UserContext as(String username) {
        return users.context(username).orElseThrow();
    }

    int deployments() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Integer.class);
    }

    int recorded() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM model_audit", Integer.class);
    }

    static byte[] copy(String change, String to) throws Exception {
        String leave = Files.readString(Path.of("processes/training-leave.bpmn"))
                .replace("id=\"trainingLeave\" name=\"培训请假\"", "id=\"libraryLeaveCopy\" name=\"培训请假副本\"")
                .replace("bpmnElement=\"trainingLeave\"", "bpmnElement=\"libraryLeaveCopy\"")
                .replace("camunda:candidateStarterGroups=\"CADRE\"", "camunda:candidateStarterGroups=\"NO_SUCH_GROUP\"");
        return leave.replace(change, to).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theShippedModelsAreListedWithTheirVersions() {
        List<LibraryEntry> entries = library.entries(as("admin"));
        assertThat(entries).extracting(e -> e.version().kind(), e -> e.version().key())
                .contains(org.assertj.core.groups.Tuple.tuple(Kind.PROCESS, "trainingLeave"),
                        org.assertj.core.groups.Tuple.tuple(Kind.PROCESS, "annualReview"),
                        org.assertj.core.groups.Tuple.tuple(Kind.DECISION, "annualReviewGrade"),
                        org.assertj.core.groups.Tuple.tuple(Kind.FORM, "trainingLeave"));
        LibraryEntry leave = entries.stream().filter(e -> e.version().key().equals("trainingLeave")
                && e.version().kind() == Kind.PROCESS).findFirst().orElseThrow();
        assertThat(leave.version().version()).isPositive();
        assertThat(leave.version().deployedAt()).isNotNull();
        assertThat(new String(library.content(as("admin"), leave.version().id()), StandardCharsets.UTF_8))
                .contains("<bpmn:process id=\"trainingLeave\"");
    }

    @Test
    void onlyAnAdministratorMayUseTheLibrary() throws Exception {
        int before = deployments();
        for (String user : List.of("zhangwei", "wangfang")) {
            UserContext actor = as(user);
            assertThat(catchThrowableOfType(LibraryException.class, () -> library.entries(actor)).messageKey())
                    .isEqualTo(LibraryService.UNAVAILABLE);
            byte[] good = copy("", "");
            assertThat(catchThrowableOfType(LibraryException.class, () -> library.deploy(actor, "copy.bpmn", good))
                    .messageKey()).isEqualTo(LibraryService.UNAVAILABLE);
        }
        assertThat(deployments()).isEqualTo(before);
    }

    @Test
    void aRefusedUploadDeploysAndRecordsNothing() throws Exception {
        int before = deployments();
        int recordedBefore = recorded();
        byte[] script = copy("camunda:expression=\"${trainingLeaveSteps.creditAttended(requestId)}\"",
                "camunda:class=\"java.lang.ProcessBuilder\"");
        ModelRejected rejected = catchThrowableOfType(ModelRejected.class,
                () -> library.deploy(as("admin"), "copy.bpmn", script));
        assertThat(rejected.problems()).extracting(ModelProblem::key, ModelProblem::elementId)
                .contains(org.assertj.core.groups.Tuple.tuple("guard.bpmn.javaDelegate", "creditAttended"));
        assertThat(library.check(as("admin"), "copy.bpmn", script)).isNotEmpty();
        assertThat(deployments()).isEqualTo(before);
        assertThat(recorded()).isEqualTo(recordedBefore);
    }

    @Test
    void aGoodModelIsDeployedWithItsFormRecordedAndCanBeSuspendedAndResumed() throws Exception {
        UserContext admin = as("admin");
        String deploymentId = library.deploy(admin, "library-leave-copy.bpmn", copy("", ""));
        List<LibraryEntry> entries = library.entries(admin);
        LibraryEntry copy = entries.stream().filter(e -> e.version().key().equals("libraryLeaveCopy")).findFirst()
                .orElseThrow();
        assertThat(copy.deployedBy()).isEqualTo("admin");
        assertThat(copy.version().deploymentId()).isEqualTo(deploymentId);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.version().kind()).isEqualTo(Kind.FORM);
            assertThat(e.version().key()).isEqualTo("trainingLeave");
            assertThat(e.version().deploymentId()).as("the form it names, deployed with it").isEqualTo(deploymentId);
        });

        library.suspend(admin, copy.version().id());
        assertThat(version(admin, copy.version().id()).suspended()).isTrue();
        library.resume(admin, copy.version().id());
        assertThat(version(admin, copy.version().id()).suspended()).isFalse();

        assertThat(library.record(admin, 10)).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::target)
                .startsWith(org.assertj.core.groups.Tuple.tuple("RESUME", "admin", copy.version().id()),
                        org.assertj.core.groups.Tuple.tuple("SUSPEND", "admin", copy.version().id()),
                        org.assertj.core.groups.Tuple.tuple("DEPLOY", "admin", "library-leave-copy.bpmn"));
        assertThat(catchThrowableOfType(LibraryException.class, () -> library.suspend(admin, "noSuchVersion:1:1"))
                .messageKey()).isEqualTo(LibraryService.UNAVAILABLE);
    }

    ModelVersion version(UserContext admin, String id) {
        return library.entry(admin, id).version();
    }
}
