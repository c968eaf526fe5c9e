package org.peel.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A demo data directory made on an earlier day says its records stop then")
class DemoStaleDataTest {

    @Test
    @DisplayName("a force generated up to 1 June 2026, started on 5 December 2026: records end 31 May, 188 days ago, and how to get today's")
    void staleWarning() {
        String warning = DemoForce.staleWarning(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 5), Path.of("peel-data"));
        assertThat(warning).contains("2026-05-31").contains("188 days before today").contains("--data-dir")
                .contains("peel-data");
    }

    @Test
    @DisplayName("a force from the demo before it was dated to today (June 2015) is more than eleven years old")
    void fromTheOldDemo() {
        assertThat(DemoForce.staleWarning(LocalDate.of(2015, 7, 1), LocalDate.of(2026, 12, 5), Path.of("d")))
                .contains("2015-06-30").contains("4,176 days");
    }
}
