package org.peel.organisedcrime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("OCG scoring, banding, reassessment and significant events, on cases worked out by hand")
class OcgScoringTest {

    private static final ScoringModel V1 = ScoringModel.version("peel-ocg-1");
    private static final ScoringModel V2 = ScoringModel.version("peel-ocg-2");

    /** Drugs and firearms, 8 members with a principal, firearms, violence used, money laundering, regional. */
    static GroupFacts drugsAndGuns() {
        return new GroupFacts(List.of("drugs supply", "firearms"), 8, 1, true, Violence.USED, false, true,
                Reach.REGIONAL);
    }

    /** A fraud network: 4 members, no principal identified, no violence, corruption and laundering, national. */
    static GroupFacts fraudNetwork() {
        return new GroupFacts(List.of("fraud"), 4, 0, false, Violence.NONE, true, true, Reach.NATIONAL);
    }

    @Nested
    @DisplayName("scoring under peel-ocg-1 (harm 30, threat 25, capability 20, reach 15, confidence 10)")
    class Scoring {

        @Test
        @DisplayName("drugs and firearms, violence used, regional: 78.00, band 1a, each dimension's points given")
        void drugsAndGuns() {
            // harm: max(drugs 0.8, firearms 1.0) + 0.1 for 1 further = 1.1, capped at 1 -> 1 x 30 = 30
            // threat: used 0.7 x 25 = 17.5
            // capability: firearms 0.4 + money laundering 0.3 = 0.7 x 20 = 14
            // reach: regional 0.5 x 15 = 7.5
            // confidence: principal 0.5 + 8 members x 0.05 = 0.9 x 10 = 9
            // total 78.00 >= 75 -> 1a
            OcgScore s = OcgScoring.score(V1, OcgScoringTest.drugsAndGuns());
            assertThat(s.modelVersion()).isEqualTo("peel-ocg-1");
            assertThat(s.contributions()).containsExactly(Map.entry("harm", 30.0), Map.entry("threat", 17.5),
                    Map.entry("capability", 14.0), Map.entry("reach", 7.5), Map.entry("confidence", 9.0));
            assertThat(s.score()).isEqualTo(78.0);
            assertThat(s.band()).isEqualTo("1a");
            assertThat(s.reasons()).hasSize(6);
            assertThat(s.reasons().get(0)).startsWith("harm 30.00 of 30.00").contains("capped at 1");
            assertThat(s.reasons().get(5)).isEqualTo("band 1a: score 78.00 of 100.00 is at least 75.00");
        }

        @Test
        @DisplayName("a fraud network with no violence, national reach: 40.25, band 2b")
        void fraudNetwork() {
            // harm 0.5 x 30 = 15; threat 0; capability corruption 0.3 + laundering 0.3 = 0.6 x 20 = 12;
            // reach national 0.75 x 15 = 11.25; confidence no principal 0 + 4 x 0.05 = 0.2 x 10 = 2
            // total 40.25: at least 40 and below 47 -> 2b
            OcgScore s = OcgScoring.score(V1, OcgScoringTest.fraudNetwork());
            assertThat(s.contributions().values()).containsExactly(15.0, 0.0, 12.0, 11.25, 2.0);
            assertThat(s.score()).isEqualTo(40.25);
            assertThat(s.band()).isEqualTo("2b");
            assertThat(s.reasons().get(5)).isEqualTo("band 2b: score 40.25 of 100.00 is at least 40.00 and below 47.00");
        }

        @Test
        @DisplayName("an activity not in the model scores as other (0.4), and says so")
        void unknownActivity() {
            // harm: art theft 0.4 (other), burglary 0.5 -> 0.5 + 0.1 = 0.6 x 30 = 18; threat threatened 0.4 x 25 = 10;
            // capability 0; reach local 0.25 x 15 = 3.75; confidence 0.5 + 2 x 0.05 = 0.6 x 10 = 6
            // total 37.75 -> 2c (at least 33, below 40)
            OcgScore s = OcgScoring.score(V1, new GroupFacts(List.of("Art theft", "burglary"), 2, 1, false,
                    Violence.THREATENED, false, false, Reach.LOCAL));
            assertThat(s.score()).isEqualTo(37.75);
            assertThat(s.band()).isEqualTo("2c");
            assertThat(s.reasons().get(0)).contains("art theft 0.4 (not in the model's list: scored as other)");
        }

        @Test
        @DisplayName("confidence counts at most 10 members; no activities is no harm")
        void confidenceCap() {
            // harm 0; threat none 0; capability 0; reach international 1 x 15 = 15;
            // confidence 0.5 + min(12, 10) x 0.05 = 1.0 x 10 = 10 -> 25.00 -> 3b (at least 18, below 26)
            OcgScore s = OcgScoring.score(V1, new GroupFacts(List.of(), 12, 2, false, Violence.NONE, false, false,
                    Reach.INTERNATIONAL));
            assertThat(s.contributions().get("confidence")).isEqualTo(10.0);
            assertThat(s.contributions().get("harm")).isEqualTo(0.0);
            assertThat(s.score()).isEqualTo(25.0);
            assertThat(s.band()).isEqualTo("3b");
        }

        @Test
        @DisplayName("a score on a threshold is in the band above; 0 is the lowest band")
        void thresholds() {
            assertThat(OcgScoring.band(V1, 75.0)).isEqualTo("1a");
            assertThat(OcgScoring.band(V1, 74.99)).isEqualTo("1b");
            assertThat(OcgScoring.band(V1, 18.0)).isEqualTo("3b");
            assertThat(OcgScoring.band(V1, 0.0)).isEqualTo("3c");
        }

        @Test
        @DisplayName("the same facts give the same result every time: nothing about the group enters the score")
        void sameFactsSameScore() {
            assertThat(OcgScoring.score(V1, OcgScoringTest.drugsAndGuns()))
                    .isEqualTo(OcgScoring.score(V1, new GroupFacts(List.of("Drugs supply", " firearms "), 8, 1, true,
                            Violence.USED, false, true, Reach.REGIONAL)));
        }
    }

    @Nested
    @DisplayName("a second model version")
    class SecondModel {

        @Test
        @DisplayName("peel-ocg-2 (harm 35, threat 30, capability 15, reach 10, confidence 10) moves the fraud network from 2b to 2c")
        void moves() {
            // fraud: 0.5 x 35 = 17.5; 0; 0.6 x 15 = 9; 0.75 x 10 = 7.5; 0.2 x 10 = 2 -> 36.00 -> 2c
            // drugs and guns: 35 + 0.7 x 30 = 21 + 0.7 x 15 = 10.5 + 0.5 x 10 = 5 + 9 -> 80.50 -> 1a (no change)
            ModelComparison.Result r = ModelComparison.compare(V1, V2, List.of(
                    new ModelComparison.Group("A", drugsAndGuns()), new ModelComparison.Group("B", fraudNetwork())));
            assertThat(r.rows().get(0).after().score()).isEqualTo(80.5);
            assertThat(r.rows().get(1).after().score()).isEqualTo(36.0);
            assertThat(r.changed()).extracting(ModelComparison.Row::ocgId).containsExactly("B");
            assertThat(r.changed().get(0).before().band()).isEqualTo("2b");
            assertThat(r.changed().get(0).after().band()).isEqualTo("2c");
            assertThat(r.fromBands().get("1a")).isEqualTo(1L);
            assertThat(r.toBands().get("2c")).isEqualTo(1L);
        }

        @Test
        @DisplayName("weights set by the force make a new version name, and score by them")
        void forceWeights() {
            OcgSettings s = OcgSettings.from(Map.of("PEEL_OCG_WEIGHTS", "harm=40"));
            assertThat(s.model().version())
                    .isEqualTo("peel-ocg-1+harm=40,threat=25,capability=20,reach=15,confidence=10");
            // drugs and guns with harm weighted 40: 40 + 17.5 + 14 + 7.5 + 9 = 88.00
            assertThat(OcgScoring.score(s.model(), drugsAndGuns()).score()).isEqualTo(88.0);
            assertThatThrownBy(() -> OcgSettings.from(Map.of("PEEL_OCG_WEIGHTS", "menace=3")))
                    .hasMessageContaining("unknown scoring dimension 'menace'");
        }
    }

    @Nested
    @DisplayName("reassessment (every 91 days, and at once after a significant event)")
    class Reassessing {
        private final LocalDate last = LocalDate.of(2024, 1, 10);

        @Test
        @DisplayName("due on the 91st day after the last assessment, not the day before")
        void interval() {
            // 10 Jan 2024 + 91 days: 21 left in January, 29 in February (leap year) = 50, 31 in March = 81,
            // 10 more = 10 April 2024
            assertThat(Reassessment.due(last, null, LocalDate.of(2024, 4, 9), 91).due()).isFalse();
            Reassessment.Decision d = Reassessment.due(last, null, LocalDate.of(2024, 4, 10), 91);
            assertThat(d.due()).isTrue();
            assertThat(d.reason()).contains("the 91-day interval ended on 2024-04-10");
        }

        @Test
        @DisplayName("a significant event after the last assessment makes it due at once")
        void eventAfter() {
            assertThat(Reassessment.due(last, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 1), 91).due()).isTrue();
            assertThat(Reassessment.due(last, last, LocalDate.of(2024, 1, 11), 91).due())
                    .as("an event the same day as the assessment").isTrue();
        }

        @Test
        @DisplayName("an event before the last assessment, or after the as-of date, does not")
        void eventNotCounted() {
            assertThat(Reassessment.due(last, LocalDate.of(2024, 1, 5), LocalDate.of(2024, 2, 1), 91).due()).isFalse();
            assertThat(Reassessment.due(last, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 1), 91).due()).isFalse();
        }
    }

    @Nested
    @DisplayName("significant events from a disruption")
    class Events {

        private Disruption disruption(String impact, int arrests, boolean principal, int firearms) {
            return new Disruption("pursue", impact, LocalDate.of(2024, 5, 2), "Warrant", arrests, principal, 0, false,
                    BigDecimal.ZERO, null, firearms, 0, null);
        }

        @Test
        @DisplayName("a principal arrested in a moderate disruption is one event; a major one seizing guns is two")
        void kinds() {
            OcgSettings s = OcgSettings.defaults();
            assertThat(SignificantEvents.of(disruption("moderate", 3, true, 0), s))
                    .extracting(SignificantEvents.Event::kind).containsExactly("principal_arrested");
            assertThat(SignificantEvents.of(disruption("major", 0, false, 2), s))
                    .extracting(SignificantEvents.Event::kind).containsExactly("major_disruption", "firearms_seized");
            assertThat(SignificantEvents.of(disruption("minor", 2, false, 0), s)).isEmpty();
        }

        @Test
        @DisplayName("the impact scale is the force's: with low, medium, high, critical and significant from high")
        void configuredScale() {
            OcgSettings s = OcgSettings.from(Map.of("PEEL_OCG_IMPACT_SCALE", "low,medium,high,critical",
                    "PEEL_OCG_IMPACT_SIGNIFICANT", "high"));
            assertThat(s.significantImpact("critical")).isTrue();
            assertThat(s.significantImpact("high")).isTrue();
            assertThat(s.significantImpact("medium")).isFalse();
            assertThat(s.significantImpact("major")).as("not on this scale").isFalse();
        }

        @Test
        @DisplayName("a principal arrested must be one of the arrests")
        void principalAmongArrests() {
            assertThatThrownBy(() -> disruption("minor", 0, true, 0)).hasMessageContaining("one of the arrests");
        }
    }
}
