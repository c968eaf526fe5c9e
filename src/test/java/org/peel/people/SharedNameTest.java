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
                .isEqualTo("312 records in Peel have this forename and this surname or one that sounds like it, and"
                        + " only 5 can be shown: ask for a date of birth, an age or a postcode before recording"
                        + " someone new.");
        assertThat(SharedName.warning(312, false)).isEmpty();
        assertThat(SharedName.warning(5, true)).isEmpty();
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
