package org.peel.measure;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A count's definition, evaluated on one fact")
class FactFilterTest {

    private static final LocalDate DEC = LocalDate.of(2014, 12, 1);
    private static final LocalDate NOV = LocalDate.of(2014, 11, 1);

    private static FactFilter.Fact fact(String grain, String force, String borough, LocalDate month, String category,
                                        String outcome) {
        return new FactFilter.Fact("police-uk", grain, force, borough, null, null, month, category, outcome, 1);
    }

    @Test
    @DisplayName("LIKE as PostgreSQL reads it: % any run, _ one character, backslash literal, case counts")
    void like() {
        assertThat(FactFilter.like("Violence with injury", "Violence%")).isTrue();
        assertThat(FactFilter.like("Violence with injury", "violence%")).isFalse();
        assertThat(FactFilter.like("Burglary", "Burglar_")).isTrue();
        assertThat(FactFilter.like("Burglary", "Burgl_")).isFalse();
        assertThat(FactFilter.like("100%", "100\\%")).isTrue();
        assertThat(FactFilter.like("1000", "100\\%")).isFalse();
        assertThat(FactFilter.like("Fraud: Action Fraud", "%Fraud%Fraud")).isTrue();
        assertThat(FactFilter.like("", "%")).isTrue();
    }

    @Test
    @DisplayName("a force count takes the force's and both-grain facts in its months, not area rows nor other months")
    void forceCount() {
        FactFilter burglary = new FactFilter("police-uk", List.of("Burglary"), new FactFilter.Outcomes.Any(),
                List.of(DEC), List.of("E23000032"), null, null);

        assertThat(burglary.counts(fact("force", "E23000032", null, DEC, "Burglary", null))).isTrue();
        assertThat(burglary.counts(fact("area", "E23000032", "E07000110", DEC, "Burglary", null))).isFalse();
        assertThat(burglary.counts(fact("force", "E23000032", null, NOV, "Burglary", null))).isFalse();
        assertThat(burglary.counts(fact("force", "E23000031", null, DEC, "Burglary", null))).isFalse();
        assertThat(burglary.counts(fact("force", "E23000032", null, DEC, "Robbery", null))).isFalse();
    }

    @Test
    @DisplayName("an area count takes area and both-grain facts of that area; outcomes count only when in the group")
    void areaCountWithOutcomes() {
        FactFilter charged = new FactFilter("police-uk", List.of("%"), new FactFilter.Outcomes.In(Set.of("charged")),
                List.of(DEC), List.of(), "borough_code", "E07000110");
        FactFilter anyOutcome = new FactFilter("police-uk", List.of("%"), new FactFilter.Outcomes.Present(),
                List.of(DEC), List.of(), "borough_code", "E07000110");

        assertThat(charged.counts(fact("area", "E23000032", "E07000110", DEC, "Burglary", "charged"))).isTrue();
        assertThat(charged.counts(fact("force", "E23000032", "E07000110", DEC, "Burglary", "charged"))).isFalse();
        assertThat(charged.counts(fact("area", "E23000032", "E07000111", DEC, "Burglary", "charged"))).isFalse();
        assertThat(charged.counts(fact("area", "E23000032", "E07000110", DEC, "Burglary", "no suspect"))).isFalse();
        assertThat(anyOutcome.counts(fact("area", "E23000032", "E07000110", DEC, "Burglary", "no suspect"))).isTrue();
        assertThat(anyOutcome.counts(fact("area", "E23000032", "E07000110", DEC, "Burglary", ""))).isFalse();
        assertThat(anyOutcome.counts(fact("area", "E23000032", "E07000110", DEC, "Burglary", null))).isFalse();
    }
}
