package org.peel.people;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The likely-persons panel and the search page say when a name alone is shared by more than they show")
class SharedNameWebTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        Jdbi jdbi = server.database().jdbi();
        // six Zebedee Quartermaines and a Zebedee Quartermain: 7 namesakes; a Zebedee Quinn is not one
        for (int i = 0; i < 6; i++) {
            PeopleWebRecords.insert(jdbi, "zq-" + i, "crime", "crime-zq-" + i, "victim", "Zebedee", "Quartermaine",
                    LocalDate.of(1950 + 5 * i, 2, 14), "M" + (i + 1) + " 1AB", (i + 1) + " Mill Lane");
        }
        PeopleWebRecords.insert(jdbi, "zq-6", "crime", "crime-zq-6", "victim", "Zebedee", "Quartermain",
                LocalDate.of(1993, 8, 1), "M9 1AB", "9 Mill Lane");
        PeopleWebRecords.insert(jdbi, "zq-7", "crime", "crime-zq-7", "victim", "Zebedee", "Quinn",
                LocalDate.of(1993, 8, 1), "M9 1AB", "9 Mill Lane");
        // seven Xanthe Pemberlys recorded in Camden only: a Westminster officer may see none of them
        for (int i = 0; i < 7; i++) {
            PeopleWebRecords.insert(jdbi, "xp-" + i, "crime", "crime-xp-" + i, Fixtures.CAMDEN, "victim", "Xanthe",
                    "Pemberly", LocalDate.of(1960 + 4 * i, 3, 9), "NW1 " + (i + 1) + "AB", (i + 1) + " Oval Road");
        }
        new BatchLinkage(IdentityResolution.standard(), new PeopleStore(jdbi))
                .run(new PersonRecordSource(jdbi, PersonRecordSource.STANDARD_TABLE), "peel link run");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("a crime victim's name alone, shared by 7 records, is answered with the count and the question to ask")
    void panelSaysShared() {
        WebClient pc = server.signedIn("pc.shared", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);

        HttpResponse<String> nameAlone = pc.get("/people/likely?as=victim&for=crime&victim_forenames=Zebedee"
                + "&victim_surname=Quartermaine&victim_dob=&victim_age=");

        assertThat(nameAlone.statusCode()).isEqualTo(200);
        assertThat(nameAlone.body()).contains("data-testid=\"victim-shared-name\"")
                .contains("7 records in Peel have this forename and this surname or one that sounds like it, too"
                        + " many to tell apart by the name alone: ask for a date of birth, an age or a postcode");

        // with an age typed the question has been asked: no warning, and the age is among the reasons
        HttpResponse<String> withAge = pc.get("/people/likely?as=victim&for=crime&victim_forenames=Zebedee"
                + "&victim_surname=Quartermaine&victim_dob=&victim_age=about+33");
        assertThat(withAge.statusCode()).isEqualTo(200);
        assertThat(withAge.body()).doesNotContain("shared-name").contains("data-testid=\"victim-candidate\"");
    }

    @Test
    @DisplayName("the search page says the same for a name alone, and not for a name few share")
    void searchSaysShared() {
        WebClient dc = server.signedIn("dc.shared", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        HttpResponse<String> shared = dc.get("/people/search/results?forename=Zebedee&surname=Quartermain");
        HttpResponse<String> few = dc.get("/people/search/results?forename=Zebedee&surname=Quinn");
        HttpResponse<String> page = dc.get("/people/search?forename=Zebedee&surname=Quartermaine&age=about+33");

        assertThat(shared.body()).contains("data-testid=\"shared-name\"").contains("7 records in Peel");
        assertThat(few.body()).doesNotContain("shared-name").contains("data-testid=\"candidate\"");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"age\"").doesNotContain("shared-name");
    }

    @Test
    @DisplayName("a slip in the surname that no record has (Quatermaine) is answered with the name offered for it, 7 records, and a word to check the spelling")
    void slipSaysShared() {
        WebClient pc = server.signedIn("pc.slip", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);

        HttpResponse<String> slip = pc.get("/people/likely?as=victim&for=crime&victim_forenames=Zebedee"
                + "&victim_surname=Quatermaine&victim_dob=&victim_age=");

        assertThat(slip.statusCode()).isEqualTo(200);
        assertThat(slip.body()).contains("data-testid=\"victim-shared-name\"")
                .contains("7 records in Peel have a name like this one (check the spelling), too many to tell apart");
    }

    @Test
    @DisplayName("a name shared by 7 records all in another borough: the officer is told it is shared, not that no one matches and a new person will be recorded")
    void sharedOutsideTheOfficersBorough() {
        WebClient pc = server.signedIn("pc.camden", Role.RESPONSE_OFFICER, Fixtures.WESTMINSTER);

        HttpResponse<String> r = pc.get("/people/likely?as=victim&for=crime&victim_forenames=Xanthe"
                + "&victim_surname=Pemberly&victim_dob=&victim_age=");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("data-testid=\"victim-shared-name\"")
                .contains("7 records in Peel have this forename and this surname or one that sounds like it")
                .contains("None you may see from here matches these details")
                .doesNotContain("a new person will be recorded").doesNotContain("victim-candidate");
    }

    @Test
    @DisplayName("the search page, too: a name shared by 7 records all in another borough is said to be shared, not to be someone new")
    void sharedOutsideTheOfficersBoroughOnTheSearchPage() {
        WebClient dc = server.signedIn("dc.camden", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        HttpResponse<String> results = dc.get("/people/search/results?forename=Xanthe&surname=Pemberly");
        HttpResponse<String> page = dc.get("/people/search?forename=Xanthe&surname=Pemberly");

        for (HttpResponse<String> r : List.of(results, page)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("data-testid=\"shared-name\"")
                    .contains("7 records in Peel have this forename and this surname or one that sounds like it")
                    .contains("None you may see from here matches these details")
                    .doesNotContain("this is someone new").doesNotContain("data-testid=\"candidate\"");
        }
    }

    @Test
    @DisplayName("an age that is not an age is a form error on the search page")
    void badAge() {
        WebClient dc = server.signedIn("dc.badage", Role.INVESTIGATOR, Fixtures.WESTMINSTER);

        HttpResponse<String> r = dc.get("/people/search?forename=Zebedee&surname=Quartermaine&age=thirty");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"age-error\"").contains("Enter an age in years");
    }
}
