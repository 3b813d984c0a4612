package cn.cadreflow.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.ModelProblem;
import cn.cadreflow.workflow.ModelRejected;

/**
 * The broken and malicious set on the real deployment paths (the upload's {@link LibraryService#deploy} and
 * the modeller's {@link LibraryService#deployModel}), not only the guard alone: a script task, an external entity
 * (XXE), an expression calling {@code Runtime}, a bean outside the allowed facades, a form the library lacks,
 * malformed XML and a 50 MB file. Each is refused with its own problem, located and worded in both languages;
 * nothing is deployed and nothing recorded. Each is a small good process (accepted as it is) with one change.
 */
@CadreFlowTest
class MaliciousModelsTest {

    static final String REVIEW = MigrationTest.probeStep("review", "审核");

    @Autowired
    LibraryService library;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;

    static String good() {
        return new String(MigrationTest.probe("maliciousProbe", "填写", "review", "审核"), StandardCharsets.UTF_8);
    }

    static String reviewAs(String replacement) {
        String good = good();
        assertThat(good).contains(REVIEW);
        return good.replace(REVIEW, replacement);
    }

    int deployments() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Integer.class);
    }

    int recorded() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM model_audit", Integer.class);
    }

    /** Each hostile file, with the problem it must meet and the element (or file) that problem names. */
    static Map<String, String[]> hostile() {
        Map<String, String[]> set = new LinkedHashMap<>();
        set.put("script task", new String[] { reviewAs("<bpmn:scriptTask id=\"review\" scriptFormat=\"groovy\">"
                + "<bpmn:script>'rm -rf /'.execute()</bpmn:script></bpmn:scriptTask>"),
                "guard.bpmn.scriptTask", "review" });
        set.put("XXE", new String[] { good().replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                .replace("name=\"迁移探针\"", "name=\"&xxe;\""), "guard.xml.doctype", "maliciousProbe.bpmn" });
        set.put("Runtime", new String[] { reviewAs("<bpmn:serviceTask id=\"review\" "
                + "camunda:expression=\"${Runtime.getRuntime().exec(&apos;calc&apos;)}\"/>"),
                "guard.expression.notFacade", "review" });
        set.put("bean outside the allow-list", new String[] { reviewAs("<bpmn:serviceTask id=\"review\" "
                + "camunda:expression=\"${trainingLeaveService.approve(requestId)}\"/>"),
                "guard.expression.notFacade", "review" });
        set.put("missing form", new String[] { good().replace("<bpmn:userTask id=\"fill\"",
                "<bpmn:userTask id=\"fill\" camunda:formRef=\"noSuchForm\" camunda:formRefBinding=\"deployment\""),
                "guard.bpmn.formMissing", "fill" });
        set.put("malformed XML", new String[] { good().substring(0, good().length() / 2), "guard.xml.malformed",
                "maliciousProbe.bpmn" });
        return set;
    }

    @Test
    void theProbeItselfIsAccepted() {
        assertThat(library.check(as("admin"), "maliciousProbe.bpmn", good().getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void eachHostileModelIsRefusedOnEveryPathWithAClearMessageAndNothingDeployedOrRecorded() {
        UserContext admin = as("admin");
        int before = deployments();
        int recordedBefore = recorded();
        hostile().forEach((what, c) -> {
            byte[] file = c[0].getBytes(StandardCharsets.UTF_8);
            for (ModelRejected rejected : List.of(
                    catchThrowableOfType(ModelRejected.class, () -> library.deploy(admin, "maliciousProbe.bpmn", file)),
                    catchThrowableOfType(ModelRejected.class, () -> library.deployModel(admin, "maliciousProbe", file)))) {
                assertThat(rejected).as(what).isNotNull();
                ModelProblem problem = rejected.problems().stream().filter(p -> p.key().equals(c[1])).findFirst()
                        .orElseThrow(() -> new AssertionError(what + ": " + rejected.problems()));
                assertThat(problem.elementId()).as(what).isEqualTo(c[2]);
                clear(what, problem);
            }
        });
        assertThat(deployments()).isEqualTo(before);
        assertThat(recorded()).isEqualTo(recordedBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE KEY_ = 'maliciousProbe'",
                Integer.class)).isZero();
    }

    @Test
    void aFiftyMegabyteFileIsRefusedForItsSize() {
        UserContext admin = as("admin");
        int before = deployments();
        int recordedBefore = recorded();
        byte[] huge = new byte[50 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        byte[] head = good().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, huge, 0, head.length);
        for (ModelRejected rejected : List.of(
                catchThrowableOfType(ModelRejected.class, () -> library.deploy(admin, "maliciousProbe.bpmn", huge)),
                catchThrowableOfType(ModelRejected.class, () -> library.deployModel(admin, "maliciousProbe", huge)))) {
            assertThat(rejected.problems()).extracting(ModelProblem::key).containsExactly("guard.file.tooLarge");
            clear("50 MB", rejected.problems().get(0));
        }
        assertThat(deployments()).isEqualTo(before);
        assertThat(recorded()).isEqualTo(recordedBefore);
    }

    /** The problem reads as a sentence in both languages, naming where it is. */
    void clear(String what, ModelProblem problem) {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String text = messages.getMessage(problem.key(), problem.params(), locale);
            assertThat(text).as(what + " " + locale).contains(problem.elementId()).doesNotContain("{0}")
                    .hasSizeGreaterThan(problem.elementId().length() + 10);
        }
    }

    UserContext as(String username) {
        return users.context(username).orElseThrow();
    }
}
