package org.peel.investigation;

import org.peel.common.Moments;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.common.CopyRows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * SQL for the Victims' Code: each victim's entitlement, the deadlines it sets, the contact log, and deadlines missed.
 * Writes take the caller's {@link Handle}.
 */
public final class VictimsCodeStore {

    private final Jdbi jdbi;

    public VictimsCodeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insertEntitlement(Handle h, String crimeId, String personId, VictimsCodeEntitlement.Decision d, LocalDateTime at) {
        insert(h, INSERT_ENTITLEMENT, v -> entitlementRow(v, crimeId, personId, d, at));
    }

    private static final String INSERT_ENTITLEMENT = """
            insert into victims_code_entitlement (crime_id, person_record_id, service, groups, reasons, rule_version, decided_at)
            values (:crime_id, :person_record_id, :service, :groups, :reasons, :rule_version, :decided_at)""";

    static CopyRows.Values entitlementRow(CopyRows.Values v, String crimeId, String personId,
                                                  VictimsCodeEntitlement.Decision d, LocalDateTime at) {
        return v.put("crime_id", crimeId).put("person_record_id", personId).put("service", d.service().name())
                .put("groups", d.groups().stream().sorted().map(Enum::name).toArray(String[]::new))
                .put("reasons", String.join("\n", d.reasons())).put("rule_version", d.ruleVersion()).put("decided_at", at);
    }

    public void insertDeadline(Handle h, String crimeId, String personId, VictimsCodeDeadlines.Deadline d,
                               LocalDateTime metAt, String metBy) {
        insert(h, INSERT_DEADLINE, v -> deadlineRow(v, crimeId, personId, d, metAt, metBy));
    }

    private static final String INSERT_DEADLINE = """
            insert into victims_code_deadline (crime_id, person_record_id, kind, from_date, working_days, due_date,
                                               basis, rule_version, met_at, met_by)
            values (:crime_id, :person_record_id, :kind, :from_date, :working_days, :due_date, :basis, :rule_version,
                    :met_at, :met_by)""";

    static CopyRows.Values deadlineRow(CopyRows.Values v, String crimeId, String personId,
                                               VictimsCodeDeadlines.Deadline d, LocalDateTime metAt, String metBy) {
        return v.put("crime_id", crimeId).put("person_record_id", personId).put("kind", d.kind().name())
                .put("from_date", d.from()).put("working_days", d.workingDays()).put("due_date", d.due())
                .put("basis", d.basis()).put("rule_version", VictimsCodeDeadlines.RULE_VERSION).put("met_at", metAt)
                .put("met_by", metBy);
    }

    public void insertContact(Handle h, String crimeId, String personId, LocalDateTime at, String kind, String result,
                              String note, String by) {
        insert(h, INSERT_CONTACT, v -> contactRow(v, crimeId, personId, at, kind, result, note, by));
    }

    private static final String INSERT_CONTACT = """
            insert into victims_code_contact (crime_id, person_record_id, at, kind, result, note, by_username)
            values (:crime_id, :person_record_id, :at, :kind, :result, :note, :by_username)""";

    static CopyRows.Values contactRow(CopyRows.Values v, String crimeId, String personId, LocalDateTime at,
                                              String kind, String result, String note, String by) {
        return v.put("crime_id", crimeId).put("person_record_id", personId).put("at", at).put("kind", kind)
                .put("result", result).put("note", note).put("by_username", by);
    }

    /** One entry of the Victims' Code contact log. */
    public record Contact(LocalDateTime at, String kind, String result, String byUsername) {
        /** What the contact was, in words: "Needs assessment", "Victim personal statement", or the deadline's label. */
        public String what() {
            return switch (kind) {
                case "NEEDS_ASSESSMENT" -> "Needs assessment";
                case "PERSONAL_STATEMENT" -> "Victim personal statement";
                case "REFERRAL" -> "Referral to victim services";
                default -> java.util.Arrays.stream(VictimsCodeDeadlines.Kind.values()).filter(k -> k.name().equals(kind))
                        .findFirst().map(VictimsCodeDeadlines.Kind::label).orElse(words(kind));
            };
        }

        /** What came of it, in words: "Enhanced service", "Taken", "Declined by the victim". */
        public String outcome() {
            if (result == null) {
                return "";
            }
            return switch (result) {
                case "ENHANCED" -> "Enhanced service";
                case "STANDARD" -> "Standard service";
                case "BUSINESS" -> "Service for a business";
                case "DECLINED" -> "Declined by the victim";
                case "NOT_YET_OFFERED" -> "Not yet offered";
                default -> words(result);
            };
        }

        private static String words(String code) {
            if (!code.equals(code.toUpperCase(java.util.Locale.ROOT)) || code.isEmpty()) {
                return code;
            }
            String w = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
    }

    public List<Contact> contacts(String crimeId) {
        return jdbi.withHandle(h -> h.createQuery("select at, kind, result, by_username from victims_code_contact where crime_id = :id order by at, id")
                .bind("id", crimeId).map((rs, ctx) -> new Contact(Moments.local(rs, "at"), rs.getString("kind"),
                        rs.getString("result"), rs.getString("by_username"))).list());
    }

    /** A Victims' Code deadline not met by its day, with the investigator the crime is allocated to (if any). */
    public record Overdue(String crimeId, String boroughCode, String kind, String label, LocalDate due, String investigatorId) {
    }

    /** How many Victims' Code deadlines are overdue in the borough (force-wide when null). */
    public long overdueCount(String boroughCode, LocalDate today) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from victims_code_deadline d join crime c on c.id = d.crime_id
                        where d.met_at is null and d.due_date < :today
                          and (cast(:borough as text) is null or c.borough_code = :borough)""")
                .bind("borough", boroughCode).bind("today", today).mapTo(Long.class).one());
    }

    /** One page of {@link #overdue(String, String, LocalDate)}, with how many there are in all. */
    public AllocationStore.Slice<Overdue> overdue(String boroughCode, String investigatorId, LocalDate today, int offset,
                                                 int limit) {
        List<Overdue> all = overdue(boroughCode, investigatorId, today);
        return new AllocationStore.Slice<>(all.subList(Math.min(offset, all.size()), Math.min(all.size(),
                (int) Math.min((long) offset + limit, all.size()))), all.size());
    }

    public List<Overdue> overdue(String boroughCode, String investigatorId, LocalDate today) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select d.crime_id, c.borough_code, d.kind, d.due_date, a.investigator_id
                        from victims_code_deadline d join crime c on c.id = d.crime_id
                        left join crime_allocation a on a.crime_id = d.crime_id and a.ended_at is null
                        where d.met_at is null and d.due_date < :today
                          and (cast(:borough as text) is null or c.borough_code = :borough)
                          and (cast(:inv as text) is null or a.investigator_id = :inv)
                        order by d.due_date, d.crime_id""")
                .bind("borough", boroughCode).bind("inv", investigatorId).bind("today", today)
                .map((rs, ctx) -> new Overdue(rs.getString("crime_id"), rs.getString("borough_code"), rs.getString("kind"),
                        VictimsCodeDeadlines.Kind.valueOf(rs.getString("kind")).label(), rs.getObject("due_date", LocalDate.class),
                        rs.getString("investigator_id")))
                .list());
    }

    /** The kind and victim of an unmet deadline of the crime ({kind, person record id}), if there is one. */
    public Optional<String[]> openDeadline(Handle h, String crimeId, long deadlineId) {
        return h.createQuery("""
                        select kind, person_record_id from victims_code_deadline
                        where id = :id and crime_id = :crime and met_at is null""")
                .bind("id", deadlineId).bind("crime", crimeId)
                .map((rs, ctx) -> new String[]{rs.getString("kind"), rs.getString("person_record_id")}).findOne();
    }

    public void deadlineMet(Handle h, long deadlineId, LocalDateTime at, String by) {
        h.createUpdate("update victims_code_deadline set met_at = :at, met_by = :by where id = :id")
                .bind("at", at).bind("by", by).bind("id", deadlineId).execute();
    }

    /** The crime's victims owed updates ({person record id, service}): every entitled victim but a business. */
    public List<String[]> victimsOwedUpdates(Handle h, String crimeId) {
        return h.createQuery("select person_record_id, service from victims_code_entitlement where crime_id = :id and service <> 'BUSINESS'")
                .bind("id", crimeId).map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).list();
    }

    /** Runs a single-row insert whose named parameters are its column names. */
    private static void insert(Handle h, String sql, java.util.function.UnaryOperator<CopyRows.Values> row) {
        var update = h.createUpdate(sql);
        row.apply(CopyRows.binding(update));
        update.execute();
    }
}
