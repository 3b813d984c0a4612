package cn.cadreflow.workflow.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.upload.Upload;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.task.Signatures;

/**
 * Issue 14, 我的签名 and 附签名: an approver keeps a handwritten signature image, attaches it to a decision, and the
 * step list and the 审批单 show it beside their name, as it was when signed, to those who may read the request only.
 */
@CadreFlowTest
class SignatureUiTest extends KaribuSupport {

    /** The smallest PNG: a 1×1 image. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    Signatures signatures;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noSignatures() {
        jdbc.update("DELETE FROM wf_user_signature WHERE username IN ('lijun', 'wangfang', 'chenjing')");
    }

    String startRequest(String course) {
        return starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request(course, TrainingRequests.nextFreeStart(), 3, 24.0));
    }

    String taskOf(String user, String processInstanceId) {
        return queries.inbox(user, 0, 200).stream().filter(t -> t.processInstanceId().equals(processInstanceId))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
    }

    static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    static Checkbox attach() {
        // found through the row it sits in: it is hidden for a user without a signature
        return _get(SignatureChoice.class, spec -> spec.withId("signature-choice")).getChildren()
                .filter(c -> c.getId().filter("attach-signature"::equals).isPresent()).map(Checkbox.class::cast)
                .findFirst().orElseThrow();
    }

    static List<ListItem> steps() {
        return _get(OrderedList.class, spec -> spec.withId("step-list")).getChildren()
                .map(ListItem.class::cast).toList();
    }

    static boolean signed(Component c) {
        return c.getElement().getOuterHTML().contains("signature-image");
    }

    static void upload(String name, String type, byte[] content) {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("signature-upload")), name, type, content);
    }

    @Test
    void aSignatureIsUploadedAndRefusedFilesChangeNothing() {
        login("lijun");
        navigate("task/" + taskOf("lijun", startRequest("签名·上传")));
        assertThat(attach().isVisible()).as("no signature, no 附签名").isFalse();
        _click(button("my-signature"));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("signature-kept")).getText())
                .isEqualTo("已附签名的审批保留签署时的签名；更换或删除签名只影响以后的审批。");
        assertThat(_get(Div.class, spec -> spec.withId("signature-current")).getElement().getTextRecursively())
                .contains("尚未上传签名");

        upload("签名.png", "image/png", PNG);
        assertThat(notificationTexts()).contains("签名已保存。");
        assertThat(signatures.of("lijun")).hasValueSatisfying(s -> assertThat(s.content()).isEqualTo(PNG));
        _get(Image.class, spec -> spec.withClasses("signature-image"));

        // 300 KB, even with a PNG's first bytes: refused before it is read, the signature stays
        byte[] big = new byte[300 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        upload("大签名.png", "image/png", big);
        assertThat(notificationTexts()).anySatisfy(t -> assertThat(t).startsWith("文件太大"));
        // not an image, whatever its name says
        upload("签名.png", "image/png", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(notificationTexts()).contains("签名只能是 PNG 或 JPEG 图片，未保存。");
        assertThat(signatures.of("lijun")).hasValueSatisfying(s -> assertThat(s.content()).isEqualTo(PNG));

        // once the dialog closes, 附签名 is offered; removing the signature takes it away again
        _get(SignatureDialog.class, spec -> spec.withId("signature-dialog")).close();
        assertThat(attach().isVisible()).isTrue();
        _click(button("my-signature"));
        _click(button("signature-remove"));
        assertThat(signatures.of("lijun")).isEmpty();
        _get(SignatureDialog.class, spec -> spec.withId("signature-dialog")).close();
        assertThat(attach().isVisible()).isFalse();
    }

    @Test
    void anApprovalWithTheSignatureShowsItInTheStepListAndOnThePrintedForm() {
        signatures.save("lijun", PNG);
        String pi = startRequest("签名·审批");
        login("lijun");
        navigate("task/" + taskOf("lijun", pi));
        _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("opinion")).setValue("同意。");
        attach().setValue(true);
        _click(button("approve"));

        login("wangfang");
        navigate("task/" + taskOf("wangfang", pi));
        List<ListItem> steps = steps();
        assertThat(steps.get(1).getElement().getTextRecursively()).contains("李军");
        assertThat(signed(steps.get(1))).as("李军's signature beside his name").isTrue();
        assertThat(signed(steps.get(0))).isFalse();
        navigate("print/" + pi);
        assertThat(signed(_get(Div.class, spec -> spec.withId("print-steps")))).isTrue();

        // a later change or removal of 李军's signature does not change his signed decision, here or on the 审批单
        signatures.save("lijun", java.util.Arrays.copyOf(PNG, PNG.length + 1));
        signatures.remove("lijun");
        navigate("task/" + taskOf("wangfang", pi));
        assertThat(signed(steps().get(1))).as("the signature as it was when he signed").isTrue();
        navigate("print/" + pi);
        assertThat(signed(_get(Div.class, spec -> spec.withId("print-steps")))).isTrue();
        navigate("instance/" + pi);
        assertThat(signed(steps().get(1))).isTrue();

        // 王芳 has no signature: no 附签名 for her
        assertThat(signatures.of("wangfang")).isEmpty();
        navigate("task/" + taskOf("wangfang", pi));
        assertThat(attach().isVisible()).isFalse();

        // someone who may not see the request sees neither the steps nor the signature
        login("chenjing");
        navigate("print/" + pi);
        _assertNone(Div.class, spec -> spec.withId("print-steps"));
        _assertNone(Image.class, spec -> spec.withClasses("signature-image"));
        navigate("instance/" + pi);
        _assertNone(Image.class, spec -> spec.withClasses("signature-image"));
    }

    @Test
    void withoutTheTickNoSignatureIsShown() {
        signatures.save("lijun", PNG);
        String pi = startRequest("签名·不附");
        login("lijun");
        navigate("task/" + taskOf("lijun", pi));
        assertThat(attach().isVisible()).isTrue();
        _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("opinion")).setValue("同意。");
        _click(button("approve"));

        navigate("instance/" + pi);
        assertThat(steps()).noneMatch(SignatureUiTest::signed);
        navigate("print/" + pi);
        assertThat(signed(_get(Div.class, spec -> spec.withId("print-steps")))).isFalse();
    }
}
