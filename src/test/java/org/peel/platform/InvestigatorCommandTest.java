package org.peel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.UserAccounts;
import org.peel.testing.Fixtures;
import org.peel.testing.StandardStreams;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel investigator link")
class InvestigatorCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();
    private final ByteArrayOutputStream out = streams.out();
    private final ByteArrayOutputStream err = streams.err();

    @Test
    @DisplayName("links an investigator to an account in their borough; an unknown investigator is one clear line, exit 2")
    void link() throws Exception {
        // given a Westminster investigator and an investigator's account
        TestDatabase.Fresh db = TestDatabase.fresh();
        db.jdbi().useHandle(h -> {
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment) values ('T1', ?, 'Westminster volume crime', 'Volume crime', 1)", Fixtures.WESTMINSTER);
            h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism) values ('INV1', 'T1', 'DC Shah', 1, 'Volume crime')");
        });
        new UserAccounts(new AccessStore(db.jdbi()), new AuditTrail(db.jdbi()))
                .create(null, "dc.shah", "DC Shah", Role.INVESTIGATOR, Fixtures.WESTMINSTER, "correct horse battery", "test");

        // when
        int code = PeelCommand.execute("investigator", "link", "--investigator", "INV1", "--user", "dc.shah",
                "--db-url", db.jdbcUrl(), "--format", "json");

        // then
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = OutputOptions.JSON.readTree(out.toString());
        assertThat(json.get("investigator_id").asText()).isEqualTo("INV1");
        assertThat(json.get("username").asText()).isEqualTo("dc.shah");
        String linked = db.jdbi().withHandle(h -> h.createQuery("select username from investigator_account where investigator_id = 'INV1'")
                .mapTo(String.class).one());
        assertThat(linked).isEqualTo("dc.shah");

        assertThat(PeelCommand.execute("investigator", "link", "--investigator", "NOPE", "--user", "dc.shah",
                "--db-url", db.jdbcUrl())).isEqualTo(2);
        assertThat(err.toString()).contains("investigator").contains("No investigator NOPE");
    }
}
