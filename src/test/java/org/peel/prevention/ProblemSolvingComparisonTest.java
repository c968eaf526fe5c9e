package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("SARA assess: incidents before and after the response, over stated equal periods")
class ProblemSolvingComparisonTest {

    private static final LocalDate START = LocalDate.of(2026, 6, 1);

    private static LocalDateTime at(String day) {
        return LocalDate.parse(day).atTime(21, 0);
    }

    @Test
    @DisplayName("90 days either side: 4 before, 1 after is -75%, periods named")
    void ninetyDays() {
        SaraComparison.Result r = SaraComparison.compare(START, LocalDate.of(2026, 11, 1), List.of(
                at("2026-03-03"), // day one of the before period: 1 Jun less 90 days
                at("2026-03-02"), // a day too early
                at("2026-04-10"), at("2026-05-20"), at("2026-05-31"),
                at("2026-06-01"), // day one of the after period
                at("2026-08-30")), // the day after the after period ends
                90);
        assertThat(r.days()).isEqualTo(90);
        assertThat(r.before()).isEqualTo(4);
        assertThat(r.after()).isEqualTo(1);
        assertThat(r.change()).isEqualTo(-75.0);
        assertThat(r.statement()).isEqualTo("4 incidents in the 90 days before the response (3 Mar 2026 to 31 May 2026), "
                + "1 in the 90 days from its start (1 Jun 2026 to 29 Aug 2026): -75.0%.");
    }

    @Test
    @DisplayName("a response begun 10 days ago is compared over 10 days each side")
    void shortPeriod() {
        SaraComparison.Result r = SaraComparison.compare(START, START.plusDays(10),
                List.of(at("2026-05-25"), at("2026-05-20"), at("2026-06-03"), at("2026-06-05")), 90);
        assertThat(r.days()).isEqualTo(10);
        assertThat(r.before()).isEqualTo(1);
        assertThat(r.after()).isEqualTo(2);
        assertThat(r.change()).isEqualTo(100.0);
    }

    @Test
    @DisplayName("nothing before gives no percentage; a response begun today has nothing to compare")
    void edges() {
        assertThat(SaraComparison.compare(START, START.plusDays(30), List.of(at("2026-06-02")), 90).change()).isNull();
        assertThat(SaraComparison.compare(START, START, List.of(), 90).statement())
                .isEqualTo("The response began on 1 Jun 2026; there is no complete day after it to compare yet.");
    }
}
