package cn.cadreflow.tolerance;

import static cn.cadreflow.tolerance.ToleranceFixture.CADRE;
import static cn.cadreflow.tolerance.ToleranceFixture.COLLEAGUE;
import static cn.cadreflow.tolerance.ToleranceFixture.HR;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.ProcessStarts.StartFile;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;

/**
 * 证据材料 sent with a 容错申请: the cadre adds files on the start page (and may take one off again), the case keeps
 * them, and its readers (the cadre, HR over the unit) find them on the case view to download, while a colleague
 * reads nothing, neither there nor through the task centre's queries; HR finds them under the 受理 task too. A file of a refused type, or more than ten
 * files, and nothing is opened.
 */
@CadreFlowTest
class ToleranceEvidenceUiTest extends KaribuSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;
    @Autowired
    UserService users;
    @Autowired
    ProcessStarts starts;
    @Autowired
    WorkflowQueries queries;

    @BeforeEach
    void setUp() {
        ToleranceFixture.ensure(jdbc, org, cadres, users);
    }

    static void upload(String name, String content) {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("open-evidence")), name, "text/plain",
                content.getBytes(StandardCharsets.UTF_8));
    }

    Map<String, Object> stored(String matter) {
        return jdbc.queryForMap("SELECT id, process_instance_id FROM tolerance_case WHERE matter = ?", matter);
    }

    Integer count(String matter) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tolerance_case WHERE matter = ?", Integer.class, matter);
    }

    /** The names of the files a list offers to download. */
    static List<String> downloads(String listId) {
        return _get(UnorderedList.class, spec -> spec.withId(listId)).getChildren()
                .flatMap(item -> item.getChildren()).filter(Anchor.class::isInstance)
                .map(a -> ((Anchor) a).getText()).toList();
    }

    @Test
    void aCadreSendsEvidenceWithTheApplicationAndOnlyTheCaseReadersFindIt() {
        login(CADRE);
        navigate("tolerance/open");
        String matter = "证据：随申请提交";
        ToleranceOpenUiTest.facts(matter);
        _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("open-category"))
                .setValue(ToleranceCase.Category.REFORM);
        upload("会议纪要.txt", "党委会会议纪要：研究同意先行先试。");
        upload("多余的.txt", "误选的文件");
        List<Button> removes = _find(Button.class, spec -> spec.withText(UI.getCurrent().getTranslation("tolerance.open.evidenceRemove")));
        assertThat(removes).hasSize(2);
        removes.get(1).click();
        ToleranceOpenUiTest.submit();

        Map<String, Object> row = stored(matter);
        String pi = (String) row.get("PROCESS_INSTANCE_ID");
        assertThat(queries.attachments(pi, CADRE)).extracting(a -> a.name()).containsExactly("会议纪要.txt");
        String id = row.get("ID").toString();
        navigate("tolerance/case/" + id);
        assertThat(downloads("case-evidence")).containsExactly("会议纪要.txt");
        String attachmentId = queries.attachmentsOf(pi).get(0).id();
        assertThat(new String(queries.attachmentContentOf(pi, attachmentId), StandardCharsets.UTF_8))
                .isEqualTo("党委会会议纪要：研究同意先行先试。");

        login(HR);
        navigate("tolerance/case/" + id);
        assertThat(downloads("case-evidence")).containsExactly("会议纪要.txt");
        // and under the 受理 task itself
        String task = queries.inbox(HR, 0, 500).stream().filter(t -> t.processInstanceId().equals(pi)).findFirst()
                .orElseThrow().taskId();
        navigate("task/" + task);
        assertThat(downloads("attachments")).containsExactly("会议纪要.txt");

        login(COLLEAGUE);
        navigate("tolerance/case/" + id);
        assertThat(_find(Paragraph.class, spec -> spec.withId("case-error"))).hasSize(1);
        assertThat(_find(UnorderedList.class, spec -> spec.withId("case-evidence"))).isEmpty();
        assertThatThrownBy(() -> queries.attachments(pi, COLLEAGUE)).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> queries.attachmentContent(pi, attachmentId, COLLEAGUE))
                .isInstanceOf(WorkflowException.class);
    }

    @Test
    void aFileOfARefusedTypeOpensNothing() {
        login(CADRE);
        navigate("tolerance/open");
        String matter = "证据：类型不符";
        ToleranceOpenUiTest.facts(matter);
        _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("open-category"))
                .setValue(ToleranceCase.Category.REFORM);
        upload("程序.exe", "MZ not a document");
        ToleranceOpenUiTest.submit();
        assertThat(count(matter)).isZero();
    }

    @Test
    void moreThanTenFilesOpenNothing() {
        String matter = "证据：文件过多";
        List<StartFile> files = new ArrayList<>();
        for (int i = 0; i <= ProcessStarts.MAX_START_FILES; i++) {
            files.add(new StartFile("材料" + i + ".txt", ("第" + i + "份").getBytes(StandardCharsets.UTF_8)));
        }
        assertThatThrownBy(() -> starts.start(ToleranceStep.PROCESS_KEY, CADRE,
                ToleranceFixture.application(matter), files))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                        .anyMatch(err -> "attachment.error.tooMany".equals(err.messageKey())));
        assertThat(count(matter)).isZero();
    }
}
