package org.peel.investigation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every role against a Westminster domestic abuse crime: each read audited, each refusal audited, no entry for a rejected form")
class InvestigationDenyMatrixTest {

    private static TestServer server;
    private static String crimeId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        WebClient pc = server.signedIn("pc.matrix", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        HttpResponse<String> r = pc.postJson("/api/v1/crimes", """
                {"offence_group": "Violence with injury", "committed_at": "2024-03-01T21:15:00", "borough_code": "%s",
                 "domestic_abuse": true, "victims": [{"forenames": "A", "surname": "One"}]}""".formatted(Fixtures.WESTMINSTER),
                Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(r.statusCode()).isEqualTo(201);
        crimeId = r.body().replaceAll("(?s).*\"id\":\"(CRP\\d+)\".*", "$1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<AuditTrail.Entry> entries(String username) {
        return new AuditTrail(server.database().jdbi())
                .search(new AuditTrail.Filter(username, null, null, null, null, null), 500);
    }

    private record Call(String method, String path, boolean crimeRead) {
    }

    private static HttpResponse<String> send(WebClient client, Call call) {
        return switch (call.method()) {
            case "GET" -> call.path().startsWith("/api/")
                    ? client.getWithHeader(call.path(), "X-Purpose", "Deny matrix")
                    : client.get(call.path() + (call.crimeRead() ? "?purpose=Deny+matrix" : ""));
            default -> client.post(call.path(), Map.of());
        };
    }

    @Test
    @DisplayName("for each role and borough, a 403 leaves one refusal naming the request, a crime read one view, a 400 nothing")
    void matrix() {
        List<Call> calls = List.of(
                new Call("GET", "/investigation/crimes/" + crimeId, true),
                new Call("GET", "/api/v1/crimes/" + crimeId, true),
                new Call("POST", "/investigation/crimes/" + crimeId + "/reallocate", false),
                new Call("POST", "/investigation/crimes/" + crimeId + "/supervisory-reviews", false),
                new Call("POST", "/investigation/crimes/" + crimeId + "/plan", false),
                new Call("GET", "/investigation/caseloads", false));
        List<String> table = new ArrayList<>();
        int n = 0;
        for (Role role : Role.values()) {
            for (String borough : role.isLocal() ? List.of(Fixtures.WESTMINSTER, Fixtures.CAMDEN) : java.util.Collections.<String>singletonList(null)) {
                String username = "m" + (n++) + "." + role.slug();
                WebClient client = server.signedIn(username, role, borough);
                StringBuilder row = new StringBuilder(role.slug() + (borough == null ? "" : " " + borough) + ":");
                for (Call call : calls) {
                    int before = entries(username).size();
                    HttpResponse<String> r = send(client, call);
                    List<AuditTrail.Entry> fresh = entries(username).subList(0, entries(username).size() - before);
                    row.append(' ').append(r.statusCode());
                    String described = role + " " + borough + " " + call;
                    switch (r.statusCode()) {
                        case 403 -> assertThat(fresh).as(described).singleElement().satisfies(e -> {
                            assertThat(e.action()).isEqualTo("access-denied");
                            assertThat(e.detail()).startsWith(call.method() + " " + call.path() + ":");
                        });
                        case 400 -> assertThat(fresh).as(described).isEmpty();
                        case 200 -> {
                            if (call.crimeRead()) {
                                assertThat(fresh).as(described).singleElement().satisfies(e -> {
                                    assertThat(e.action()).isEqualTo("view");
                                    assertThat(e.recordId()).isEqualTo(crimeId);
                                    assertThat(e.purpose()).isEqualTo("Deny matrix");
                                });
                            }
                        }
                        default -> throw new AssertionError(described + " answered " + r.statusCode());
                    }
                }
                table.add(row.toString());
            }
        }
        // the matrix, for the record: page, API, reallocate, supervisory review, plan, caseloads
        table.forEach(System.out::println);
        assertThat(table).anySatisfy(r -> assertThat(r).startsWith("crime-management-supervisor " + Fixtures.WESTMINSTER
                + ": 200 200 400 400 400 200"));
    }
}
