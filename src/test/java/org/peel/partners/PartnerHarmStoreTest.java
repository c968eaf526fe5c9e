package org.peel.partners;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.DataCategory;
import org.peel.access.OrganisationKind;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.common.BadInput;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Ambulance call-outs loaded under an agreement, linked to recorded violence, counted per ward")
class PartnerHarmStoreTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-07-01T09:00:00Z"), ZoneOffset.UTC);
    private static final String WARD = "E05000649";
    private static final String NEXT_WARD = "E05000650";

    private TestDatabase.Fresh db;
    private PartnerHarmStore store;

    @BeforeEach
    void force() {
        db = TestDatabase.fresh();
        var jdbi = db.jdbi();
        SharingStore sharing = new SharingStore(jdbi, new AuditTrail(jdbi), TODAY);
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("LAS", "London Ambulance Service",
                OrganisationKind.AMBULANCE, null));
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-LAS", "Assault call-outs",
                List.of("LAS"), "Finding violence not reported to police", "Crime and Disorder Act 1998 s115",
                EnumSet.of(DataCategory.INCIDENT, DataCategory.HEALTH), "3 years", LocalDate.of(2024, 1, 1),
                LocalDate.of(2026, 1, 1), "Supt. Partnerships", null));
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-OLD", "Old call-outs",
                List.of("LAS"), "Violence", "Crime and Disorder Act 1998 s115",
                EnumSet.of(DataCategory.INCIDENT, DataCategory.HEALTH), "3 years", LocalDate.of(2020, 1, 1),
                LocalDate.of(2025, 1, 1), "Supt. Partnerships", null));
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-NOHEALTH", "Incidents only",
                List.of("LAS"), "Violence", "Crime and Disorder Act 1998 s115", EnumSet.of(DataCategory.INCIDENT),
                "3 years", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1), "Supt. Partnerships", null));
        jdbi.useHandle(h -> {
            h.execute("insert into ward (code, name, borough_code) values (?, 'St James''s', ?), (?, 'West End', ?)",
                    WARD, Fixtures.WESTMINSTER, NEXT_WARD, Fixtures.WESTMINSTER);
            h.execute("""
                    insert into lsoa (code, ward_code, borough_code, centroid_lat, centroid_lon)
                    values ('E01004736', ?, ?, 51.5100, -0.1300), ('E01004737', ?, ?, 51.5130, -0.1400)""",
                    WARD, Fixtures.WESTMINSTER, NEXT_WARD, Fixtures.WESTMINSTER);
            h.execute("insert into place_postcode (postcode, ward_code, source) values ('W1D 7DH', ?, 'test')", NEXT_WARD);
            // two assaults recorded in St James's, one in the West End, and a theft that is not violence
            h.execute("""
                    insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                       ward_code, latitude, longitude, domestic_abuse, hate)
                    values ('CR-1', '2025-06-14 22:15+00', '2025-06-15 01:00+00', 'Violence with injury',
                            'Violence and sexual offences', ?, ?, 51.5133, -0.1302, false, false),
                           ('CR-2', '2025-06-20 02:00+00', '2025-06-20 03:00+00', 'Violence without injury',
                            'Violence and sexual offences', ?, ?, 51.5100, -0.1300, false, false),
                           ('CR-3', '2025-06-21 20:00+00', '2025-06-21 21:00+00', 'Violence with injury',
                            'Violence and sexual offences', ?, ?, 51.5130, -0.1400, false, false),
                           ('CR-4', '2025-06-14 23:30+00', '2025-06-15 00:30+00', 'Theft from the person',
                            'Theft from the person', ?, ?, 51.5103, -0.1302, false, false)""",
                    Fixtures.WESTMINSTER, WARD, Fixtures.WESTMINSTER, WARD, Fixtures.WESTMINSTER, NEXT_WARD,
                    Fixtures.WESTMINSTER, WARD);
            h.execute("""
                    insert into person_record (id, source_type, source_id, role, sex, date_of_birth, recorded_at)
                    values ('PR-1', 'crime', 'CR-1', 'victim', 'M', '1998-03-01', '2025-06-15 01:00+00'),
                           ('PR-2', 'crime', 'CR-2', 'victim', 'F', '1960-01-01', '2025-06-20 03:00+00')""");
        });
        store = new PartnerHarmStore(jdbi, new AuditTrail(jdbi), TODAY);
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    // LAS-1: 334 m and 85 minutes from CR-1, a man of about 25 and the victim 27: reported.
    // LAS-2: at CR-2's place and time, but a man of 20 where CR-2's victim is a woman of 65: likely unreported.
    // LAS-3: by postcode in the West End, 30 minutes after CR-3 there: reported (same ward, no point).
    // LAS-4: St James's, no crime that night (CR-4 is a theft): likely unreported.
    private static final String FILE = """
            reference,occurred_at,postcode,latitude,longitude,injury,age,sex
            LAS-1,2025-06-14T23:40:00Z,,51.5103,-0.1302,Head injury,25,M
            LAS-2,2025-06-20T02:10:00Z,,51.5100,-0.1300,Stab wound,20,M
            LAS-3,2025-06-21 20:30,w1d7dh,,,Facial injury,,F
            LAS-4,2025-06-22T01:00:00Z,,51.5101,-0.1301,Broken jaw,40,Male
            """;

    @Test
    @DisplayName("two of four call-outs are likely unreported: St James's 2 of 2 police violence + 2 = 50%, the West End none")
    void unreportedPerWard() {
        var imported = store.importFile(null, "las-june.csv", csv(FILE), PartnerHarmStore.Source.AMBULANCE, "LAS",
                "ISA-LAS");
        assertThat(imported.added()).isEqualTo(4);
        assertThat(imported.unplaced()).isZero();

        int[] linked = store.link(HarmLinkage.Settings.defaults());
        assertThat(linked).containsExactly(4, 2);

        List<PartnerHarmStore.WardLine> wards = store.byWard(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30), null);
        assertThat(wards).containsExactly(
                new PartnerHarmStore.WardLine(WARD, "St James's", Fixtures.WESTMINSTER, 3, 1, 2, 2),
                new PartnerHarmStore.WardLine(NEXT_WARD, "West End", Fixtures.WESTMINSTER, 1, 1, 0, 1));
        assertThat(wards.get(0).unreportedShare()).isEqualTo(0.5);
        assertThat(PartnerHarmStore.totals(wards)).containsEntry("likely_unreported", 2)
                .containsEntry("police_violence", 3).containsEntry("unreported_share", 0.4);
    }

    @Test
    @DisplayName("the same file loaded twice adds nothing the second time")
    void idempotent() {
        store.importFile(null, "las-june.csv", csv(FILE), PartnerHarmStore.Source.AMBULANCE, "LAS", "ISA-LAS");
        var again = store.importFile(null, "las-june.csv", csv(FILE), PartnerHarmStore.Source.AMBULANCE, "LAS",
                "ISA-LAS");
        assertThat(again.added()).isZero();
        assertThat(again.alreadyHeld()).isEqualTo(4);
        assertThat(count("partner_harm_incident")).isEqualTo(4);
    }

    @Test
    @DisplayName("a file with bad rows is refused whole, naming the file, the first bad line and field, and how many more")
    void badRows() {
        String bad = """
                reference,occurred_at,postcode,latitude,longitude,injury,age,sex
                LAS-1,2025-06-14T23:40:00Z,,51.5103,-0.1302,Head injury,25,M
                LAS-2,2025-06-20T02:10:00Z,,51.5100,-0.1300,Stab wound,twenty,M
                LAS-3,14/06/2025,,51.5100,-0.1300,Cut,20,M
                """;
        assertThatThrownBy(() -> store.importFile(null, "las-bad.csv", csv(bad), PartnerHarmStore.Source.AMBULANCE,
                "LAS", "ISA-LAS"))
                .isInstanceOf(BadInput.class)
                .hasMessage("las-bad.csv, line 3, field 'age': 'twenty' is not a whole number of years (and 1 more bad"
                        + " rows, the next at line 4); nothing imported");
        assertThat(count("partner_harm_incident")).isZero();
        assertThat(count("partner_harm_file")).isZero();
    }

    @Test
    @DisplayName("a file is refused under a lapsed agreement, or one that does not cover health data")
    void agreementChecked() {
        assertThatThrownBy(() -> store.importFile(null, "f.csv", csv(FILE), PartnerHarmStore.Source.AMBULANCE, "LAS",
                "ISA-OLD")).hasMessageContaining("is lapsed on 2025-07-01");
        assertThatThrownBy(() -> store.importFile(null, "f.csv", csv(FILE), PartnerHarmStore.Source.AMBULANCE, "LAS",
                "ISA-NOHEALTH")).hasMessageContaining("does not cover injuries");
        assertThat(count("partner_harm_incident")).isZero();
    }

    private int count(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
    }
}
