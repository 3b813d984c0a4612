package cn.cadreflow.nodes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of a suite's own, to stop and start at will without disturbing the shared one: its own data
 * directory (initialised with {@code mariadb-install-db}, root without a password), a free port on 127.0.0.1, its
 * socket in the same temporary directory; a child process of the suite. Needs the mariadb-server package (which
 * {@code .ci/run} installs); runs as root with {@code --user=root} when the suite runs as root.
 */
final class PrivateMariaDb implements AutoCloseable {

    final Path dir;
    final int port;
    private final Thread killOnExit;
    private Process server;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.killOnExit = new Thread(() -> {
            if (server != null) {
                server.destroyForcibly();
            }
        }, "kill private MariaDB");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Initialises a fresh data directory and starts a server on it. */
    static PrivateMariaDb start() throws Exception {
        Path dir = Files.createTempDirectory("cadreflow-db");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        PrivateMariaDb db = new PrivateMariaDb(dir, port);
        List<String> install = new ArrayList<>(List.of(tool("mariadb-install-db", "mysql_install_db"), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=normal", "--skip-test-db"));
        install.addAll(asRoot());
        Process init = new ProcessBuilder(install).redirectErrorStream(true)
                .redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!init.waitFor(2, TimeUnit.MINUTES) || init.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed:\n" + Files.readString(dir.resolve("install.log")));
        }
        db.startServer();
        return db;
    }

    /** Starts the server on its data directory (after a crash too: InnoDB recovers) and waits until it answers. */
    void startServer() throws Exception {
        List<String> command = new ArrayList<>(List.of(tool("mariadbd", "mysqld"), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                "--log-error=" + dir.resolve("error.log")));
        command.addAll(asRoot());
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + server.exitValue() + ":\n" + errorLog());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("mariadbd did not answer on port " + port + ":\n" + errorLog());
    }

    /** {@code kill -9}: the server dies at once, mid-transaction; its clients' connections break. */
    void kill() throws InterruptedException {
        server.destroyForcibly();
        server.waitFor();
    }

    /** A clean shutdown (SIGTERM): the server closes its clients' connections and stops. */
    void stop() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(2, TimeUnit.MINUTES)) {
            kill();
        }
    }

    String port() {
        return String.valueOf(port);
    }

    String errorLog() {
        try {
            return Files.readString(dir.resolve("error.log"));
        } catch (IOException e) {
            return "(no error log: " + e + ")";
        }
    }

    /** Kills the server and deletes its files. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (server != null) {
            kill();
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** mariadbd refuses to run as root unless told to. */
    private static List<String> asRoot() {
        return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
    }

    /** The first of the names found on the PATH or in /usr/sbin, /usr/bin. */
    private static String tool(String... names) {
        List<Path> dirs = new ArrayList<>();
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isBlank()) {
                dirs.add(Path.of(d));
            }
        }
        dirs.add(Path.of("/usr/sbin"));
        dirs.add(Path.of("/usr/bin"));
        for (String name : names) {
            for (Path d : dirs) {
                if (Files.isExecutable(d.resolve(name))) {
                    return d.resolve(name).toString();
                }
            }
        }
        throw new IllegalStateException("none of " + List.of(names) + " found: the suite starts a MariaDB server of"
                + " its own and needs the mariadb-server package (bash .ci/run installs it)");
    }
}
