package cn.cadreflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.cadreflow.TrainingRequests;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * Uploads over HTTP against the running server, as the upload component sends them (multipart/form-data to
 * the URL Vaadin gives the component) and as anything else might: the task centre's attachments go through up
 * to the configured 10 MB, and nothing larger, nor any body that is not multipart, is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-upload-http;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false"})
class UploadHttpTest {

    static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    ProcessStarts starts;
    @Autowired
    WorkflowQueries queries;

    @Test
    void attachmentsUpToTheLimitAreStoredAndNothingElseIs() throws Exception {
        String pi = starts.start("trainingLeave", "zhangwei",
                TrainingRequests.request("上传限额", TrainingRequests.nextFreeStart(), 2, 16));
        String task = queries.inbox("lijun", 0, 1000).stream().filter(t -> t.processInstanceId().equals(pi))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
        Browser lijun = new Browser("http://localhost:" + port, "lijun");
        URI upload = lijun.open("task/" + task);

        // a raw 40 MB body is refused before anything reads it
        HttpResponse<String> raw = lijun.send(HttpRequest.newBuilder(upload).expectContinue(true)
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf(40 * MB))));
        assertThat(raw.statusCode()).isEqualTo(415);
        assertThat(queries.attachments(pi, "lijun")).isEmpty();

        // 5 MB, below the 10 MB limit (Spring's default multipart limit was 1 MB): stored
        assertThat(lijun.upload(upload, "通知.pdf", pdf(5 * MB), true).statusCode()).isEqualTo(200);
        assertThat(queries.attachments(pi, "lijun")).extracting(WorkflowViews.AttachmentInfo::name)
                .containsExactly("通知.pdf");
        upload = lijun.refresh(); // the task view was redrawn with the new attachment

        // one byte over, whether the length is declared or not: refused, nothing stored
        assertThat(lijun.upload(upload, "大.pdf", pdf(10 * MB + 1), true).statusCode()).isEqualTo(413);
        assertThat(lijun.upload(upload, "更大.pdf", pdf(12 * MB), false).statusCode()).isEqualTo(413);
        assertThat(queries.attachments(pi, "lijun")).hasSize(1);

        // exactly the limit: stored
        assertThat(lijun.upload(upload, "正好.pdf", pdf(10 * MB), true).statusCode()).isEqualTo(200);
        assertThat(queries.attachments(pi, "lijun")).extracting(WorkflowViews.AttachmentInfo::name)
                .containsExactlyInAnyOrder("通知.pdf", "正好.pdf");
    }

    static byte[] pdf(int size) {
        byte[] content = new byte[size];
        byte[] magic = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, content, 0, magic.length);
        return content;
    }

    /**
     * A signed-in browser session that speaks just enough of Vaadin's client protocol to open a view and find
     * its upload's URL: the bootstrap request, then the navigation event and empty round trips.
     */
    static final class Browser {

        private static final Pattern KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
        private static final Pattern SYNC = Pattern.compile("\"syncId\":(\\d+)");
        private static final Pattern UPLOAD = Pattern.compile("VAADIN/dynamic/resource/\\d+/[0-9a-f-]+/upload");

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;
        private String securityKey;
        private int syncId;
        private int clientId;

        Browser(String base, String username) throws IOException, InterruptedException {
            this.base = base;
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", base) // a sign-in from another site is refused
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=Demo%402026")));
            assertThat(login.headers().firstValue("Location")).as("signed in").hasValue(base + "/");
        }

        /** Opens the route and returns the URL of its upload. */
        URI open(String route) throws IOException, InterruptedException {
            String init = send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location="
                    + java.net.URLEncoder.encode(route, StandardCharsets.UTF_8))).GET()).body();
            Matcher key = KEY.matcher(init);
            assertThat(key.find()).as("Vaadin's bootstrap answered").isTrue();
            securityKey = key.group(1);
            return uidl("[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                    + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}]");
        }

        /** A round trip that fetches what changed on the server; returns the upload's URL as it is now. */
        URI refresh() throws IOException, InterruptedException {
            return uidl("[]");
        }

        private URI uidl(String rpc) throws IOException, InterruptedException {
            String body = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":" + rpc + ",\"syncId\":" + syncId
                    + ",\"clientId\":" + clientId++ + "}";
            String answer = send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=0"))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body))).body();
            Matcher sync = SYNC.matcher(answer);
            assertThat(sync.find()).as("a UIDL answer").isTrue();
            syncId = Integer.parseInt(sync.group(1));
            Matcher upload = UPLOAD.matcher(answer);
            String last = null;
            while (upload.find()) {
                last = upload.group();
            }
            assertThat(last).as("the view has an upload").isNotNull();
            return URI.create(base + "/" + last);
        }

        /** One file as the upload component posts it; without a declared length when {@code sized} is false. */
        HttpResponse<String> upload(URI target, String fileName, byte[] content, boolean sized)
                throws IOException, InterruptedException {
            String boundary = "----CadreFlowUpload" + System.nanoTime();
            ByteArrayOutputStream form = new ByteArrayOutputStream(content.length + 512);
            form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            form.writeBytes(content);
            form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] body = form.toByteArray();
            return send(HttpRequest.newBuilder(target)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(sized ? HttpRequest.BodyPublishers.ofByteArray(body)
                            : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
