package org.peel.offenders;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The IOM cohort rule: harm-weighted recency, frequency and gravity, and the cohort up to capacity")
class CohortRuleTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);
    final CohortRule rule = new CohortRule(CohortSettings.defaults());

    static Offence offence(String who, String borough, String on, String group) {
        return new Offence(who, borough, LocalDate.parse(on), group, "Charged/summonsed");
    }

    /** The history worked by hand below, in a given borough. */
    static List<Offence> handWorked(String borough) {
        return List.of(
                offence("OF1", borough, "2025-01-01", "Robbery"),              // 0 days before: 365 × 1
                offence("OF1", borough, "2024-01-02", "Domestic burglary"),    // 365 days: 365 × 0.5 = 182.5
                offence("OF1", borough, "2023-01-02", "Shoplifting"),          // 730 days: 2 × 0.25 = 0.5
                offence("OF1", borough, "2022-01-02", "Violence with injury"), // 1095 days: 183 × 0.125 = 22.875
                offence("OF1", borough, "2022-01-01", "Robbery"),              // 1096 days: beyond the lookback
                offence("OF1", borough, "2025-01-02", "Robbery"));             // after the date: not yet
    }

    @Test
    @DisplayName("a history scores the sum of gravity × ½^(days before / 365) over offences within three years")
    void handWorkedScore() {
        // given four offences inside the three-year lookback and two outside it (see handWorked)
        // when
        OffenderScore s = rule.score(handWorked("E09000001"), AS_OF);
        // then 365 + 182.5 + 0.5 + 22.875 = 570.875, shown to two decimals
        assertThat(s.score()).isEqualTo(570.88);
        assertThat(s.offenderId()).isEqualTo("OF1");
        assertThat(s.reasons()).containsExactly(
                "4 offences in the 1095 days to 2025-01-01 (frequency)",
                "most recent on 2025-01-01, 0 days before; weight halves every 365 days (recency)",
                "gravest: Robbery, 365 days' harm (gravity)");
    }

    @Test
    @DisplayName("the same history scores the same in every borough")
    void sameInEveryBorough() {
        // given one history recorded against each of three boroughs
        List<String> boroughs = List.of("E09000001", "E09000007", "E09000033");
        // when
        List<Double> scores = boroughs.stream().map(b -> rule.score(handWorked(b), AS_OF).score()).toList();
        List<List<String>> reasons = boroughs.stream().map(b -> rule.score(handWorked(b), AS_OF).reasons()).toList();
        // then
        assertThat(scores).containsOnly(570.88);
        assertThat(reasons).allMatch(r -> r.equals(reasons.get(0)));
    }

    @Test
    @DisplayName("frequency counts: ten shoplifting offences today score ten times one")
    void frequency() {
        List<Offence> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(offence("OF2", "E09000001", "2025-01-01", "Shoplifting"));
        }
        // 10 × 2 days × 1 = 20
        assertThat(rule.score(ten, AS_OF).score()).isEqualTo(20.0);
        assertThat(rule.score(ten.subList(0, 1), AS_OF).score()).isEqualTo(2.0);
    }

    @Test
    @DisplayName("recency halves: a domestic burglary 183 days ago weighs 365 × ½^(183/365)")
    void recency() {
        // 365 × 2^(-183/365) = 365 × 0.706435... = 257.849..., shown as 257.85
        OffenderScore s = rule.score(List.of(offence("OF3", "E09000001", "2024-07-02", "Domestic burglary")), AS_OF);
        assertThat(s.score()).isEqualTo(257.85);
    }

    @Test
    @DisplayName("a history with nothing inside the lookback scores 0 and says why")
    void nothingRecent() {
        OffenderScore s = rule.score(List.of(offence("OF4", "E09000001", "2021-12-31", "Homicide")), AS_OF);
        assertThat(s.score()).isZero();
        assertThat(s.reasons()).containsExactly("no offence in the 1095 days to 2025-01-01");
    }

    @Test
    @DisplayName("an offence group the gravity table does not hold is refused, never scored as nothing")
    void unknownGroup() {
        assertThatThrownBy(() -> rule.score(List.of(offence("OF5", "E09000001", "2024-12-01", "Burgalry")), AS_OF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown offence group 'Burgalry'");
    }

    @Test
    @DisplayName("groups are matched by their Home Office name in any case")
    void anyCase() {
        OffenderScore s = rule.score(List.of(offence("OF6", "E09000001", "2025-01-01", "violence WITH injury")), AS_OF);
        assertThat(s.score()).isEqualTo(183.0);
    }

    @Test
    @DisplayName("the version names the method, the gravity table, the half-life and the lookback")
    void version() {
        assertThat(rule.version()).isEqualTo("iom-rfg-1;gravity=cchi-approx-1;half-life=365d;lookback=1095d");
        CohortRule other = new CohortRule(new CohortSettings(180, 730, GravityWeights.standard(), 10));
        assertThat(other.version()).isEqualTo("iom-rfg-1;gravity=cchi-approx-1;half-life=180d;lookback=730d");
    }

    @Nested
    @DisplayName("Selection up to each borough's capacity")
    class Selection {

        @Test
        @DisplayName("takes the highest scores in each borough up to its capacity, ties by offender id, never a 0")
        void upToCapacity() {
            // given borough A: 548, 20, 20 (a tie), 0; borough B: 5
            List<OffenderScore> scores = List.of(
                    new OffenderScore("A-low", "A", 20, List.of()),
                    new OffenderScore("A-top", "A", 548, List.of()),
                    new OffenderScore("A-also", "A", 20, List.of()),
                    new OffenderScore("A-none", "A", 0, List.of()),
                    new OffenderScore("B-one", "B", 5, List.of()));
            // when each borough has two places
            List<OffenderScore> cohort = CohortRule.select(scores, b -> 2);
            // then A takes 548 and the tie-winner by id (A-also < A-low); B has only one offender to take
            assertThat(cohort).extracting(OffenderScore::offenderId).containsExactly("A-top", "A-also", "B-one");
            assertThat(CohortRule.sizes(cohort)).isEqualTo(Map.of("A", 2, "B", 1));
        }

        @Test
        @DisplayName("each borough's own capacity applies; a capacity of 0 takes nobody")
        void ownCapacity() {
            List<OffenderScore> scores = List.of(
                    new OffenderScore("A1", "A", 30, List.of()), new OffenderScore("A2", "A", 20, List.of()),
                    new OffenderScore("A3", "A", 10, List.of()), new OffenderScore("B1", "B", 50, List.of()));
            List<OffenderScore> cohort = CohortRule.select(scores, b -> b.equals("A") ? 3 : 0);
            assertThat(cohort).extracting(OffenderScore::offenderId).containsExactly("A1", "A2", "A3");
        }

        @Test
        @DisplayName("scoring many offenders groups the histories by offender and keeps the latest offence's borough")
        void scoreAll() {
            // given OF7 moved from borough A to borough B; OF8 has one shoplifting
            List<Offence> offences = List.of(
                    offence("OF7", "A", "2024-01-02", "Robbery"),    // 365 × 0.5 = 182.5
                    offence("OF8", "A", "2025-01-01", "Shoplifting"), // 2
                    offence("OF7", "B", "2025-01-01", "Robbery"));   // 365
            // when
            List<OffenderScore> scores = rule.scoreAll(offences, AS_OF);
            // then OF7 scores 547.5 in borough B
            assertThat(scores).extracting(OffenderScore::offenderId, OffenderScore::boroughCode, OffenderScore::score)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("OF7", "B", 547.5),
                            org.assertj.core.groups.Tuple.tuple("OF8", "A", 2.0));
        }
    }
}
