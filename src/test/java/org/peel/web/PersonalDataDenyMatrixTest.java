package org.peel.web;

import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.people.PeopleStore;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and API read the server registers, asked by every role working in Westminster about a victim known only
 * from Camden records: a crime, an ASB call, and the person both resolve to. Whatever each route answers (its own
 * list, a refusal, "no such person"), no answer may carry the Camden victim's name or date of birth. The table of
 * answers is printed so that a reviewer sees the whole matrix, not only that it passed.
 */
@DisplayName("Deny matrix: no route shows a Westminster officer anything of a victim known only in Camden")
class PersonalDataDenyMatrixTest {

    private static final String SURNAME = "Quarrington";
    private static final String BORN = "1983-11-07";

    private static TestServer server;
    private static String crimeId;
    private static String asbId;
    private static String personRef;

    @BeforeAll
    static void camdenRecords() {
        server = TestServer.start();
        // given a Camden investigator records a crime against Zephyrine Quarrington
        WebClient dc = server.signedIn("dc.camden.matrix", Role.INVESTIGATOR, Fixtures.CAMDEN);
        HttpResponse<String> crime = dc.postJson("/api/v1/crimes", """
                {"offence_group": "Theft from the person", "committed_at": "2024-03-01T21:15:00", "borough_code": "%s",
                 "victims": [{"forenames": "Zephyrine", "surname": "%s", "date_of_birth": "%s"}]}"""
                .formatted(Fixtures.CAMDEN, SURNAME, BORN), Map.of("X-CSRF-Token", dc.csrfToken()));
        assertThat(crime.statusCode()).as(crime.body()).isEqualTo(201);
        crimeId = crime.body().replaceAll("(?s).*\"id\":\"(CRP\\d+)\".*", "$1");
        // and a Camden neighbourhood officer takes her ASB call
        WebClient pc = server.signedIn("pc.camden.matrix", Role.NEIGHBOURHOOD_OFFICER, Fixtures.CAMDEN);
        HttpResponse<String> asb = pc.postJson("/api/v1/asb-incidents", """
                {"category":"nuisance","sub_type":"Noise","description":"Loud music","channel":"online",
                 "address":"Camden Test Road","borough":"%s","victim_surname":"%s","victim_forenames":"Zephyrine",
                 "victim_dob":"%s","caller_is_victim":"yes","targeted":"no","impact":"some","duration":"once"}"""
                .formatted(Fixtures.CAMDEN, SURNAME, BORN), Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(asb.statusCode()).as(asb.body()).isEqualTo(201);
        asbId = asb.headers().firstValue("Location").orElseThrow().replace("/api/v1/asb-incidents/", "");
        // and both records are resolved into one person
        var jdbi = server.database().jdbi();
        List<Long> seqs = jdbi.withHandle(h -> h.createQuery("select seq from person_record where surname = :s order by seq")
                .bind("s", SURNAME).mapTo(Long.class).list());
        assertThat(seqs).hasSize(2);
        long person = new PeopleStore(jdbi).newPerson(seqs, Fixtures.intelligenceAnalyst(), "resolved");
        personRef = jdbi.withHandle(h -> h.createQuery("select public_ref::text from person where id = :id")
                .bind("id", person).mapTo(String.class).one());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every GET route the server registers, with its path parameters filled with the Camden records. */
    private static List<String> readRoutes() {
        TreeSet<String> paths = new TreeSet<>();
        server.app().unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            if (parsed.endpoint.method.equals(HandlerType.GET)) {
                paths.add(parsed.endpoint.path);
            }
        });
        List<String> filled = new ArrayList<>();
        for (String path : paths) {
            if (path.startsWith("/webjars") || path.startsWith("/assets") || path.equals("/sign-in")
                    || path.equals("/health")) {
                continue;
            }
            String p = path.replace("{personRef}", personRef)
                    .replace("{code}", Fixtures.CAMDEN)
                    .replace("{investigator}", "unknown");
            if (p.startsWith("/api/v1/asb-incidents/")) {
                p = p.replace("{id}", asbId);
            } else {
                p = p.replace("{id}", crimeId);
            }
            if (p.contains("{")) {
                continue;
            }
            filled.add(p);
        }
        // the searches, asked for her by name and date of birth
        String q = "surname=" + SURNAME + "&forename=Zephyrine&dob=" + BORN;
        filled.add("/people/search/results?" + q);
        filled.add("/people/likely?as=victim&victimSurname=" + SURNAME + "&victimForenames=Zephyrine&victimDob=" + BORN
                + "&for=asb-incident");
        filled.add("/people/likely?as=victim&victim_surname=" + SURNAME + "&victim_forenames=Zephyrine");
        filled.add("/api/v1/places/lookup?postcode=NW1");
        return filled;
    }

    @Test
    @DisplayName("every local role in Westminster, on every read route, sees neither her name nor her date of birth")
    void noRouteLeaks() {
        List<String> routes = readRoutes();
        assertThat(routes).contains("/people/" + personRef, "/api/v1/people/" + personRef,
                "/investigation/crimes/" + crimeId, "/api/v1/crimes/" + crimeId, "/api/v1/asb-incidents/" + asbId);
        StringBuilder table = new StringBuilder("route");
        List<Role> local = java.util.Arrays.stream(Role.values()).filter(Role::isLocal).toList();
        local.forEach(r -> table.append(" | ").append(r.slug()));
        table.append('\n');
        List<String> leaks = new ArrayList<>();
        List<WebClient> clients = new ArrayList<>();
        for (Role role : local) {
            clients.add(server.signedIn("w." + role.slug(), role, Fixtures.WESTMINSTER));
        }
        for (String route : routes) {
            table.append(route);
            for (int i = 0; i < local.size(); i++) {
                HttpResponse<String> r = read(clients.get(i), route);
                table.append(" | ").append(r.statusCode());
                if (r.body().contains(SURNAME) || r.body().contains(BORN)) {
                    leaks.add(local.get(i).slug() + " " + route + " -> " + r.statusCode());
                }
                assertThat(r.statusCode()).as(route).isLessThan(500);
            }
            table.append('\n');
        }
        System.out.println(table);
        assertThat(leaks).as("routes that showed the Camden victim to a Westminster officer").isEmpty();
    }

    @Test
    @DisplayName("the same routes do show her to a Camden investigator, so the check above can fail")
    void camdenSeesHer() {
        WebClient dc = server.signedIn("dc.camden.sees", Role.INVESTIGATOR, Fixtures.CAMDEN);
        assertThat(read(dc, "/people/" + personRef).body()).contains(SURNAME);
        assertThat(read(dc, "/api/v1/people/" + personRef).body()).contains(SURNAME);
        assertThat(read(dc, "/people/search/results?surname=" + SURNAME + "&dob=" + BORN).body()).contains(SURNAME);
        WebClient pc = server.signedIn("pc.camden.sees", Role.NEIGHBOURHOOD_OFFICER, Fixtures.CAMDEN);
        assertThat(read(pc, "/api/v1/asb-incidents/" + asbId).body()).contains(SURNAME);
    }

    /** A read with a stated purpose, for the roles that must give one. */
    private static HttpResponse<String> read(WebClient client, String route) {
        String purpose = URLEncoder.encode("Deny matrix", StandardCharsets.UTF_8);
        if (route.startsWith("/api/")) {
            return client.getWithHeader(route, "X-Purpose", "Deny matrix");
        }
        return client.get(route + (route.contains("?") ? "&" : "?") + "purpose=" + purpose);
    }
}
