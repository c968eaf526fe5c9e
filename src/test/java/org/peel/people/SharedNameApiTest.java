package org.peel.people;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The JSON APIs that record someone new refuse a shared name without a detail or a reason, naming the field, as the forms do")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedNameApiTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        // 1 June 2026: an age of 30-35 stands for birth years 1990–1996, in which 7 of the 8 Ottilies were born
        server = TestServer.start(Map.of(), SharedAfterAgeWebTest.CLOCK);
        PeopleWebRecords.eightOttilies(server.database().jdbi(), 2026);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String crime(String victims) {
        return """
                {"offence_group": "Criminal damage and arson", "committed_at": "2026-05-30T21:15:00",
                 "borough_code": "%s", "victims": [%s]}""".formatted(Fixtures.WESTMINSTER, victims);
    }

    private static long count(String table) {
        return server.database().jdbi().withHandle(h -> h.createQuery("select count(*) from " + table)
                .mapTo(Long.class).one());
    }

    // the refusals first: they write nothing, so the name's 8 records are 8 when they are counted
    @Test
    @Order(1)
    @DisplayName("POST /api/v1/crimes: a victim's name alone, an age that leaves 7, a reason that is none: each refused on its field")
    void crimeApiRefuses() {
        WebClient pc = server.signedIn("pc.apicrime", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/");
        Map<String, String> headers = Map.of("X-CSRF-Token", pc.csrfToken());
        long crimesBefore = count("crime");

        HttpResponse<String> nameAlone = pc.postJson("/api/v1/crimes",
                crime("{\"forenames\": \"Ottilie\", \"surname\": \"Brackenbury\"}"), headers);
        // the second victim is the one: the first has a date of birth
        HttpResponse<String> second = pc.postJson("/api/v1/crimes", crime("""
                {"forenames": "Ann", "surname": "Other", "date_of_birth": "1970-01-01"},
                {"forenames": "Ottilie", "surname": "Brackenbury"}"""), headers);
        HttpResponse<String> afterAge = pc.postJson("/api/v1/crimes",
                crime("{\"forenames\": \"Ottilie\", \"surname\": \"Brackenbury\", \"age\": \"30-35\"}"), headers);
        HttpResponse<String> noReason = pc.postJson("/api/v1/crimes", crime(
                "{\"forenames\": \"Ottilie\", \"surname\": \"Brackenbury\", \"not_given\": \"busy\"}"), headers);

        assertThat(nameAlone.statusCode()).isEqualTo(400);
        assertThat(nameAlone.body()).contains("victims[0].date_of_birth")
                .contains("8 records in Peel have this forename and this surname");
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("victims[1].date_of_birth");
        assertThat(afterAge.statusCode()).isEqualTo(400);
        assertThat(afterAge.body()).contains("victims[0].age")
                .contains("7 records in Peel share this name and a birth year in 1990–1996");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("victims[0].not_given")
                .contains("Choose why the caller gave no date of birth, age or postcode");
        assertThat(count("crime")).isEqualTo(crimesBefore);
    }

    @Test
    @Order(3)
    @DisplayName("POST /api/v1/crimes: the same victim with the reason is recorded, and the reason kept; a business is not asked")
    void crimeApiKeepsReason() {
        WebClient pc = server.signedIn("pc.apicrime2", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/");
        Map<String, String> headers = Map.of("X-CSRF-Token", pc.csrfToken());

        HttpResponse<String> refused = pc.postJson("/api/v1/crimes", crime("""
                {"forenames": "Ottilie", "surname": "Brackenbury", "age": "30-35", "not_given": "REFUSED"}"""),
                headers);
        HttpResponse<String> business = pc.postJson("/api/v1/crimes",
                crime("{\"surname\": \"Brackenbury\", \"forenames\": \"Ottilie\", \"business\": true}"), headers);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(201);
        assertThat(business.statusCode()).as(business.body()).isEqualTo(201);
        Map<String, Object> kept = server.database().jdbi().withHandle(h -> h.createQuery("""
                        select g.reason, g.born_from, g.born_to, g.namesakes_in_years, r.source_type
                        from person_record_not_given g join person_record r on r.id = g.person_record_id
                        where g.recorded_by = 'pc.apicrime2'""").mapToMap().one());
        assertThat(kept).containsEntry("reason", "REFUSED").containsEntry("born_from", 1990)
                .containsEntry("born_to", 1996).containsEntry("namesakes_in_years", 7);
    }

    @Test
    @Order(2)
    @DisplayName("POST /api/v1/asb-incidents: refused on victim_dob and victim_age as the form is; with a reason, recorded and kept")
    void asbApi() {
        WebClient pc = server.signedIn("pc.apiasb", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        Map<String, String> headers = Map.of("X-CSRF-Token", pc.csrfToken());
        String call = """
                {"category":"nuisance","sub_type":"Noise","description":"Loud party","channel":"online",
                 "address":"Canal Row","victim_surname":"Brackenbury","victim_forenames":"Ottilie",%s
                 "caller_is_victim":"yes","targeted":"no","impact":"some","duration":"weeks"}""";

        HttpResponse<String> nameAlone = pc.postJson("/api/v1/asb-incidents", call.formatted(""), headers);
        HttpResponse<String> afterAge = pc.postJson("/api/v1/asb-incidents",
                call.formatted("\"victim_age\":\"30-35\","), headers);
        HttpResponse<String> withReason = pc.postJson("/api/v1/asb-incidents",
                call.formatted("\"victim_age\":\"30-35\",\"victim_not_given\":\"NOT_SAFE\","), headers);

        assertThat(nameAlone.statusCode()).isEqualTo(400);
        assertThat(nameAlone.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(nameAlone.body()).contains("\"victim_dob\":\"8 records in Peel have this forename and this surname");
        assertThat(afterAge.statusCode()).isEqualTo(400);
        assertThat(afterAge.body()).contains("\"victim_age\":\"7 records in Peel share this name and a birth year in"
                + " 1990–1996");
        assertThat(withReason.statusCode()).as(withReason.body()).isEqualTo(201);
        String reason = server.database().jdbi().withHandle(h -> h.createQuery("""
                        select reason from person_record_not_given where recorded_by = 'pc.apiasb'""")
                .mapTo(String.class).one());
        assertThat(reason).isEqualTo("NOT_SAFE");
    }
}
