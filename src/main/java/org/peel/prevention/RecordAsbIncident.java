package org.peel.prevention;

import org.jdbi.v3.core.Jdbi;
import org.peel.access.AccessPolicy;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.common.Adapter;
import org.peel.people.EthnicityAnswer;
import org.peel.people.PeopleStore;
import org.peel.people.PersonEthnicityStore;
import org.peel.people.PersonNotGivenStore;
import org.peel.people.SharedName;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Records an ASB incident taken as a call, and decides at once what the call handler must know. In one transaction:
 * looks up the victim's earlier records and the place's earlier incidents, saves the incident with its caller and
 * victim as person records (with the victim's ethnicity when asked), runs the repeat, case review and risk rules, saves the assessment, flags a high-risk or
 * repeat victim to the ward's neighbourhood team, and writes the audit events. Either all of it is saved or none.
 * The rules count the victim's earlier records force-wide; the answer shows the user only the records in boroughs
 * the access policy lets them reach, and the number of the others.
 * The rules are {@link AsbAtRecording}'s, shared with the bulk {@link AsbRecordingPass}.
 */
@Adapter
public final class RecordAsbIncident {

    private final Jdbi jdbi;
    private final AsbStore store;
    private final VictimHistory victims;
    private final AuditTrail audit;
    private final AsbRiskSettings settings;
    private final PeopleStore people;
    private final PersonEthnicityStore ethnicity;
    private final PersonNotGivenStore notGiven;

    public RecordAsbIncident(Jdbi jdbi, AsbStore store, VictimHistory victims, AuditTrail audit, AsbRiskSettings settings) {
        this.jdbi = jdbi;
        this.store = store;
        this.victims = victims;
        this.audit = audit;
        this.settings = settings;
        this.people = new PeopleStore(jdbi, audit);
        this.ethnicity = new PersonEthnicityStore(jdbi, audit);
        this.notGiven = new PersonNotGivenStore(jdbi, audit);
    }

    public AsbRiskSettings settings() {
        return settings;
    }

    /**
     * @param id      the incident number, from {@link AsbStore#nextIncidentId()} (taken before the access check so
     *                that the check's audit entry names it)
     * @param purpose the purpose the user stated, for the audit trail; may be null
     */
    public AsbFirstCall record(User user, String id, AsbReport report, AsbLocation where, String purpose,
                               String clientAddress) {
        return record(user, id, report, where, purpose, clientAddress, null);
    }

    /**
     * Records the incident where the call handler has identified the victim as a person Peel already knows: the
     * history then includes every record of that person, and the victim's new record is linked to them at once.
     *
     * @param identifiedPerson the person chosen from the likely persons offered, or null for none
     */
    public AsbFirstCall record(User user, String id, AsbReport report, AsbLocation where, String purpose,
                               String clientAddress, Long identifiedPerson) {
        return record(user, id, report, where, purpose, clientAddress, identifiedPerson, null);
    }

    /**
     * Records the incident with the victim's ethnicity as the call handler asked or observed it, written to the
     * victim's new person record through the people kernel in the same transaction, and audited there.
     *
     * @param victimEthnicity the answer, or null when it was not asked; needs a victim
     */
    public AsbFirstCall record(User user, String id, AsbReport report, AsbLocation where, String purpose,
                               String clientAddress, Long identifiedPerson, EthnicityAnswer victimEthnicity) {
        return record(user, id, report, where, purpose, clientAddress, identifiedPerson, victimEthnicity, null);
    }

    /**
     * Records the incident with, for a victim recorded as someone new with no detail that tells them apart from
     * their namesakes, the reason the caller gave none, kept beside the victim's new record through the people
     * kernel in the same transaction, and audited there.
     *
     * @param victimWithoutDetail the reason and the namesakes counted, or null; ignored when a person was chosen
     */
    public AsbFirstCall record(User user, String id, AsbReport report, AsbLocation where, String purpose,
                               String clientAddress, Long identifiedPerson, EthnicityAnswer victimEthnicity,
                               SharedName.WithoutDetail victimWithoutDetail) {
        if (victimEthnicity != null && report.victim() == null) {
            throw new IllegalArgumentException("an ethnicity is recorded for a victim, and the incident has none");
        }
        if (report.victim() != null && report.answers() == null) {
            throw new IllegalArgumentException("a victim's incident needs the risk questionnaire answered");
        }
        return jdbi.inTransaction(h -> {
            LocalDateTime now = report.reportedAt();
            LocalDateTime windowStart = now.minusMonths(settings.repeatMonths());
            // history is read before this incident's own records are written, so it never finds itself
            List<AsbHistory.Incident> atLocation = store.incidentsAt(h, where, settings.locationRadiusMetres(),
                    windowStart, now.plusSeconds(1));
            AsbHistory.Victim history = report.victim() == null ? null : identifiedPerson == null
                    ? victims.earlierRecords(h, report.victim())
                    : victims.earlierRecords(h, report.victim(), identifiedPerson);

            store.insertIncident(h, id, report, where, user.username());
            String victimRecord = null;
            if (report.victim() != null) {
                victimRecord = store.insertPersonRecord(h, id, report.callerIsVictim() ? "caller and victim" : "victim",
                        report.victim(), now);
                if (identifiedPerson != null) {
                    people.linkAtEntry(h, victimRecord, identifiedPerson, user,
                            "identified as this person by " + user.username() + " when recording " + id, "victimPersonId");
                }
                if (victimEthnicity != null) {
                    ethnicity.record(h, user, victimRecord, victimEthnicity);
                }
                if (identifiedPerson == null && victimWithoutDetail != null) {
                    notGiven.record(h, user, Section.PREVENTION, victimRecord, victimWithoutDetail, now);
                }
            }
            if (report.caller() != null && !report.callerIsVictim()) {
                store.insertPersonRecord(h, id, "caller", report.caller(), now);
            }

            RepeatVictimRule.Decision repeat = null;
            CaseReviewTrigger.Decision caseReview = null;
            AsbRiskAssessment.Result risk = null;
            List<String> flags = new ArrayList<>();
            if (history != null) {
                AsbAtRecording.Decisions d = AsbAtRecording.decide(now, report.answers(), history, atLocation.size(), settings);
                repeat = d.repeat();
                caseReview = d.caseReview();
                risk = d.risk();
                store.insertAssessment(h, id, victimRecord, AsbAtRecording.answersJson(report.answers()), risk,
                        AsbAtRecording.json(risk.reasons()), repeat.repeat(), caseReview.met(),
                        AsbAtRecording.json(settings), user.username());
                for (AsbAtRecording.Flag flag : d.flags()) {
                    store.insertFlag(h, victimRecord, id, where, flag.reason(), flag.detail());
                    flags.add(flag.reason());
                }
            }

            // record ids and counts only: the audit trail never holds names
            audit.record(h, AuditEvent.by(user, "create", "asb-incident", id, AuditEvent.SUCCESS).because(purpose)
                    .from(clientAddress).detail(risk == null ? "no victim" : "grade " + risk.grade().name().toLowerCase()
                            + (flags.isEmpty() ? "" : ", flagged " + String.join(" and ", flags))));
            // the rules above counted every earlier record force-wide; the user is shown only those in their reach
            AsbHistory.Victim shown = history == null ? null : history.shownTo(user);
            if (shown != null) {
                audit.record(h, AuditEvent.by(user, "view", "asb-victim-history", id, AuditEvent.SUCCESS)
                        .because(purpose).from(clientAddress).detail(shown.incidents().size() + " earlier incidents, "
                                + shown.crimes().size() + " crimes shown; " + shown.inOtherBoroughs()
                                + " in other boroughs counted, not shown"));
            }
            // near a borough boundary the place's history holds the neighbouring borough's incidents too: counted
            // by the rules above, shown only within the user's reach
            List<AsbHistory.Incident> atLocationShown = atLocation.stream()
                    .filter(i -> AccessPolicy.reaches(user, i.boroughCode())).toList();
            return new AsbFirstCall(id, where, shown, atLocationShown, repeat, caseReview, risk, List.copyOf(flags),
                    settings, victimEthnicity);
        });
    }
}
