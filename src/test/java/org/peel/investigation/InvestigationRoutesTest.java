package org.peel.investigation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Recording crimes over HTTP: the form, the JSON API, the queue and reallocation")
class InvestigationRoutesTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
        WestminsterDomesticAbuseTeam.add(server.database().jdbi(), "DC Patel", "DC Okafor");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> domesticAssault() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("offence", "VIOLENCE_WITH_INJURY");
        f.put("committed", "2024-03-01 21:15");
        f.put("borough", Fixtures.WESTMINSTER);
        f.put("domestic_abuse", "on");
        f.put("victim_forenames", "Alex");
        f.put("victim_surname", "Example");
        f.put("victim_evidence_affected", "on");
        f.put("personal_statement", "OFFERED");
        f.put("suspect_forenames", "Sam");
        f.put("suspect_surname", "Sample");
        return f;
    }

    @Test
    @DisplayName("The form's answer shows the allocation and the Victims' Code deadlines in the same response")
    void formRecordsAndShowsAllocation() {
        WebClient pc = server.signedIn("pc.form", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        assertThat(pc.get("/investigation/crimes/new").statusCode()).isEqualTo(200);
        HttpResponse<String> r = pc.post("/investigation/crimes", domesticAssault());
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("Crime recorded").contains("Allocated at recording to DC Patel")
                .contains("Details passed to victim services").contains("Enhanced service");
    }

    @Test
    @DisplayName("Errors are shown beside their fields and nothing is recorded")
    void formErrors() {
        WebClient pc = server.signedIn("pc.errors", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/investigation/crimes/new");
        Map<String, String> f = domesticAssault();
        f.put("committed", "yesterday");
        f.remove("offence");
        HttpResponse<String> r = pc.post("/investigation/crimes", f);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"committed-error\"").contains("id=\"offence-error\"").contains("There is a problem");
        long crimes = server.database().jdbi().withHandle(h -> h.createQuery("select count(*) from crime").mapTo(Long.class).one());
        assertThat(crimes).isZero();
    }

    @Test
    @DisplayName("Rape is set only on a sexual offence: on an assault the form names the rape checkbox and records nothing;"
            + " on a sexual offence the crime page says rape, no duty detective of another specialism takes it, and a"
            + " supervisor cannot give it to one")
    void rapeFlag() {
        WebClient dc = server.signedIn("dc.rape", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        dc.get("/investigation/crimes/new");
        Map<String, String> assault = domesticAssault();
        assault.remove("domestic_abuse");
        assault.put("flag", "RAPE");
        HttpResponse<String> refused = dc.post("/investigation/crimes", assault);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#flag-RAPE\"").contains("id=\"flag-RAPE-error\"")
                .contains("Rape can only be set on a sexual offence");
        long crimes = server.database().jdbi().withHandle(h -> h.createQuery("select count(*) from crime")
                .mapTo(Long.class).one());
        assertThat(crimes).isZero();

        Map<String, String> rape = new LinkedHashMap<>(assault);
        rape.put("offence", "SEXUAL_OFFENCES");
        HttpResponse<String> recorded = dc.post("/investigation/crimes", rape);
        assertThat(recorded.statusCode()).isEqualTo(201);
        // Westminster has only domestic abuse detectives (PIP 2, on duty): none may own a rape, so it waits
        assertThat(recorded.body()).contains("data-testid=\"rape\"").contains("In the supervisor");
        String crimeId = recorded.body().replaceAll("(?s).*Reference <strong>(CRP\\d+)</strong>.*", "$1");
        String page = dc.get("/investigation/crimes/" + crimeId).body();
        assertThat(page).contains("Sexual offences: rape").contains("Rape (Home Office classes 19C to 19H)")
                .contains("a rape is always investigated").contains("Victim of the most serious crime: rape");

        WebClient sup = server.signedIn("ds.rape", Role.CRIME_MANAGEMENT_SUPERVISOR, Fixtures.WESTMINSTER);
        sup.get("/investigation/crimes/" + crimeId);
        HttpResponse<String> moved = sup.post("/investigation/crimes/" + crimeId + "/reallocate",
                Map.of("investigator", "DA1", "reason", "Nobody else on"));
        assertThat(moved.statusCode()).isEqualTo(400);
        assertThat(moved.body()).contains("A rape is investigated only by a specialist: choose a sexual offences"
                + " investigator, not a domestic abuse one");
    }

    @Test
    @DisplayName("An officer cannot record a crime in another borough")
    void otherBorough() {
        WebClient pc = server.signedIn("pc.camden", Role.RESPONSE_OFFICER, Fixtures.CAMDEN);
        pc.get("/investigation/crimes/new");
        assertThat(pc.post("/investigation/crimes", domesticAssault()).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("POST /api/v1/crimes records one crime per victim: the adult's goes to DA1, the child's (high priority, no child abuse team) to the duty detective")
    void api() {
        WebClient pc = server.signedIn("pc.api", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/");
        String body = """
                {"offence_group": "Violence with injury", "committed_at": "2024-03-01T21:15:00", "borough_code": "%s",
                 "domestic_abuse": true,
                 "victims": [{"forenames": "A", "surname": "One", "personal_statement": "TAKEN"},
                             {"forenames": "B", "surname": "Two", "date_of_birth": "2012-01-01"}],
                 "suspects": [{"forenames": "S", "surname": "Three"}]}""".formatted(Fixtures.WESTMINSTER);
        HttpResponse<String> r = pc.postJson("/api/v1/crimes", body, Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"decision\":\"allocated\"").contains("\"investigator_id\":\"DA1\"")
                .contains("No investigator with the Child abuse specialism")
                .contains("High priority: taken by the duty detective DA2 (Domestic abuse, PIP 2) until the specialist team is on duty")
                .contains("REFERRAL_TO_VICTIM_SERVICES").contains("\"service\":\"ENHANCED\"");

        HttpResponse<String> bad = pc.postJson("/api/v1/crimes", "{\"offence_group\": \"Jaywalking\"}",
                Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("offence_group");
    }

    @Test
    @DisplayName("With everyone at the cap the crime waits in the queue; a supervisor allocates it with a reason")
    void queueAndReallocate() {
        server.database().jdbi().useHandle(h -> h.execute("insert into investigator_duty values ('DA1', false, now()), ('DA2', false, now())"));
        WebClient pc = server.signedIn("pc.queue", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/investigation/crimes/new");
        assertThat(pc.post("/investigation/crimes", domesticAssault()).body()).contains("In the supervisor");

        WebClient sup = server.signedIn("ds.supervisor", Role.CRIME_MANAGEMENT_SUPERVISOR, Fixtures.WESTMINSTER);
        HttpResponse<String> queue = sup.get("/investigation/queue");
        assertThat(queue.body()).contains("data-testid=\"queue\"").contains("is on duty");
        String crimeId = queue.body().replaceAll("(?s).*href=\"/investigation/crimes/(CRP\\d+)#reallocate.*", "$1");
        sup.get("/investigation/crimes/" + crimeId);
        assertThat(sup.post("/investigation/crimes/" + crimeId + "/reallocate", Map.of("investigator", "DA2", "reason", ""))
                .body()).contains("id=\"reason-error\"");
        assertThat(sup.post("/investigation/crimes/" + crimeId + "/reallocate",
                Map.of("investigator", "DA2", "reason", "Called in from rest day")).statusCode()).isEqualTo(302);
        assertThat(sup.get("/investigation/crimes/" + crimeId).body()).contains("DC Okafor");
        assertThat(sup.get("/investigation/queue").body()).contains("queue-empty");
        pc.get("/investigation/crimes/" + crimeId);
        assertThat(pc.post("/investigation/crimes/" + crimeId + "/reallocate",
                Map.of("investigator", "DA1", "reason", "Not mine to do")).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("On the crime's page: an arrest starts the victim's update, a wrong outcome is refused with the reason, a charge closes it")
    void progressAndOutcome() {
        WebClient dc = server.signedIn("dc.case", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        dc.get("/investigation/crimes/new");
        String page = dc.post("/investigation/crimes", domesticAssault()).body();
        String crimeId = page.replaceAll("(?s).*Reference <strong>(CRP\\d+)</strong>.*", "$1");
        dc.get("/investigation/crimes/" + crimeId);
        HttpResponse<String> arrest = dc.post("/investigation/crimes/" + crimeId + "/events",
                Map.of("event", "ARREST", "event_date", "2024-03-02"));
        assertThat(arrest.statusCode()).as(arrest.body().replaceAll("(?s).*govuk-error-summary__list\">(.*?)</ul>.*", "$1")).isEqualTo(302);
        assertThat(dc.get("/investigation/crimes/" + crimeId).body()).contains("Update: arrest");

        HttpResponse<String> refused = dc.post("/investigation/crimes/" + crimeId + "/outcome",
                Map.of("outcome", "18", "outcome_date", java.time.LocalDate.now().toString()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"outcome-error\"").contains("cannot be given when a suspect has been identified");
        assertThat(dc.post("/investigation/crimes/" + crimeId + "/outcome", Map.of("outcome", "1", "outcome_date", java.time.LocalDate.now().toString()))
                .statusCode()).isEqualTo(302);
        String closed = dc.get("/investigation/crimes/" + crimeId).body();
        assertThat(closed).contains("data-testid=\"outcome\"").contains("Outcome 1 (Charged or summonsed)").contains("Update: charge");
    }

    @Test
    @DisplayName("The figures page shows time to allocation by borough and offence group, caseloads and compliance")
    void metricsPage() {
        WebClient pc = server.signedIn("pc.metrics", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/investigation/crimes/new");
        pc.post("/investigation/crimes", domesticAssault());
        WebClient sup = server.signedIn("ds.metrics", Role.CRIME_MANAGEMENT_SUPERVISOR, Fixtures.WESTMINSTER);
        HttpResponse<String> r = sup.get("/investigation/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("data-testid=\"allocation-times\"").contains("Violence with injury")
                .contains("DC Patel").contains("data-testid=\"compliance\"");
    }

    @Test
    @DisplayName("A screened-out crime waits on the review list until a supervisor agrees, with a note")
    void screeningReview() {
        WebClient pc = server.signedIn("pc.shop", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/investigation/crimes/new");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("offence", "SHOPLIFTING");
        f.put("committed", "2024-03-01 11:00");
        f.put("borough", Fixtures.WESTMINSTER);
        f.put("victim_surname", "Corner Shop Ltd");
        f.put("victim_business", "on");
        String recorded = pc.post("/investigation/crimes", f).body();
        assertThat(recorded).contains("Screened out").contains("Not allocated (screened out)");
        String crimeId = recorded.replaceAll("(?s).*Reference <strong>(CRP\\d+)</strong>.*", "$1");

        WebClient sup = server.signedIn("ds.review", Role.CRIME_MANAGEMENT_SUPERVISOR, Fixtures.WESTMINSTER);
        assertThat(sup.get("/investigation/queue").body()).contains("data-testid=\"review\"").contains(crimeId);
        sup.get("/investigation/crimes/" + crimeId);
        assertThat(sup.post("/investigation/crimes/" + crimeId + "/review", Map.of("note", "")).body()).contains("id=\"note-error\"");
        assertThat(sup.post("/investigation/crimes/" + crimeId + "/review", Map.of("note", "No CCTV, no suspect: agreed"))
                .statusCode()).isEqualTo(302);
        assertThat(sup.get("/investigation/queue").body()).doesNotContain("data-testid=\"review\"");
    }

    @Test
    @DisplayName("The API reads a crime back and closes it with a valid outcome; an invalid one is a problem naming why")
    void apiOutcome() throws Exception {
        WebClient pc = server.signedIn("pc.api2", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/");
        String body = """
                {"offence_group": "Violence with injury", "committed_at": "2024-03-01T21:15:00", "borough_code": "%s",
                 "domestic_abuse": true, "victims": [{"forenames": "A", "surname": "One"}],
                 "suspects": [{"forenames": "S", "surname": "Three", "date_of_birth": "1990-01-01"}]}""".formatted(Fixtures.WESTMINSTER);
        String created = pc.postJson("/api/v1/crimes", body, Map.of("X-CSRF-Token", pc.csrfToken())).body();
        String id = created.replaceAll("(?s).*?\"id\":\"(CRP\\d+)\".*", "$1");
        assertThat(pc.get("/api/v1/crimes/" + id).body()).contains("\"investigator_name\":\"DC Patel\"");
        String today = java.time.LocalDate.now().toString();
        HttpResponse<String> refused = pc.postJson("/api/v1/crimes/" + id + "/outcome",
                "{\"outcome_type\": 18, \"outcome_date\": \"" + today + "\"}", Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("cannot be given when a suspect has been identified");
        HttpResponse<String> closed = pc.postJson("/api/v1/crimes/" + id + "/outcome",
                "{\"outcome_type\": 3, \"outcome_date\": \"" + today + "\"}", Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).contains("Outcome 3 (Caution, adult)").contains("UPDATE_OUT_OF_COURT_DISPOSAL");
    }

    @Test
    @DisplayName("The form offers the victim's existing person as their name is typed; choosing it links the new record to them")
    void victimIdentifiedAtEntry() {
        // given a force's person records already resolved into persons, James Smith among them
        var jdbi = server.database().jdbi();
        org.peel.people.PeopleWebRecords.recordAndLink(jdbi);
        long james = jdbi.withHandle(h -> h.createQuery("""
                        select l.person_id from person_link l join person_record r on r.seq = l.person_record_id
                        where r.id = 'pr-1' and l.ended_at is null""").mapTo(Long.class).one());
        WebClient pc = server.signedIn("pc.form", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);

        // when the officer types his name with a slip in it and his date of birth
        HttpResponse<String> offered = pc.get("/people/likely?as=victim&for=crime&victim_forenames=James"
                + "&victim_surname=Smiht&victim_dob=" + org.peel.people.PeopleWebRecords.dob(0));

        // then he is offered, under the form's own field name
        assertThat(offered.statusCode()).isEqualTo(200);
        assertThat(offered.body()).contains("name=\"victim_person_id\"").contains("value=\"" + org.peel.people.PeopleWebRecords.ref(jdbi, james) + "\"");

        // and when the crime is saved with him chosen, the victim's new record joins his person
        Map<String, String> f = domesticAssault();
        f.put("victim_forenames", "James");
        f.put("victim_surname", "Smiht");
        f.put("victim_person_id", org.peel.people.PeopleWebRecords.ref(jdbi, james));
        pc.get("/investigation/crimes/new");
        assertThat(pc.post("/investigation/crimes", f).statusCode()).isEqualTo(201);
        Long linked = jdbi.withHandle(h -> h.createQuery("""
                        select l.person_id from person_link l join person_record r on r.seq = l.person_record_id
                        where r.surname = 'Smiht' and r.role = 'victim' and l.ended_at is null""")
                .mapTo(Long.class).one());
        assertThat(linked).isEqualTo(james);
    }
    @Test
    @DisplayName("A victim recorded as someone new from a name 7 records share is asked for a date of birth, an age, a postcode or why not")
    void sharedNameAsksBeforeSomeoneNew() {
        // given seven Zebedee Quartermaines already known, more than the five the panel can show
        var jdbi = server.database().jdbi();
        for (int i = 0; i < 7; i++) {
            org.peel.people.PeopleWebRecords.insert(jdbi, "zq-" + i, "crime", "crime-zq-" + i, "victim", "Zebedee",
                    "Quartermaine", java.time.LocalDate.of(1950 + 5 * i, 2, 14), "M" + (i + 1) + " 1AB",
                    (i + 1) + " Mill Lane");
        }
        WebClient pc = server.signedIn("pc.shared", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/investigation/crimes/new");
        Map<String, String> f = domesticAssault();
        f.put("victim_forenames", "Zebedee");
        f.put("victim_surname", "Quartermaine");

        // when the crime is saved with "someone new" and the name alone
        HttpResponse<String> nameAlone = pc.post("/investigation/crimes", f);

        // then the form comes back with the question on the date of birth field, and nothing is recorded
        assertThat(nameAlone.statusCode()).isEqualTo(400);
        assertThat(nameAlone.body()).contains("There is a problem").contains("id=\"victim_dob-error\"")
                .contains("7 records in Peel have this forename and this surname")
                .contains("name=\"victim_not_given\"");
        assertThat(crimes()).isZero();

        // and a reason that is not one of the reasons is named on its own field
        f.put("victim_not_given", "busy");
        HttpResponse<String> badReason = pc.post("/investigation/crimes", f);
        assertThat(badReason.statusCode()).isEqualTo(400);
        assertThat(badReason.body()).contains("id=\"victim_not_given-error\"");

        // when an approximate age is given instead, the crime is recorded
        f.remove("victim_not_given");
        f.put("victim_age", "about 40");
        assertThat(pc.post("/investigation/crimes", f).statusCode()).isEqualTo(201);

        // and so it is when the caller would not give one, and the handler says so
        f.remove("victim_age");
        f.put("victim_not_given", "REFUSED");
        assertThat(pc.post("/investigation/crimes", f).statusCode()).isEqualTo(201);
        assertThat(crimes()).isEqualTo(2);
        // and the reason is kept with the victim's record: 7 Zebedees and the one recorded with an age = 8 share it
        Map<String, Object> kept = jdbi.withHandle(h -> h.createQuery("""
                        select g.reason, g.namesakes, g.born_from, r.role from person_record_not_given g
                        join person_record r on r.id = g.person_record_id""").mapToMap().one());
        assertThat(kept).containsEntry("reason", "REFUSED").containsEntry("namesakes", 8)
                .containsEntry("born_from", null).containsEntry("role", "victim");
    }

    private long crimes() {
        return server.database().jdbi().withHandle(h -> h.createQuery("select count(*) from crime")
                .mapTo(Long.class).one());
    }

    @Test
    @DisplayName("The crime form may not link its victim to a person seen only in another borough, and records carry the crime's borough")
    void victimChoiceIsFencedByBorough() {
        // given a person seen only in a Camden crime
        var jdbi = server.database().jdbi();
        jdbi.useHandle(h -> h.execute("""
                insert into person_record (id, source_type, source_id, role, forenames, surname, recorded_at,
                                           borough_code)
                values ('CAM-5-V1', 'crime', 'CAM-5', 'victim', 'Alex', 'Example', '2024-01-01 10:00', ?)""",
                Fixtures.CAMDEN));
        long seq = jdbi.withHandle(h -> h.createQuery("select seq from person_record where id = 'CAM-5-V1'")
                .mapTo(Long.class).one());
        long camden = new org.peel.people.PeopleStore(jdbi).newPerson(List.of(seq), Fixtures.intelligenceAnalyst(),
                "resolved");
        WebClient pc = server.signedIn("pc.fence", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);

        // when a Westminster officer records a crime with that person chosen as the victim
        Map<String, String> f = domesticAssault();
        f.put("victim_person_id", org.peel.people.PeopleWebRecords.ref(jdbi, camden));
        pc.get("/investigation/crimes/new");
        HttpResponse<String> refused = pc.post("/investigation/crimes", f);

        // then the choice is refused and nothing is linked to that person
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new org.peel.people.PeopleStore(jdbi).recordsOf(camden)).containsExactly(seq);

        // and when recorded without the choice, every person record of the crime carries Westminster
        f.remove("victim_person_id");
        assertThat(pc.post("/investigation/crimes", f).statusCode()).isEqualTo(201);
        List<String> boroughs = jdbi.withHandle(h -> h.createQuery("""
                        select distinct coalesce(r.borough_code, 'none') from person_record r
                        join crime c on c.id = r.source_id where r.source_type = 'crime'""")
                .mapTo(String.class).list());
        assertThat(boroughs).containsExactly(Fixtures.WESTMINSTER);
    }
}
