package org.peel.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every answer says how it may be used: a Content-Security-Policy, no-store on personal data, and how to sign in")
class SecurityHeadersTest {

    /** Anything the policy would refuse to run or apply: inline scripts, event handler attributes, inline styles. */
    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|<style[\\s>]|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);

    private static TestServer server;
    private static WebClient officer;
    private static WebClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        officer = server.signedIn("pc.headers", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        admin = server.signedIn("admin.headers", Role.ADMINISTRATOR, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("pages and API answers carry the policy and Cache-Control: no-store")
    void pagesAndApi() {
        for (HttpResponse<String> r : List.of(officer.get("/"), officer.get("/prevention/asb/new"),
                officer.get("/api/v1/me"), server.anonymous().get("/sign-in"), officer.get("/no/such/page"),
                server.anonymous().get("/api/v1/me"))) {
            String what = r.request().uri().getPath() + " " + r.statusCode();
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(what).contains("default-src 'self'").contains("script-src 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).as(what).isEqualTo("no-store");
        }
    }

    @Test
    @DisplayName("Peel's own static files may still be cached")
    void staticCacheable() {
        HttpResponse<String> css = server.anonymous().get("/assets/peel.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
    }

    @Test
    @DisplayName("no page holds anything the policy would block: inline script, on* handlers or style attributes")
    void nothingInline() {
        List<String> pages = List.of("/", "/prevention/asb/new", "/investigation/crimes/new", "/people/search",
                "/investigation/queue", "/places", "/prevention/cases");
        for (String page : pages) {
            HttpResponse<String> r = officer.get(page);
            assertThat(r.statusCode()).as(page).isLessThan(400);
            assertThat(INLINE.matcher(r.body()).results().map(m -> m.group()).toList()).as(page).isEmpty();
        }
        for (String page : List.of("/admin/users", "/admin/audit", "/measure/indicators")) {
            HttpResponse<String> r = admin.get(page);
            assertThat(r.statusCode()).as(page).isLessThan(400);
            assertThat(INLINE.matcher(r.body()).results().map(m -> m.group()).toList()).as(page).isEmpty();
        }
        assertThat(INLINE.matcher(server.anonymous().get("/sign-in").body()).find()).isFalse();
    }

    @Test
    @DisplayName("no template served as a page has inline script, on* handlers or style attributes")
    void templatesHaveNothingInline() throws java.io.IOException {
        // measure/report.jte and inspection/report.jte are printed reports (PDF or a saved HTML file) that carry their
        // styles inline only when printed; served as a page, the inspection report links its stylesheet instead
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src", "main", "jte"))) {
            List<String> found = files.filter(f -> f.toString().endsWith(".jte"))
                    .filter(f -> !f.endsWith(java.nio.file.Path.of("measure", "report.jte")))
                    .filter(f -> !f.endsWith(java.nio.file.Path.of("inspection", "report.jte")))
                    .flatMap(f -> {
                        try {
                            return INLINE.matcher(java.nio.file.Files.readString(f)).results()
                                    .map(m -> f + ": " + m.group());
                        } catch (java.io.IOException ex) {
                            throw new java.io.UncheckedIOException(ex);
                        }
                    }).toList();
            assertThat(found).isEmpty();
        }
    }

    @Test
    @DisplayName("an API 401 names the schemes: Bearer realm=\"peel\", for no credentials and for a bad token alike")
    void wwwAuthenticate() {
        HttpResponse<String> none = server.anonymous().get("/api/v1/me");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer realm=\"peel\"");
        HttpResponse<String> bad = server.anonymous().getWithHeader("/api/v1/crimes/CRP1", "Authorization", "Bearer nonsense");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer realm=\"peel\"");
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
