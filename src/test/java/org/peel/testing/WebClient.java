package org.peel.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small browser for HTTP tests: keeps cookies (Peel's are Secure, which Java's CookieManager will not send over
 * plain HTTP, so it keeps them itself), follows no redirects, and fills in the page's CSRF token on posts.
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final TestServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    WebClient(TestServer server) {
        this.server = server;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).GET());
    }

    public HttpResponse<String> getWithHeader(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).header(header, value).GET());
    }

    /** Posts a form, adding the CSRF token of the last page seen unless the form has its own {@code _csrf}. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form whose fields may repeat (checkboxes), adding the CSRF token of the last page seen. */
    public HttpResponse<String> postRepeated(String path, java.util.List<Map.Entry<String, String>> form) {
        java.util.List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(form);
        if (csrf != null && fields.stream().noneMatch(e -> e.getKey().equals("_csrf"))) {
            fields.add(Map.entry("_csrf", csrf));
        }
        String body = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        return send(b.POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> postBytes(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * Sends a large body over a plain socket and returns the status line and headers of the answer. The server
     * may answer and close before the body is all sent, which a real client sees as a broken pipe after the
     * answer; java.net.http reports that as a failure, so this reads what the server said instead.
     */
    public String rawPost(String path, byte[] body, String contentType, Map<String, String> headers) {
        URI uri = URI.create(server.url(path));
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n");
            if (!cookies.isEmpty()) {
                head.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
            }
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // the server refused the body part-way: its answer is waiting to be read
            }
            byte[] answer = socket.getInputStream().readNBytes(4096);
            return new String(answer, StandardCharsets.ISO_8859_1);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    public void signIn(String username, String password) {
        get("/sign-in");
        HttpResponse<String> r = post("/sign-in", Map.of("username", username, "password", password, "next", "/"));
        if (r.statusCode() != 302) {
            throw new IllegalStateException("sign-in failed with " + r.statusCode());
        }
        get("/");
    }

    public String csrfToken() {
        return csrf;
    }

    public void forgetCsrf() {
        csrf = null;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        builder.timeout(java.time.Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            Matcher m = CSRF.matcher(response.body() == null ? "" : response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
