package org.peel.prevention;

import org.peel.access.AccessPolicy;
import org.peel.access.User;

import java.time.LocalDateTime;
import java.util.List;

/** What Peel already holds about a victim or a place when a new incident is recorded. */
public final class AsbHistory {

    private AsbHistory() {
    }

    /**
     * An earlier ASB incident, with the part the matched person played in it and why they were matched, and the
     * borough it was recorded in (null where not read).
     */
    public record Incident(String id, LocalDateTime reportedAt, String category, String subType, String wardCode,
                           String locationText, String role, String matchedOn, String boroughCode) {

        /** An incident whose borough is not needed (a place's history, which is in the place's borough). */
        public Incident(String id, LocalDateTime reportedAt, String category, String subType, String wardCode,
                        String locationText, String role, String matchedOn) {
            this(id, reportedAt, category, subType, wardCode, locationText, role, matchedOn, null);
        }

        public boolean asVictim() {
            return role != null && role.contains("victim");
        }
    }

    /** An earlier crime against the matched person, with the borough it was recorded in (null where not read). */
    public record Crime(String id, LocalDateTime recordedAt, String offenceGroup, String policeUkType, String wardCode,
                        String role, String matchedOn, String boroughCode) {

        public Crime(String id, LocalDateTime recordedAt, String offenceGroup, String policeUkType, String wardCode,
                     String role, String matchedOn) {
            this(id, recordedAt, offenceGroup, policeUkType, wardCode, role, matchedOn, null);
        }
    }

    /**
     * The victim's earlier records, found by {@code method}. As the rules see it, every record force-wide; as shown
     * to a user ({@link #shownTo}), only the records in their reach, and {@code inOtherBoroughs} the number of the
     * rest, which the rules counted but the user may not see.
     */
    public record Victim(List<Incident> incidents, List<Crime> crimes, String method, int inOtherBoroughs) {

        public Victim(List<Incident> incidents, List<Crime> crimes, String method) {
            this(incidents, crimes, method, 0);
        }

        /**
         * What this user may be shown: the records in a borough the access policy says they reach (a force-wide role
         * reaches all), the others only counted. A repeat victim is recognised wherever the earlier calls were; the
         * details of a call in another borough stay with that borough.
         */
        public Victim shownTo(User user) {
            List<Incident> seenIncidents = incidents.stream()
                    .filter(i -> AccessPolicy.reaches(user, i.boroughCode())).toList();
            List<Crime> seenCrimes = crimes.stream().filter(c -> AccessPolicy.reaches(user, c.boroughCode())).toList();
            int hidden = incidents.size() - seenIncidents.size() + crimes.size() - seenCrimes.size();
            return new Victim(seenIncidents, seenCrimes, method, inOtherBoroughs + hidden);
        }
    }
}
