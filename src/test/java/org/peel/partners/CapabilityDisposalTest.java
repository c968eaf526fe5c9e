package org.peel.partners;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Disposal of the records other capabilities hold, each through its own published disposal function, on the real
 * database run as the application's role. The hand-made force and the rows each disposal erases, counted by hand:
 * <pre>
 *   DA-1    domestic abuse incident 2014-05-01 (description once corrected, so one earlier version is kept), its
 *           DASH answers and reasons, MARAC referral MR-1 (2014-05-03) with one action, protective order PO-1
 *           naming the perpetrator, victim Sam Bloggs and perpetrator Jo Bloggs:
 *           incident 1 + referral 1 + action 1 + order 1 + person records 2 = 6 rows
 *   DA-H    domestic abuse incident 2014-06-01, victim Lee Hart, held for an inquiry
 *   MISS-1  missing adult 2017-02-01, found 2017-02-02 at "Ann's flat, 5 Pine Road", one risk review, two actions,
 *           the missing person Dan Ray: episode 1 + review 1 + actions 2 + person record 1 = 5 rows
 *   OFF-1   offender (shoplifting 2012, burglary 2013), one address, IOM case 2014-01-01 to 2016-01-31 with a plan,
 *           two contacts, one completed task, one diversion referral, person Cal Finch:
 *           address 1 + IOM case 1 + contacts 2 + task 1 + diversion 1 + person record 1 = 7 rows
 *   GANG-1  gangs matrix nominal recorded 2016-01-01, removed 2018-04-01 "moved to Leeds with his mother", two
 *           involvements from a source naming Tom Ray, person Eli Stone: nominal 1 + involvements 2 + person 1 = 4
 *   CASE-1  ASB case review 2018-01-10 to 2018-06-01 about Kim Lee (07700 900123), one action, one recommendation:
 *           case 1 + action 1 + recommendation 1 = 3 rows (a multi-agency case has no person records)
 * </pre>
 */
@DisplayName("Domestic abuse incidents, missing reports, offenders, gang nominals and multi-agency cases are disposed of by their own capability")
class CapabilityDisposalTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    private TestDatabase.Fresh db;
    private RetentionStore store;

    @BeforeEach
    void force() {
        db = TestDatabase.fresh();
        Jdbi jdbi = db.jdbi();
        jdbi.useHandle(h -> {
            h.execute("insert into force_area (code, name) values ('E23000001', 'Metropolitan Police') on conflict do nothing");
            h.execute("insert into borough (code, name, force_code) values (?, 'Westminster', 'E23000001') on conflict do nothing",
                    Fixtures.WESTMINSTER);
            h.execute("insert into ward (code, name, borough_code) values ('E05013806', 'St James''s', ?) on conflict do nothing",
                    Fixtures.WESTMINSTER);
            domesticAbuse(h);
            missing(h);
            offender(h);
            gang(h);
            partnerCase(h);
        });
        store = new RetentionStore(jdbi, new AuditTrail(jdbi), RetentionSettings.defaults());
        store.hold(Fixtures.administrator(), "domestic_abuse_incident", "DA-H", "inquiry", "domestic homicide review",
                TODAY);
    }

    @Test
    @DisplayName("a domestic abuse incident loses its account, DASH answers, MARAC notes, the perpetrator's name and its people; grade and dates stay")
    void domesticAbuseIncident() {
        store.decide(Fixtures.administrator(), "domestic_abuse_incident", "DA-1", false, "ten years, nothing since", TODAY);

        assertThat(count("""
                select count(*) from domestic_abuse_incident where id = 'DA-1' and description is null
                  and location_text is null and dash_answers is null and dash_reasons is null
                  and judgement_reason is null and review_note is null
                  and dash_risk = 'high' and reported_at::date = '2014-05-01' and ward_code = 'E05013806'""")).isEqualTo(1);
        assertThat(count("select count(*) from marac_referral where id = 'MR-1' and note is null and reasons = '[]'"
                + " and grade = 'high' and dash_yes = 15")).isEqualTo(1);
        assertThat(count("select count(*) from marac_action where action like '%Sam%'")).isZero();
        assertThat(count("select count(*) from protective_order where perpetrator like '%Bloggs%'")).isZero();
        assertThat(count("select count(*) from person_record where source_id = 'DA-1' and surname is null")).isEqualTo(2);
        assertThat(count("select count(*) from record_history where previous::text like '%Bloggs%'")).isZero();
        assertThat(rowsErased("DA-1")).isEqualTo(6);
        // the held incident is untouched
        assertThat(count("select count(*) from person_record where source_id = 'DA-H' and surname = 'Hart'")).isEqualTo(1);
    }

    @Test
    @DisplayName("a missing report loses where the person was found and in what state, the risk judgements and actions; grade and times stay")
    void missingReport() {
        store.decide(Fixtures.administrator(), "missing_episode", "MISS-1", false, "six years", TODAY);

        assertThat(count("""
                select count(*) from missing_episode where id = 'MISS-1' and circumstances is null and last_seen is null
                  and found_where is null and found_condition is null and safe_and_well_notes is null
                  and risk_grade = 'medium' and found_at::date = '2017-02-02'""")).isEqualTo(1);
        assertThat(count("select count(*) from missing_risk_review where episode_id = 'MISS-1' and judgement like '%Ann%'"))
                .isZero();
        assertThat(count("select count(*) from missing_action where action like '%Pine%'")).isZero();
        assertThat(count("select count(*) from person_record where source_id = 'MISS-1' and surname is null")).isEqualTo(1);
        assertThat(rowsErased("MISS-1")).isEqualTo(5);
    }

    @Test
    @DisplayName("an offender loses its address, IOM plan, contacts' outcomes, tasks and diversion reasons; its offending history stays")
    void offender() {
        store.decide(Fixtures.administrator(), "offender", "OFF-1", false, "six years since the IOM case closed", TODAY);

        assertThat(count("select count(*) from offender_address where address like '%Elm%' or postcode <> ''")).isZero();
        assertThat(count("select count(*) from iom_case where offender_id = 'OFF-1' and plan is null"
                + " and closed_on = '2016-01-31'")).isEqualTo(1);
        assertThat(count("select count(*) from iom_contact where outcome like '%Elm%'")).isZero();
        assertThat(count("select count(*) from iom_task where details like '%Elm%' or result like '%Finch%'")).isZero();
        assertThat(count("select count(*) from diversion_referral where reason like '%Finch%'")).isZero();
        assertThat(count("select count(*) from offending_history where offender_id = 'OFF-1'")).isEqualTo(2);
        assertThat(count("select count(*) from record_history where previous::text like '%Elm Court%'")).isZero();
        assertThat(rowsErased("OFF-1")).isEqualTo(7);
    }

    @Test
    @DisplayName("an offender under MAPPA also loses its MAPP meetings' chair, outcome, actions and owners; the meeting's date, level and agencies stay")
    void offenderUnderMappa() {
        // given OFF-1 under MAPPA at level 2 with one meeting held and one action set at it
        db.jdbi().useHandle(h -> {
            h.execute("""
                    insert into mappa_case (offender_id, borough_code, category, level, lead_agency, risk, plan,
                                            registered_on, updated_by, updated_at)
                    values ('OFF-1', ?, 1, 2, 'PROBATION', 'HIGH', 'Curfew at 3 Elm Court', '2014-01-10', 'pc.gray', now())""",
                    Fixtures.WESTMINSTER);
            long meeting = h.createUpdate("""
                    insert into mappa_meeting (offender_id, held_on, level, chair, attending, apologies, risk_reviewed,
                                               outcome, recorded_by, recorded_at)
                    values ('OFF-1', '2014-02-01', 2, 'DI Rose Hart', '{POLICE,PROBATION}', '{}', 'HIGH',
                            'Cal Finch to stay away from his sister', 'pc.gray', now())""")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.execute("""
                    insert into mappa_meeting_action (meeting_id, agency, action, owner, due_on)
                    values (?, 'PROBATION', 'Check 3 Elm Court weekly', 'Jo Kemp', '2014-03-01')""", meeting);
        });

        // when it is disposed of
        store.decide(Fixtures.administrator(), "offender", "OFF-1", false, "reviewed, nothing since", TODAY);

        // then the meeting keeps its date, level and agencies but nobody's name or words
        assertThat(count("""
                select count(*) from mappa_meeting where offender_id = 'OFF-1' and held_on = '2014-02-01' and level = 2
                  and attending = '{POLICE,PROBATION}' and chair not like '%Hart%' and outcome not like '%Finch%'"""))
                .isEqualTo(1);
        assertThat(count("select count(*) from mappa_meeting_action where action like '%Elm%' or owner like '%Kemp%'"))
                .isZero();
        assertThat(count("select count(*) from record_history where previous::text like '%Hart%'"
                + " or previous::text like '%Kemp%' or previous::text like '%Elm Court%'")).isZero();
        // 7 rows as in the test above, plus the MAPPA case's plan, the meeting and its action: 10
        assertThat(rowsErased("OFF-1")).isEqualTo(10);
    }

    @Test
    @DisplayName("a gang nominal loses its reasons, removal reason and sources; status, borough and ethnicity stay for the equality figures")
    void gangNominal() {
        store.decide(Fixtures.administrator(), "gang_nominal", "GANG-1", false, "removed, six years", TODAY);

        assertThat(count("""
                select count(*) from gang_nominal where id = 'GANG-1' and reasons = '[]' and removal_reason not like '%Leeds%'
                  and status = 'removed' and ethnicity = 'White' and borough_code = '""" + Fixtures.WESTMINSTER + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from gang_involvement where source like '%Ray%'")).isZero();
        assertThat(count("select count(*) from record_history where previous::text like '%Leeds%'")).isZero();
        assertThat(rowsErased("GANG-1")).isEqualTo(4);
    }

    @Test
    @DisplayName("a multi-agency case loses its subject's name and telephone and every note; kind, dates and threshold stay")
    void partnerCase() {
        store.decide(Fixtures.administrator(), "partner_case", "CASE-1", false, "six years since it closed", TODAY);

        assertThat(count("""
                select count(*) from partner_case where id = 'CASE-1' and subject_name is null and subject_phone is null
                  and summary not like '%Kim%' and title not like '%Kim%' and risk is null and meeting_notes is null
                  and threshold_met and closed_on = '2018-06-01' and kind = 'asb-case-review'""")).isEqualTo(1);
        assertThat(count("select count(*) from partner_case_action where action like '%Kim%'")).isZero();
        assertThat(count("select count(*) from partner_case_recommendation where recommendation like '%Kim%'")).isZero();
        assertThat(count("select count(*) from record_history where previous::text like '%Kim Lee%'")).isZero();
        assertThat(rowsErased("CASE-1")).isEqualTo(3);
    }

    @Test
    @DisplayName("the erasure, the tombstone and the audit entry are one transaction")
    void sameTransaction() {
        store.decide(Fixtures.administrator(), "domestic_abuse_incident", "DA-1", false, "ten years", TODAY);

        // rows written by one transaction carry its id as xmin
        String tomb = one("select xmin::text from retention_tombstone where record_id = 'DA-1'");
        String audit = one("select xmin::text from audit_event where action = 'retention-dispose' and record_id = 'DA-1'");
        String incident = one("select xmin::text from domestic_abuse_incident where id = 'DA-1'");
        String order = one("select xmin::text from protective_order where id = 'PO-1'");
        assertThat(audit).isEqualTo(tomb).isEqualTo(incident).isEqualTo(order);
        assertThat(one("select detail from audit_event where action = 'retention-dispose' and record_id = 'DA-1'"))
                .contains("MoPI group 2", "6 rows of personal data erased").doesNotContain("Bloggs");
    }

    @Test
    @DisplayName("a held incident is refused by the review, with the refusal audited, and by its capability's disposal itself")
    void heldRefused() {
        assertThatThrownBy(() -> store.decide(Fixtures.administrator(), "domestic_abuse_incident", "DA-H", false,
                "old", TODAY)).hasMessageContaining("DA-H is on hold (inquiry)");
        assertThat(count("select count(*) from audit_event where action = 'retention-review' and outcome = 'denied'"
                + " and record_id = 'DA-H'")).isEqualTo(1);

        // called directly, the vulnerability capability's disposal refuses the held record as well
        assertThatThrownBy(() -> db.jdbi().useHandle(h ->
                h.execute("select vulnerability_domestic_abuse_incident_disposal_published('DA-H')")))
                .hasMessageContaining("DA-H is on hold");
        assertThat(count("select count(*) from person_record where source_id = 'DA-H' and surname = 'Hart'")).isEqualTo(1);
        assertThat(count("select count(*) from retention_tombstone")).isZero();
    }

    @Test
    @DisplayName("each kind is due by its group: DA-1 group 2 from its MARAC referral, OFF-1 group 3 from its IOM case's close")
    void dueDates() {
        // DA-1: group 2, last active 2014-05-03 (MARAC referral) + 10 = 2024-05-03
        // MISS-1: group 3, found 2017-02-02 + 6 = 2023-02-02
        // OFF-1: group 3 (shoplifting, burglary), IOM case closed 2016-01-31 + 6 = 2022-01-31
        // GANG-1: group 3 (removed), removed 2018-04-01 + 6 = 2024-04-01
        // CASE-1: group 3, closed 2018-06-01 + 6 = 2024-06-01
        // DA-H is held, so not listed
        List<String> due = store.due(TODAY).stream()
                .map(d -> d.recordId() + " " + d.group().number() + " " + d.reviewDue()).toList();
        assertThat(due).containsExactly("OFF-1 3 2022-01-31", "MISS-1 3 2023-02-02", "GANG-1 3 2024-04-01",
                "DA-1 2 2024-05-03", "CASE-1 3 2024-06-01");
    }

    private void domesticAbuse(Handle h) {
        h.execute("""
                insert into domestic_abuse_incident (id, reported_at, borough_code, ward_code, dash_risk, marac_referral,
                    description, location_text, dash_answers, dash_yes, judgement, judgement_reason, dash_reasons,
                    review_note)
                values ('DA-1', '2014-05-01 22:00', ?, 'E05013806', 'high', true, 'Jo Bloggs punched Sam Bloggs',
                        '12 High Street', 'YYYYYYYYYYYYYYYNNNNNNNNNNNNN', 15, 'high', 'Sam Bloggs fears for her life',
                        '["15 yes answers"]', 'Spoke to Sam Bloggs')""", Fixtures.WESTMINSTER);
        h.execute("update domestic_abuse_incident set description = 'Jo Bloggs hit Sam Bloggs' where id = 'DA-1'");
        h.execute("""
                insert into domestic_abuse_incident (id, reported_at, borough_code, dash_risk, marac_referral, description)
                values ('DA-H', '2014-06-01 10:00', ?, 'medium', false, 'Lee Hart assaulted')""", Fixtures.WESTMINSTER);
        h.execute("""
                insert into marac_referral (id, incident_id, borough_code, criteria, repeat, grade, dash_yes, reasons,
                                            referred_at, referred_by, note)
                values ('MR-1', 'DA-1', ?, '{visible-high-risk}', false, 'high', 15, '["Sam Bloggs: 15 yes"]',
                        '2014-05-03 09:00+00', 'ds.khan', 'Sam Bloggs moved to a refuge')""", Fixtures.WESTMINSTER);
        h.execute("""
                insert into marac_action (referral_id, agency, action, owner, due_on, created_by, created_at)
                values ('MR-1', 'housing', 'Move Sam Bloggs to a refuge', 'Housing', '2014-05-10', 'ds.khan', now())""");
        h.execute("""
                insert into protective_order (id, kind, incident_id, borough_code, perpetrator, authorised_by, starts_at,
                                              created_by, created_at)
                values ('PO-1', 'dvpn', 'DA-1', ?, 'Jo Bloggs', 'supt.reed', '2014-05-02 10:00+00', 'ds.khan', now())""",
                Fixtures.WESTMINSTER);
        person(h, "DA-V", "domestic_abuse_incident", "DA-1", "victim", "Sam", "Bloggs");
        person(h, "DA-P", "domestic_abuse_incident", "DA-1", "perpetrator", "Jo", "Bloggs");
        person(h, "DA-HV", "domestic_abuse_incident", "DA-H", "victim", "Lee", "Hart");
    }

    private void missing(Handle h) {
        h.execute("""
                insert into missing_episode (id, reported_at, found_at, borough_code, ward_code, risk_grade, child,
                    looked_after, circumstances, last_seen, found_where, found_condition, safe_and_well_notes)
                values ('MISS-1', '2017-02-01 20:00', '2017-02-02 08:00', ?, 'E05013806', 'medium', false, false,
                        'Left after a row with his partner Ann', 'Oak Park', 'Ann''s flat, 5 Pine Road', 'intoxicated',
                        'Said Ann hit him')""", Fixtures.WESTMINSTER);
        h.execute("""
                insert into missing_risk_review (episode_id, stage, graded_at, judgement, grade, reasons, version, graded_by)
                values ('MISS-1', 'report', '2017-02-01 20:30+00', 'Ann may be violent', 'medium', '["row at home"]',
                        'v1', 'pc.gray')""");
        for (String action : List.of("Visit Ann's flat, 5 Pine Road", "Check Oak Park")) {
            h.execute("""
                    insert into missing_action (episode_id, action, owner, created_at, created_by)
                    values ('MISS-1', ?, 'pc.gray', now(), 'pc.gray')""", action);
        }
        person(h, "MP-1", "missing_episode", "MISS-1", "missing", "Dan", "Ray");
    }

    private void offender(Handle h) {
        h.execute("insert into offender (id, borough_code, first_offence_on, offence_count) values ('OFF-1', ?, '2012-03-01', 2)",
                Fixtures.WESTMINSTER);
        h.execute("""
                insert into offending_history (offender_id, seq, offence_on, offence_group, disposal)
                values ('OFF-1', 1, '2012-03-01', 'Shoplifting', 'caution'), ('OFF-1', 2, '2013-06-01', 'Burglary', 'charge')""");
        h.execute("""
                insert into offender_address (offender_id, address, postcode, ward_code, borough_code, recorded_by, recorded_at)
                values ('OFF-1', '3 Elm Court', 'SW1A 1AA', 'E05013806', ?, 'pc.gray', now())""", Fixtures.WESTMINSTER);
        h.execute("""
                insert into iom_case (offender_id, borough_code, lead_officer, plan, opened_on, closed_on, updated_by, updated_at)
                values ('OFF-1', ?, 'pc.gray', 'Weekly visits to 3 Elm Court', '2014-01-01', '2016-01-31', 'pc.gray', now())""",
                Fixtures.WESTMINSTER);
        h.execute("""
                insert into iom_contact (offender_id, contact_on, kind, outcome, recorded_by, recorded_at)
                values ('OFF-1', '2014-02-01', 'home-visit', 'Seen at 3 Elm Court', 'pc.gray', now()),
                       ('OFF-1', '2014-03-01', 'phone', 'Said he is using again', 'pc.gray', now())""");
        h.execute("""
                insert into iom_task (offender_id, borough_code, ward_code, kind, details, due_on, requested_by,
                                      requested_at, completed_by, completed_at, result)
                values ('OFF-1', ?, 'E05013806', 'check-address', 'Is he still at 3 Elm Court?', '2014-04-01', 'pc.gray',
                        now(), 'pc.hill', now(), 'Cal Finch lives there with his sister')""", Fixtures.WESTMINSTER);
        h.execute("""
                insert into diversion_referral (offender_id, borough_code, scheme, referred_on, reason, recorded_by, recorded_at)
                values ('OFF-1', ?, 'drugs-alcohol', '2014-02-15', 'Cal Finch uses heroin daily', 'pc.gray', now())""",
                Fixtures.WESTMINSTER);
        person(h, "OF-1", "offender", "OFF-1", "offender", "Cal", "Finch");
    }

    private void gang(Handle h) {
        h.execute("""
                insert into gang_nominal (id, gang_name, borough_code, ethnicity, status, score, sources, reasons,
                    review_due, last_reviewed, removed_on, removal_reason, dpia_reference, recorded_by, recorded_at)
                values ('GANG-1', 'Church Street', ?, 'White', 'removed', 0, 2, '["stabbing of Tom Ray"]',
                        '2019-04-01', '2018-04-01', '2018-04-01', 'Moved to Leeds', 'DPIA-1', 'ia.patel',
                        '2016-01-01 12:00+00')""", Fixtures.WESTMINSTER);
        h.execute("update gang_nominal set removal_reason = 'Moved to Leeds with his mother' where id = 'GANG-1'");
        h.execute("""
                insert into gang_involvement (nominal_id, kind, role, occurred_on, source, recorded_by, recorded_at)
                values ('GANG-1', 'knife crime', 'perpetrator', '2017-01-01', 'CHIS report naming Tom Ray', 'ia.patel', now()),
                       ('GANG-1', 'drugs', 'perpetrator', '2016-06-01', 'Tom Ray''s statement', 'ia.patel', now())""");
        person(h, "GN-1", "gang", "GANG-1", "nominal", "Eli", "Stone");
    }

    private void partnerCase(Handle h) {
        h.execute("""
                insert into partner_organisation (id, name, kind, borough_code, created_by)
                values ('WCC', 'Westminster City Council', 'council-asb', ?, 'admin')""", Fixtures.WESTMINSTER);
        h.execute("""
                insert into sharing_agreement (id, title, purpose, lawful_basis, data_categories, retention, starts_on,
                                               review_on, owner, created_by)
                values ('ISA-1', 'ASB', 'Tackling ASB', 'Crime and Disorder Act 1998 s115', '{incident}', '6 years',
                        '2017-01-01', '2019-01-01', 'Supt', 'admin')""");
        h.execute("""
                insert into partner_case (id, kind, title, borough_code, ward_code, summary, subject_name, subject_phone,
                    risk, agreement_id, opened_on, applied_on, threshold_met, threshold_reason, meeting_on,
                    recommendations, closed_on, created_by, meeting_notes)
                values ('CASE-1', 'asb-case-review', 'Noise at Flat 3, Kim Lee', ?, 'E05013806',
                        'Kim Lee reports noise from Flat 4', 'Kim Lee', '07700 900123', 'Kim Lee is disabled', 'ISA-1',
                        '2018-01-10', '2018-01-10', true, 'Three complaints about Kim Lee''s neighbour', '2018-02-01',
                        'Move Kim Lee', '2018-06-01', 'admin', 'Kim Lee attended')""", Fixtures.WESTMINSTER);
        h.execute("""
                insert into partner_case_action (case_id, organisation_id, action, created_by)
                values ('CASE-1', 'WCC', 'Visit Kim Lee', 'admin')""");
        h.execute("""
                insert into partner_case_recommendation (case_id, recommendation, created_by)
                values ('CASE-1', 'Offer Kim Lee a transfer', 'admin')""");
    }

    private static void person(Handle h, String id, String type, String source, String role, String forenames,
                               String surname) {
        h.execute("""
                insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                                           address, recorded_at, borough_code)
                values (?, ?, ?, ?, ?, ?, '1990-01-01', '1 Any Street', '2014-01-01 00:00', ?)""",
                id, type, source, role, forenames, surname, Fixtures.WESTMINSTER);
    }

    private int rowsErased(String id) {
        return count("select rows_erased from retention_tombstone where record_id = '" + id + "'");
    }

    private int count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private String one(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
