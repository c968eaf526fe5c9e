package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

@DisplayName("A slip in the name typed: the name offered for it is counted when few records have the name as typed")
class SharedNameLikeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    /**
     * A force's names, counted by hand: John Smith 40 records (12 of them born 1990 to 1996), Jon Smith 3, John
     * Smithers 3. What the panel offers for a name is given per name; a name not listed is offered nothing.
     */
    private record Force(Map<String, Integer> records, Map<String, Integer> bornNineties,
                         Map<String, List<String>> offers) implements SharedName.Counter {

        static Force of(Map<String, List<String>> offers) {
            return new Force(Map.of("John Smith", 40, "Jon Smith", 3, "John Smithers", 3),
                    Map.of("John Smith", 12, "Jon Smith", 1, "John Smithers", 0), offers);
        }

        private static String key(PersonDetails d) {
            return d.givenName() + " " + d.surname();
        }

        @Override
        public int namesakes(PersonDetails name) {
            return records.getOrDefault(key(name), 0);
        }

        @Override
        public int namesakes(PersonDetails name, BirthYears years) {
            assertThat(years.span()).isEqualTo("1990–1996");
            return bornNineties.getOrDefault(key(name), 0);
        }

        @Override
        public List<PersonDetails> offered(PersonDetails name) {
            return offers.getOrDefault(key(name), List.of()).stream()
                    .map(n -> PersonDetails.named("r", n.split(" ")[0], n.split(" ")[1], null)).toList();
        }

        /** Nothing a slip away: the tests of slips are below, on a real index. */
        @Override
        public List<PersonDetails> slips(PersonDetails name) {
            return List.of();
        }
    }

    private static PersonDetails typed(String given, String surname) {
        return PersonDetails.named("typed", given, surname, null);
    }

    @Test
    @DisplayName("\"John Smtih\", which no record has, is counted as the John Smith offered for it: 40, said to be a name like it")
    void slipCountedAsTheNameOffered() {
        // given the panel offers John Smith and Jon Smith for "John Smtih"
        Force force = Force.of(Map.of("John Smtih", List.of("John Smith", "Jon Smith")));

        // when the namesakes are counted
        SharedName.Namesakes n = SharedName.count(typed("John", "Smtih"), null, force);

        // then John Smith's 40 (the more shared of the two offered), and the warning asks to check the spelling
        assertThat(n).isEqualTo(new SharedName.Namesakes(40, null, 0, true));
        assertThat(SharedName.warning(n, false)).contains("40 records in Peel have a name like this one (check the"
                + " spelling), too many to tell apart by the name alone: ask for a date of birth, an age or a postcode"
                + " before recording someone new.");
    }

    @Test
    @DisplayName("a name held by more records than are shown is taken as typed, and nothing offered is asked for")
    void sharedNameTakenAsTyped() {
        SharedName.Counter force = Force.of(Map.of());
        SharedName.Namesakes n = SharedName.count(typed("John", "Smith"), null, new SharedName.Counter() {
            @Override
            public int namesakes(PersonDetails name) {
                return force.namesakes(name);
            }

            @Override
            public int namesakes(PersonDetails name, BirthYears years) {
                return force.namesakes(name, years);
            }

            @Override
            public List<PersonDetails> offered(PersonDetails name) {
                return fail("a name 40 records share needs nothing offered");
            }

            @Override
            public List<PersonDetails> slips(PersonDetails name) {
                return fail("a name 40 records share needs no slips looked for");
            }
        });
        assertThat(n).isEqualTo(new SharedName.Namesakes(40, null, 0, false));
    }

    @Test
    @DisplayName("a name few records have, offered only names few records have, stays as typed and is not shared")
    void fewEverywhere() {
        // "Jon Smith" (3 records) is offered John Smithers (3): neither is held by more than 5
        Force force = Force.of(Map.of("Jon Smith", List.of("Jon Smith", "John Smithers")));
        SharedName.Namesakes n = SharedName.count(typed("Jon", "Smith"), null, force);
        assertThat(n).isEqualTo(new SharedName.Namesakes(3, null, 0, false));
        assertThat(SharedName.warning(n, false)).isEmpty();
    }

    @Test
    @DisplayName("an age after a slip counts the name offered's namesakes born in its years: 12 of John Smith's 40")
    void ageCountsTheNameOffered() {
        Force force = Force.of(Map.of("John Smtih", List.of("John Smith")));
        BirthYears born = BirthYears.parse("30-35", TODAY).orElseThrow();

        SharedName.Namesakes n = SharedName.count(typed("John", "Smtih"), born, force);

        // aged 30 to 35 on 1 June 2026: born in 1990 (aged 35, birthday to come) up to 1996 (aged 30, birthday passed)
        assertThat(n.inYears()).isEqualTo(12);
        assertThat(n.like()).isTrue();
        assertThat(SharedName.warning(n, false)).contains("12 records in Peel share a name like this one and a birth"
                + " year in 1990–1996, too many to tell apart by the name and age alone: ask for a date of birth or a"
                + " postcode before recording someone new.");
    }

    @Test
    @DisplayName("one slip of the keyboard: a letter left out, added, changed or swapped with the next")
    void oneSlip() {
        // worked by hand from "smtih": swap t and i gives smith; leave out t gives smih; add i gives smitih;
        // change t to y gives smyih; the word itself is not a slip of itself
        assertThat(PersonSearch.oneSlip("smtih")).contains("smith", "smih", "smitih", "smyih")
                .doesNotContain("smtih", "smyth");
        // "ab": left out b, a; swapped ba; 26 × 3 insertions and 25 × 2 changes, less those that repeat
        // (aab twice, abb twice; "ab" itself once by a change and once by an insertion is removed)
        assertThat(PersonSearch.oneSlip("ab")).contains("a", "b", "ba", "cab", "acb", "abc", "bb", "aa")
                .doesNotContain("ab", "");
    }

    @Test
    @DisplayName("on a real index, \"John Smtih\", which no record has, is one slip from John Smith, whose 7 records are counted")
    void slipsOnAnIndex() {
        List<PreparedRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            records.add(Persons.person().given("John").surname("Smith").dob((1950 + i) + "-01-01").prepared());
        }
        records.add(Persons.person().given("Mary").surname("Jones").dob("1960-02-02").prepared());
        records.add(Persons.person().given("Mary").surname("Jnoes").dob("1960-02-02").prepared());
        PersonSearch search = PersonSearch.of(records, MatchModel.train(records, FieldComparison.standard(),
                BlockingRule.standard(), MatchModel.Training.standard()));

        // no record has John Smtih; one slip away Peel holds John Smith, 7 records
        assertThat(search.namesakes(typed("John", "Smtih"))).isZero();
        assertThat(search.slips(typed("John", "Smtih"))).extracting(PersonDetails::surname).containsExactly("smith");
        SharedName.Namesakes n = search.shared(typed("John", "Smtih"), null);
        assertThat(n).isEqualTo(new SharedName.Namesakes(7, null, 0, true));
    }
}
