package org.peel.partners;

import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.people.PeopleStore;
import org.peel.people.PersonEthnicityStore;
import org.peel.people.PersonRecordStore;
import org.peel.people.PersonRecordStore.PersonRecord;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gathers every record Peel holds about a person for a subject access request: the person is found through identity
 * resolution (the persons it made over person records), their records are read from the people kernel with the
 * ethnicity each holds (self-defined and officer-observed), and what each record says from its capability's published
 * view (crimes, ASB incidents). Records disposed of under MoPI are left out. Reads only; the request itself is kept
 * with its deadline and audited.
 */
public final class SubjectAccessStore {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The subject found: the person's public reference (null when their records are not yet resolved) and records. */
    public record Subject(String personRef, List<PersonRecord> records) {
    }

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final PersonRecordStore records;
    private final PeopleStore people;
    private final PersonEthnicityStore ethnicities;

    public SubjectAccessStore(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.records = new PersonRecordStore(jdbi);
        this.people = new PeopleStore(jdbi, audit);
        this.ethnicities = new PersonEthnicityStore(jdbi, audit);
    }

    /**
     * The person with these details: the records recorded with this first forename, surname and date of birth
     * (letter case and spacing aside), widened to every record identity resolution has linked to the same person.
     * More than one resolved person is refused: the request must then name the person.
     */
    public Optional<Subject> find(String givenName, String surname, LocalDate birthDate) {
        List<Long> seqs = jdbi.withHandle(h -> h.createQuery("""
                        select seq from person_record
                        where lower(split_part(trim(forenames), ' ', 1)) = lower(trim(:given))
                          and lower(trim(surname)) = lower(trim(:surname)) and date_of_birth = :dob
                        order by seq""")
                .bind("given", givenName).bind("surname", surname).bind("dob", birthDate)
                .mapTo(Long.class).list());
        if (seqs.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Long> personOf = records.personsOf(seqs);
        Set<Long> persons = new TreeSet<>(personOf.values());
        if (persons.size() > 1) {
            throw new IllegalArgumentException(persons.size() + " resolved persons match these details; export "
                    + "each by --person: " + String.join(", ", people.refsOf(persons).values()));
        }
        Map<Long, PersonRecord> all = new LinkedHashMap<>();
        String ref = null;
        if (persons.size() == 1) {
            long person = persons.iterator().next();
            ref = people.refOf(person);
            records.recordsOf(person).forEach(r -> all.put(r.seq(), r));
        }
        records.bySeq(seqs).forEach(all::putIfAbsent);
        return Optional.of(new Subject(ref, List.copyOf(all.values())));
    }

    /** The person known by their public reference (or number): all the records resolution has linked to them. */
    public Optional<Subject> person(String reference) {
        Optional<Long> person = people.personByRef(reference);
        if (person.isEmpty() && reference.matches("\\d{1,18}") && people.exists(Long.parseLong(reference))) {
            person = Optional.of(Long.parseLong(reference));
        }
        return person.map(p -> new Subject(people.refOf(p), records.recordsOf(p)));
    }

    /** What each of the subject's records holds, with the other people in it; disposed-of records left out. */
    public List<SubjectAccess.Gathered> gather(Subject subject) {
        Set<Long> own = new LinkedHashSet<>();
        subject.records().forEach(r -> own.add(r.seq()));
        Set<String> crimes = new TreeSet<>();
        Set<String> asb = new TreeSet<>();
        Set<String> sources = new TreeSet<>();
        for (PersonRecord r : subject.records()) {
            sources.add(r.sourceType() + "|" + r.sourceId());
            if (r.sourceType().equals("crime")) {
                crimes.add(r.sourceId());
            } else if (r.sourceType().equals("asb_incident") || r.sourceType().equals("asb")) {
                asb.add(r.sourceId());
            }
        }
        Map<String, Map<String, Object>> crimeDetails = crimeDetails(crimes);
        Map<String, Map<String, Object>> asbDetails = asbDetails(asb);
        Map<String, List<SubjectAccess.OtherPerson>> others = others(sources, own);
        Set<String> disposed = disposed();
        Map<String, PersonEthnicityStore.Recorded> ethnicity = ethnicities.recorded(
                subject.records().stream().map(PersonRecord::id).toList());

        List<SubjectAccess.Gathered> out = new ArrayList<>();
        for (PersonRecord r : subject.records()) {
            String type = r.sourceType().equals("asb") ? "asb_incident" : r.sourceType();
            if (disposed.contains(type + "|" + r.sourceId())) {
                continue;
            }
            Map<String, Object> mine = new LinkedHashMap<>();
            mine.put("name", r.name());
            mine.put("date_of_birth", r.dateOfBirth() == null ? null : r.dateOfBirth().toString());
            mine.put("sex", r.sex());
            mine.put("address", r.address());
            mine.put("postcode", r.postcode());
            mine.put("phone", r.phone());
            // the subject's own ethnicity is theirs to see, as it is held: null when it was never asked or observed
            PersonEthnicityStore.Recorded held = ethnicity.get(r.id());
            mine.put("ethnicity_self_defined", held == null ? null : held.selfDefinedText());
            mine.put("ethnicity_observed_by_officer", held == null ? null : held.observedGroup());
            Map<String, Object> details = switch (type) {
                case "crime" -> crimeDetails.getOrDefault(r.sourceId(), Map.of());
                case "asb_incident" -> asbDetails.getOrDefault(r.sourceId(), Map.of());
                default -> Map.of("kind", r.sourceTitle());
            };
            boolean intelligence = type.equals("ocg") || r.sensitivities().contains(Sensitivity.INTELLIGENCE);
            out.add(new SubjectAccess.Gathered(type, r.sourceId(), r.role(),
                    r.recordedAt() == null ? null : r.recordedAt().toLocalDate(), mine, details,
                    others.getOrDefault(r.sourceType() + "|" + r.sourceId(), List.of()), intelligence));
        }
        return out;
    }

    /** Keeps the request with its deadline, and audits it; returns the request's number. */
    public long recordRequest(User by, LocalDate received, LocalDate due, String personRef, String matchedBy,
                              int recordCount, Set<String> exemptions, LocalDate completed) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            insert into subject_access_request (received_on, due_on, person_ref, matched_by, records,
                                                                exemptions, completed_on, created_by)
                            values (:received, :due, :ref, :matched, :records, :exemptions, :completed, :by)""")
                    .bind("received", received).bind("due", due).bind("ref", personRef).bind("matched", matchedBy)
                    .bind("records", recordCount).bind("exemptions", exemptions.toArray(String[]::new))
                    .bind("completed", completed).bind("by", by == null ? "system" : by.username())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, AuditEvent.by(by, "subject-access-export", "subject_access_request", Long.toString(id),
                    AuditEvent.SUCCESS).because("subject access request")
                    .detail(recordCount + " records; due " + due));
            return id;
        });
    }

    /** Open requests (not completed), soonest due first: the deadline list. */
    public List<Map<String, Object>> open() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, received_on, due_on, person_ref from subject_access_request
                        where completed_on is null order by due_on, id""")
                .mapToMap().list());
    }

    private Map<String, Map<String, Object>> crimeDetails(Set<String> ids) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("""
                        select id, offence_group, police_uk_type, committed_at, recorded_at, borough_code, ward_code
                        from investigation_crime_published where id = any(:ids)""")
                .bind("ids", ids.toArray(String[]::new))
                .map((rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("offence_group", rs.getString("offence_group"));
                    m.put("police_uk_type", rs.getString("police_uk_type"));
                    m.put("committed_on", date(rs.getObject("committed_at", java.time.OffsetDateTime.class)));
                    m.put("borough_code", rs.getString("borough_code"));
                    m.put("ward_code", rs.getString("ward_code"));
                    return Map.entry(rs.getString("id"), m);
                })
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    private Map<String, Map<String, Object>> asbDetails(Set<String> ids) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("""
                        select id, category, sub_type, reported_at, borough_code, ward_code
                        from prevention_asb_incident_published where id = any(:ids)""")
                .bind("ids", ids.toArray(String[]::new))
                .map((rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("category", rs.getString("category"));
                    m.put("sub_type", rs.getString("sub_type"));
                    m.put("reported_on", date(rs.getObject("reported_at", java.time.OffsetDateTime.class)));
                    m.put("borough_code", rs.getString("borough_code"));
                    m.put("ward_code", rs.getString("ward_code"));
                    return Map.entry(rs.getString("id"), m);
                })
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Everyone else in the subject's records: person records of the same source that are not the subject's. */
    private Map<String, List<SubjectAccess.OtherPerson>> others(Set<String> sources, Set<Long> own) {
        Map<String, List<SubjectAccess.OtherPerson>> out = new HashMap<>();
        if (sources.isEmpty()) {
            return out;
        }
        Set<String> types = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        for (String key : sources) {
            types.add(key.substring(0, key.indexOf('|')));
            ids.add(key.substring(key.indexOf('|') + 1));
        }
        jdbi.useHandle(h -> h.createQuery("""
                        select seq, source_type, source_id, role, forenames, surname, date_of_birth, address
                        from person_record
                        where source_type = any(:types) and source_id = any(:ids) and not (seq = any(:own))""")
                .bind("types", types.toArray(String[]::new)).bind("ids", ids.toArray(String[]::new))
                .bind("own", own.toArray(Long[]::new))
                .map((rs, ctx) -> Map.entry(rs.getString("source_type") + "|" + rs.getString("source_id"),
                        new SubjectAccess.OtherPerson(rs.getString("role"),
                                ((rs.getString("forenames") == null ? "" : rs.getString("forenames")) + " "
                                        + (rs.getString("surname") == null ? "" : rs.getString("surname"))).strip(),
                                rs.getObject("date_of_birth", LocalDate.class), rs.getString("address"))))
                .forEach(e -> {
                    if (sources.contains(e.getKey())) {
                        out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
                    }
                }));
        return out;
    }

    private Set<String> disposed() {
        return new java.util.HashSet<>(jdbi.withHandle(h -> h.createQuery(
                "select record_type || '|' || record_id from retention_tombstone").mapTo(String.class).list()));
    }

    private static String date(java.time.OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(LONDON).toLocalDate().toString();
    }
}
