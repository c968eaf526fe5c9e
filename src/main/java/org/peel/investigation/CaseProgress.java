package org.peel.investigation;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import org.peel.common.Adapter;
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
@Adapter
public final class CaseProgress {

    private final Jdbi jdbi;
    private final VictimsCodeStore victimsCode;
    private final AllocationStore allocation;
    private final OutcomeStore outcomes;
    private final AuditTrail audit;
    private final Clock clock;

    public CaseProgress(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.victimsCode = new VictimsCodeStore(jdbi);
        this.allocation = new AllocationStore(jdbi);
        this.outcomes = new OutcomeStore(jdbi);
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a case event and starts each victim's update deadline. */
    public List<VictimsCodeDeadlines.Deadline> caseEvent(String crimeId, VictimsCodeDeadlines.CaseEvent event, LocalDate on,
                                                         User by, String clientAddress) {
        LocalDateTime now = now();
        return jdbi.inTransaction(h -> {
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
        jdbi.useTransaction(h -> {
            Optional<String[]> d = victimsCode.openDeadline(h, crimeId, deadlineId);
            String[] row = d.orElseThrow(() -> BadInput.field("deadline", "No open deadline " + deadlineId + " on crime " + crimeId));
            victimsCode.deadlineMet(h, deadlineId, now, by.username());
            victimsCode.insertContact(h, crimeId, row[1], now, row[0], result, note, by.username());
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
        return jdbi.inTransaction(h -> {
            requireOpen(h, crimeId);
            OutcomeStore.Recorded crime = outcomes.recorded(h, crimeId);
            OffenceGroup offence = OffenceGroup.fromLabel(crime.offenceGroup()).orElse(OffenceGroup.MISCELLANEOUS_AGAINST_SOCIETY);
            LocalDate committed = crime.committedAt().toLocalDate();
            List<LocalDate> suspects = outcomes.suspectBirthDates(h, crimeId);
            LocalDate born = suspects.isEmpty() ? null : suspects.get(0);
            Integer age = born == null ? null : Period.between(born, committed).getYears();
            Integer ageOnTheDay = born == null ? null : Period.between(born, on).getYears();
            // Peel does not record the relationship between the parties: domestic abuse is taken as between partners,
            // the reading under which a community resolution is refused
            OutcomeValidation.Result result = OutcomeValidation.validate(new OutcomeValidation.Facts(type, offence,
                    crime.seriousOffences(), !suspects.isEmpty(), age, ageOnTheDay, crime.domesticAbuse(),
                    crime.victimRecorded(), crime.recordedAt().toLocalDate(), on, crime.rape()));
            if (!result.valid()) {
                return result;
            }
            outcomes.insertOutcome(h, crimeId, type, on);
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
        jdbi.useTransaction(h -> {
            if (allocation.review(h, crimeId, by.username(), now, note.strip()) == 0) {
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
        List<String[]> victims = victimsCode.victimsOwedUpdates(h, crimeId);
        List<VictimsCodeDeadlines.Deadline> started = new java.util.ArrayList<>();
        for (String[] v : victims) {
            VictimsCodeDeadlines.Deadline d = VictimsCodeDeadlines.update(event, on, VictimsCodeEntitlement.Service.valueOf(v[1]));
            victimsCode.insertDeadline(h, crimeId, v[0], d, null, null);
            started.add(d);
        }
        return started;
    }

    private void requireOpen(Handle h, String crimeId) {
        if (!outcomes.crimeExists(h, crimeId)) {
            throw BadInput.field("crime", "No crime " + crimeId);
        }
        if (outcomes.closed(h, crimeId)) {
            throw BadInput.field("crime", "Crime " + crimeId + " is closed: it already has an outcome");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
