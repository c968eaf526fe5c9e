package org.peel.investigation;

import org.jdbi.v3.core.Jdbi;
import org.peel.testing.Fixtures;

/**
 * Westminster's domestic abuse team for the investigation tests: team {@code T-DA} with accredited (PIP 2)
 * detectives {@code DA1}, {@code DA2} … in the order named.
 */
final class WestminsterDomesticAbuseTeam {

    private WestminsterDomesticAbuseTeam() {
    }

    static void add(Jdbi jdbi, String... detectives) {
        jdbi.useHandle(h -> {
            h.execute("insert into investigation_team (id, borough_code, name, specialism, establishment)"
                    + " values ('T-DA', ?, 'Westminster domestic abuse', 'Domestic abuse', 2)", Fixtures.WESTMINSTER);
            for (int i = 0; i < detectives.length; i++) {
                h.execute("insert into investigator (id, team_id, display_name, pip_level, specialism)"
                        + " values (?, 'T-DA', ?, 2, 'Domestic abuse')", "DA" + (i + 1), detectives[i]);
            }
        });
    }
}
