package org.peel.prevention;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The ASB call form asks the victim's ethnicity, records it on their person record and shows it back")
class AsbEthnicityRoutesTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> call(String surname, String ethnicity, String definedBy) {
        Map<String, String> form = AsbRoutesTest.call("");
        form.put("victimSurname", surname);
        form.put("victimEthnicity", ethnicity);
        form.put("victimEthnicityDefinedBy", definedBy);
        return form;
    }

    /** The self-defined code and observed group of the victim recorded with this surname, through people's view. */
    private static String ethnicityOf(String surname) {
        return server.database().jdbi().withHandle(h -> h.createQuery("""
                        select coalesce(e.self_defined_ethnicity, '-') || ' ' || coalesce(e.observed_group, '-')
                        from people_person_ethnicity_published e join person_record r on r.id = e.record_id
                        where r.surname = :s""")
                .bind("s", surname).mapTo(String.class).one());
    }

    private static int count(String sql) {
        return server.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    @DisplayName("an unknown category, an officer's \"not stated\" and an ethnicity with no victim are errors beside the field; nothing is recorded")
    void errors() {
        WebClient pc = server.signedIn("pc.errors", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        String form = pc.get("/prevention/asb/new").body();
        assertThat(form).contains("name=\"victimEthnicity\"").contains("<optgroup label=\"Asian\">")
                .contains("Gypsy or Irish Traveller").contains("value=\"officer-observed\"");
        HttpResponse<String> unknown = pc.post("/prevention/asb", call("Errant", "Q7", "self-defined"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("href=\"#victimEthnicity\"").contains("Choose the ethnicity from the list")
                .contains("value=\"Errant\"");
        HttpResponse<String> observedNotStated = pc.post("/prevention/asb", call("Errant", "NS", "officer-observed"));
        assertThat(observedNotStated.statusCode()).isEqualTo(400);
        assertThat(observedNotStated.body()).contains("an officer records the group they observed");
        Map<String, String> noVictim = call("", "W1", "self-defined");
        noVictim.put("category", "nuisance");
        noVictim.put("victimForenames", "");
        noVictim.put("victimDob", "");
        noVictim.put("victimPostcode", "");
        HttpResponse<String> nobody = pc.post("/prevention/asb", noVictim);
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains("Ethnicity is recorded for the victim");
        assertThat(count("select count(*) from person_record where surname = 'Errant'")).isZero();
    }

    @Test
    @DisplayName("the victim's self-defined ethnicity is recorded with the incident, audited with it, and shown on the answer and by the API")
    void recorded() {
        WebClient pc = server.signedIn("pc.saved", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/prevention/asb/new");
        HttpResponse<String> r = pc.post("/prevention/asb", call("Lovelace", "A4", "self-defined"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("data-testid=\"victim-ethnicity\"").contains("Chinese (Asian)");
        assertThat(ethnicityOf("Lovelace")).isEqualTo("A4 -");
        String incident = server.database().jdbi().withHandle(h -> h.createQuery(
                "select source_id from person_record where surname = 'Lovelace'").mapTo(String.class).one());
        // the incident's creation and the ethnicity's, by the same user, naming the victim's record
        assertThat(server.database().jdbi().<java.util.List<String>, RuntimeException>withHandle(h -> h.createQuery("""
                select action || ' ' || record_type || ' ' || outcome from audit_event
                where username = 'pc.saved' and action in ('create', 'ethnicity-record')""").mapTo(String.class).list()))
                .containsExactlyInAnyOrder("ethnicity-record person_record success", "create asb-incident success");
        HttpResponse<String> api = pc.get("/api/v1/asb-incidents/" + incident);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"self_defined_ethnicity\":\"A4\"").contains("\"observed_ethnicity\":null");
    }

    @Test
    @DisplayName("over the API an officer's observation is recorded as its broad group")
    void observedOverApi() {
        WebClient pc = server.signedIn("pc.json", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        String json = """
                {"category":"nuisance","sub_type":"Noise","description":"Loud party","channel":"online",
                 "address":"Test Square","victim_surname":"Hamilton","victim_forenames":"Margaret",
                 "caller_is_victim":"yes","targeted":"no","impact":"some","duration":"weeks",
                 "victim_ethnicity":"W2","victim_ethnicity_defined_by":"officer-observed"}""";
        HttpResponse<String> r = pc.postJson("/api/v1/asb-incidents", json, Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        // W2 is "Irish", in the White group: the officer's observation keeps only the group
        assertThat(ethnicityOf("Hamilton")).isEqualTo("- White");
        HttpResponse<String> bad = pc.postJson("/api/v1/asb-incidents",
                json.replace("\"W2\"", "\"XX\"").replace("Hamilton", "Hamiltonne"),
                Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"victim_ethnicity\":\"Choose the ethnicity from the list\"");
    }

    @Test
    @DisplayName("a call recorded into another borough is refused and audited, and no ethnicity is written")
    void refused() {
        WebClient pc = server.signedIn("pc.elsewhere", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/prevention/asb/new");
        Map<String, String> elsewhere = call("Hopper-Camden", "B1", "self-defined");
        elsewhere.put("borough", Fixtures.CAMDEN);
        assertThat(pc.post("/prevention/asb", elsewhere).statusCode()).isEqualTo(403);
        assertThat(count("""
                select count(*) from audit_event where username = 'pc.elsewhere' and action = 'access-denied'
                and record_type = 'asb-incident'""")).isEqualTo(1);
        assertThat(count("select count(*) from person_record where surname = 'Hopper-Camden'")).isZero();
        assertThat(count("select count(*) from audit_event where username = 'pc.elsewhere' and action = 'ethnicity-record'"))
                .isZero();
    }
}
