package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.peel.people.Persons.person;

@DisplayName("An approximate age, typed when the caller does not know a date of birth")
class ApproximateAgeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    @DisplayName("an age stands for the birth years of everyone that age or near it")
    void birthYears() {
        // "about 30" for an adult: ages 27 to 33; a 33-year-old was born in 2026 − 33 = 1993 or, birthday not yet
        // come, 1992; a 27-year-old in 1999 at the latest
        assertThat(BirthYears.parse("about 30", TODAY)).contains(new BirthYears(1992, 1999));
        assertThat(BirthYears.parse("30", TODAY)).contains(new BirthYears(1992, 1999));
        // a range as given: ages 30 to 35, born 2026 − 35 − 1 = 1990 to 2026 − 30 = 1996
        assertThat(BirthYears.parse("30-35", TODAY)).contains(new BirthYears(1990, 1996));
        assertThat(BirthYears.parse("35 to 30", TODAY)).contains(new BirthYears(1990, 1996));
        // a child's age is known to the year either way: ages 11 to 13, born 2012 to 2015
        assertThat(BirthYears.parse("12", TODAY)).contains(new BirthYears(2012, 2015));
        assertThat(BirthYears.parse(" ", TODAY)).isEmpty();
    }

    @Test
    @DisplayName("what is not an age is refused with what to type")
    void notAnAge() {
        assertThatThrownBy(() -> BirthYears.parse("thirty", TODAY)).hasMessageContaining("for example 30");
        assertThatThrownBy(() -> BirthYears.parse("130", TODAY)).hasMessageContaining("120 or under");
    }

    /**
     * The 40 records of the search tests (p0..p39, born 1940..1979, one a year), a second record for every third of
     * them (14, born 1940, 1943, ... 1979), and two Mary Rowes with nothing but their date of birth to tell them
     * apart: born 1960 and 1991. 56 records with a date of birth.
     */
    private static PersonSearch index(PreparedRecord... more) {
        List<PreparedRecord> records = new ArrayList<>();
        String[] given = {"Ann", "Bob", "Cara", "Dev", "Eve", "Finn", "Gus", "Hana"};
        String[] surnames = {"Smith", "Jones", "Okafor", "Nowak", "Patel"};
        int n = 0;
        for (String s : surnames) {
            for (String g : given) {
                records.add(person().id("p" + n).given(g).surname(s)
                        .dob(String.format("19%02d-%02d-%02d", 40 + n, 1 + n % 12, 1 + n % 28))
                        .postcode("M" + (1 + n % 9) + " 1AB").prepared());
                n++;
            }
        }
        for (int i = 0; i < n; i += 3) {
            PersonDetails d = records.get(i).details();
            records.add(person().id("q" + i).given(d.givenName()).surname(d.surname() + "e")
                    .dob(d.dob().toString()).postcode(d.postcode()).prepared());
        }
        records.add(person().id("older").given("Mary").surname("Rowe").dob("1960-05-01").prepared());
        records.add(person().id("younger").given("Mary").surname("Rowe").dob("1991-05-01").prepared());
        records.addAll(List.of(more));
        MatchModel model = MatchModel.train(records, FieldComparison.standard(), BlockingRule.standard(),
                MatchModel.Training.standard());
        return PersonSearch.of(records, model);
    }

    @Test
    @DisplayName("a record born within the age's years gains log2(m ÷ u) bits; one born outside gains less, the less the further out")
    void ageBits() {
        PersonSearch search = index();
        BirthYears about34 = BirthYears.about(34, TODAY);

        // ages 31 to 37: born 1988 to 1995; of the 56 records with a date of birth only the younger Mary Rowe
        // (1991) is, so u = 1/56
        assertThat(about34).isEqualTo(new BirthYears(1988, 1995));
        assertThat(search.shareBorn(about34)).isCloseTo(1 / 56.0, within(1e-12));
        // within: log2(0.95 ÷ (1/56)) = log2(53.2) = 5.7334
        assertThat(search.ageBits(about34, 1991)).isCloseTo(5.7334, within(1e-4));
        // outside, d years from the range: the year has chance 0.015 × 2^−d plus 0.02 × (u ÷ 8) ÷ (1 − u), against
        // u ÷ 8 records a year (8 years in the range), so m ÷ u = 0.015 × 2^−d × 8 × 56 + 0.02 × 56/55
        // = 6.72 × 2^−d + 0.020364
        // 1987, one year before: log2(3.36 + 0.020364) = log2(3.380364) = 1.7572
        assertThat(search.ageBits(about34, 1987)).isCloseTo(1.7572, within(1e-4));
        // 1997, two years after: log2(1.68 + 0.020364) = log2(1.700364) = 0.7658
        assertThat(search.ageBits(about34, 1997)).isCloseTo(0.7658, within(1e-4));
        // 1960, 28 years before: all but the wrong guess's share gone, log2(0.020364) = −5.6179
        assertThat(search.ageBits(about34, 1960)).isCloseTo(-5.6179, within(1e-4));
        // no date of birth on the record: no evidence either way
        assertThat(search.ageBits(about34, 0)).isZero();
    }

    @Test
    @DisplayName("a name and an age put the Mary Rowe of that age first, with the age among the reasons")
    void ageRanks() {
        PersonSearch search = index();
        PersonDetails mary = PersonDetails.named("typed", "Mary", "Rowe", null);

        List<PersonSearch.Candidate> young = search.top(mary, BirthYears.about(34, TODAY), 5, 0.0, i -> false);
        List<PersonSearch.Candidate> old = search.top(mary, BirthYears.about(65, TODAY), 5, 0.0, i -> false);

        assertThat(young.get(0).details().recordId()).isEqualTo("younger");
        assertThat(young.get(0).why().contributions()).filteredOn(c -> c.comparison().equals("approximate age"))
                .singleElement().satisfies(c -> {
                    assertThat(c.level()).isEqualTo("within");
                    assertThat(c.total()).isCloseTo(5.7334, within(1e-4));
                });
        // the two Mary Rowes differ only in the age's bits: 5.7334 − (−5.6179) = 11.3512 between them
        double gap = young.get(0).why().match().weight() - young.stream()
                .filter(c -> c.details().recordId().equals("older")).findFirst().orElseThrow().why().match().weight();
        assertThat(gap).isCloseTo(11.3512, within(1e-3));
        assertThat(old.get(0).details().recordId()).isEqualTo("older");
    }

    @Test
    @DisplayName("a namesake born just outside the age's years comes before one born decades away, and is told how far out")
    void nearMissBeforeFarMiss() {
        // given a third Mary Rowe, born 1985: three years before the years "about 34" stands for (1988 to 1995)
        PersonSearch search = index(person().id("nearly").given("Mary").surname("Rowe").dob("1985-05-01").prepared());
        PersonDetails mary = PersonDetails.named("typed", "Mary", "Rowe", null);

        // when the caller says "about 34"
        List<PersonSearch.Candidate> top = search.top(mary, BirthYears.about(34, TODAY), 5, 0.0, i -> false);

        // then the one of that age first, the one three years out next, the one born in 1960 last
        assertThat(top).extracting(c -> c.details().recordId()).containsSubsequence("younger", "nearly", "older");
        assertThat(top.get(0).details().recordId()).isEqualTo("younger");
        // 57 records with a date of birth now: m ÷ u = 0.015 × 2^−3 × 8 × 57 + 0.02 × 57/56 = 0.855 + 0.020357,
        // log2(0.875357) = −0.1921; far less than the 5.7589 the age gives within its years, far more than 1960's
        assertThat(top).filteredOn(c -> c.details().recordId().equals("nearly")).singleElement()
                .satisfies(c -> assertThat(c.why().contributions())
                        .filteredOn(f -> f.comparison().equals("approximate age")).singleElement()
                        .satisfies(f -> {
                            assertThat(f.level()).isEqualTo("outside");
                            assertThat(f.description()).startsWith("Born 3 years outside the years the age given");
                            assertThat(f.total()).isCloseTo(-0.1921, within(1e-4));
                        }));
    }

    @Test
    @DisplayName("an age is ignored once a date of birth is typed: the date says more")
    void dobWins() {
        PersonSearch search = index();
        PersonDetails mary = PersonDetails.named("typed", "Mary", "Rowe", LocalDate.of(1960, 5, 1));

        List<PersonSearch.Candidate> top = search.top(mary, BirthYears.about(34, TODAY), 5, 0.0, i -> false);

        assertThat(top.get(0).details().recordId()).isEqualTo("older");
        assertThat(top.get(0).why().contributions()).noneMatch(c -> c.comparison().equals("approximate age"));
    }
}
