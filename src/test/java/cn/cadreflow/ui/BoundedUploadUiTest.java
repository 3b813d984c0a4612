package cn.cadreflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.fakeservlet.FakeResponse;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The upload views read a file only up to their limit: one byte over and the user is told the file is too big,
 * in their language, and nothing is kept or imported (task attachments and evidence files: 10 MB; evidence
 * imports: 5 MB).
 */
@CadreFlowTest
class BoundedUploadUiTest extends KaribuSupport {

    static final int MB = 1024 * 1024;

    @Autowired
    ProcessStarts starts;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBodyWithoutEndIsReadOnlyUpToTheAttachmentLimit() throws IOException {
        String pi = starts.start("trainingLeave", "zhangwei",
                TrainingRequests.request("上传·无尽", TrainingRequests.nextFreeStart(), 2, 16));
        String task = queries.inbox("lijun", 0, 1000).stream().filter(t -> t.processInstanceId().equals(pi))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
        login("lijun");
        navigate("task/" + task);
        Upload upload = _get(Upload.class, spec -> spec.withId("upload"));
        UploadHandler handler = UploadKt.get_handler(upload);

        // a body that would go on for 200 MB, sent without a length
        Endless body = new Endless(200L * MB);
        VaadinServletRequest current = VaadinServletRequest.getCurrent();
        VaadinServletRequest request = new VaadinServletRequest(
                new HttpServletRequestWrapper(current.getHttpServletRequest()) {
                    @Override
                    public ServletInputStream getInputStream() {
                        return body;
                    }
                }, current.getService());
        VaadinServletResponse response = new VaadinServletResponse(new FakeResponse(), current.getService());
        handler.handleUploadRequest(new UploadEvent(request, response, VaadinSession.getCurrent(), "通知.pdf", -1,
                "application/pdf", upload.getElement(), null, null));
        handler.responseHandled(true, response);
        MockVaadin.clientRoundtrip();

        assertThat(body.read).as("bytes read").isLessThanOrEqualTo(10L * MB + 1);
        assertThat(response.getHttpServletResponse().getStatus()).isEqualTo(413);
        assertThat(notificationTexts()).contains("文件太大，不能超过 10 MB，未上传。");
        assertThat(queries.attachments(pi, "lijun")).isEmpty();
    }

    @Test
    void aFileTheBrowserFindsTooBigIsRefusedWithTheLimitInTheUsersLanguage() {
        String pi = starts.start("trainingLeave", "zhangwei",
                TrainingRequests.request("上传·浏览器", TrainingRequests.nextFreeStart(), 2, 16));
        String task = queries.inbox("lijun", 0, 1000).stream().filter(t -> t.processInstanceId().equals(pi))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
        login("lijun");
        navigate("task/" + task);
        Upload upload = _get(Upload.class, spec -> spec.withId("upload"));
        assertThat(upload.getMaxFileSize()).isEqualTo(10 * MB);
        // the browser checks the size before sending and reports it with the text the server gave it
        ComponentUtil.fireEvent(upload, new FileRejectedEvent(upload,
                upload.getI18n().getError().getFileIsTooBig(), "扫描件.pdf"));
        assertThat(notificationTexts()).contains("文件太大，不能超过 10 MB，未上传。");
        ComponentUtil.fireEvent(upload, new FileRejectedEvent(upload,
                upload.getI18n().getError().getIncorrectFileType(), "setup.exe"));
        assertThat(notificationTexts()).anyMatch(t -> t.startsWith("不支持该文件类型，请上传"));
    }

    @Test
    void anEvidenceFileOverTheAttachmentLimitIsNotTaken() {
        login("zhangwei");
        navigate("appraisal/my-evidence");
        byte[] pdf = new byte[10 * MB + 1];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 8);
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("evidence-upload")), "截图.pdf", "application/pdf",
                pdf);
        assertThat(notificationTexts()).contains("文件太大，不能超过 10 MB，未上传。");
        assertThat(_get(Paragraph.class, spec -> spec.withId("evidence-file")).getText()).as("no file chosen")
                .isEmpty();
    }

    @Test
    void anImportFileOverItsLimitIsRefusedAndNothingIsImported() {
        login("wangfang");
        navigate("appraisal/evidence");
        _setValue(_get(IntegerField.class, spec -> spec.withId("evidence-year")), 2016);
        long cadre = users.find("zhangwei").orElseThrow().cadreId();
        // one good line, then blank lines past 5 MB
        byte[] file = ("干部编号,指标编码,数值\n" + cadre + ",PLATFORM_USAGE,150\n" + "\n".repeat(5 * MB))
                .getBytes(StandardCharsets.UTF_8);
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM digital_evidence", Integer.class);

        UploadKt._upload(_get(Upload.class, spec -> spec.withId("evidence-upload")), "figures.csv", "text/csv", file);

        assertThat(notificationTexts()).contains("文件太大，不能超过 5 MB，未上传。");
        assertThat(_get(Paragraph.class, spec -> spec.withId("evidence-result")).getText()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM digital_evidence", Integer.class)).isEqualTo(before);
    }

    /** Zeros up to a length, counting what was read. */
    static final class Endless extends ServletInputStream {
        private final long length;
        long read;

        Endless(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - read);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            read += n;
            return n;
        }

        @Override
        public boolean isFinished() {
            return read >= length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
