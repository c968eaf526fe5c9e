package org.peel.people;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("When the age given still leaves a name shared, the panel, the search page and the forms ask next for a date of birth or a postcode")
class SharedAfterAgeWebTest {

    /** 1 June 2026: an age of 30 to 35 stands for birth years 2026 − 35 − 1 = 1990 to 2026 − 30 = 1996. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(), CLOCK);
        PeopleWebRecords.eightOttilies(server.database().jdbi(), 2026);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("the panel: an age of 30-35 leaves 7 born 1990–1996, so it says so and asks for a date of birth or a postcode")
    void panelAfterAge() {
        WebClient pc = server.signedIn("pc.age", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);

        HttpResponse<String> stillShared = pc.get("/people/likely?as=victim&for=crime&victim_forenames=Ottilie"
                + "&victim_surname=Brackenbury&victim_dob=&victim_age=30-35");
        // about 66 stands for 63 to 69: born 1956 to 1963, and only the 1960 Ottilie was
        HttpResponse<String> toldApart = pc.get("/people/likely?as=victim&for=crime&victim_forenames=Ottilie"
                + "&victim_surname=Brackenbury&victim_dob=&victim_age=about+66");

        assertThat(stillShared.statusCode()).isEqualTo(200);
        assertThat(stillShared.body()).contains("data-testid=\"victim-shared-name\"")
                .contains("7 records in Peel share this name and a birth year in 1990–1996, too many to tell apart"
                        + " by the name and age alone: ask for a date of birth or a postcode before recording someone"
                        + " new.");
        assertThat(toldApart.body()).doesNotContain("shared-name").contains("data-testid=\"victim-candidate\"");
    }

    @Test
    @DisplayName("the search page says the same, and nothing once a postcode is typed as well")
    void searchAfterAge() {
        WebClient dc = server.signedIn("dc.age", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        HttpResponse<String> page = dc.get("/people/search?forename=Ottilie&surname=Brackenbury&age=30-35");
        HttpResponse<String> results = dc.get("/people/search/results?forename=Ottilie&surname=Brackenbury&age=30-35");
        HttpResponse<String> withPostcode = dc.get("/people/search/results?forename=Ottilie&surname=Brackenbury"
                + "&age=30-35&postcode=W3+2AB");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"shared-name\"")
                .contains("7 records in Peel share this name and a birth year in 1990–1996");
        assertThat(results.body()).contains("7 records in Peel share this name and a birth year in 1990–1996");
        assertThat(withPostcode.body()).doesNotContain("shared-name").contains("data-testid=\"candidate\"");
    }

    /** An ASB call from a victim recorded as someone new, with her name and the age given, no date of birth. */
    static Map<String, String> callFromOttilie(String age) {
        Map<String, String> form = new HashMap<>();
        form.put("category", "personal");
        form.put("subType", "Rowdy/nuisance neighbours");
        form.put("description", "Shouting on the landing late at night");
        form.put("channel", "101");
        form.put("reportedAt", "");
        form.put("address", "Flat 4, 8 Canal Row");
        form.put("victimForenames", "Ottilie");
        form.put("victimSurname", "Brackenbury");
        form.put("victimAge", age);
        form.put("callerIsVictim", "yes");
        form.put("targeted", "no");
        form.put("impact", "some");
        form.put("duration", "weeks");
        return form;
    }

    @Test
    @DisplayName("the ASB form: someone new with an age that leaves 7 is asked on the age field; a postcode or a reason lets it go ahead, and the reason is kept, shown and counted")
    void formAfterAge() {
        WebClient pc = server.signedIn("pc.asbage", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/prevention/asb/new");
        Map<String, String> form = callFromOttilie("30-35");

        HttpResponse<String> stillShared = pc.post("/prevention/asb", form);

        assertThat(stillShared.statusCode()).isEqualTo(400);
        assertThat(stillShared.body()).contains("id=\"victimAge-error\"")
                .contains("7 records in Peel share this name and a birth year in 1990–1996, more than can be"
                        + " offered: enter a date of birth or a postcode")
                .doesNotContain("id=\"victimDob-error\"")
                // the rest of the form is kept: one field's question, not a block of the whole form
                .contains("Shouting on the landing late at night");

        // an age that tells her apart (only the 1960 Ottilie was born 1956–1963) goes ahead
        pc.get("/prevention/asb/new");
        assertThat(pc.post("/prevention/asb", callFromOttilie("about 66")).statusCode()).isEqualTo(201);

        // so does the age with a postcode, or with the reason the caller gave no more
        pc.get("/prevention/asb/new");
        form.put("victimPostcode", "W1A 1AA");
        assertThat(pc.post("/prevention/asb", form).statusCode()).isEqualTo(201);
        pc.get("/prevention/asb/new");
        form.remove("victimPostcode");
        form.put("victimNotGiven", "REFUSED");
        assertThat(pc.post("/prevention/asb", form).statusCode()).isEqualTo(201);

        // the reason is kept with her record: by then 10 records had her name (the 8, and the two calls above,
        // recorded with no date of birth), 7 of them born 1990–1996; audited with the record
        var jdbi = server.database().jdbi();
        Map<String, Object> kept = jdbi.withHandle(h -> h.createQuery("""
                        select person_record_id, reason, namesakes, born_from, born_to, namesakes_in_years,
                               recorded_by from person_record_not_given""").mapToMap().one());
        assertThat(kept).containsEntry("reason", "REFUSED").containsEntry("namesakes", 10)
                .containsEntry("born_from", 1990).containsEntry("born_to", 1996)
                .containsEntry("namesakes_in_years", 7).containsEntry("recorded_by", "pc.asbage");
        String recordId = (String) kept.get("person_record_id");
        long audited = jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from audit_event where action = 'person-record.not-given'
                          and record_type = 'person_record' and record_id = :id and outcome = 'success'""")
                .bind("id", recordId).mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);

        // when a caller says nothing of a second Ottilie and does not know her age: the reason alone
        pc.get("/prevention/asb/new");
        Map<String, String> nothing = callFromOttilie("");
        nothing.put("victimNotGiven", "UNKNOWN");
        assertThat(pc.post("/prevention/asb", nothing).statusCode()).isEqualTo(201);

        // then once linked, each person's page says how the record was made
        new BatchLinkage(IdentityResolution.standard(), new PeopleStore(jdbi))
                .run(new PersonRecordSource(jdbi, PersonRecordSource.STANDARD_TABLE), "peel link run");
        WebClient dc = server.signedIn("dc.review", Role.INVESTIGATOR, Fixtures.WESTMINSTER);
        Map<String, String> pageOf = jdbi.withHandle(h -> h.createQuery("""
                        select g.reason, p.public_ref::text as ref from person_record_not_given g
                        join person_record r on r.id = g.person_record_id
                        join person_link l on l.person_record_id = r.seq and l.ended_at is null
                        join person p on p.id = l.person_id""")
                .map((rs, ctx) -> Map.entry(rs.getString("reason"), rs.getString("ref"))).list())
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(dc.get("/people/" + pageOf.get("REFUSED")).body()).contains("data-testid=\"not-given\"")
                .contains("Recorded with only an approximate age (born 1990–1996, as 7 records of this name were)"
                        + " and no date of birth or postcode: the caller would not give one");
        assertThat(dc.get("/people/" + pageOf.get("UNKNOWN")).body())
                .contains("Recorded without a date of birth, age or postcode: the caller does not know them");

        // and the review page counts June 2026's: one refused, one not known, none where it was not safe to ask
        String review = dc.get("/people/review").body();
        assertThat(review).contains("Records of someone new made in June 2026");
        assertThat(review).containsPattern("data-reason=\"REFUSED\">\\s*<td[^>]*>The caller would not give one</td>"
                + "\\s*<td[^>]*>1</td>");
        assertThat(review).containsPattern("data-reason=\"UNKNOWN\">\\s*<td[^>]*>[^<]*</td>\\s*<td[^>]*>1</td>");
        assertThat(review).containsPattern("data-reason=\"NOT_SAFE\">\\s*<td[^>]*>[^<]*</td>\\s*<td[^>]*>0</td>");
    }
}
