package org.peel.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.UserAccounts;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The demo links its investigator account to the busiest Westminster investigator, once")
class DemoInvestigatorLinkTest {

    @Test
    @DisplayName("Of two Westminster investigators the one carrying an open crime is linked; a second start changes nothing")
    void linksBusiest() {
        // given two Westminster investigators, the second holding one open crime, and the demo investigator's account
        TestDatabase.Fresh fresh = TestDatabase.fresh();
        fresh.jdbi().useHandle(h -> {
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('TM1', ?, 'Westminster volume crime', 'Volume crime', 2)", Fixtures.WESTMINSTER);
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('INV1', 'TM1', 'DC A', 1, 'Volume crime')");
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('INV2', 'TM1', 'DC B', 1, 'Volume crime')");
            h.execute("""
                    insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code, domestic_abuse, hate, investigator_id)
                    values ('CR1', '2024-01-01 10:00', '2024-01-01 11:00', 'Theft offences', 'Other theft', ?, false, false, 'INV2')""", Fixtures.WESTMINSTER);
        });
        new UserAccounts(new AccessStore(fresh.jdbi()), new AuditTrail(fresh.jdbi()))
                .create(null, "investigator", "Demo investigator", Role.INVESTIGATOR, Fixtures.WESTMINSTER, "correct horse battery", "demo");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when the demo starts twice
        try (Database database = Database.open(new DatabaseLocation.External(fresh.jdbcUrl()))) {
            DemoForce.linkDemoInvestigator(database, "investigator", new PrintStream(out, true, StandardCharsets.UTF_8));
            DemoForce.linkDemoInvestigator(database, "investigator", new PrintStream(out, true, StandardCharsets.UTF_8));
        }

        // then INV2 is linked, and said so once
        String linked = fresh.jdbi().withHandle(h -> h.createQuery("select investigator_id from investigator_account where username = 'investigator'")
                .mapTo(String.class).one());
        assertThat(linked).isEqualTo("INV2");
        assertThat(out.toString(StandardCharsets.UTF_8)).containsOnlyOnce("Linked the demo account 'investigator' to investigator INV2");
    }
}
