package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.people.Persons.person;

@DisplayName("A name many people share: counted from the index, and asked about before someone new is recorded")
class SharedNameTest {

    /**
     * John Smith three times, John Smyth once (a surname that sounds the same), and three records that are not his
     * namesakes: Jon Smith (another forename), Jane Smith, John Brown. Filler records give the model pairs to learn.
     */
    private static PersonSearch index() {
        List<PreparedRecord> records = new ArrayList<>();
        records.add(person().given("John").surname("Smith").dob("1980-03-04").prepared());
        records.add(person().given("John").surname("Smith").dob("1962-11-20").prepared());
        records.add(person().given("John Paul").surname("Smith").prepared());
        records.add(person().given("John").surname("Smyth").postcode("M1 1AE").prepared());
        records.add(person().given("Jon").surname("Smith").dob("1990-01-01").prepared());
        records.add(person().given("Jane").surname("Smith").dob("1975-05-05").prepared());
        records.add(person().given("John").surname("Brown").dob("1970-07-07").prepared());
        String[] given = {"Ann", "Bob", "Cara", "Dev", "Eve", "Finn"};
        for (int n = 0; n < given.length; n++) {
            String dob = String.format("19%02d-%02d-%02d", 50 + n, 1 + n, 1 + n);
            records.add(person().given(given[n]).surname("Okafor").dob(dob).postcode("LS1 2AB").prepared());
            records.add(person().given(given[n]).surname("Okafro").dob(dob).postcode("LS1 2AB").prepared());
        }
        MatchModel model = MatchModel.train(records, FieldComparison.standard(), BlockingRule.standard(),
                MatchModel.Training.standard());
        return PersonSearch.of(records, model);
    }

    @Test
    @DisplayName("namesakes are the records with the forename and the surname or one that sounds like it")
    void namesakesCounted() {
        PersonSearch search = index();

        // John Smith ×3 (one a "John Paul": the first forename counts) + John Smyth ×1 = 4;
        // Jon Smith, Jane Smith and John Brown are not counted
        assertThat(search.namesakes(PersonDetails.named("typed", "John", "Smith", null))).isEqualTo(4);
        assertThat(search.namesakes(PersonDetails.named("typed", "john", "SMYTH", null))).isEqualTo(4);
        assertThat(search.namesakes(PersonDetails.named("typed", "Jon", "Smith", null))).isEqualTo(1);
        assertThat(search.namesakes(PersonDetails.named("typed", "Zeb", "Smith", null))).isZero();
        assertThat(search.namesakes(PersonDetails.named("typed", null, "Smith", null))).isZero();
    }

    @Test
    @DisplayName("someone new from a name shared by more than five records needs a date of birth, an age, a postcode or a reason")
    void ruleAtCreate() {
        SharedName.Typed nameAlone = new SharedName.Typed(true, false, false, false, Optional.empty());

        // 6 namesakes > the 5 shown: refused, with the count in the message
        assertThat(SharedName.decide(6, nameAlone)).get().extracting(SharedName.Refusal::message)
                .asString().startsWith("6 records in Peel have this forename and this surname");
        // exactly 5 can all be shown: no question needed
        assertThat(SharedName.decide(5, nameAlone)).isEmpty();
        // any one of the four answers lets it go ahead
        assertThat(SharedName.decide(312, new SharedName.Typed(true, true, false, false, Optional.empty()))).isEmpty();
        assertThat(SharedName.decide(312, new SharedName.Typed(true, false, true, false, Optional.empty()))).isEmpty();
        assertThat(SharedName.decide(312, new SharedName.Typed(true, false, false, true, Optional.empty()))).isEmpty();
        assertThat(SharedName.decide(312, new SharedName.Typed(true, false, false, false,
                Optional.of(SharedName.NotGiven.REFUSED)))).isEmpty();
        // a surname alone (no forename) is not a name the index counts: nothing to ask
        assertThat(SharedName.decide(312, new SharedName.Typed(false, false, false, false, Optional.empty())))
                .isEmpty();
    }

    @Test
    @DisplayName("the panel warns only for a name alone shared by more than it shows")
    void panelWarning() {
        assertThat(SharedName.warning(312, true)).get().asString()
                .isEqualTo("312 records in Peel have this forename and this surname or one that sounds like it,"
                        + " too many to tell apart by the name alone: ask for a date of birth, an age or a postcode"
                        + " before recording someone new.");
        assertThat(SharedName.warning(312, false)).isEmpty();
        assertThat(SharedName.warning(5, true)).isEmpty();
    }

    @Test
    @DisplayName("namesakes born in an age's years are counted from the name's birth years; records with no date of birth are not")
    void namesakesInYears() {
        PersonSearch search = index();
        PersonDetails johnSmith = PersonDetails.named("typed", "John", "Smith", null);

        // the John Smiths with a date of birth were born in 1980 and 1962; John Paul Smith and John Smyth have none
        assertThat(search.namesakes(johnSmith, new BirthYears(1975, 1985))).isEqualTo(1);
        assertThat(search.namesakes(johnSmith, new BirthYears(1962, 1980))).isEqualTo(2);
        assertThat(search.namesakes(johnSmith, new BirthYears(1981, 1999))).isZero();
        // Jon Smith (1990) is another name
        assertThat(search.namesakes(PersonDetails.named("typed", "Jon", "Smith", null), new BirthYears(1981, 1999)))
                .isEqualTo(1);
        assertThat(search.namesakes(PersonDetails.named("typed", "Zeb", "Smith", null), new BirthYears(1900, 2000)))
                .isZero();
    }

    @Test
    @DisplayName("an age that still leaves more than five namesakes born in its years needs a date of birth, a postcode or a reason")
    void ruleAfterAge() {
        BirthYears years = new BirthYears(1990, 1996);
        SharedName.Typed nameAndAge = new SharedName.Typed(true, false, true, false, Optional.empty());

        // 312 share the name, 12 of them born 1990 to 1996: the age has not told them apart
        assertThat(SharedName.decide(new SharedName.Namesakes(312, years, 12), nameAndAge)).get()
                .isEqualTo(new SharedName.Refusal(12, "12 records in Peel share this name and a birth year in"
                        + " 1990–1996, more than can be offered: enter a date of birth or a postcode, or say why the"
                        + " caller would not give one, before recording someone new"));
        // 5 born in those years can all be shown: the age was enough
        assertThat(SharedName.decide(new SharedName.Namesakes(312, years, 5), nameAndAge)).isEmpty();
        // a postcode, a date of birth or a reason as well lets it go ahead
        assertThat(SharedName.decide(new SharedName.Namesakes(312, years, 12),
                new SharedName.Typed(true, false, true, true, Optional.empty()))).isEmpty();
        assertThat(SharedName.decide(new SharedName.Namesakes(312, years, 12),
                new SharedName.Typed(true, true, true, false, Optional.empty()))).isEmpty();
        assertThat(SharedName.decide(new SharedName.Namesakes(312, years, 12),
                new SharedName.Typed(true, false, true, false, Optional.of(SharedName.NotGiven.UNKNOWN)))).isEmpty();
        // a name alone counted by name only is the rule as before
        assertThat(SharedName.decide(SharedName.Namesakes.byName(6),
                new SharedName.Typed(true, false, false, false, Optional.empty()))).get()
                .extracting(SharedName.Refusal::namesakes).isEqualTo(6);
    }

    @Test
    @DisplayName("the panel says when the age given still leaves the name shared, and what to ask next")
    void panelWarningAfterAge() {
        BirthYears years = new BirthYears(1990, 1996);

        assertThat(SharedName.warning(new SharedName.Namesakes(312, years, 12), false)).get().asString()
                .isEqualTo("12 records in Peel share this name and a birth year in 1990–1996, too many to tell apart"
                        + " by the name and age alone: ask for a date of birth or a postcode before recording someone"
                        + " new.");
        assertThat(SharedName.warning(new SharedName.Namesakes(312, years, 5), false)).isEmpty();
        assertThat(SharedName.warning(new SharedName.Namesakes(312, years, 12), true)).isEmpty();
        // one year is written as one year
        assertThat(SharedName.warning(new SharedName.Namesakes(9, new BirthYears(2019, 2019), 6), false)).get()
                .asString().startsWith("6 records in Peel share this name and a birth year in 2019, too many");
        // a name alone: the warning as before
        assertThat(SharedName.warning(SharedName.Namesakes.byName(312), false))
                .isEqualTo(SharedName.warning(312, true));
    }

    @Test
    @DisplayName("the reason is kept when it stood in for a detail, and says what the record was made without")
    void reasonKept() {
        BirthYears years = new BirthYears(1990, 1996);
        Optional<SharedName.NotGiven> refused = Optional.of(SharedName.NotGiven.REFUSED);

        // a name alone and a reason: kept, counted by name only
        assertThat(SharedName.withoutDetail(SharedName.Namesakes.byName(9),
                new SharedName.Typed(true, false, false, false, refused))).get()
                .isEqualTo(new SharedName.WithoutDetail(SharedName.NotGiven.REFUSED, SharedName.Namesakes.byName(9)));
        assertThat(new SharedName.WithoutDetail(SharedName.NotGiven.REFUSED, SharedName.Namesakes.byName(9))
                .describe()).isEqualTo("Recorded without a date of birth, age or postcode: the caller would not give one");
        // an age that left 7 born in its years, and a reason: kept with the years
        SharedName.Namesakes afterAge = new SharedName.Namesakes(312, years, 7);
        assertThat(SharedName.withoutDetail(afterAge, new SharedName.Typed(true, false, true, false,
                Optional.of(SharedName.NotGiven.NOT_SAFE)))).get().extracting(SharedName.WithoutDetail::describe)
                .isEqualTo("Recorded with only an approximate age (born 1990–1996, as 7 records of this name were)"
                        + " and no date of birth or postcode: it was not safe or possible to ask");
        // nothing to keep when a detail told them apart: a postcode, a date of birth, an age leaving 5
        assertThat(SharedName.withoutDetail(afterAge, new SharedName.Typed(true, false, true, true, refused)))
                .isEmpty();
        assertThat(SharedName.withoutDetail(afterAge, new SharedName.Typed(true, true, false, false, refused)))
                .isEmpty();
        assertThat(SharedName.withoutDetail(new SharedName.Namesakes(312, years, 5),
                new SharedName.Typed(true, false, true, false, refused))).isEmpty();
        // nor when no reason was given
        assertThat(SharedName.withoutDetail(SharedName.Namesakes.byName(9),
                new SharedName.Typed(true, false, false, false, Optional.empty()))).isEmpty();
    }

    @Test
    @DisplayName("a reason for giving none is read by its name; anything else is no reason")
    void reasons() {
        assertThat(SharedName.NotGiven.of("REFUSED")).contains(SharedName.NotGiven.REFUSED);
        assertThat(SharedName.NotGiven.of(" NOT_SAFE ")).contains(SharedName.NotGiven.NOT_SAFE);
        assertThat(SharedName.NotGiven.of("because")).isEmpty();
        assertThat(SharedName.NotGiven.of(null)).isEmpty();
    }
}
