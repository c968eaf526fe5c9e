package org.peel.organisedcrime;

import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Groups on the register for tests: the group's facts and its members as person records. */
final class OcgFixtures {

    private OcgFixtures() {
    }

    /** A group with {@code members} members, the first {@code principals} of them principals, and one associate. */
    static void group(Jdbi jdbi, String id, String name, String borough, String activities, boolean firearms,
                      String violence, boolean corruption, boolean laundering, String reach, LocalDate mappedOn,
                      int members, int principals) {
        jdbi.useHandle(h -> {
            h.createUpdate("""
                            insert into ocg (id, name, borough_code, principal_activity, band, mapped_on, activities,
                                firearms, violence, corruption, money_laundering, reach, lead_officer)
                            values (:id, :name, :borough, :predominant, '3c', :mapped, :activities, :firearms, :violence,
                                :corruption, :laundering, :reach, 'DI Test')""")
                    .bind("id", id).bind("name", name).bind("borough", borough)
                    .bind("predominant", activities.split(";")[0]).bind("mapped", mappedOn)
                    .bind("activities", activities).bind("firearms", firearms).bind("violence", violence)
                    .bind("corruption", corruption).bind("laundering", laundering).bind("reach", reach).execute();
            for (int m = 0; m < members; m++) {
                person(h, id + "-m" + m, id, m < principals ? "principal" : m % 2 == 0 ? "significant" : "peripheral",
                        "Member" + m, "Of" + id.replace("-", ""), borough);
            }
            person(h, id + "-a", id, "associate", "Associate", "Of" + id.replace("-", ""), borough);
        });
    }

    private static void person(org.jdbi.v3.core.Handle h, String recordId, String ocgId, String role, String forenames,
                               String surname, String borough) {
        h.createUpdate("""
                        insert into person_record (id, source_type, source_id, role, forenames, surname, date_of_birth,
                            recorded_at, borough_code)
                        values (:id, 'ocg', :ocg, :role, :f, :s, :dob, :at, :b)""")
                .bind("id", recordId).bind("ocg", ocgId).bind("role", role).bind("f", forenames).bind("s", surname)
                .bind("dob", LocalDate.of(1990, 3, 14)).bind("at", LocalDateTime.of(2024, 1, 2, 9, 0))
                .bind("b", borough).execute();
    }
}
