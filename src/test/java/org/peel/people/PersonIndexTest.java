package org.peel.people;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.TestDatabase;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The search-before-create index over stored person records")
class PersonIndexTest {

    @Test
    @DisplayName("a record stored after the index was built is found at the next search, beside the older ones")
    void takesInNewRecords() {
        // given a force's resolved person records and an index that has answered a search
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        PeopleWebRecords.recordAndLink(jdbi);
        PersonIndex index = new PersonIndex(jdbi, new PersonRecordStore(jdbi));
        PersonDetails typed = new PersonDetails("typed", "Zebedee", "Quillfeather", null, LocalDate.of(1961, 2, 3),
                null, null, "M4 4AB", null, null, null);
        assertThat(index.find(typed, 5, 0.5)).isEmpty();

        // when a call handler records someone new
        PeopleWebRecords.insert(jdbi, "pr-new", "asb_incident", "ASB-1", "victim", "Zebedee", "Quillfeather",
                LocalDate.of(1961, 2, 3), "M4 4AB", "7 Mill Lane");

        // then the next search finds them, and still finds the people stored before
        List<PersonIndex.Found> found = index.find(typed, 5, 0.5);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).recordSeq()).isEqualTo(PeopleWebRecords.seq(jdbi, "pr-new"));
        assertThat(found.get(0).probability()).isGreaterThan(0.9);
        PersonDetails older = new PersonDetails("typed", PeopleWebRecords.GIVEN[0], PeopleWebRecords.SURNAMES[0], null,
                PeopleWebRecords.dob(0), null, null, PeopleWebRecords.postcode(0), null, null, null);
        long person = new PeopleStore(jdbi).personOf(PeopleWebRecords.seq(jdbi, "pr-1")).orElseThrow();
        assertThat(index.find(older, 5, 0.5)).extracting(PersonIndex.Found::personId).contains(person);
    }
}
