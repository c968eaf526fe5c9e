package org.peel.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peel.testing.StandardStreams;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code peel bench} comes from the bench jar when it is on the class path, and says so in one line when not. */
@DisplayName("The bench command is found in the bench jar")
class BenchmarksTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    @DisplayName("given the bench classes on the class path, when peel builds its commands, then bench is theirs")
    void foundWhenInstalled() {
        assertThat(Benchmarks.command().getClass().getName()).isEqualTo(Benchmarks.COMMAND_CLASS);
        assertThat(PeelCommand.execute("bench", "--help")).isZero();
        assertThat(streams.out().toString()).contains("asb-call").contains("link").contains("person-search");
    }

    @Test
    @DisplayName("given no bench jar, when bench is run with any arguments, then it exits 2 naming the bench jar")
    void explainedWhenMissing() {
        int exit = new CommandLine(new Benchmarks.Missing()).execute("link", "--synthetic", "3000");

        assertThat(exit).isEqualTo(2);
        assertThat(streams.err().toString()).contains("target/peel-bench.jar").contains("./peel bench");
    }
}
