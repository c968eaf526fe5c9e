package org.peel.partners;

import org.peel.access.DataCategory;
import org.peel.access.SharedRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a subject access answer holds, as a pure rule (Data Protection Act 2018 Part 3, s45; reference/standards.md
 * §20.2): every record about the person, with the person's own details as recorded; everyone else named in a record
 * reduced to their part in it (third parties' personal data is redacted, s45(4)(e), the rights and freedoms of
 * others); intelligence records withheld as a whole (s45(4)(b), prevention and detection of offences) and counted;
 * the restrictions applied listed. The answer is due one calendar month after the request is received
 * (configurable, §20.2 marks the s54 period PARTIAL); a month without the day ends on its last day.
 */
public final class SubjectAccess {

    public static final String THIRD_PARTY = "s45(4)(e): protecting the rights and freedoms of others — other people's personal data redacted";
    public static final String PREVENTION = "s45(4)(b): avoiding prejudice to the prevention, detection or investigation of offences — intelligence records withheld";

    private SubjectAccess() {
    }

    /** One other person named in a record, as held. */
    public record OtherPerson(String role, String name, LocalDate dateOfBirth, String address) {
    }

    /**
     * One record about the subject as gathered.
     *
     * @param role        the subject's part in it (victim, suspect, caller …)
     * @param ownDetails  the subject's own details as recorded in it
     * @param details     what the record says (place, time, kind), from the owning capability's published view
     * @param others      the other people in the record
     * @param intelligence whether it is an intelligence record
     */
    public record Gathered(String recordType, String recordId, String role, LocalDate recordedOn,
                           Map<String, Object> ownDetails, Map<String, Object> details, List<OtherPerson> others,
                           boolean intelligence) {
    }

    /** The answer: the records to send, and each restriction applied with how many records it touched. */
    public record Answer(List<Map<String, Object>> records, Map<String, Integer> exemptions) {
    }

    public static LocalDate dueOn(LocalDate received, int months) {
        return received.plusMonths(months);
    }

    public static Answer answer(List<Gathered> gathered) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Integer> exemptions = new TreeMap<>();
        for (Gathered g : gathered) {
            if (g.intelligence()) {
                exemptions.merge(PREVENTION, 1, Integer::sum);
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("record_type", g.recordType());
            r.put("record_id", g.recordId());
            r.put("role", g.role());
            r.put("recorded_on", g.recordedOn() == null ? null : g.recordedOn().toString());
            r.put("your_details", g.ownDetails());
            r.put("details", g.details());
            List<Map<String, Object>> others = new ArrayList<>();
            for (OtherPerson o : g.others()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("role", o.role());
                m.put("details", "redacted: another person's personal data");
                others.add(m);
            }
            r.put("other_people", others);
            if (!g.others().isEmpty()) {
                exemptions.merge(THIRD_PARTY, 1, Integer::sum);
            }
            out.add(r);
        }
        return new Answer(out, exemptions);
    }

    /**
     * The answer's records as offered to the share gate: the subject's own details as identity, the rest (their
     * part, when, what the record says, the redacted others) as incident.
     */
    public static List<SharedRecord> offered(Answer answer) {
        List<SharedRecord> out = new ArrayList<>();
        for (Map<String, Object> r : answer.records()) {
            Map<String, Object> identity = new LinkedHashMap<>();
            Map<String, Object> incident = new LinkedHashMap<>();
            r.forEach((k, v) -> {
                if (k.equals("your_details")) {
                    identity.put(k, v);
                } else if (!k.equals("record_type") && !k.equals("record_id")) {
                    incident.put(k, v);
                }
            });
            out.add(SharedRecord.of(String.valueOf(r.get("record_type")), String.valueOf(r.get("record_id")))
                    .with(DataCategory.IDENTITY, identity).with(DataCategory.INCIDENT, incident));
        }
        return out;
    }

    /** Whether any text of the answer still carries one of these third parties' names: a check before sending. */
    public static boolean mentionsAny(Answer answer, Set<String> names) {
        String text = answer.records().toString().toLowerCase(java.util.Locale.ROOT);
        return names.stream().filter(n -> n != null && !n.isBlank())
                .anyMatch(n -> text.contains(n.toLowerCase(java.util.Locale.ROOT)));
    }
}
