package cn.cadreflow.ui.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints how long the start took as a user sees it: from the JVM's start to the login page answering. Once the
 * application is ready it asks itself for {@code /login} and reports when the answer has come, so the figure is
 * the one {@code src/test/start-time.sh} measures from outside (see docs/benchmarks.md, "Start-up time").
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (port == null) {
            return; // no web server (a test context)
        }
        Thread probe = new Thread(() -> report(port), "startup-report");
        probe.setDaemon(true);
        probe.start();
    }

    private static void report(String port) {
        try {
            HttpURLConnection login = (HttpURLConnection) URI.create("http://localhost:" + port + "/login").toURL()
                    .openConnection();
            int status = login.getResponseCode();
            login.getInputStream().transferTo(OutputStream.nullOutputStream());
            double seconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
            String line = String.format("CadreFlow ready in %.1f s from process start (GET /login answered %d)",
                    seconds, status);
            log.info(line);
            System.out.println(line);
        } catch (IOException e) {
            log.warn("CadreFlow started, but GET /login did not answer: {}", e.toString());
        }
    }
}
