package cn.cadreflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Requests to the running app as one browser sends them: it keeps the session cookie, follows no redirect, and adds
 * the headers given to every request (a proxy's {@code X-Forwarded-*}).
 */
final class Browser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String origin;
    private final List<String> headers = new ArrayList<>();
    private String session;

    Browser(int port, String... headers) {
        this.origin = "http://localhost:" + port;
        this.headers.addAll(List.of(headers));
    }

    String origin() {
        return origin;
    }

    HttpResponse<String> get(String path, String... extraHeaders) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).GET(), extraHeaders);
    }

    /** Posts the login form as Vaadin's login form does, from this app's own page. */
    HttpResponse<String> signIn(String username, String password) {
        return post("/login", Map.of("username", username, "password", password), "Origin", origin);
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... extraHeaders) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), extraHeaders);
    }

    String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... extraHeaders) {
        List<String> all = new ArrayList<>(headers);
        all.addAll(List.of(extraHeaders));
        for (int i = 0; i < all.size(); i += 2) {
            request.header(all.get(i), all.get(i + 1));
        }
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .forEach(c -> session = c.substring("JSESSIONID=".length(), c.indexOf(';')));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
