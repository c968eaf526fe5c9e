package org.peel.people;

import org.jdbi.v3.core.Jdbi;
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
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of persons pages in SQL, 50 a page, by surname, with filters on name, date of birth and borough. The
 * fixture: 120 persons, Ann Listed001 to Ann Listed120, each seen in one crime; the even ones in Camden and the odd
 * ones in Westminster; every third one (3, 6 ... 120: 40 persons) born on 1 January 1990. One more person, Vera
 * Hidden, is seen only in a Camden domestic abuse incident, a kind an intelligence analyst may not see.
 */
@DisplayName("The list of persons: 50 a page by surname, narrowed by name, date of birth and borough, read with a purpose")
class PeopleListPagingTest {

    private static final LocalDate SHARED_BIRTHDAY = LocalDate.of(1990, 1, 1);
    private static TestServer server;
    private static Jdbi jdbi;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        jdbi = server.database().jdbi();
        PeopleStore store = new PeopleStore(jdbi);
        for (int i = 1; i <= 120; i++) {
            String id = "list-" + n(i);
            PeopleWebRecords.insert(jdbi, id, "crime", "CR-" + n(i), i % 2 == 0 ? Fixtures.CAMDEN : Fixtures.WESTMINSTER,
                    "victim", "Ann", "Listed" + n(i), i % 3 == 0 ? SHARED_BIRTHDAY : LocalDate.of(1970, 1, 1).plusDays(i),
                    "NW1 1AA", i + " Paging Row");
            store.newPerson(List.of(PeopleWebRecords.seq(jdbi, id)), Fixtures.intelligenceAnalyst(), "resolved");
        }
        PeopleWebRecords.insert(jdbi, "list-da", "domestic_abuse_incident", "DA-1", Fixtures.CAMDEN, "victim", "Vera",
                "Hidden", LocalDate.of(1985, 5, 5), "NW1 2BB", "1 Quiet Lane");
        store.newPerson(List.of(PeopleWebRecords.seq(jdbi, "list-da")), Fixtures.intelligenceAnalyst(), "resolved");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String n(int i) {
        return String.format("%03d", i);
    }

    private static WebClient analyst(String username) {
        return server.signedIn(username, Role.INTELLIGENCE_ANALYST, null);
    }

    @Test
    @DisplayName("page 2 holds persons 51 to 100 by surname, and the page links keep the purpose and filters")
    void secondPage() {
        // given a force-wide analyst, who may not see domestic abuse records: 120 persons, Vera Hidden left out
        WebClient analyst = analyst("ia.list.page");

        // when they open page 2
        String page2 = analyst.get("/people?purpose=Operation+Heron&page=2").body();

        // then they see Listed051 to Listed100 and no other
        assertThat(page2).contains("Showing 51–100 of 120 people", ">Ann Listed051<", ">Ann Listed100<")
                .doesNotContain(">Ann Listed050<", ">Ann Listed101<", "Hidden")
                .contains("href=\"/people?purpose=Operation+Heron&amp;page=3\"");
    }

    @Test
    @DisplayName("each filter narrows the list: name, date of birth and borough, alone and together")
    void filtersNarrow() {
        WebClient analyst = analyst("ia.list.filters");
        String base = "/people?purpose=tasking";

        // "listed11" is in Listed110 to Listed119: 10 persons
        assertThat(analyst.get(base + "&name=listed11").body()).contains("Showing 1–10 of 10 people",
                ">Ann Listed110<", ">Ann Listed119<").doesNotContain(">Ann Listed011<", ">Ann Listed120<");
        // every third of 120 born on 1 January 1990: 40
        assertThat(analyst.get(base + "&dob=1990-01-01").body()).contains("Showing 1–40 of 40 people")
                .doesNotContain(">Ann Listed001<");
        // the even ones are in Camden: 60
        assertThat(analyst.get(base + "&borough=" + Fixtures.CAMDEN).body()).contains("Showing 1–50 of 60 people")
                .doesNotContain(">Ann Listed001<");
        // born 1 January 1990 and in Camden: multiples of 6 up to 120, 20 persons
        assertThat(analyst.get(base + "&dob=1990-01-01&borough=" + Fixtures.CAMDEN).body())
                .contains("Showing 1–20 of 20 people", ">Ann Listed006<", ">Ann Listed120<");
        // a name no one has
        assertThat(analyst.get(base + "&name=Nobody").body()).contains("No people.");
    }

    @Test
    @DisplayName("a local role sees only its borough's persons, and the kinds of record its role may see")
    void localRoleIsFenced() {
        // given a Camden investigator, who may see domestic abuse records
        WebClient dc = server.signedIn("dc.list.camden", Role.INVESTIGATOR, Fixtures.CAMDEN);

        String page = dc.get("/people").body();

        // then the 60 Camden persons and Vera Hidden: 61, and no borough filter to reach beyond Camden
        assertThat(page).contains("Showing 1–50 of 61 people").doesNotContain(">Ann Listed001<")
                .doesNotContain("id=\"filter-borough\"");
        assertThat(dc.get("/people?name=Hidden").body()).contains(">Vera Hidden<");
        // and asking for Westminster by hand changes nothing
        assertThat(dc.get("/people?borough=" + Fixtures.WESTMINSTER).body()).contains("of 61 people");
    }

    @Test
    @DisplayName("the list asks for a purpose first, audits each read with it, and audits a refusal")
    void purposeAndAudit() {
        // given an analyst, whose role states a purpose
        WebClient analyst = analyst("ia.list.audit");

        // when they open the list without one, they are asked for it and shown no one
        HttpResponse<String> asked = analyst.get("/people");
        assertThat(asked.body()).contains("State your purpose").contains("action=\"/people\"")
                .doesNotContain("Listed");

        // when they give it, the read is audited with it
        analyst.get("/people?purpose=Operation+Heron");
        List<AuditTrail.Entry> reads = new AuditTrail(jdbi).search(
                new AuditTrail.Filter("ia.list.audit", "person-list", null, null, null, "view"), 10);
        assertThat(reads).extracting(AuditTrail.Entry::purpose).containsExactly("Operation Heron");

        // and a neighbourhood officer, without the investigation section, is refused, the refusal audited
        WebClient officer = server.signedIn("pc.list", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        HttpResponse<String> refused = officer.get("/people");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Listed");
        assertThat(new AuditTrail(jdbi).search(
                new AuditTrail.Filter("pc.list", "person-list", null, null, null, "access-denied"), 10)).hasSize(1);
    }
}
