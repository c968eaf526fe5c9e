package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.people.Persons.person;

@DisplayName("Resolving the people of one household")
class HouseholdResolutionTest {

    private static final String[] SURNAMES = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
            "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
            "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell", "Rose",
            "Davis", "Rodriguez", "Cox", "Alexander", "Morgan", "Moore", "Hughes", "Martin", "Cooper", "Ward",
            "Turner", "Hill"};
    private static final String[] HIS = {"John", "David", "Michael", "Paul", "Andrew", "Mark", "James", "Peter",
            "Richard", "Stephen", "Robert", "Christopher", "Daniel", "Thomas", "Matthew", "Gary", "Anthony", "Kevin",
            "Ian", "Simon"};
    private static final String[] HERS = {"Susan", "Sarah", "Karen", "Julie", "Helen", "Claire", "Emma", "Nicola",
            "Lisa", "Amanda", "Rachel", "Joanne", "Michelle", "Louise", "Victoria", "Laura", "Donna", "Jane",
            "Alison", "Elizabeth"};

    /**
     * Forty households of two adults who share a surname, an address, a postcode and a landline, and differ in
     * forename, sex and date of birth; each adult is recorded three times, once with a slip in the surname.
     * Households are what a police force's records are full of: a victim and a partner, a caller and a parent.
     */
    private static List<Persons> households(List<Integer> truth) {
        List<Persons> records = new ArrayList<>();
        for (int h = 0; h < 40; h++) {
            String surname = SURNAMES[h];
            String address = (10 + h) + " " + (h % 2 == 0 ? "Station Road" : "Church Lane");
            String postcode = "M" + (1 + h % 9) + " " + (1 + h % 7) + "A" + (char) ('B' + h % 20);
            String phone = "0161 496 " + (1000 + h);
            for (int member = 0; member < 2; member++) {
                boolean he = member == 0;
                String given = he ? HIS[h % HIS.length] : HERS[(h * 7) % HERS.length];
                LocalDate dob = LocalDate.of(1950 + h % 40, 1 + (h * 5 + member * 4) % 12, 1 + (h * 3 + member * 11) % 28);
                for (int copy = 0; copy < 3; copy++) {
                    String recorded = copy == 2 ? surname.substring(0, surname.length() - 1) + "e" : surname;
                    records.add(person().given(given).surname(recorded).dob(dob.toString()).sex(he ? "M" : "F")
                            .address(address).postcode(postcode).phone(phone));
                    truth.add(h * 2 + member);
                }
            }
        }
        return records;
    }

    @Test
    @DisplayName("partners at one address and one landline stay two people; each one's own records become one person")
    void partnersStayApart() {
        // given 240 records of 80 people in 40 two-adult households
        List<Integer> truth = new ArrayList<>();
        List<PersonDetails> records = households(truth).stream().map(Persons::details).toList();

        // when they are resolved with the standard rules
        IdentityResolution.Resolution r = IdentityResolution.standard().resolve(records);

        // then no person holds records of two people, and every person's three records are one person
        int[] personOf = r.persons().personOf();
        for (int i = 0; i < records.size(); i++) {
            for (int j = i + 1; j < records.size(); j++) {
                boolean samePerson = truth.get(i).equals(truth.get(j));
                assertThat(personOf[i] == personOf[j]).as("records %d and %d", i, j).isEqualTo(samePerson);
            }
        }
        // and the rules on what a household shares found pairs without training the model
        assertThat(r.model().sessions()).extracting(MatchModel.Session::rule)
                .doesNotContain("same postcode and house number", "same phone", "surname sounds the same, same postcode");
    }
}
