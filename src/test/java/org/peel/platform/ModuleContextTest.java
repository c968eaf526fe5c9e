package org.peel.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.testing.Fixtures;
import org.peel.testing.TestServer;
import org.peel.testing.WebClient;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Capabilities decide by the one clock and the one configuration the platform hands every module. */
@DisplayName("Modules take their clock and configuration from the platform's context")
class ModuleContextTest {

    /** A call in a year none of the system clocks running these tests has reached. */
    private static final Clock MARCH_2031 = Clock.fixed(Instant.parse("2031-03-14T10:15:30Z"), ZoneOffset.UTC);

    private static final String CALL = """
            {"category":"nuisance","sub_type":"Noise","description":"Loud party","channel":"online",
             "address":"Test Square","victim_surname":"Turing","victim_forenames":"Alan","victim_dob":"%s",
             "caller_is_victim":"yes","targeted":"no","impact":"severe","duration":"longer",
             "vulnerability":["mental_health"]}""";

    @Test
    @DisplayName("given Peel on a clock in March 2031, when an ASB call is recorded without a time, then it is"
            + " recorded at the clock's time and a date of birth in 2030 is not in the future")
    void capabilitiesUseTheInjectedClock() {
        try (TestServer server = TestServer.start(Map.of(), MARCH_2031)) {
            WebClient pc = server.signedIn("pc.clock", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);

            HttpResponse<String> r = pc.postJson("/api/v1/asb-incidents", CALL.formatted("2030-06-01"),
                    Map.of("X-CSRF-Token", pc.csrfToken()));

            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            LocalDateTime reported = server.database().jdbi().withHandle(h ->
                    h.createQuery("select reported_at from asb_incident").mapTo(LocalDateTime.class).one());
            assertThat(reported).isEqualTo(LocalDateTime.of(2031, 3, 14, 10, 15, 30));
        }
    }

    @Test
    @DisplayName("given PEEL_ASB_HIGH_FROM=7 in the configuration handed in, when a call scores 7, then it is graded"
            + " high (the default threshold, 8, would grade it medium)")
    void capabilitiesReadTheConfigurationHandedIn() {
        try (TestServer server = TestServer.start(Map.of("PEEL_ASB_HIGH_FROM", "7"), MARCH_2031)) {
            WebClient pc = server.signedIn("pc.settings", Role.NEIGHBOURHOOD_OFFICER, Fixtures.WESTMINSTER);

            HttpResponse<String> r = pc.postJson("/api/v1/asb-incidents", CALL.formatted("1912-06-23"),
                    Map.of("X-CSRF-Token", pc.csrfToken()));

            // severe 3 + mental health 2 + longer 2 = 7
            assertThat(r.body()).contains("\"score\":7").contains("\"grade\":\"HIGH\"");
        }
    }
}
