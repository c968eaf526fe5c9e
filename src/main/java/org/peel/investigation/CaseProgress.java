package org.peel.investigation;

import org.peel.common.Moments;
import org.jdbi.v3.core.Handle;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import org.peel.common.BadInput;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What happens to a crime after recording, each in one transaction with its audit entry: a case event the victim
 * must be told about (starting the update deadline their service sets), a contact with the victim that keeps a
 * deadline, and the outcome that closes the crime once {@link OutcomeValidation} accepts it.
 */
public final class CaseProgress {

    private final InvestigationStore store;
    private final AuditTrail audit;
    private final Clock clock;

    public CaseProgress(InvestigationStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a case event and starts each victim's update deadline. */
    public List<VictimsCodeDeadlines.Deadline> caseEvent(String crimeId, VictimsCodeDeadlines.CaseEvent event, LocalDate on,
                                                         User by, String clientAddress) {
        LocalDateTime now = now();
        return store.jdbi().inTransaction(h -> {
            requireOpen(h, crimeId);
            List<VictimsCodeDeadlines.Deadline> started = startUpdates(h, crimeId, event, on, by, now);
            audit.record(h, AuditEvent.by(by, "case-event", "crime", crimeId, AuditEvent.SUCCESS).from(clientAddress)
                    .detail(event.name()));
            return started;
        });
    }

    /** Marks a deadline kept and logs the contact. */
    public void contact(String crimeId, long deadlineId, String result, String note, User by, String clientAddress) {
        LocalDateTime now = now();
        store.jdbi().useTransaction(h -> {
            Optional<String[]> d = h.createQuery("""
                            select kind, person_record_id from victims_code_deadline
                            where id = :id and crime_id = :crime and met_at is null""")
                    .bind("id", deadlineId).bind("crime", crimeId)
                    .map((rs, ctx) -> new String[]{rs.getString("kind"), rs.getString("person_record_id")}).findOne();
            String[] row = d.orElseThrow(() -> BadInput.field("deadline", "No open deadline " + deadlineId + " on crime " + crimeId));
            h.createUpdate("update victims_code_deadline set met_at = :at, met_by = :by where id = :id")
                    .bind("at", now).bind("by", by.username()).bind("id", deadlineId).execute();
            store.insertContact(h, crimeId, row[1], now, row[0], result, note, by.username());
            audit.record(h, AuditEvent.by(by, "victim-contact", "crime", crimeId, AuditEvent.SUCCESS).from(clientAddress)
                    .detail(row[0]));
        });
    }

    /**
     * Gives the crime its Home Office outcome, closing it, when the outcome fits the facts; the victim's update on
     * the charge, disposal or decision to take no further action starts with it.
     *
     * @return the validation, whose problems are the reasons when it was refused (nothing is then written)
     */
    public OutcomeValidation.Result outcome(String crimeId, OutcomeType type, LocalDate on, User by, String clientAddress) {
        LocalDateTime now = now();
        return store.jdbi().inTransaction(h -> {
            requireOpen(h, crimeId);
            var crime = h.createQuery("select offence_group, committed_at, recorded_at from crime where id = :id")
                    .bind("id", crimeId)
                    .map((rs, ctx) -> new Object[]{rs.getString("offence_group"), Moments.local(rs, "committed_at"),
                            Moments.local(rs, "recorded_at")}).one();
            OffenceGroup offence = OffenceGroup.fromLabel((String) crime[0]).orElse(OffenceGroup.MISCELLANEOUS_AGAINST_SOCIETY);
            LocalDate committed = ((LocalDateTime) crime[1]).toLocalDate();
            List<LocalDate> suspects = h.createQuery("""
                            select date_of_birth from person_record
                            where source_type = 'crime' and source_id = :id and role = 'suspect' and surname is not null
                            order by id""")
                    .bind("id", crimeId).mapTo(LocalDate.class).list();
            Integer age = suspects.isEmpty() || suspects.get(0) == null ? null : Period.between(suspects.get(0), committed).getYears();
            OutcomeValidation.Result result = OutcomeValidation.validate(new OutcomeValidation.Facts(type, offence,
                    !suspects.isEmpty(), age, ((LocalDateTime) crime[2]).toLocalDate(), on));
            if (!result.valid()) {
                return result;
            }
            h.createUpdate("insert into crime_outcome (crime_id, outcome_code, outcome_date) values (:id, :code, :on)")
                    .bind("id", crimeId).bind("code", String.valueOf(type.code())).bind("on", on).execute();
            startUpdates(h, crimeId, eventOf(type), on, by, now);
            audit.record(h, AuditEvent.by(by, "outcome", "crime", crimeId, AuditEvent.SUCCESS).from(clientAddress)
                    .detail("outcome " + type.code()));
            return result;
        });
    }

    /** A supervisor agrees a screened-out crime should stay filed, with a note; it leaves the review list. */
    public void reviewScreenedOut(String crimeId, String note, User by, String clientAddress) {
        if (note == null || note.isBlank()) {
            throw BadInput.field("note", "Say why the crime should stay screened out");
        }
        LocalDateTime now = now();
        store.jdbi().useTransaction(h -> {
            if (store.review(h, crimeId, by.username(), now, note.strip()) == 0) {
                throw BadInput.field("crime", "Crime " + crimeId + " is not awaiting a screening review");
            }
            audit.record(h, AuditEvent.by(by, "screening-review", "crime", crimeId, AuditEvent.SUCCESS).from(clientAddress));
        });
    }

    /** The update an outcome obliges: charge, an out-of-court disposal, or no further action. */
    static VictimsCodeDeadlines.CaseEvent eventOf(OutcomeType type) {
        return switch (type) {
            case CHARGED_OR_SUMMONSED -> VictimsCodeDeadlines.CaseEvent.CHARGE;
            case YOUTH_CAUTION, ADULT_CAUTION, PENALTY_NOTICE_FOR_DISORDER, CANNABIS_KHAT_WARNING, COMMUNITY_RESOLUTION,
                    DIVERSIONARY_ACTIVITY -> VictimsCodeDeadlines.CaseEvent.OUT_OF_COURT_DISPOSAL;
            default -> VictimsCodeDeadlines.CaseEvent.NO_FURTHER_ACTION;
        };
    }

    private List<VictimsCodeDeadlines.Deadline> startUpdates(Handle h, String crimeId, VictimsCodeDeadlines.CaseEvent event,
                                                             LocalDate on, User by, LocalDateTime now) {
        List<String[]> victims = h.createQuery("select person_record_id, service from victims_code_entitlement where crime_id = :id and service <> 'BUSINESS'")
                .bind("id", crimeId).map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        List<VictimsCodeDeadlines.Deadline> started = new java.util.ArrayList<>();
        for (String[] v : victims) {
            VictimsCodeDeadlines.Deadline d = VictimsCodeDeadlines.update(event, on, VictimsCodeEntitlement.Service.valueOf(v[1]));
            store.insertDeadline(h, crimeId, v[0], d, null, null);
            started.add(d);
        }
        return started;
    }

    private static void requireOpen(Handle h, String crimeId) {
        if (h.createQuery("select count(*) from crime where id = :id").bind("id", crimeId).mapTo(Long.class).one() == 0) {
            throw BadInput.field("crime", "No crime " + crimeId);
        }
        if (h.createQuery("select count(*) from crime_outcome where crime_id = :id").bind("id", crimeId).mapTo(Long.class).one() > 0) {
            throw BadInput.field("crime", "Crime " + crimeId + " is closed: it already has an outcome");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
