package org.peel.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peel.testing.StandardStreams;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel victims-code add-working-days")
class VictimsCodeCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();
    private final ByteArrayOutputStream out = streams.out();
    private final ByteArrayOutputStream err = streams.err();

    @Test
    @DisplayName("prints the ISO date: one working day from Christmas Eve 2015 is Tuesday 29 December")
    void text() {
        assertThat(PeelCommand.execute("victims-code", "add-working-days", "--from", "2015-12-24", "--days", "1")).isZero();
        assertThat(out.toString().trim()).isEqualTo("2015-12-29");
    }

    @Test
    @DisplayName("--format json gives the start, the days and the date")
    void json() {
        assertThat(PeelCommand.execute("victims-code", "add-working-days", "--from", "2015-04-02", "--days", "1",
                "--format", "json")).isZero();
        assertThat(out.toString().trim()).isEqualTo("{\"from\":\"2015-04-02\",\"working_days\":1,\"date\":\"2015-04-07\"}");
    }

    @Test
    @DisplayName("a bad date is one clear line and exit code 2")
    void badDate() {
        assertThat(PeelCommand.execute("victims-code", "add-working-days", "--from", "24/12/2015", "--days", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--from must be a date as YYYY-MM-DD");
    }
}
