package org.peel.prevention;

import java.time.LocalDateTime;
import java.util.List;

/** What Peel already holds about a victim or a place when a new incident is recorded. */
public final class AsbHistory {

    private AsbHistory() {
    }

    /** An earlier ASB incident, with the part the matched person played in it and why they were matched. */
    public record Incident(String id, LocalDateTime reportedAt, String category, String subType, String wardCode,
                           String locationText, String role, String matchedOn) {

        public boolean asVictim() {
            return role != null && role.contains("victim");
        }
    }

    /** An earlier crime against the matched person. */
    public record Crime(String id, LocalDateTime recordedAt, String offenceGroup, String policeUkType, String wardCode,
                        String role, String matchedOn) {
    }

    /** The victim's earlier records, found by {@code method}. */
    public record Victim(List<Incident> incidents, List<Crime> crimes, String method) {
    }
}
