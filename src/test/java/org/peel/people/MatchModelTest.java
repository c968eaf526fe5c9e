package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peel.people.Persons.person;

@DisplayName("Scoring and explaining a pair")
class MatchModelTest {

    private static final List<FieldComparison> NAMES = List.of(
            new FieldComparison.GivenName(Nicknames.standard()), new FieldComparison.Surname());

    /** A model with m and u chosen by hand, and surname frequencies from the given records. */
    private static MatchModel handModel(List<PreparedRecord> records) {
        double[][] m = {{0, 0.8, 0.01, 0.05, 0.03, 0.03, 0.03, 0.02, 0.03}, {0, 0.9, 0, 0.04, 0.03, 0.02, 0.01}};
        double[][] u = {{0, 0.01, 0.0001, 0.01, 0.001, 0.01, 0.05, 0.01, 0.9089}, {0, 0.01, 0, 0.01, 0.01, 0.05, 0.92}};
        return new MatchModel(NAMES, m, u, 0.001, TermFrequencies.of(records, PreparedRecord::givenName),
                TermFrequencies.of(records, PreparedRecord::surname), List.of());
    }

    @Test
    @DisplayName("agreeing on a rare surname counts for more than agreeing on a common one")
    void rareSurnameCountsMore() {
        // given 100 records: 20 Smiths and one Sondergeld
        List<PreparedRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(person().given("Alex").surname("Smith").prepared());
        }
        records.add(person().given("Alex").surname("Sondergeld").prepared());
        for (int i = 0; i < 79; i++) {
            records.add(person().given("Alex").surname("Other" + (char) ('a' + i % 26) + (char) ('a' + i / 26)).prepared());
        }
        MatchModel model = handModel(records);

        MatchExplanation smiths = model.explain(records.get(0), records.get(1));
        MatchExplanation sondergelds = model.explain(records.get(20), person().given("Alex").surname("Sondergeld").prepared());

        FieldContribution smith = smiths.contributions().get(1);
        FieldContribution sondergeld = sondergelds.contributions().get(1);
        // u(exact) = 0.01; Smith's share is 20/100 = 0.2 → log2(0.01/0.2) = −4.32 bits;
        // Sondergeld's share is 1/100 → log2(0.01/0.01) = 0
        assertThat(smith.termFrequencyAdjustment()).isCloseTo(-4.3219, within(1e-4));
        assertThat(sondergeld.termFrequencyAdjustment()).isCloseTo(0.0, within(1e-9));
        assertThat(sondergelds.match().weight()).isGreaterThan(smiths.match().weight());
    }

    @Test
    @DisplayName("the explanation's contributions and the prior add up to the weight, and the probability follows")
    void explanationAddsUp() {
        List<PreparedRecord> records = List.of(person().given("Bill").surname("Smyth").prepared(),
                person().given("William").surname("Smith").prepared());
        MatchModel model = handModel(records);

        MatchExplanation e = model.explain(records.get(0), records.get(1));

        double sum = e.priorWeight() + e.contributions().stream().mapToDouble(FieldContribution::total).sum();
        assertThat(e.match().weight()).isCloseTo(sum, within(1e-9));
        assertThat(model.weight(records.get(0), records.get(1))).isCloseTo(sum, within(1e-9));
        assertThat(e.contributions()).extracting(FieldContribution::level).containsExactly("nickname", "double-metaphone");
        // nickname: log2(0.03 / 0.001) = 4.907; surname sounds alike: log2(0.03 / 0.01) = 1.585
        assertThat(e.contributions().get(0).weight()).isCloseTo(4.9069, within(1e-4));
        assertThat(e.contributions().get(1).weight()).isCloseTo(1.5850, within(1e-4));
        assertThat(e.match().probability()).isCloseTo(MatchWeight.probability(sum), within(1e-12));
        assertThat(e.summary()).contains("nickname").contains("probability");
    }

    @Test
    @DisplayName("an agreement the data never showed among matches (m below u) counts 0, not against")
    void unseenAgreementIsNeutral() {
        // m(nickname) = 0 as when no one in the data used a nickname; u(nickname) = 0.001
        double[][] m = {{0, 0.8, 0.01, 0.05, 0, 0.03, 0.03, 0.02, 0.06}, {0, 0.9, 0, 0.04, 0.03, 0.02, 0.01}};
        double[][] u = {{0, 0.01, 0.0001, 0.01, 0.001, 0.01, 0.05, 0.01, 0.9089}, {0, 0.01, 0, 0.01, 0.01, 0.05, 0.92}};
        List<PreparedRecord> records = List.of(person().given("Bill").surname("Smith").prepared(),
                person().given("William").surname("Jones").prepared());
        MatchModel model = new MatchModel(NAMES, m, u, 0.001, TermFrequencies.of(records, PreparedRecord::givenName),
                TermFrequencies.of(records, PreparedRecord::surname), List.of());

        MatchExplanation e = model.explain(records.get(0), records.get(1));

        assertThat(e.contributions().get(0).level()).isEqualTo("nickname");
        assertThat(e.contributions().get(0).weight()).isZero();
        // "different" keeps its negative weight: log2(0.01 / 0.92)
        assertThat(e.contributions().get(1).weight()).isCloseTo(-6.5236, within(1e-4));
    }

    @Test
    @DisplayName("a postcode typed without an address weighs as the address would, and the names as at one home")
    void postcodeStandsInForAddress() {
        // given name, surname, address and postcode, with m and u chosen by hand
        List<FieldComparison> comparisons = List.of(new FieldComparison.GivenName(Nicknames.standard()),
                new FieldComparison.Surname(), new FieldComparison.Address(), new FieldComparison.Postcode());
        // address levels: missing, exact, same-house, same-street, different
        // postcode levels: missing, exact, one-character, same-district, with-address, for-address, different
        double[][] m = {{0, 0.8, 0.01, 0.05, 0.03, 0.03, 0.03, 0.02, 0.03}, {0, 0.9, 0, 0.04, 0.03, 0.02, 0.01},
                {0, 0.6, 0.2, 0.1, 0.1}, {0, 0.001, 0.01, 0.05, 0, 0, 0.939}};
        double[][] u = {{0, 0.01, 0.0001, 0.01, 0.001, 0.01, 0.05, 0.01, 0.9089}, {0, 0.01, 0, 0.01, 0.01, 0.05, 0.92},
                {0, 0.00001, 0.00001, 0.001, 0.99898}, {0, 0.00002, 0.0001, 0.002, 0, 0.00003, 0.99785}};
        PreparedRecord typed = person().given("Oliver").surname("Davies").postcode("M16 0JF").prepared();
        PreparedRecord there = person().given("Oliver").surname("Davies").address("112 School Street")
                .postcode("M16 0JF").prepared();
        MatchModel model = new MatchModel(comparisons, m, u, 0.001, TermFrequencies.of(List.of(typed, there),
                PreparedRecord::givenName), TermFrequencies.of(List.of(typed, there), PreparedRecord::surname), List.of());

        MatchExplanation e = model.explain(typed, there);

        // the address is missing on the typed side, so the postcode stands in for it:
        // m = m(address exact) + m(same house) = 0.6 + 0.2 = 0.8; u = u(postcode exact) + u(for-address) = 0.00005;
        // log2(0.8 / 0.00005) = log2(16000) = 13.966 bits
        FieldContribution postcode = e.contributions().get(3);
        assertThat(postcode.level()).isEqualTo("for-address");
        assertThat(postcode.weight()).isCloseTo(13.9658, within(1e-4));
        // and, as at one home, the names carry no term-frequency adjustment
        assertThat(e.contributions().get(0).termFrequencyAdjustment()).isZero();
        assertThat(e.contributions().get(1).termFrequencyAdjustment()).isZero();
        assertThat(model.weight(typed, there)).isCloseTo(e.match().weight(), within(1e-9));
    }

    @Test
    @DisplayName("bits and probability convert both ways")
    void bitsAndProbability() {
        assertThat(MatchWeight.probability(0)).isEqualTo(0.5);
        assertThat(MatchWeight.probability(MatchWeight.weightOf(0.95))).isCloseTo(0.95, within(1e-12));
    }

    @Test
    @DisplayName("an EM session claiming more than four times the middle session's matches is set aside, as on a"
            + " two-million-record nation where the town rule took strangers for one person")
    void sessionClaimingFarMoreMatchesIsSetAside() {
        // the sessions' matches (λ × pairs) measured on the synthetic nation of 2,000,000 records, in rule order:
        // date of birth, names + year, names + day and month, given name + postcode, given name + initial + year,
        // given name + initial + town, email, names either way + year
        double[] matches = {1_507_000, 1_708_000, 1_251_000, 1_094_000, 29_666_000, 184_862_000, 140_000, 1_708_000};
        // sorted: 140k 1,094k 1,251k 1,507k 1,708k 1,708k 29,666k 184,862k; the middle two average
        // (1,507k + 1,708k) / 2 = 1,607.5k; four times that is 6,430k: only the 29.7 and 184.9 million lie above
        assertThat(MatchModel.setAside(matches)).containsExactly(false, false, false, false, true, true, false, false);
    }

    @Test
    @DisplayName("sessions that roughly agree are all kept, and with fewer than three there is no middle to judge by")
    void sessionsThatAgreeAreKept() {
        // median of 500, 900 and 1,900 is 900; 1,900 is 2.1 times it, under four
        assertThat(MatchModel.setAside(new double[] {900, 500, 1_900})).containsExactly(false, false, false);
        assertThat(MatchModel.setAside(new double[] {10, 1_000_000})).containsExactly(false, false);
    }
}
