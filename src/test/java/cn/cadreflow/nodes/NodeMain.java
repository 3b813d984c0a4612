package cn.cadreflow.nodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.cadreflow.CadreFlowApplication;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.annualreview.CampaignLauncher;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.StartRequest;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;

/**
 * One CadreFlow server of the multi-node suites, in a JVM of its own: the whole application under the {@code mysql}
 * profile, its arguments as on a real server's command line, plus a small control endpoint on 127.0.0.1 through which
 * a suite calls the application's own services, as its views do. Test code only: the shipped jar has no such endpoint.
 * Prints {@value #READY} and the endpoint's port once the application has started.
 *
 * <p>Every answer is plain text: {@code ok …}, {@code refused <message key>} (a {@link WorkflowException}, what a
 * user is told) or {@code error <exception>} (anything else).
 */
public final class NodeMain {

    public static final String READY = "NODE-CONTROL ";
    /** The test process of {@link #timers}: a timer catch event, then a task for the HR officers of a unit. */
    public static final String TIMER_PROCESS = "nodeTimer";

    private final ConfigurableApplicationContext app;

    private NodeMain(ConfigurableApplicationContext app) {
        this.app = app;
    }

    public static void main(String[] args) throws IOException {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CadreFlowApplication.class)
                .profiles("mysql")
                .web(WebApplicationType.SERVLET)
                .run(args);
        NodeMain node = new NodeMain(app);
        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        control.setExecutor(Executors.newCachedThreadPool());
        node.route(control, "/submit", node::submit);
        node.route(control, "/decide", node::decide);
        node.route(control, "/timers", node::timers);
        node.route(control, "/launch", node::launch);
        node.route(control, "/inbox", node::inbox);
        control.start();
        System.out.println(READY + control.getAddress().getPort());
    }

    /** {@code n} training-leave requests of {@code user}, ten days apart from day {@code from} on; their instance ids. */
    private String submit(Map<String, String> p) {
        ProcessStarts starts = app.getBean(ProcessStarts.class);
        int n = Integer.parseInt(p.getOrDefault("n", "1"));
        int from = Integer.parseInt(p.getOrDefault("from", "0"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate start = LocalDate.now().plusDays(3000 + 10L * (from + i));
            ids.add(starts.start("trainingLeave", p.get("user"),
                    TrainingRequests.request("数字政府专题班", start, 1, 8)));
        }
        return "ok " + String.join(",", ids);
    }

    /** 通过 / 不通过 a task; with {@code at} (epoch milliseconds) not before that moment, to race another node. */
    private String decide(Map<String, String> p) throws InterruptedException {
        if (p.containsKey("at")) {
            long wait = Long.parseLong(p.get("at")) - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        app.getBean(TaskCommands.class).decide(p.get("task"), p.get("user"),
                Boolean.parseBoolean(p.getOrDefault("approve", "true")), p.getOrDefault("opinion", "同意"));
        return "ok";
    }

    /**
     * Deploys the test process {@value #TIMER_PROCESS} (once) and starts {@code n} instances of it as {@code user},
     * 200 per transaction, each waiting for a timer due at {@code due} before its task for {@code hr-<unit>}.
     */
    private String timers(Map<String, String> p) throws IOException {
        RepositoryService repository = app.getBean(RepositoryService.class);
        if (repository.createProcessDefinitionQuery().processDefinitionKey(TIMER_PROCESS).count() == 0) {
            try (InputStream bpmn = NodeMain.class.getResourceAsStream("node-timer.bpmn")) {
                repository.createDeployment().name(TIMER_PROCESS).addInputStream("node-timer.bpmn", bpmn).deploy();
            }
        }
        ProcessStarts starts = app.getBean(ProcessStarts.class);
        int n = Integer.parseInt(p.get("n"));
        for (int from = 0; from < n; from += 200) {
            List<StartRequest> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 200); i++) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("due", p.get("due"));
                variables.put("unitId", Long.parseLong(p.get("unit")));
                batch.add(new StartRequest("timer-" + i, variables));
            }
            starts.startAll(TIMER_PROCESS, p.get("user"), batch);
        }
        return "ok " + n;
    }

    /** Records a campaign over {@code units} (comma-separated ids) and launches it in the background; its id. */
    private String launch(Map<String, String> p) {
        List<Long> units = Arrays.stream(p.get("units").split(",")).map(Long::valueOf).toList();
        long id = app.getBean(CampaignLauncher.class).launch(Integer.parseInt(p.get("year")), p.get("name"), units,
                p.getOrDefault("framework", "GRASSROOTS11"), p.get("user"));
        return "ok " + id;
    }

    /** How many tasks {@code user}'s 待办 counts. */
    private String inbox(Map<String, String> p) {
        return "ok " + app.getBean(WorkflowQueries.class).countInbox(p.get("user"));
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    interface Operation {
        String run(Map<String, String> parameters) throws Exception;
    }

    private void route(HttpServer server, String path, Operation operation) {
        server.createContext(path, exchange -> answer(exchange, parameters -> {
            try {
                return operation.run(parameters);
            } catch (WorkflowException e) {
                return "refused " + e.messageKey();
            } catch (Exception e) {
                return "error " + e;
            }
        }));
    }

    private static void answer(HttpExchange exchange, Function<Map<String, String>, String> handler)
            throws IOException {
        Map<String, String> parameters = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        byte[] body = handler.apply(parameters).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
