package org.peel.organisedcrime;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Two groups with identical facts score identically on the register, whatever their name, id or borough")
class OcgIdenticalFactsTest {

    @Test
    @DisplayName("rescored through the register, 'Alpha' (Z-9 in Westminster) and 'Omega' (A-1 in Camden) with the"
            + " same facts get the same score, band and contributions")
    void identicalFacts() {
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        LocalDate mapped = LocalDate.now().minusYears(1);
        OcgFixtures.group(jdbi, "Z-9", "Alpha", Fixtures.WESTMINSTER, "drugs supply;firearms", true, "used", false,
                true, "regional", mapped, 6, 2);
        OcgFixtures.group(jdbi, "A-1", "Omega", Fixtures.CAMDEN, "drugs supply;firearms", true, "used", false, true,
                "regional", mapped.minusYears(3), 6, 2);
        OcgRegister register = new OcgRegister(new OcgStore(jdbi), new AuditTrail(jdbi), OcgSettings.defaults(),
                Clock.systemDefaultZone());
        User analyst = new User(0, "analyst.same", "Analyst", Role.INTELLIGENCE_ANALYST, null);
        OcgScore alpha = register.rescore(analyst, "Z-9", "127.0.0.1");
        OcgScore omega = register.rescore(analyst, "A-1", "127.0.0.1");
        assertThat(omega).isEqualTo(alpha);
        assertThat(register.store().find("A-1").orElseThrow().score())
                .isEqualTo(register.store().find("Z-9").orElseThrow().score());
    }
}
