package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.people.Persons.person;

@DisplayName("Search before create")
class PersonSearchTest {

    private static PersonSearch index() {
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
        // a second record for a third of them, with a slip, so that the model has same-person pairs to learn from
        for (int i = 0; i < n; i += 3) {
            PersonDetails d = records.get(i).details();
            records.add(person().id("q" + i).given(d.givenName()).surname(d.surname() + "e")
                    .dob(d.dob().toString()).postcode(d.postcode()).prepared());
        }
        MatchModel model = MatchModel.train(records, FieldComparison.standard(), BlockingRule.standard(),
                MatchModel.Training.standard());
        return PersonSearch.of(records, model);
    }

    @Test
    @DisplayName("a misspelt surname with the right date of birth finds the record first, with the reasons")
    void findsMisspelt() {
        PersonSearch search = index();
        // p10 is Cara Jones, born 1950-11-11
        List<PersonSearch.Candidate> top = search.top(PersonDetails.named("typed", "Cara", "Jnoes",
                java.time.LocalDate.of(1950, 11, 11)), 5, 0.001);

        assertThat(top).isNotEmpty();
        assertThat(top.get(0).details().recordId()).isEqualTo("p10");
        assertThat(top.get(0).why().contributions()).extracting(FieldContribution::comparison)
                .contains("given_name", "surname", "dob");
        assertThat(top).extracting(PersonSearch.Candidate::probability).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    @DisplayName("a name and a postcode, with no date of birth, find the person who lives there before namesakes")
    void nameAndPostcode() {
        // twelve Oliver Davieses at twelve addresses, six more spelt "Olivre", and one Oliver Davies at M16 0JF;
        // a second record for some of them, so the model learns what one person's records share
        List<PreparedRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(person().id("od" + i).given("Oliver").surname("Davies")
                    .dob(String.format("19%02d-03-%02d", 50 + i, 1 + i)).address((10 + i) + " Mill Lane")
                    .postcode("LS" + (1 + i) + " 2AB").prepared());
        }
        for (int i = 0; i < 6; i++) {
            records.add(person().id("ov" + i).given("Olivre").surname("Davies")
                    .dob(String.format("19%02d-07-%02d", 70 + i, 1 + i)).address((30 + i) + " Kings Road")
                    .postcode("B" + (1 + i) + " 9XY").prepared());
        }
        records.add(person().id("there").given("Oliver").surname("Davies").dob("1954-05-27")
                .address("112 School Street").postcode("M16 0JF").prepared());
        String[] given = {"Ann", "Bob", "Cara", "Dev", "Eve", "Finn", "Gus", "Hana"};
        String[] surnames = {"Smith", "Jones", "Okafor", "Nowak", "Patel"};
        int n = 0;
        for (String s : surnames) {
            for (String g : given) {
                records.add(person().id("p" + n).given(g).surname(s)
                        .dob(String.format("19%02d-%02d-%02d", 40 + n, 1 + n % 12, 1 + n % 28))
                        .address((n + 1) + " High Street").postcode("M" + (1 + n % 9) + " 1AB").prepared());
                if (n % 3 == 0) {
                    records.add(person().id("q" + n).given(g).surname(s + "e")
                            .dob(String.format("19%02d-%02d-%02d", 40 + n, 1 + n % 12, 1 + n % 28))
                            .address((n + 1) + " High Street").postcode("M" + (1 + n % 9) + " 1AB").prepared());
                }
                n++;
            }
        }
        PersonSearch search = PersonSearch.of(records, MatchModel.train(records, FieldComparison.standard(),
                BlockingRule.standard(), MatchModel.Training.standard()));

        List<PersonSearch.Candidate> top = search.top(new PersonDetails("typed", "Oliver", "Davies", null, null, null,
                null, "M16 0JF", null, null, null), 5, 0.0001);

        assertThat(top).isNotEmpty();
        assertThat(top.get(0).details().recordId()).isEqualTo("there");
        assertThat(top.get(0).why().contributions()).filteredOn(c -> c.comparison().equals("postcode"))
                .extracting(FieldContribution::level).containsExactly("for-address");
    }

    @Test
    @DisplayName("no more than the number asked for, and none below the minimum probability")
    void limits() {
        PersonSearch search = index();

        List<PersonSearch.Candidate> top = search.top(PersonDetails.named("typed", "Ann", "Smith", null), 2, 0.0001);

        assertThat(top).hasSizeLessThanOrEqualTo(2);
        assertThat(search.top(PersonDetails.named("typed", "Zebedee", "Quartermaine",
                java.time.LocalDate.of(2001, 1, 1)), 5, 0.5)).isEmpty();
    }

    @Test
    @DisplayName("persons, not records: a person with two matching records is offered once, by the better record")
    void eachPersonOnce() {
        PersonSearch search = index();
        // records 0–39 are p0…p39 (each its own person); the second records q0, q3, … belong to the same persons
        java.util.function.IntToLongFunction personOf = i -> i < 40 ? i : (i - 40) * 3L;

        List<PersonSearch.Candidate> top = search.topPersons(PersonDetails.named("typed", "Ann", "Smith",
                java.time.LocalDate.of(1940, 1, 1)), 5, 0.001, personOf);

        // p0 is Ann Smith, born 1940-01-01, and q0 is her second record (surname "Smithe"): one of them, first
        assertThat(top.get(0).details().recordId()).isIn("p0", "q0");
        assertThat(top).extracting(c -> c.details().recordId()).filteredOn(id -> id.equals("p0") || id.equals("q0"))
                .hasSize(1);
        assertThat(search.top(PersonDetails.named("typed", "Ann", "Smith", java.time.LocalDate.of(1940, 1, 1)), 5,
                0.001)).extracting(c -> c.details().recordId()).contains("p0", "q0");
    }
}
