package cn.cadreflow.nodes;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A CadreFlow server started by a suite as an operating-system process of its own ({@link NodeMain} on the test
 * class path, with the same Java), its output in a log file; driven through its control endpoint, stopped with
 * SIGTERM or killed with SIGKILL ({@code kill -9}).
 */
final class NodeProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final Path log;
    private final Process process;
    private final Thread killOnExit;
    private int controlPort;

    private NodeProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
        this.killOnExit = new Thread(process::destroyForcibly, "kill " + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * The command line of one server of a cluster: its database (the {@code mysql} profile's settings), demo data or
     * not, its job executor on and named in the job log ({@code hostname}), and a launch lease short enough for a
     * suite to see a stopped launch taken over (eight seconds, looked for every two). The executor looks for due
     * jobs at least every two seconds when idle (one minute by default).
     */
    static List<String> serverArguments(String name, String host, String port, String database, String user,
                                        String password, boolean demoData) {
        return List.of("--server.port=0", "--DB_HOST=" + host, "--DB_PORT=" + port, "--DB_NAME=" + database,
                "--DB_USER=" + user, "--DB_PASSWORD=" + password, "--cadreflow.demo-data=" + demoData,
                "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.wait-time-in-millis=1000",
                "--camunda.bpm.job-execution.max-wait=2000", "--camunda.bpm.generic-properties.properties.hostname="
                        + name,
                "--cadreflow.annual-review.launch-lease=PT8S", "--cadreflow.annual-review.launch-watch=PT2S",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.cn.cadreflow=INFO");
    }

    /**
     * Starts a node with these application arguments ({@code --name=value}), its output in a new log file; see
     * {@link #awaitReady}.
     */
    static NodeProcess start(String name, Path log, List<String> appArguments) throws IOException {
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                // two servers and the database share two cores with the suite: C1 only and the serial collector
                // start a server in about half the CPU time, and a node's work here is short
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-cp", classPath(), NodeMain.class.getName()));
        command.addAll(appArguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new NodeProcess(name, log, process);
    }

    /**
     * The suite's class path without empty entries: Surefire's ends with a separator, and an empty entry is the
     * working directory, the project itself, whose processes/ would then be deployed a second time.
     */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Waits until the node answers on its control endpoint; fails with the end of its log if it stops first. */
    NodeProcess awaitReady(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(NodeMain.READY)) {
                    controlPort = Integer.parseInt(line.substring(NodeMain.READY.length()).strip());
                    return this;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not start within " + timeout + ":\n" + tail());
    }

    /** Calls an operation of the node's control endpoint; the answer as the node gave it. */
    String call(String operation, Map<String, ?> parameters) {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + "/" + operation
                + "?" + query)).timeout(Duration.ofMinutes(3)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (IOException e) {
            return "error " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error " + e;
        }
    }

    /** Calls an operation that must succeed; the text after {@code ok}. */
    String ok(String operation, Map<String, ?> parameters) {
        String answer = call(operation, parameters);
        if (!answer.startsWith("ok")) {
            throw new IllegalStateException(name + " " + operation + " " + parameters + ": " + answer);
        }
        return answer.substring(2).strip();
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: the node dies at once, in whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the node as a service manager would (SIGTERM), killing it if it has not stopped within a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }
}
