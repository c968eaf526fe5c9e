package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peel.people.Persons.person;

@DisplayName("Estimating m and u without labels")
class MatchEstimationTest {

    // two comparisons whose levels are easy to reason about: sex (missing, exact, different) and
    // phone (missing, exact, one-digit, different)
    private static final List<FieldComparison> SEX_AND_PHONE = List.of(new FieldComparison.Sex(),
            new FieldComparison.Phone());
    private static final boolean[] BOTH = {true, true};
    private static final int SEX = 0;
    private static final int PHONE = 1;
    private static final int EXACT = 1;
    private static final int PHONE_DIFFERENT = 3;
    private static final int SEX_DIFFERENT = 2;

    @Test
    @DisplayName("u is counted over every pair when there are few records, leaving out pairs with a detail missing")
    void uOverEveryPair() {
        // given four records: sex M, M, F and one not recorded. Six pairs; the three with the unrecorded one are
        // missing (neutral). Of the other three, M–M agrees and M–F twice differs: u(exact) = 1/3, u(different) = 2/3
        List<PreparedRecord> records = List.of(person().sex("M").prepared(), person().sex("M").prepared(),
                person().sex("F").prepared(), person().prepared());

        double[][] u = ExpectationMaximisation.estimateU(records, List.of(new FieldComparison.Sex()), 1000, 1L);

        assertThat(u[0][EXACT]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(u[0][SEX_DIFFERENT]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(u[0][0]).isZero();
    }

    @Test
    @DisplayName("u from random pairs is the same for the same seed")
    void uIsDeterministic() {
        List<PreparedRecord> records = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> person().sex(i % 3 == 0 ? "F" : "M").phone("0770090" + (i % 17)).prepared())
                .toList();

        double[][] first = ExpectationMaximisation.estimateU(records, SEX_AND_PHONE, 500, 42L);
        double[][] second = ExpectationMaximisation.estimateU(records, SEX_AND_PHONE, 500, 42L);

        assertThat(first).isDeepEqualTo(second);
    }

    @Test
    @DisplayName("one EM step matches the figures worked out by hand")
    void oneStepByHand() {
        // given 10 pairs: 4 agree on both sex and phone (AA), 2 agree on sex only (AD), 4 agree on neither (DD);
        // u: sex exact 0.5, different 0.5; phone exact 0.2, different 0.8
        // start: λ = 0.5; m sex exact 0.8, different 0.2; m phone exact 0.8, one-digit 0.1, different 0.1
        ComparisonPatterns patterns = ComparisonPatterns.empty(2);
        patterns.add(new int[]{EXACT, EXACT}, 4);
        patterns.add(new int[]{EXACT, PHONE_DIFFERENT}, 2);
        patterns.add(new int[]{SEX_DIFFERENT, PHONE_DIFFERENT}, 4);
        double[][] u = {{0, 0.5, 0.5}, {0, 0.2, 0, 0.8}};
        double[][] m = {{0, 0.8, 0.2}, {0, 0.8, 0.1, 0.1}};

        ExpectationMaximisation.Estimate next = ExpectationMaximisation.step(patterns, SEX_AND_PHONE, BOTH, u, m, 0.5);

        // E step, P(match) per pattern = λ∏m ÷ (λ∏m + (1−λ)∏u):
        //   AA: 0.5·0.8·0.8 = 0.32 vs 0.5·0.5·0.2 = 0.05 → 32/37
        //   AD: 0.5·0.8·0.1 = 0.04 vs 0.5·0.5·0.8 = 0.20 → 1/6
        //   DD: 0.5·0.2·0.1 = 0.01 vs 0.5·0.5·0.8 = 0.20 → 1/21
        // expected matches S = 4·32/37 + 2·1/6 + 4·1/21 = 3.98327
        // M step: λ = S/10 = 0.398327
        //   m sex exact = (4·32/37 + 2/6) ÷ S = 0.952181, different = (4/21) ÷ S = 0.047819
        //   m phone exact = (4·32/37) ÷ S = 0.868498, one-digit = 0, different = (2/6 + 4/21) ÷ S = 0.131502
        assertThat(next.lambda()).isCloseTo(0.398327, within(1e-6));
        assertThat(next.m()[SEX][EXACT]).isCloseTo(0.952181, within(1e-6));
        assertThat(next.m()[SEX][SEX_DIFFERENT]).isCloseTo(0.047819, within(1e-6));
        assertThat(next.m()[PHONE][EXACT]).isCloseTo(0.868498, within(1e-6));
        assertThat(next.m()[PHONE][2]).isZero();
        assertThat(next.m()[PHONE][PHONE_DIFFERENT]).isCloseTo(0.131502, within(1e-6));
    }

    @Test
    @DisplayName("EM converges to the obvious answer when agreement between strangers is rare")
    void convergesOnAClearCase() {
        // given 100 pairs: 10 agree on both, 90 on neither, and strangers agree on each only 1 time in 100.
        // An agreeing pair is a stranger pair with odds about 0.9·10⁻⁴ ÷ λ, so nearly all 10 are matches and none of
        // the 90 are: λ ≈ 0.1 and m(exact) ≈ 1 for both comparisons
        ComparisonPatterns patterns = ComparisonPatterns.empty(2);
        patterns.add(new int[]{EXACT, EXACT}, 10);
        patterns.add(new int[]{SEX_DIFFERENT, PHONE_DIFFERENT}, 90);
        double[][] u = {{0, 0.01, 0.99}, {0, 0.01, 0, 0.99}};

        ExpectationMaximisation.Estimate e = ExpectationMaximisation.run(patterns, SEX_AND_PHONE, BOTH, u,
                ExpectationMaximisation.initialM(SEX_AND_PHONE), 0.3, 200, 1e-9);

        assertThat(e.lambda()).isCloseTo(0.1, within(0.001));
        assertThat(e.m()[SEX][EXACT]).isGreaterThan(0.999);
        assertThat(e.m()[PHONE][EXACT]).isGreaterThan(0.999);
    }

    @Test
    @DisplayName("a comparison the blocking rule forced to agree is left out and keeps its m")
    void inactiveComparisonKept() {
        ComparisonPatterns patterns = ComparisonPatterns.empty(2);
        patterns.add(new int[]{EXACT, EXACT}, 5);
        patterns.add(new int[]{EXACT, PHONE_DIFFERENT}, 5);
        double[][] u = {{0, 0.5, 0.5}, {0, 0.2, 0, 0.8}};
        double[][] m = {{0, 0.8, 0.2}, {0, 0.8, 0.1, 0.1}};

        ExpectationMaximisation.Estimate next = ExpectationMaximisation.step(patterns, SEX_AND_PHONE,
                new boolean[]{false, true}, u, m, 0.5);

        assertThat(next.m()[SEX]).containsExactly(0, 0.8, 0.2);
        // with sex left out, P(match) is 0.5·0.8 ÷ (0.4 + 0.5·0.2) = 0.8 for AA and 0.5·0.1 ÷ (0.05 + 0.4) = 1/9
        // for AD: m phone exact = 5·0.8 ÷ (5·0.8 + 5/9) = 0.878049
        assertThat(next.m()[PHONE][EXACT]).isCloseTo(0.878049, within(1e-6));
    }
}
