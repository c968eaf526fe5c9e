package org.peel.partners;

import com.fasterxml.jackson.databind.JsonNode;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peel.access.AuditTrail;
import org.peel.access.DataCategory;
import org.peel.access.OrganisationKind;
import org.peel.access.SharedRecord;
import org.peel.access.ShareDecision;
import org.peel.access.ShareRequest;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.people.PeopleStore;
import org.peel.platform.PeelCommand;
import org.peel.testing.Fixtures;
import org.peel.testing.StandardStreams;
import org.peel.testing.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel share log, retention due and sar export on a small hand-made force")
class PartnersCommandsTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private static TestDatabase.Fresh db;

    @BeforeAll
    static void force() {
        db = TestDatabase.fresh();
        seed(db.jdbi());
    }

    /**
     * Crimes and ASB incidents with known MoPI answers (default periods: group 1 ten years between reviews, group 2
     * ten years' clearance, group 3 six):
     * <pre>
     *   C-SHOP  shoplifting          2019-03-14  group 3  due 2025-03-14
     *   C-ROB   robbery              2019-03-14  group 2  due 2029-03-14
     *   C-SEX   sexual offences      2015-06-01  group 1  due 2025-06-01
     *   C-HELD  shoplifting          2018-01-01  group 3  due 2024-01-01, but held for legal proceedings
     *   C-LATE  shoplifting          2019-01-10  group 3; its suspect is the suspect of C-ROB2 recorded 2021-02-01,
     *                                            so clearance restarts: due 2027-02-01
     *   C-ROB2  robbery              2021-02-01  group 2  due 2031-02-01
     *   ASB-1   ASB incident         2018-09-01  group 3  due 2024-09-01
     * </pre>
     * As of 2025-06-30 the due list is ASB-1, C-SHOP, C-SEX (oldest review date first). C-HELD is not listed.
     * Amy Rowe (born 1990-05-05) is the victim of C-ROB, where Kyle Batt is the suspect, and the caller of ASB-1,
     * recorded there as "Amy L Rowe"; identity resolution has made both records one person.
     */
    static void seed(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            h.execute("insert into force_area (code, name) values ('E23000001', 'Metropolitan Police') on conflict do nothing");
            h.execute("insert into borough (code, name, force_code) values (?, 'Westminster', 'E23000001') on conflict do nothing", Fixtures.WESTMINSTER);
            crime(h, "C-SHOP", "Shoplifting", "2019-03-14");
            crime(h, "C-ROB", "Robbery", "2019-03-14");
            crime(h, "C-SEX", "Sexual offences", "2015-06-01");
            crime(h, "C-HELD", "Shoplifting", "2018-01-01");
            crime(h, "C-LATE", "Shoplifting", "2019-01-10");
            crime(h, "C-ROB2", "Robbery", "2021-02-01");
            h.execute("""
                    insert into asb_incident (id, reported_at, category, sub_type, borough_code, ward_code)
                    values ('ASB-1', '2018-09-01 10:00+00', 'nuisance', 'Noise', ?, 'E05013806')""", Fixtures.WESTMINSTER);
            person(h, "P1", "crime", "C-ROB", "victim", "Amy", "Rowe", "1990-05-05", "4 Elm Row");
            person(h, "P2", "crime", "C-ROB", "suspect", "Kyle", "Batt", "1999-01-01", "9 Oak Street");
            person(h, "P3", "asb_incident", "ASB-1", "caller", "Amy L", "Rowe", "1990-05-05", "4 Elm Row");
            person(h, "P4", "crime", "C-LATE", "suspect", "Zed", "Quill", "1980-02-02", null);
            person(h, "P5", "crime", "C-ROB2", "suspect", "Zedd", "Quill", "1980-02-02", null);
            // Amy defined herself as Indian on the robbery, and an officer observed her as Asian; at the ASB call
            // she chose not to state it. Kyle, the suspect, defined himself as African: his, not hers to see
            ethnicity(h, "P1", "A1", "Asian");
            ethnicity(h, "P3", "NS", null);
            ethnicity(h, "P2", "B2", "Black");
        });
        PeopleStore people = new PeopleStore(jdbi, new AuditTrail(jdbi));
        people.newPerson(List.of(seq(jdbi, "P1"), seq(jdbi, "P3")), Fixtures.intelligenceAnalyst(), "same name, date of birth and address");
        people.newPerson(List.of(seq(jdbi, "P4"), seq(jdbi, "P5")), Fixtures.intelligenceAnalyst(), "same surname and date of birth");
        people.newPerson(List.of(seq(jdbi, "P2")), Fixtures.intelligenceAnalyst(), "one record");
        new RetentionStore(jdbi, new AuditTrail(jdbi), RetentionSettings.defaults()).hold(Fixtures.administrator(),
                "crime", "C-HELD", "legal-proceedings", "civil claim pending", LocalDate.of(2025, 1, 6));
    }

    private static void crime(org.jdbi.v3.core.Handle h, String id, String group, String day) {
        h.execute("""
                insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                   domestic_abuse, hate)
                values (?, ?::timestamptz, ?::timestamptz, ?, 'Other crime', ?, false, false)""",
                id, day + " 12:00+00", day + " 12:00+00", group, Fixtures.WESTMINSTER);
    }

    private static void person(org.jdbi.v3.core.Handle h, String id, String type, String source, String role,
                               String forenames, String surname, String dob, String address) {
        h.execute("""
                insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                                           address, recorded_at, borough_code)
                values (?, ?, ?, ?, ?, ?, ?::date, ?, '2020-01-01 00:00+00', ?)""",
                id, type, source, role, forenames, surname, dob, address, Fixtures.WESTMINSTER);
    }

    private static void ethnicity(org.jdbi.v3.core.Handle h, String id, String selfDefined, String observed) {
        h.execute("update person_record set self_defined_ethnicity = ?, observed_ethnicity = ? where id = ?",
                selfDefined, observed, id);
    }

    private static long seq(Jdbi jdbi, String id) {
        return jdbi.withHandle(h -> h.createQuery("select seq from person_record where id = :id").bind("id", id)
                .mapTo(Long.class).one());
    }

    private JsonNode json() throws Exception {
        return org.peel.module.CommandOutput.JSON.readTree(streams.out().toString());
    }

    @Test
    @DisplayName("retention due lists each record's group and review date, held records left out")
    void retentionDue() throws Exception {
        int code = PeelCommand.execute("retention", "due", "--as-of", "2025-06-30", "--db-url", db.jdbcUrl(),
                "--format", "json");

        assertThat(code).as(streams.err().toString()).isZero();
        JsonNode due = json().get("due");
        List<String> rows = new ArrayList<>();
        due.forEach(d -> rows.add(d.get("record_type").asText() + " " + d.get("record_id").asText() + " "
                + d.get("mopi_group").asInt() + " " + d.get("review_due").asText()));
        assertThat(rows).containsExactly(
                "asb_incident ASB-1 3 2024-09-01",
                "crime C-SHOP 3 2025-03-14",
                "crime C-SEX 1 2025-06-01");
        assertThat(due.get(0).size()).isEqualTo(4);
    }

    @Test
    @DisplayName("the subject's later offence restarts clearance: C-LATE is due only on 2027-02-01")
    void laterOffence() throws Exception {
        assertThat(PeelCommand.execute("retention", "due", "--as-of", "2027-02-01", "--db-url", db.jdbcUrl(),
                "--format", "json")).isZero();
        List<String> ids = new ArrayList<>();
        json().get("due").forEach(d -> ids.add(d.get("record_id").asText() + " " + d.get("review_due").asText()));
        assertThat(ids).contains("C-LATE 2027-02-01").doesNotContain("C-HELD 2024-01-01");
    }

    @Test
    @DisplayName("disposal leaves an audited tombstone and takes the record off the queue; a held record cannot be disposed of")
    void disposal() throws Exception {
        TestDatabase.Fresh own = TestDatabase.fresh();
        seed(own.jdbi());

        assertThat(PeelCommand.execute("retention", "review", "--record-type", "crime", "--record-id", "C-SHOP",
                "--decision", "dispose", "--reason", "no policing purpose after six years; no further offending",
                "--db-url", own.jdbcUrl())).as(streams.err().toString()).isZero();
        Map<String, Object> tomb = own.jdbi().<Map<String, Object>, RuntimeException>withHandle(h -> h.createQuery(
                "select mopi_group, reason from retention_tombstone where record_id = 'C-SHOP'").mapToMap().one());
        assertThat(tomb).containsEntry("mopi_group", 3);
        assertThat(own.jdbi().<Object, RuntimeException>withHandle(h -> h.createQuery(
                "select count(*) from audit_event where action = 'retention-dispose' and record_id = 'C-SHOP'")
                .mapTo(Integer.class).one())).isEqualTo(1);

        streams.out().reset();
        PeelCommand.execute("retention", "due", "--as-of", "2025-06-30", "--db-url", own.jdbcUrl(), "--format", "json");
        assertThat(json().get("due").toString()).doesNotContain("C-SHOP").contains("C-SEX");

        int held = PeelCommand.execute("retention", "review", "--record-type", "crime", "--record-id", "C-HELD",
                "--decision", "dispose", "--reason", "old", "--db-url", own.jdbcUrl());
        assertThat(held).isEqualTo(2);
        assertThat(streams.err().toString()).contains("C-HELD is on hold (legal-proceedings)");
        assertThat(own.jdbi().<Object, RuntimeException>withHandle(h -> h.createQuery(
                "select count(*) from audit_event where action = 'retention-review' and outcome = 'denied'")
                .mapTo(Integer.class).one())).as("the refusal is audited").isEqualTo(1);
    }

    @Test
    @DisplayName("retention lift-hold lifts C-HELD's hold with its reason, audited, so it is due again; a second lift fails")
    void liftHold() throws Exception {
        TestDatabase.Fresh own = TestDatabase.fresh();
        seed(own.jdbi());
        long hold = own.jdbi().<Long, RuntimeException>withHandle(h -> h.createQuery(
                "select id from retention_hold where record_id = 'C-HELD'").mapTo(Long.class).one());

        int code = PeelCommand.execute("retention", "lift-hold", "--hold", Long.toString(hold), "--reason",
                "civil claim settled", "--db-url", own.jdbcUrl(), "--format", "json");

        assertThat(code).as(streams.err().toString()).isZero();
        JsonNode lifted = json();
        assertThat(lifted.get("hold").asLong()).isEqualTo(hold);
        assertThat(lifted.get("record_type").asText()).isEqualTo("crime");
        assertThat(lifted.get("record_id").asText()).isEqualTo("C-HELD");
        Map<String, Object> row = own.jdbi().<Map<String, Object>, RuntimeException>withHandle(h -> h.createQuery(
                "select lift_reason, lifted_by, xmin::text as tx from retention_hold where id = :id")
                .bind("id", hold).mapToMap().one());
        assertThat(row).containsEntry("lift_reason", "civil claim settled").containsEntry("lifted_by", "command line");
        assertThat(own.jdbi().<String, RuntimeException>withHandle(h -> h.createQuery(
                "select xmin::text from audit_event where action = 'retention-hold-lift' and record_id = 'C-HELD'")
                .mapTo(String.class).one())).as("audited in the same transaction").isEqualTo(row.get("tx"));

        // C-HELD, shoplifting recorded 2018-01-01 + 6 years, is due from 2024-01-01 again
        streams.out().reset();
        PeelCommand.execute("retention", "due", "--as-of", "2025-06-30", "--db-url", own.jdbcUrl(), "--format", "json");
        assertThat(json().get("due").get(0).get("record_id").asText()).isEqualTo("C-HELD");

        int again = PeelCommand.execute("retention", "lift-hold", "--hold", Long.toString(hold), "--reason", "twice",
                "--db-url", own.jdbcUrl());
        assertThat(again).isNotZero();
        assertThat(streams.err().toString()).contains("there is no standing hold " + hold);
    }

    @Test
    @DisplayName("a share without an active agreement is refused, logged and audited; an allowed one is reduced and logged")
    void shareLog() throws Exception {
        TestDatabase.Fresh own = TestDatabase.fresh();
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T09:00:00Z"), ZoneOffset.UTC);
        SharingStore sharing = new SharingStore(own.jdbi(), new AuditTrail(own.jdbi(), clock), clock);
        sharing.addOrganisation(Fixtures.administrator(),
                new SharingStore.Organisation("WCC-ASB", "Westminster City Council ASB team", OrganisationKind.COUNCIL_ASB, Fixtures.WESTMINSTER));
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-7", "Westminster ASB cases",
                List.of("WCC-ASB"), "Tackling ASB", "Crime and Disorder Act 1998 s115",
                EnumSet.of(DataCategory.INCIDENT), "12 months", LocalDate.of(2025, 4, 1), LocalDate.of(2026, 4, 1),
                "Supt. Neighbourhoods", null));
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-OLD", "Lapsed",
                List.of("WCC-ASB"), "Tackling ASB", "Crime and Disorder Act 1998 s115",
                EnumSet.of(DataCategory.INCIDENT), "12 months", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1),
                "Supt. Neighbourhoods", null));
        SharedRecord record = SharedRecord.of("asb_incident", "ASB-1")
                .with(DataCategory.INCIDENT, Map.of("category", "nuisance"))
                .with(DataCategory.IDENTITY, Map.of("name", "Amy Rowe"));

        ShareDecision shared = sharing.share(Fixtures.administrator(),
                new ShareRequest("WCC-ASB", "ISA-7", "ASB case review", "partner view", List.of(record)));
        ShareDecision lapsed = sharing.share(Fixtures.administrator(),
                new ShareRequest("WCC-ASB", "ISA-OLD", "ASB case review", "export", List.of(record)));
        ShareDecision none = sharing.share(Fixtures.administrator(),
                new ShareRequest("WCC-ASB", null, "ASB case review", "export", List.of(record)));

        assertThat(shared.allowed()).isTrue();
        assertThat(shared.records().get(0).flat()).doesNotContainKey("name");
        assertThat(lapsed.allowed()).isFalse();
        assertThat(none.allowed()).isFalse();

        assertThat(PeelCommand.execute("share", "log", "--db-url", own.jdbcUrl(), "--format", "json"))
                .as(streams.err().toString()).isZero();
        JsonNode log = json().get("shares");
        assertThat(log).hasSize(3);
        JsonNode first = log.get(2);
        assertThat(first.get("recipient").asText()).isEqualTo("WCC-ASB");
        assertThat(first.get("agreement").asText()).isEqualTo("ISA-7");
        assertThat(first.get("records").toString()).isEqualTo("[\"asb_incident:ASB-1\"]");
        assertThat(first.get("purpose").asText()).isEqualTo("ASB case review");
        assertThat(first.get("categories_shared").toString()).isEqualTo("[\"incident\"]");
        assertThat(first.get("categories_withheld").toString()).isEqualTo("[\"identity\"]");
        assertThat(log.get(1).get("outcome").asText()).isEqualTo("refused");
        assertThat(log.get(1).get("reason").asText()).contains("lapsed at its review date 1 January 2025");
        assertThat(log.get(0).get("reason").asText()).isEqualTo("no information-sharing agreement was named");
        assertThat(own.jdbi().<List<String>, RuntimeException>withHandle(h -> h.createQuery(
                "select outcome from audit_event where action = 'share' order by at, detail").mapTo(String.class).list()))
                .containsExactlyInAnyOrder("success", "denied", "denied");
        assertThat(own.jdbi().<String, RuntimeException>withHandle(h -> h.createQuery(
                "select string_agg(coalesce(detail, ''), ' ') from audit_event").mapTo(String.class).one()))
                .as("no personal data in the audit trail").doesNotContain("Amy");
    }

    @Test
    @DisplayName("sar export finds the person by name and birth date, gathers both records with her own ethnicity, redacts the suspect")
    void subjectAccess(@TempDir Path dir) throws Exception {
        int code = PeelCommand.execute("sar", "export", "--name", "Amy Rowe", "--birth-date", "1990-05-05",
                "--received", "2025-01-31", "--out", dir.toString(), "--db-url", db.jdbcUrl(), "--format", "json");

        assertThat(code).as(streams.err().toString()).isZero();
        JsonNode records = org.peel.module.CommandOutput.JSON.readTree(dir.resolve("records.json").toFile());
        assertThat(records.get("person").get("surname").asText()).isEqualTo("Rowe");
        List<String> ids = new ArrayList<>();
        records.get("records").forEach(r -> ids.add(r.get("record_type").asText() + ":" + r.get("record_id").asText()));
        assertThat(ids).containsExactlyInAnyOrder("crime:C-ROB", "asb_incident:ASB-1");
        String text = records.toString();
        assertThat(text).contains("Robbery", "suspect", "4 Elm Row").doesNotContain("Kyle", "Batt", "9 Oak Street", "1999-01-01");
        // her own ethnicity as each record holds it; the suspect's is redacted with the rest of him
        JsonNode robbery = null;
        JsonNode call = null;
        for (JsonNode r : records.get("records")) {
            if (r.get("record_id").asText().equals("C-ROB")) {
                robbery = r.get("your_details");
            } else {
                call = r.get("your_details");
            }
        }
        assertThat(robbery.get("ethnicity_self_defined").asText()).isEqualTo("Indian (Asian)");
        assertThat(robbery.get("ethnicity_observed_by_officer").asText()).isEqualTo("Asian");
        assertThat(call.get("ethnicity_self_defined").asText()).isEqualTo("Not stated");
        assertThat(call.get("ethnicity_observed_by_officer").isNull()).as("not observed at the call").isTrue();
        assertThat(text).doesNotContain("African", "Black");
        // received 31 January 2025: one calendar month is 28 February 2025
        assertThat(records.get("request").get("due_on").asText()).isEqualTo("2025-02-28");
        assertThat(text).contains("s45(4)(e)");
        byte[] pdf = Files.readAllBytes(dir.resolve("subject-access.pdf"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String pdfText;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertThat(pdfText).contains("Indian (Asian)").contains("Not stated").doesNotContain("African");
        assertThat(db.jdbi().<Object, RuntimeException>withHandle(h -> h.createQuery(
                "select due_on::text from subject_access_request order by id desc limit 1").mapTo(String.class).one()))
                .isEqualTo("2025-02-28");
    }

    @Test
    @DisplayName("sar export by person reference gives the same records; unknown details are one clear line")
    void byPerson(@TempDir Path dir) throws Exception {
        String ref = db.jdbi().<String, RuntimeException>withHandle(h -> h.createQuery("""
                select p.public_ref::text from person p join person_link l on l.person_id = p.id and l.ended_at is null
                join person_record r on r.seq = l.person_record_id where r.id = 'P1'""").mapTo(String.class).one());
        assertThat(PeelCommand.execute("sar", "export", "--person", ref, "--out", dir.toString(),
                "--db-url", db.jdbcUrl())).as(streams.err().toString()).isZero();
        JsonNode records = org.peel.module.CommandOutput.JSON.readTree(dir.resolve("records.json").toFile());
        assertThat(records.get("records")).hasSize(2);

        assertThat(PeelCommand.execute("sar", "export", "--name", "Nobody Known", "--birth-date", "1970-01-01",
                "--out", dir.toString(), "--db-url", db.jdbcUrl())).isEqualTo(2);
        assertThat(streams.err().toString()).contains("Peel holds no record of a person with these details");
    }
}
