package org.peel.prevention;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The ASB call form and API answer with history and grade, and keep to the user's borough")
class AsbRoutesTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Map<String, String> call(String when) {
        Map<String, String> form = new HashMap<>();
        form.put("category", "personal");
        form.put("subType", "Rowdy/nuisance neighbours");
        form.put("description", "Music and shouting through the wall every night");
        form.put("channel", "101");
        form.put("reportedAt", when);
        form.put("address", "Flat 3, 12 Test Street");
        form.put("victimForenames", "Grace");
        form.put("victimSurname", "Hopper");
        form.put("victimDob", "1940-12-09");
        form.put("victimPostcode", "SW1A 2AA");
        form.put("callerIsVictim", "yes");
        form.put("targeted", "yes");
        form.put("impact", "some");
        form.put("duration", "months");
        return form;
    }

    @Test
    @DisplayName("the form shows errors beside the fields and keeps what was typed")
    void errorsBesideFields() {
        WebClient pc = server.signedIn("pc.asb", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        assertThat(pc.get("/prevention/asb/new").body()).contains("Record an ASB incident");
        Map<String, String> form = call("");
        form.remove("impact");
        form.put("victimDob", "09/12/1940");
        HttpResponse<String> r = pc.post("/prevention/asb", form);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("There is a problem")
                .contains("Enter the date of birth as YYYY-MM-DD")
                .contains("Choose how much it affects the victim")
                .contains("value=\"Hopper\"");
    }

    @Test
    @DisplayName("a victim recorded as someone new from a name six records share is asked for a date of birth, an age or a postcode")
    void sharedNameAsksBeforeSomeoneNew() {
        // given six Grace Hoppers already known, more than the five the panel can show
        var jdbi = server.database().jdbi();
        for (int i = 0; i < 6; i++) {
            org.peel.people.PeopleWebRecords.insert(jdbi, "gh-" + i, "crime", "crime-gh-" + i, "victim", "Grace",
                    "Hopper", java.time.LocalDate.of(1940 + 10 * i, 12, 9), null, (i + 1) + " Test Street");
        }
        WebClient pc = server.signedIn("pc.asb", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/prevention/asb/new");
        Map<String, String> form = call("");
        form.remove("victimDob");
        form.remove("victimPostcode");

        // when the call is saved with "someone new" and her name alone
        HttpResponse<String> nameAlone = pc.post("/prevention/asb", form);

        // then the form comes back with the question on the date of birth field
        assertThat(nameAlone.statusCode()).isEqualTo(400);
        assertThat(nameAlone.body()).contains("id=\"victimDob-error\"")
                .contains("6 records in Peel have this forename and this surname");

        // and with her postcode it is recorded
        form.put("victimPostcode", "SW1A 2AA");
        assertThat(pc.post("/prevention/asb", form).statusCode()).isEqualTo(201);
    }

    @Test
    @DisplayName("the third call from a victim answers 201 with the two earlier incidents, repeat, and grade; the home page lists the flag")
    void repeatVictimByForm() {
        WebClient pc = server.signedIn("pc.asb", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/prevention/asb/new");
        assertThat(pc.post("/prevention/asb", call("2026-06-01T18:00")).statusCode()).isEqualTo(201);
        pc.get("/prevention/asb/new");
        assertThat(pc.post("/prevention/asb", call("2026-09-01T18:00")).statusCode()).isEqualTo(201);
        pc.get("/prevention/asb/new");
        Map<String, String> thirdCall = call("2026-11-01T18:00");
        thirdCall.put("impact", "severe");
        HttpResponse<String> third = pc.post("/prevention/asb", thirdCall);
        assertThat(third.statusCode()).isEqualTo(201);
        assertThat(third.body()).contains("Risk: High").contains("The victim's earlier ASB incidents (2)")
                .contains("+3 repeat victim: 3 incidents in 12 months").contains("repeat victim");
        // severe 3 + targeted 2 + months 1 + repeat 3 = 9
        assertThat(third.body()).contains("score 9: medium from 4, high from 8 → high");
        assertThat(pc.get("/").body()).contains("1 high-risk ASB caller to contact").contains("1 repeat ASB caller to contact");
        String flags = pc.get("/prevention/asb/flags").body();
        assertThat(flags).contains("Grace Hopper");
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("/prevention/asb/flags/(\\d+)/clear").matcher(flags);
        assertThat(first.find()).isTrue();
        String clear = "/prevention/asb/flags/" + first.group(1) + "/clear";
        assertThat(pc.post(clear, Map.of("because", "")).statusCode()).isEqualTo(400);
        assertThat(pc.post(clear, Map.of("because", "Visited; referred to housing")).statusCode()).isEqualTo(302);
        String home = pc.get("/").body();
        assertThat(home.contains("1 high-risk ASB caller to contact") ^ home.contains("1 repeat ASB caller to contact"))
                .as("one of the two flags is left on the home page").isTrue();
    }

    @Test
    @DisplayName("the API takes the same fields as JSON and answers with the facts; field errors come as problem+json")
    void api() {
        WebClient pc = server.signedIn("pc.api", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        Map<String, String> headers = Map.of("X-CSRF-Token", pc.csrfToken());
        String json = """
                {"category":"nuisance","sub_type":"Noise","description":"Loud party","channel":"online",
                 "address":"Test Square","victim_surname":"Turing","victim_forenames":"Alan","victim_dob":"1912-06-23",
                 "caller_is_victim":"yes","targeted":"no","impact":"severe","duration":"longer",
                 "vulnerability":["mental_health"]}""";
        HttpResponse<String> r = pc.postJson("/api/v1/asb-incidents", json, headers);
        assertThat(r.statusCode()).isEqualTo(201);
        // severe 3 + mental health 2 + longer 2 = 7: medium
        assertThat(r.body()).contains("\"grade\":\"MEDIUM\"").contains("\"score\":7").contains("\"rule_version\":\"asb-risk-1\"")
                .contains("\"borough_code\":\"E09000033\"");

        HttpResponse<String> bad = pc.postJson("/api/v1/asb-incidents", "{\"category\":\"loud\"}", headers);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(bad.body()).contains("\"category\":\"Choose personal, nuisance or environmental\"");
    }

    @Test
    @DisplayName("an officer cannot record into another borough, and a read-only role cannot record at all")
    void access() {
        WebClient pc = server.signedIn("pc.asb", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/prevention/asb/new");
        Map<String, String> elsewhere = call("");
        elsewhere.put("borough", Fixtures.CAMDEN);
        assertThat(pc.post("/prevention/asb", elsewhere).statusCode()).isEqualTo(403);

        WebClient analyst = server.signedIn("pa.asb", Role.PERFORMANCE_ANALYST, null);
        assertThat(analyst.get("/prevention/asb/new").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("a force-wide analyst imports a police.uk file over the API; a borough officer may not")
    void policeUkImport() {
        server.database().jdbi().useHandle(h -> {
            h.execute("insert into ward (code, name, borough_code) values ('E05TEST01', 'Test Ward', 'E09000033')");
            h.execute("insert into lsoa (code, name, ward_code, borough_code) values"
                    + " ('E01TEST01', 'Westminster 001A', 'E05TEST01', 'E09000033')");
        });
        String csv = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                + "Crime type,Last outcome category,Context\n"
                + ",2017-01,MPS,MPS,-0.141,51.501,On or near Test Street,E01TEST01,Westminster 001A,Anti-social behaviour,,\n";
        WebClient analyst = server.signedIn("ia.asb", Role.INTELLIGENCE_ANALYST, null);
        HttpResponse<String> r = analyst.postJson("/api/v1/asb-incidents/police-uk?file=2017-01-test-street.csv", csv,
                Map.of("X-CSRF-Token", analyst.csrfToken()));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"inserted\":1");

        WebClient pc = server.signedIn("pc.import", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        assertThat(pc.postJson("/api/v1/asb-incidents/police-uk?file=x.csv", csv,
                Map.of("X-CSRF-Token", pc.csrfToken())).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("as the victim's name is typed the form offers the person Peel knows; choosing them brings their history under another spelling and links the new record")
    void identifiedAtEntry() {
        // given a force's person records resolved into persons, and an earlier call from Grace Hopper, resolved
        // into a person of her own
        var jdbi = server.database().jdbi();
        org.peel.people.PeopleWebRecords.recordAndLink(jdbi);
        WebClient pc = server.signedIn("pc.asb", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/prevention/asb/new");
        assertThat(pc.post("/prevention/asb", call("2026-09-01T18:00")).statusCode()).isEqualTo(201);
        long earlier = jdbi.withHandle(h -> h.createQuery("select seq from person_record where surname = 'Hopper'")
                .mapTo(Long.class).one());
        long person = new org.peel.people.PeopleStore(jdbi).newPerson(java.util.List.of(earlier),
                Fixtures.intelligenceAnalyst(), "resolved");

        // when the call handler types a misspelt name and a mistyped date of birth for the same woman
        HttpResponse<String> offered = pc.get("/people/likely?as=victim&for=asb-incident&victimForenames=Grace"
                + "&victimSurname=Hoper&victimDob=1940-09-12&victimPostcode=SW1A+2AA");

        // then the form offers her as a person Peel already knows, with how likely and why
        assertThat(offered.statusCode()).isEqualTo(200);
        assertThat(offered.body()).contains("data-testid=\"victim-candidate\"")
                .contains("value=\"" + org.peel.people.PeopleWebRecords.ref(jdbi, person) + "\"").contains("likely").contains("data-testid=\"explanation\"");

        // and when the call handler types her details exactly as recorded, she is near-certain and chosen for them,
        // while a surname alone, which many people share, leaves "someone new" chosen
        String ref = org.peel.people.PeopleWebRecords.ref(jdbi, person);
        String exact = pc.get("/people/likely?as=victim&for=asb-incident&victimForenames=Grace"
                + "&victimSurname=Hopper&victimDob=1940-12-09&victimPostcode=SW1A+2AA").body();
        assertThat(exact).containsPattern("value=\"" + ref + "\"[^>]*checked");
        assertThat(exact).doesNotContainPattern("id=\"victimPersonId-none\"[^>]*checked");
        String surnameOnly = pc.get("/people/likely?as=victim&for=asb-incident&victimSurname=Hopper").body();
        assertThat(surnameOnly).containsPattern("id=\"victimPersonId-none\"[^>]*checked");

        // and when she is chosen and the call saved under the misspelt details
        Map<String, String> second = call("2026-11-01T18:00");
        second.put("victimSurname", "Hoper");
        second.put("victimDob", "1940-09-12");
        second.put("victimPersonId", org.peel.people.PeopleWebRecords.ref(jdbi, person));
        pc.get("/prevention/asb/new");
        HttpResponse<String> saved = pc.post("/prevention/asb", second);

        // then the earlier incident is in her history, though no exact detail matches it
        assertThat(saved.statusCode()).isEqualTo(201);
        assertThat(saved.body()).contains("identified by the call handler");
        assertThat(saved.body()).doesNotContain("victim-incidents-none");
        // and the new record joined her person, as a decision in the audit trail
        Long linked = jdbi.withHandle(h -> h.createQuery("""
                        select l.person_id from person_link l join person_record r on r.seq = l.person_record_id
                        where r.surname = 'Hoper' and l.ended_at is null""").mapTo(Long.class).one());
        assertThat(linked).isEqualTo(person);
        int audited = jdbi.withHandle(h -> h.createQuery(
                "select count(*) from audit_event where action = 'person.link-at-entry'").mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(1);
    }
    @Test
    @DisplayName("an ASB call in Westminster naming as its victim a person seen only in Camden is refused, and shows none of that person's Camden crimes")
    void chosenPersonIsFencedByBorough() {
        // given a person seen only as the victim of a Camden crime
        var jdbi = server.database().jdbi();
        jdbi.useHandle(h -> {
            h.execute("""
                    insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                       domestic_abuse, hate)
                    values ('CAM-77', '2026-05-01 10:00', '2026-05-01 11:00', 'Burglary', 'Burglary', ?, false, false)""",
                    Fixtures.CAMDEN);
            h.execute("""
                    insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                                               recorded_at, borough_code)
                    values ('CAM-77-V1', 'crime', 'CAM-77', 'victim', 'Zara', 'Quinton', '1987-04-19',
                            '2026-05-01 11:00', ?)""", Fixtures.CAMDEN);
        });
        long seq = jdbi.withHandle(h -> h.createQuery("select seq from person_record where id = 'CAM-77-V1'")
                .mapTo(Long.class).one());
        long person = new org.peel.people.PeopleStore(jdbi).newPerson(java.util.List.of(seq),
                Fixtures.intelligenceAnalyst(), "resolved");
        String ref = jdbi.withHandle(h -> h.createQuery("select public_ref::text from person where id = :id")
                .bind("id", person).mapTo(String.class).one());
        WebClient pc = server.signedIn("pc.asb.fence", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/prevention/asb/new");
        String json = """
                {"category":"personal","sub_type":"Rowdy/nuisance neighbours","description":"Shouting","channel":"101",
                 "reported_at":"2026-09-01T18:00","address":"Flat 3, 12 Test Street","victim_surname":"Hopper",
                 "victim_forenames":"Grace","victim_dob":"1940-12-09","caller_is_victim":"yes","targeted":"no",
                 "impact":"some","duration":"months","victim_person_id":"%s"}""".formatted(ref);

        // when a Westminster officer records a call naming that person by the reference the suggestions offered
        HttpResponse<String> r = pc.postJson("/api/v1/asb-incidents", json, Map.of("X-CSRF-Token", pc.csrfToken()));

        // then the choice is refused beside its field, and nothing of the Camden crime is shown
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"victim_person_id\"").doesNotContain("CAM-77");
        int denied = jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from audit_event where action = 'access-denied' and record_type = 'person'
                          and username = 'pc.asb.fence'""").mapTo(Integer.class).one());
        assertThat(denied).isEqualTo(1);
    }

    @Test
    @DisplayName("the person records of a recorded call carry the incident's borough")
    void personRecordsCarryTheBorough() {
        WebClient pc = server.signedIn("pc.asb.borough", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/prevention/asb/new");

        assertThat(pc.post("/prevention/asb", call("2026-09-01T18:00")).statusCode()).isEqualTo(201);

        var boroughs = server.database().jdbi().withHandle(h -> h.createQuery("""
                        select distinct coalesce(borough_code, 'none') from person_record
                        where source_type = 'asb_incident'""").mapTo(String.class).list());
        assertThat(boroughs).containsExactly(Fixtures.WESTMINSTER);
    }

    @Test
    @DisplayName("a Westminster officer's answer, page and API alike, lists the victim's Westminster call and says how many records in other boroughs were counted, without their ids, dates or offences")
    void victimHistoryShownWithinTheBorough() {
        // given Grace Hopper, the victim of two crimes recorded in Camden, who called once before in Westminster
        var jdbi = server.database().jdbi();
        for (String[] c : new String[][]{{"CAM-81", "2026-09-15 10:00"}, {"CAM-82", "2026-10-15 10:00"}}) {
            jdbi.useHandle(h -> {
                h.execute("""
                        insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                           domestic_abuse, hate)
                        values (?, cast(? as timestamptz), cast(? as timestamptz), 'Robbery', 'Robbery', ?, false, false)""",
                        c[0], c[1], c[1], Fixtures.CAMDEN);
                h.execute("""
                        insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                                                   postcode, recorded_at, borough_code)
                        values (?, 'crime', ?, 'victim', 'Grace', 'Hopper', '1940-12-09', 'SW1A2AA',
                                cast(? as timestamptz), ?)""", c[0] + "-V1", c[0], c[1], Fixtures.CAMDEN);
            });
        }
        WebClient pc = server.signedIn("pc.asb.reach", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);
        pc.get("/prevention/asb/new");
        assertThat(pc.post("/prevention/asb", call("2026-08-01T18:00")).statusCode()).isEqualTo(201);

        // when she calls again in Westminster, taken on the form
        pc.get("/prevention/asb/new");
        HttpResponse<String> page = pc.post("/prevention/asb", call("2026-11-01T18:00"));

        // then the Westminster call is listed, the Camden crimes only counted
        assertThat(page.statusCode()).isEqualTo(201);
        assertThat(page.body()).contains("The victim's earlier ASB incidents (1)").contains("Crimes against the victim (0)")
                .contains("2 earlier records in other boroughs counted")
                .contains("+1 2 crimes against the victim in 12 months")
                .doesNotContain("CAM-81").doesNotContain("CAM-82").doesNotContain("Robbery");

        // and over the API the same
        String json = """
                {"category":"personal","sub_type":"Rowdy/nuisance neighbours","description":"Shouting","channel":"101",
                 "reported_at":"2026-11-02T18:00","address":"Flat 3, 12 Test Street","victim_surname":"Hopper",
                 "victim_forenames":"Grace","victim_dob":"1940-12-09","victim_postcode":"SW1A 2AA","caller_is_victim":"yes",
                 "targeted":"no","impact":"some","duration":"months"}""";
        HttpResponse<String> api = pc.postJson("/api/v1/asb-incidents", json, Map.of("X-CSRF-Token", pc.csrfToken()));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        assertThat(api.body()).contains("\"in_other_boroughs\":2").contains("\"crimes\":[]")
                .doesNotContain("CAM-81").doesNotContain("CAM-82").doesNotContain("Robbery");
    }
}
