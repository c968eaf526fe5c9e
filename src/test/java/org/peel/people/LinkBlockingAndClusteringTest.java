package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.peel.people.Persons.person;

@DisplayName("Blocking, clustering and scoring a resolution")
class LinkBlockingAndClusteringTest {

    @Test
    @DisplayName("rules are OR-ed: a pair yielded by two rules is counted once, under the first")
    void rulesOred() {
        // given: 0 and 1 share a date of birth and a surname sound; 1 and 2 share only a surname sound;
        // 3 shares nothing
        List<PreparedRecord> records = List.of(
                person().given("Ann").surname("Smith").dob("1980-03-04").prepared(),
                person().given("Anne").surname("Smyth").dob("1980-03-04").prepared(),
                person().given("Alan").surname("Smith").dob("1990-01-01").prepared(),
                person().given("Zoe").surname("Patel").dob("1970-07-07").prepared());
        List<BlockingRule> rules = List.of(
                new BlockingRule("same date of birth", r -> r.dobNumber() == 0 ? null : "" + r.dobNumber(), Set.of("dob")),
                new BlockingRule("same surname sound", PreparedRecord::surnameSound, Set.of("surname")));

        CandidatePairs pairs = CandidatePairs.of(records, rules);

        // surname sound yields 0–1, 0–2, 1–2; 0–1 was already yielded by date of birth
        assertThat(pairs.size()).isEqualTo(3);
        assertThat(pairs.perRule()).containsExactly(java.util.Map.entry("same date of birth", 1L),
                java.util.Map.entry("same surname sound", 2L));
    }

    @Test
    @DisplayName("nationally, names that sound alike are a candidate pair when their dates of birth share the year, or"
            + " the day and month, not when they share neither")
    void nationalNameRulesNeedPartOfTheDateOfBirth() {
        // given: John Smith born 4 March 1980; the same with the year slipped (1981), with the day slipped (5 March),
        // with the year and the day both slipped (5 March 1981), and with no date of birth at all
        PreparedRecord born = person().given("John").surname("Smith").dob("1980-03-04").prepared();
        PreparedRecord yearSlipped = person().given("Jon").surname("Smyth").dob("1981-03-04").prepared();
        PreparedRecord daySlipped = person().given("John").surname("Smith").dob("1980-03-05").prepared();
        PreparedRecord twoParts = person().given("John").surname("Smith").dob("1981-03-05").prepared();
        PreparedRecord noDate = person().given("John").surname("Smith").prepared();
        List<BlockingRule> nameRules = BlockingRule.national().stream()
                .filter(r -> r.name().startsWith("surname and given name sound the same")
                        || r.name().startsWith("given name and surname sound the same"))
                .toList();

        // then: three rules on the names, each keyed on part of the date; the standard name rules are gone
        assertThat(nameRules).extracting(BlockingRule::name).containsExactly(
                "surname and given name sound the same, same year of birth",
                "surname and given name sound the same, same day and month of birth",
                "given name and surname sound the same, either way round, same year of birth");
        // the year slip agrees on day and month, the day slip on the year; year and day apart, or no date, on none
        assertThat(yieldedByAny(nameRules, born, yearSlipped)).isTrue();
        assertThat(yieldedByAny(nameRules, born, daySlipped)).isTrue();
        assertThat(yieldedByAny(nameRules, born, twoParts)).isFalse();
        assertThat(yieldedByAny(nameRules, born, noDate)).isFalse();
        // while a force's own rule yields all four
        BlockingRule standard = BlockingRule.standard().get(1);
        assertThat(standard.name()).isEqualTo("surname and given name sound the same");
        assertThat(List.of(yearSlipped, daySlipped, twoParts, noDate))
                .allSatisfy(r -> assertThat(standard.key().apply(r)).isEqualTo(standard.key().apply(born)));
    }

    private static boolean yieldedByAny(List<BlockingRule> rules, PreparedRecord a, PreparedRecord b) {
        return rules.stream().anyMatch(r -> r.key().apply(a) != null && r.key().apply(a).equals(r.key().apply(b)));
    }

    @Test
    @DisplayName("pairs above the upper threshold join into persons, transitively; pairs in the band go for review")
    void clustering() {
        List<ScoredPair> pairs = List.of(new ScoredPair(0, 1, 10, 0.99), new ScoredPair(1, 2, 8, 0.97),
                new ScoredPair(3, 4, 0, 0.7), new ScoredPair(4, 5, -5, 0.1));

        Clustering.Result result = new Clustering(0.95, 0.5).cluster(6, pairs);

        assertThat(result.personOf()).containsExactly(0, 0, 0, 1, 2, 3);
        assertThat(result.persons()).isEqualTo(4);
        assertThat(result.review()).containsExactly(new ScoredPair(3, 4, 0, 0.7));
    }

    @Test
    @DisplayName("thresholds out of order are refused")
    void badThresholds() {
        assertThatThrownBy(() -> new Clustering(0.5, 0.9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("pairwise precision, recall and F1 are counted over pairs within persons and within true entities")
    void evaluation() {
        // truth: {0,1,2} and {3}; predicted: {0,1} and {2,3}. True pairs 3 (01 02 12); predicted 2 (01 23);
        // correct 1 (01): precision 1/2, recall 1/3, F1 = 2·(1/2·1/3)/(1/2+1/3) = 0.4
        LinkEvaluation e = LinkEvaluation.of(new int[]{0, 0, 1, 1}, List.of("a", "a", "a", "b"));

        assertThat(e.truePairs()).isEqualTo(3);
        assertThat(e.predictedPairs()).isEqualTo(2);
        assertThat(e.correctPairs()).isEqualTo(1);
        assertThat(e.precision()).isEqualTo(0.5);
        assertThat(e.recall()).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(e.f1()).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    @DisplayName("resolving a small set puts the same person's records together and keeps strangers apart")
    void resolvesASmallSet() {
        // given 60 distinct people, and a second record for 20 of them with a slip in one detail each
        java.util.List<PersonDetails> records = new java.util.ArrayList<>();
        java.util.List<String> truth = new java.util.ArrayList<>();
        String[] given = {"James", "Mary", "Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Noah", "Mia"};
        String[] surnames = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson"};
        for (int i = 0; i < 60; i++) {
            String dob = String.format("19%02d-%02d-%02d", 50 + i % 40, 1 + i % 12, 1 + i % 28);
            records.add(person().id("p" + i).given(given[i % 10]).surname(surnames[i / 10]).dob(dob)
                    .postcode("M" + (i % 9 + 1) + " " + (i % 7 + 1) + "AB").details());
            truth.add("p" + i);
        }
        for (int i = 0; i < 20; i++) {
            PersonDetails o = records.get(i * 3);
            String slipped = o.surname().substring(0, o.surname().length() - 1) + "e";
            records.add(new PersonDetails("d" + i, o.givenName(), slipped, null, o.dob(), null, null,
                    o.postcode(), null, null, null));
            truth.add(o.recordId());
        }

        IdentityResolution.Resolution r = IdentityResolution.standard().resolve(records);
        LinkEvaluation e = LinkEvaluation.of(r.persons().personOf(), truth);

        assertThat(e.precision()).isEqualTo(1.0);
        assertThat(e.recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(r.candidatePairs()).isLessThan(80L * 79 / 2);
        assertThat(r.explain(r.scored().get(0)).contributions()).isNotEmpty();
    }

    @Test
    @DisplayName("an incremental run adds new records to earlier persons without renumbering or re-linking them")
    void incremental() {
        // earlier: records 0,1 are person 0; record 2 is person 1. New: 3 matches 0; 4 matches 2 and, weakly, 0;
        // 5 matches both 1 (person 0) and 2 (person 1)
        Clustering.Result earlier = new Clustering(0.95, 0.5).cluster(3, List.of(new ScoredPair(0, 1, 10, 0.99)));
        List<ScoredPair> added = List.of(new ScoredPair(0, 3, 9, 0.98), new ScoredPair(2, 4, 9, 0.99),
                new ScoredPair(0, 4, 1, 0.6), new ScoredPair(1, 5, 9, 0.97), new ScoredPair(2, 5, 9, 0.96));

        Clustering.Result after = new Clustering(0.95, 0.5).extend(earlier, 6, added);

        assertThat(after.personOf()).containsExactly(0, 0, 1, 0, 1, 0);
        assertThat(after.persons()).isEqualTo(2);
        // joining persons 0 and 1 through record 5 is a decision for a reviewer, as is the weak 0–4 pair
        assertThat(after.review()).containsExactlyInAnyOrder(new ScoredPair(2, 5, 9, 0.96), new ScoredPair(0, 4, 1, 0.6));
    }

    @Test
    @DisplayName("an incremental run compares only pairs that involve a new record")
    void incrementalPairs() {
        List<PreparedRecord> records = List.of(
                person().given("Ann").surname("Smith").dob("1980-03-04").prepared(),
                person().given("Ann").surname("Smith").dob("1980-03-04").prepared(),
                person().given("Anne").surname("Smith").dob("1980-03-04").prepared());
        List<BlockingRule> rules = List.of(new BlockingRule("same date of birth",
                r -> r.dobNumber() == 0 ? null : "" + r.dobNumber(), Set.of("dob")));

        assertThat(CandidatePairs.of(records, rules).size()).isEqualTo(3);
        assertThat(CandidatePairs.of(records, rules, 2).size()).isEqualTo(2);
    }
}
