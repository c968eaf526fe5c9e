package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peel.people.Persons.person;

@DisplayName("Comparing one detail of two person records")
class PersonComparisonTest {

    private static String level(FieldComparison comparison, Persons a, Persons b) {
        return comparison.levels().get(comparison.compare(a.prepared(), b.prepared())).code();
    }

    @Nested
    @DisplayName("given names")
    class GivenNames {
        private final FieldComparison given = new FieldComparison.GivenName(Nicknames.standard());

        @Test
        @DisplayName("a missing given name is the neutral 'missing' level")
        void missing() {
            assertThat(level(given, person(), person().given("John"))).isEqualTo("missing");
            assertThat(given.levels().get(FieldComparison.GivenName.MISSING).neutral()).isTrue();
        }

        @Test
        @DisplayName("'John' and ' JOHN' are exact after normalising case and spaces")
        void exact() {
            assertThat(level(given, person().given("John"), person().given(" JOHN"))).isEqualTo("exact");
        }

        @Test
        @DisplayName("John Smith and Smith John are the names swapped")
        void swapped() {
            assertThat(level(given, person().given("John").surname("Smith"), person().given("Smith").surname("John")))
                    .isEqualTo("swapped");
        }

        @Test
        @DisplayName("'Jon' and 'John' are in the close Jaro-Winkler band (0.93)")
        void closeSpelling() {
            assertThat(level(given, person().given("Jon"), person().given("John"))).isEqualTo("jaro-winkler-0.92");
        }

        @Test
        @DisplayName("'Bill' and 'William' are the same name by the nickname table")
        void nickname() {
            assertThat(level(given, person().given("Bill"), person().given("William"))).isEqualTo("nickname");
            assertThat(level(given, person().given("Peggy"), person().given("Margaret"))).isEqualTo("nickname");
        }

        @Test
        @DisplayName("'Philip' and 'Filip' sound the same by Double Metaphone though spelt apart")
        void soundsAlike() {
            assertThat(level(given, person().given("Philip"), person().given("Filip"))).isEqualTo("double-metaphone");
        }

        @Test
        @DisplayName("'Mark' and 'Marcus' are in the similar Jaro-Winkler band (0.83) and sound different")
        void similarSpelling() {
            assertThat(level(given, person().given("Mark"), person().given("Marcus"))).isEqualTo("jaro-winkler-0.80");
        }

        @Test
        @DisplayName("'J' and 'John' are an initial and the name it stands for")
        void initial() {
            assertThat(level(given, person().given("J"), person().given("John"))).isEqualTo("initial");
        }

        @Test
        @DisplayName("'John' and 'Mary' are different")
        void different() {
            assertThat(level(given, person().given("John"), person().given("Mary"))).isEqualTo("different");
        }

        @Test
        @DisplayName("a full name is split into given name and surname when those are not recorded separately")
        void fullName() {
            assertThat(level(given, person().fullName("John Smith"), person().given("John").surname("Smith")))
                    .isEqualTo("exact");
        }
    }

    @Nested
    @DisplayName("surnames")
    class Surnames {
        private final FieldComparison surname = new FieldComparison.Surname();

        @Test
        @DisplayName("each level on a hand-chosen pair")
        void levels() {
            assertThat(level(surname, person(), person().surname("Smith"))).isEqualTo("missing");
            assertThat(level(surname, person().surname("O'Brien"), person().surname("obrien"))).isEqualTo("exact");
            assertThat(level(surname, person().surname("Thompson"), person().surname("Thomson")))
                    .isEqualTo("jaro-winkler-0.92");
            assertThat(level(surname, person().surname("Smith"), person().surname("Smyth")))
                    .isEqualTo("double-metaphone");
            assertThat(level(surname, person().surname("Lucy"), person().surname("Lucas")))
                    .isEqualTo("jaro-winkler-0.80");
            assertThat(level(surname, person().surname("Smith"), person().surname("Patel"))).isEqualTo("different");
        }

        @Test
        @DisplayName("a swap is counted once, under the given name: the surname level is neutral")
        void swapCountedOnce() {
            Persons a = person().given("John").surname("Smith");
            Persons b = person().given("Smith").surname("John");
            int l = surname.compare(a.prepared(), b.prepared());
            assertThat(surname.levels().get(l).code()).isEqualTo("swapped");
            assertThat(surname.levels().get(l).neutral()).isTrue();
        }
    }

    @Nested
    @DisplayName("dates of birth")
    class DatesOfBirth {
        private final FieldComparison dob = new FieldComparison.DateOfBirth();

        @Test
        @DisplayName("each level on a hand-chosen pair")
        void levels() {
            assertThat(level(dob, person(), person().dob("1980-03-04"))).isEqualTo("missing");
            assertThat(level(dob, person().dob("1980-03-04"), person().dob("1980-03-04"))).isEqualTo("exact");
            assertThat(level(dob, person().dob("1980-03-04"), person().dob("1980-04-03")))
                    .isEqualTo("day-month-transposed");
            assertThat(level(dob, person().dob("1980-03-04"), person().dob("1981-03-04"))).isEqualTo("year-one-out");
            assertThat(level(dob, person().dob("1980-03-04"), person().dob("1980-03-14")))
                    .isEqualTo("one-part-different");
            assertThat(level(dob, person().dob("1980-03-04"), person().dob("1990-03-04")))
                    .isEqualTo("one-part-different");
            assertThat(level(dob, person().dob("1980-03-04"), person().dob("1975-11-20"))).isEqualTo("different");
        }
    }

    @Nested
    @DisplayName("sex, address, postcode, town, email and phone")
    class OtherDetails {

        @Test
        @DisplayName("sex: 'M' and 'male' agree, 'M' and 'F' differ, a blank is missing")
        void sex() {
            FieldComparison sex = new FieldComparison.Sex();
            assertThat(level(sex, person().sex("M"), person().sex("male"))).isEqualTo("exact");
            assertThat(level(sex, person().sex("M"), person().sex("F"))).isEqualTo("different");
            assertThat(level(sex, person().sex(" "), person().sex("F"))).isEqualTo("missing");
        }

        @Test
        @DisplayName("address: exact, same house with a typing slip in the street, same street, different")
        void address() {
            FieldComparison address = new FieldComparison.Address();
            Persons home = person().address("12 High Street");
            assertThat(level(address, home, person().address("12, high street"))).isEqualTo("exact");
            assertThat(level(address, home, person().address("12 Hihg Street"))).isEqualTo("same-house");
            assertThat(level(address, home, person().address("40 High Street"))).isEqualTo("same-street");
            assertThat(level(address, home, person().address("3 Mill Lane"))).isEqualTo("different");
            assertThat(level(address, home, person())).isEqualTo("missing");
        }

        @Test
        @DisplayName("postcode: exact whatever the spacing, one character out, same district, different")
        void postcode() {
            FieldComparison postcode = new FieldComparison.Postcode();
            Persons home = person().address("3 Mall Road").postcode("SW1A 1AA");
            assertThat(level(postcode, home, person().address("9 Mall Road").postcode("sw1a1aa"))).isEqualTo("exact");
            assertThat(level(postcode, home, person().postcode("SW1A 1AB"))).isEqualTo("one-character");
            assertThat(level(postcode, home, person().postcode("SW1A 2BB"))).isEqualTo("same-district");
            assertThat(level(postcode, home, person().postcode("E1 6AN"))).isEqualTo("different");
            assertThat(level(postcode, home, person())).isEqualTo("missing");
            // with no address on either side, the postcode is all there is of where they live
            assertThat(level(postcode, person().postcode("SW1A 1AA"), person().postcode("sw1a1aa")))
                    .isEqualTo("for-address");
        }

        @Test
        @DisplayName("postcode: the same postcode at the same address is counted once, with the address")
        void postcodeWithAddress() {
            // one address has one postcode: two people at 12 High Street, SW1A 1AA agree on the postcode because they
            // agree on the address, so the postcode adds nothing; at another address the same postcode still counts,
            // and a different postcode at the same address still counts against
            FieldComparison postcode = new FieldComparison.Postcode();
            Persons home = person().address("12 High Street").postcode("SW1A 1AA");
            assertThat(level(postcode, home, person().address("12 high street").postcode("sw1a1aa")))
                    .isEqualTo("with-address");
            assertThat(level(postcode, home, person().address("14 High Street").postcode("SW1A 1AA")))
                    .isEqualTo("exact");
            assertThat(level(postcode, home, person().address("12 High Street").postcode("E1 6AN")))
                    .isEqualTo("different");
            assertThat(postcode.levels().get(FieldComparison.Postcode.WITH_ADDRESS).neutral()).isTrue();
            // a call handler's search with a postcode and no address: the postcode stands in for the address
            assertThat(level(postcode, home, person().postcode("SW1A 1AA"))).isEqualTo("for-address");
        }

        @Test
        @DisplayName("town: exact, spelt almost the same, different")
        void city() {
            FieldComparison city = new FieldComparison.City();
            assertThat(level(city, person().city("Manchester"), person().city("MANCHESTER"))).isEqualTo("exact");
            assertThat(level(city, person().city("Manchester"), person().city("Manchestr")))
                    .isEqualTo("jaro-winkler-0.90");
            assertThat(level(city, person().city("Manchester"), person().city("Leeds"))).isEqualTo("different");
        }

        @Test
        @DisplayName("email: exact, same mailbox at another provider, spelt almost the same, different")
        void email() {
            FieldComparison email = new FieldComparison.Email();
            Persons jo = person().email("jo.smith@example.com");
            assertThat(level(email, jo, person().email("Jo.Smith@Example.com"))).isEqualTo("exact");
            assertThat(level(email, jo, person().email("jo.smith@example.org"))).isEqualTo("same-mailbox");
            assertThat(level(email, jo, person().email("jo.smyth@example.com"))).isEqualTo("jaro-winkler-0.88");
            assertThat(level(email, jo, person().email("pat@elsewhere.net"))).isEqualTo("different");
        }

        @Test
        @DisplayName("phone: +44 and 0 forms are exact, one digit out, different, missing")
        void phone() {
            FieldComparison phone = new FieldComparison.Phone();
            Persons mobile = person().phone("+44 7700 900123");
            assertThat(level(phone, mobile, person().phone("07700 900123"))).isEqualTo("exact");
            assertThat(level(phone, mobile, person().phone("07700 900124"))).isEqualTo("one-digit");
            assertThat(level(phone, mobile, person().phone("020 7946 0000"))).isEqualTo("different");
            assertThat(level(phone, mobile, person())).isEqualTo("missing");
        }
    }
}
