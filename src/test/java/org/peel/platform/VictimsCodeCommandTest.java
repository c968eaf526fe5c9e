package org.peel.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel victims-code add-working-days")
class VictimsCodeCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

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
