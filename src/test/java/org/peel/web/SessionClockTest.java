package org.peel.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.AccessStore;
import org.peel.access.Role;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The clock Peel is given decides when a session expires and when an audit entry happened")
class SessionClockTest {

    private static final Instant SIGNED_IN_AT = Instant.parse("2026-01-05T09:00:00Z");

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = SIGNED_IN_AT;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of(), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("a session signed into at 09:00 by the given clock is still good at 10:59 and gone after two idle hours")
    void sessionExpiresByTheGivenClock() {
        WebClient c = server.signedIn("pc.clock", Role.RESPONSE_OFFICER, "E09000033");

        clock.now = SIGNED_IN_AT.plus(AccessStore.SESSION_IDLE).minusSeconds(60);
        assertThat(c.get("/").statusCode()).isEqualTo(200);

        clock.now = clock.now.plus(AccessStore.SESSION_IDLE).plus(Duration.ofMinutes(1));
        var r = c.get("/");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).startsWith("/sign-in");
    }

    @Test
    @DisplayName("the sign-in's audit entry is timed by the given clock, not the machine's")
    void auditEntryTimedByTheGivenClock() {
        server.signedIn("pc.audit", Role.RESPONSE_OFFICER, "E09000033");

        OffsetDateTime at = server.database().jdbi().withHandle(h -> h.createQuery(
                        "select at from audit_event where action = 'sign-in' and username = 'pc.audit'"
                                + " and outcome = 'success'")
                .mapTo(OffsetDateTime.class).one());
        assertThat(at.toInstant()).isEqualTo(SIGNED_IN_AT);
    }
}
