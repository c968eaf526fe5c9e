package org.peel.prevention;

import org.jdbi.v3.core.Handle;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the first-call decisions for many ASB incidents already written, in the order they were reported: the same
 * {@link AsbAtRecording} rules {@link RecordAsbIncident} runs for one call, written as the same assessment and flag
 * rows in batches, each as of its incident's report time. What {@link RecordAsbIncident} looks up in the database for
 * one call is found here in memory for all of them, and only among records earlier than each incident: the victim's
 * earlier incidents and crimes by the same exact-details match as {@link ExactDetailsVictimHistory} (surname with
 * forenames and date of birth, or surname and postcode), and the earlier incidents within the location radius.
 */
public final class AsbRecordingPass {

    private static final int BATCH = 20_000;
    private static final double EARTH_METRES = 6371008.8;

    private final AsbStore store;
    private final AuditTrail audit;
    private final AsbRiskSettings settings;

    public AsbRecordingPass(AsbStore store, AuditTrail audit, AsbRiskSettings settings) {
        this.store = store;
        this.audit = audit;
        this.settings = settings;
    }

    /** A person record of an incident or a crime, with the details matching compares. */
    public record Person(String recordId, String role, String forenames, String surname, LocalDate dateOfBirth,
                         String postcode) {
        boolean victim() {
            return role != null && role.contains("victim");
        }
    }

    /** An incident already written, its people, and the victim's answers (null when nobody answered). */
    public record Incident(String id, LocalDateTime reportedAt, String boroughCode, String wardCode, Double latitude,
                           Double longitude, List<Person> people, AsbQuestionnaire answers) {
    }

    /** A crime's victim, for the crimes against an ASB victim the risk assessment counts. */
    public record CrimeVictim(String crimeId, LocalDateTime recordedAt, Person person) {
    }

    public record Counts(long incidents, long assessed, long highRisk, long repeatVictims, long flags) {
    }

    /**
     * Assesses every incident with a victim and answers, in the caller's transaction, and writes one audit event.
     *
     * @param incidents    in report order
     * @param crimeVictims every crime victim the victims may be matched to
     */
    public Counts run(Handle h, List<Incident> incidents, List<CrimeVictim> crimeVictims, String actor) {
        Map<String, List<AsbHistory.Crime>> crimesByKey = new HashMap<>();
        for (CrimeVictim c : crimeVictims) {
            AsbHistory.Crime crime = new AsbHistory.Crime(c.crimeId(), c.recordedAt(), null, null, null, "victim", null);
            for (String key : keys(c.person())) {
                crimesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(crime);
            }
        }
        Map<String, List<AsbHistory.Incident>> incidentsByKey = new HashMap<>();
        Places places = new Places(incidents, settings.locationRadiusMetres());
        String settingsJson = AsbAtRecording.json(settings);
        AsbStore.Batch batch = store.batch(h);
        long assessed = 0;
        long high = 0;
        long repeats = 0;
        long flags = 0;
        int pending = 0;
        for (int i = 0; i < incidents.size(); i++) {
            Incident incident = incidents.get(i);
            LocalDateTime now = incident.reportedAt();
            Person victim = incident.people().stream().filter(Person::victim).findFirst().orElse(null);
            if (victim != null && incident.answers() != null) {
                AsbHistory.Victim history = history(victim, incidentsByKey, crimesByKey);
                int atLocation = places.earlierWithin(i, now.minusMonths(settings.repeatMonths()));
                AsbAtRecording.Decisions d = AsbAtRecording.decide(now, incident.answers(), history, atLocation, settings);
                batch.assessment(incident.id(), victim.recordId(), AsbAtRecording.answersJson(incident.answers()), d.risk(),
                        AsbAtRecording.json(d.risk().reasons()), d.repeat().repeat(), d.caseReview().met(), settingsJson,
                        actor, now);
                assessed++;
                high += d.risk().grade() == AsbRiskGrade.HIGH ? 1 : 0;
                repeats += d.repeat().repeat() ? 1 : 0;
                for (AsbAtRecording.Flag flag : d.flags()) {
                    batch.flag(victim.recordId(), incident.id(), incident.boroughCode(), incident.wardCode(), flag.reason(),
                            flag.detail(), now);
                    flags++;
                }
                pending += 1 + d.flags().size();
            }
            // added after its own decision, so an incident never finds itself
            for (Person p : incident.people()) {
                AsbHistory.Incident earlier = new AsbHistory.Incident(incident.id(), now, null, null, incident.wardCode(),
                        null, p.role(), null);
                for (String key : keys(p)) {
                    incidentsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(earlier);
                }
            }
            places.add(i);
            if (pending >= BATCH) {
                batch.flush();
                pending = 0;
            }
        }
        batch.flush();
        Counts counts = new Counts(incidents.size(), assessed, high, repeats, flags);
        // One event for the pass, not one per incident: these are generated records, not people's data, and an event
        // per row would double the work of a bulk load without telling anyone more than the counts do.
        audit.record(h, AuditEvent.by(null, "assess-bulk", "asb-incident", null, AuditEvent.SUCCESS).asUser(actor)
                .detail(counts.incidents() + " incidents, " + counts.assessed() + " victims assessed, " + counts.highRisk()
                        + " high risk, " + counts.repeatVictims() + " repeat victims, " + counts.flags() + " flags"));
        return counts;
    }

    /** The victim's earlier incidents (one per incident, as victim where they were both) and crimes. */
    private static AsbHistory.Victim history(Person victim, Map<String, List<AsbHistory.Incident>> incidentsByKey,
                                             Map<String, List<AsbHistory.Crime>> crimesByKey) {
        Map<String, AsbHistory.Incident> incidents = new LinkedHashMap<>();
        Map<String, AsbHistory.Crime> crimes = new LinkedHashMap<>();
        for (String key : keys(victim)) {
            for (AsbHistory.Incident e : incidentsByKey.getOrDefault(key, List.of())) {
                incidents.merge(e.id(), e, (a, b) -> a.role().compareTo(b.role()) >= 0 ? a : b);
            }
            for (AsbHistory.Crime c : crimesByKey.getOrDefault(key, List.of())) {
                crimes.putIfAbsent(c.id(), c);
            }
        }
        return new AsbHistory.Victim(List.copyOf(incidents.values()), List.copyOf(crimes.values()),
                ExactDetailsVictimHistory.METHOD);
    }

    /** The exact-details keys a person record is matched on: surname with forenames and date of birth; surname and postcode. */
    private static List<String> keys(Person p) {
        String surname = PersonDetails.normalisedName(p.surname());
        if (surname == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(2);
        String forenames = PersonDetails.normalisedName(p.forenames());
        if (forenames != null && p.dateOfBirth() != null) {
            keys.add("n|" + surname + "|" + forenames + "|" + p.dateOfBirth());
        }
        String postcode = new PersonDetails(null, null, null, p.postcode(), null, null).normalisedPostcode();
        if (postcode != null) {
            keys.add("p|" + surname + "|" + postcode);
        }
        return keys;
    }

    /** Incidents on a grid of cells as wide as the location radius, so only the nine cells around a point are searched. */
    private static final class Places {
        private final List<Incident> incidents;
        private final int metres;
        private final double cellLat;
        private final double cellLon;
        private final Map<Long, List<Integer>> cells = new HashMap<>();

        Places(List<Incident> incidents, int metres) {
            this.incidents = incidents;
            this.metres = metres;
            double maxLat = incidents.stream().filter(i -> i.latitude() != null).mapToDouble(i -> Math.abs(i.latitude()))
                    .max().orElse(0);
            this.cellLat = metres / 111_320.0;
            this.cellLon = cellLat / Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, maxLat))));
        }

        private long cell(long y, long x) {
            return y << 32 | (x & 0xffffffffL);
        }

        void add(int i) {
            Incident e = incidents.get(i);
            if (e.latitude() != null && e.longitude() != null) {
                cells.computeIfAbsent(cell((long) Math.floor(e.latitude() / cellLat), (long) Math.floor(e.longitude() / cellLon)),
                        k -> new ArrayList<>()).add(i);
            }
        }

        /** Incidents added so far (all earlier than {@code i}) within the radius of incident {@code i}, reported from {@code from}. */
        int earlierWithin(int i, LocalDateTime from) {
            Incident e = incidents.get(i);
            if (e.latitude() == null || e.longitude() == null) {
                return 0;
            }
            long y = (long) Math.floor(e.latitude() / cellLat);
            long x = (long) Math.floor(e.longitude() / cellLon);
            double cos = Math.cos(Math.toRadians(e.latitude()));
            int n = 0;
            for (long dy = -1; dy <= 1; dy++) {
                for (long dx = -1; dx <= 1; dx++) {
                    List<Integer> cell = cells.get(cell(y + dy, x + dx));
                    if (cell == null) {
                        continue;
                    }
                    // a cell's incidents are in report order, so the walk back stops at the window's start
                    for (int k = cell.size() - 1; k >= 0; k--) {
                        Incident o = incidents.get(cell.get(k));
                        if (o.reportedAt().isBefore(from)) {
                            break;
                        }
                        double dLat = Math.toRadians(o.latitude() - e.latitude());
                        double dLon = Math.toRadians(o.longitude() - e.longitude()) * cos;
                        if (EARTH_METRES * Math.sqrt(dLat * dLat + dLon * dLon) <= metres) {
                            n++;
                        }
                    }
                }
            }
            return n;
        }
    }
}
