package org.peel.partners;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peel.access.AuditTrail;
import org.peel.access.DataCategory;
import org.peel.access.OrganisationKind;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.platform.PeelCommand;
import org.peel.testing.Fixtures;
import org.peel.testing.StandardStreams;
import org.peel.testing.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel harm import and peel harm unreported")
class HarmCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    @DisplayName("a bad file exits non-zero naming file, line and field; a good one is loaded once; one of two is unreported")
    void importAndList(@TempDir Path dir) throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        var jdbi = db.jdbi();
        SharingStore sharing = new SharingStore(jdbi, new AuditTrail(jdbi), Clock.systemUTC());
        sharing.addOrganisation(Fixtures.administrator(), new SharingStore.Organisation("LAS",
                "London Ambulance Service", OrganisationKind.AMBULANCE, null));
        sharing.addAgreement(Fixtures.administrator(), new SharingAgreement("ISA-LAS", "Assault call-outs",
                List.of("LAS"), "Finding unreported violence", "Crime and Disorder Act 1998 s115",
                EnumSet.of(DataCategory.INCIDENT, DataCategory.HEALTH), "3 years", LocalDate.of(2020, 1, 1),
                LocalDate.of(2099, 1, 1), "Supt. Partnerships", null));
        jdbi.useHandle(h -> {
            h.execute("insert into ward (code, name, borough_code) values ('E05000649', 'St James''s', ?)",
                    Fixtures.WESTMINSTER);
            h.execute("""
                    insert into lsoa (code, ward_code, borough_code, centroid_lat, centroid_lon)
                    values ('E01004736', 'E05000649', ?, 51.5100, -0.1300)""", Fixtures.WESTMINSTER);
            h.execute("""
                    insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                       ward_code, latitude, longitude, domestic_abuse, hate)
                    values ('CR-1', '2025-06-14 23:00+00', '2025-06-15 01:00+00', 'Violence with injury',
                            'Violence and sexual offences', ?, 'E05000649', 51.5100, -0.1300, false, false)""",
                    Fixtures.WESTMINSTER);
        });
        Path bad = Files.writeString(dir.resolve("las-bad.csv"), """
                reference,occurred_at,latitude,longitude,injury,age,sex
                LAS-1,2025-06-14T23:20:00Z,51.5101,-0.1301,Head injury,25,X
                """);
        int code = PeelCommand.execute("harm", "import", bad.toString(), "--from", "LAS", "--agreement", "ISA-LAS",
                "--db-url", db.jdbcUrl());
        assertThat(code).isNotZero();
        assertThat(streams.err().toString()).contains("las-bad.csv, line 2, field 'sex': 'X' is not F, M or U");

        // LAS-1: 20 minutes and 14 m from CR-1, reported; LAS-2: two nights later, no crime: likely unreported
        Path good = Files.writeString(dir.resolve("las-june.csv"), """
                reference,occurred_at,latitude,longitude,injury,age,sex
                LAS-1,2025-06-14T23:20:00Z,51.5101,-0.1301,Head injury,25,M
                LAS-2,2025-06-16T23:20:00Z,51.5101,-0.1301,Laceration,30,F
                """);
        for (int run = 0; run < 2; run++) {
            assertThat(PeelCommand.execute("harm", "import", good.toString(), "--from", "LAS", "--agreement",
                    "ISA-LAS", "--db-url", db.jdbcUrl())).as(streams.err().toString()).isZero();
        }
        assertThat(streams.out().toString()).contains("las-june.csv: 2 rows, 0 added, 2 already held");
        streams.out().reset();
        assertThat(PeelCommand.execute("harm", "unreported", "--from", "2025-06-01", "--to", "2025-06-30",
                "--db-url", db.jdbcUrl(), "--format", "json")).isZero();
        JsonNode json = org.peel.module.CommandOutput.JSON.readTree(streams.out().toString());
        // one unreported against one recorded crime: half of all violence known
        assertThat(json.get("partner_incidents").asInt()).isEqualTo(2);
        assertThat(json.get("likely_unreported").asInt()).isEqualTo(1);
        assertThat(json.get("police_violence").asInt()).isEqualTo(1);
        assertThat(json.get("unreported_share").asDouble()).isEqualTo(0.5);
        assertThat(json.get("wards").get(0).get("ward").asText()).isEqualTo("St James's");
    }
}
