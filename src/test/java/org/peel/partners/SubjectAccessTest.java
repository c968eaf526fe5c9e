package org.peel.partners;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A subject access answer redacts other people, withholds intelligence and lists what it applied")
class SubjectAccessTest {

    @Test
    @DisplayName("the requester's own details are given; the suspect in their crime is only 'suspect'; the OCG record is withheld")
    void redaction() {
        // given a crime where the requester is the victim and Kyle Batt the suspect, an ASB call they made alone,
        // and an organised crime group record naming them
        SubjectAccess.Gathered crime = new SubjectAccess.Gathered("crime", "CR-1", "victim", LocalDate.of(2024, 5, 2),
                Map.of("name", "Amy Rowe", "address", "4 Elm Row"), Map.of("offence_group", "Robbery"),
                List.of(new SubjectAccess.OtherPerson("suspect", "Kyle Batt", LocalDate.of(1999, 1, 1), "9 Oak St")),
                false);
        SubjectAccess.Gathered asb = new SubjectAccess.Gathered("asb_incident", "ASB-3", "caller",
                LocalDate.of(2024, 7, 9), Map.of("name", "Amy Rowe"), Map.of("category", "nuisance"), List.of(), false);
        SubjectAccess.Gathered ocg = new SubjectAccess.Gathered("ocg", "OCG-2", "associate", LocalDate.of(2023, 1, 1),
                Map.of("name", "Amy Rowe"), Map.of(), List.of(), true);

        // when
        SubjectAccess.Answer a = SubjectAccess.answer(List.of(crime, asb, ocg));

        // then two records are sent, the third counted as withheld; one record had a third party redacted
        assertThat(a.records()).extracting(r -> r.get("record_id")).containsExactly("CR-1", "ASB-3");
        assertThat(a.records().get(0).get("your_details").toString()).contains("Amy Rowe", "4 Elm Row");
        assertThat(a.records().get(0).get("other_people").toString()).contains("suspect")
                .doesNotContain("Kyle", "Batt", "9 Oak St", "1999");
        assertThat(SubjectAccess.mentionsAny(a, Set.of("Kyle Batt", "9 Oak St"))).isFalse();
        assertThat(a.exemptions()).containsEntry(SubjectAccess.THIRD_PARTY, 1).containsEntry(SubjectAccess.PREVENTION, 1);
    }

    @Test
    @DisplayName("the deadline is one calendar month after receipt; from 31 January it is the last day of February")
    void deadline() {
        assertThat(SubjectAccess.dueOn(LocalDate.of(2025, 3, 14), 1)).isEqualTo("2025-04-14");
        assertThat(SubjectAccess.dueOn(LocalDate.of(2025, 1, 31), 1)).isEqualTo("2025-02-28");
        assertThat(SubjectAccess.dueOn(LocalDate.of(2024, 1, 31), 1)).isEqualTo("2024-02-29");
    }
}
