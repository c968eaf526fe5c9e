package org.peel.investigation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every decision that belongs to the moment a crime is recorded, made in one place so that a crime recorded on the
 * form or the API ({@link RecordCrime}) and a crime of the synthetic force ({@link CrimeRecordingPass}) go through
 * the same rules: screening, allocation to an investigator or the supervisor's queue, the victim's Victims' Code
 * entitlement and deadlines, which of those deadlines recording itself meets, and the contacts recording logs.
 * Pure: the caller supplies the investigators who could take the crime and writes the decisions.
 */
public final class AtRecording {

    private AtRecording() {
    }

    /**
     * What recording knows of one crime and its victim (at most one: a report with two victims is two crimes).
     *
     * @param solvability the solvability factors, including those the people imply (a named suspect, a witness)
     * @param victim      null for a crime against society with no victim
     * @param victimAge   the victim's age on the day of the offence, null when not known
     * @param flags       the flags the officer set (child at risk, weapon ...)
     * @param targetedBecause when the victim's own history shows them persistently targeted, why; null otherwise
     */
    public record Crime(OffenceGroup offence, String boroughCode, boolean domesticAbuse, boolean hate,
                        Set<SeriousOffence> seriousOffences, Set<SolvabilityFactor> solvability,
                        CrimeReport.Victim victim, Integer victimAge, Set<CrimeFlag> flags, String targetedBecause) {
        public Crime {
            seriousOffences = Set.copyOf(seriousOffences);
            solvability = Set.copyOf(solvability);
            flags = flags == null ? Set.of() : Set.copyOf(flags);
        }

        /** A crime with no flags beyond domestic abuse and hate, and no history of targeting known. */
        public Crime(OffenceGroup offence, String boroughCode, boolean domesticAbuse, boolean hate,
                     Set<SeriousOffence> seriousOffences, Set<SolvabilityFactor> solvability,
                     CrimeReport.Victim victim, Integer victimAge) {
            this(offence, boroughCode, domesticAbuse, hate, seriousOffences, solvability, victim, victimAge, Set.of(),
                    null);
        }
    }

    /** The investigators who could take a crime needing this specialism in this borough (or a central unit). */
    @FunctionalInterface
    public interface Investigators {
        List<Allocation.Candidate> candidates(String boroughCode, Specialism specialism, boolean central);

        /** The crime's team, with the neighbouring boroughs' and the duty detectives for an urgent crime. */
        default Allocation.Pool pool(String boroughCode, Specialism specialism, boolean central, Priority priority) {
            return Allocation.Pool.of(candidates(boroughCode, specialism, central));
        }
    }

    /** A contact with the victim that recording itself makes (needs assessment, personal statement, referral). */
    public record Contact(String kind, String result) {
    }

    /**
     * The decisions. {@code need} and {@code allocation} are null for a screened-out crime; {@code entitlement} is
     * null and the lists empty when there is no victim. {@code metAtRecording} are the deadlines recording meets.
     */
    public record Decisions(Screening.Facts facts, Screening.Decision screening, Allocation.Need need,
                            Allocation.Decision allocation, VictimsCodeEntitlement.Decision entitlement,
                            List<VictimsCodeDeadlines.Deadline> deadlines, Set<VictimsCodeDeadlines.Kind> metAtRecording,
                            List<Contact> contacts) {

        public boolean metAtRecording(VictimsCodeDeadlines.Deadline d) {
            return metAtRecording.contains(d.kind());
        }
    }

    /** Decides everything for a crime recorded on {@code today} (allocating as at the start of the day). */
    public static Decisions decide(Crime c, LocalDate today, Screening.Settings screening, Allocation.Policy policy,
                                   Investigators investigators) {
        return decide(c, today.atStartOfDay(), screening, policy, investigators);
    }

    /** Decides everything for a crime recorded {@code now}: allocation at recording by {@link Allocation#allocate(Allocation.Need, Allocation.Pool, Allocation.Policy, java.time.LocalDateTime)}. */
    public static Decisions decide(Crime c, java.time.LocalDateTime now, Screening.Settings screening,
                                   Allocation.Policy policy, Investigators investigators) {
        LocalDate today = now.toLocalDate();
        CrimeReport.Victim victim = c.victim();
        Integer age = c.victimAge();
        // a victim their own history shows persistently targeted is treated as vulnerable too
        Screening.Facts facts = new Screening.Facts(c.offence(), c.solvability(), c.seriousOffences(), c.domesticAbuse(),
                c.hate(), victim != null && (victim.vulnerable() || c.targetedBecause() != null), age != null && age < 18,
                c.flags());
        Screening.Decision screened = Screening.screen(facts, screening);

        Allocation.Need need = null;
        Allocation.Decision allocated = null;
        if (screened instanceof Screening.ScreenedIn in) {
            need = new Allocation.Need(c.boroughCode(), in.pipLevel(), in.specialism(), in.priority(), facts.rape());
            allocated = Allocation.allocate(need, investigators.pool(c.boroughCode(), in.specialism(),
                    policy.centralSpecialisms().contains(in.specialism()), in.priority()), policy, now);
        }

        if (victim == null) {
            return new Decisions(facts, screened, need, allocated, null, List.of(), Set.of(), List.of());
        }
        VictimsCodeEntitlement.Facts entitled = new VictimsCodeEntitlement.Facts(
                c.offence(), c.seriousOffences(), c.domesticAbuse(), c.hate(), !victim.business(),
                victim.bereavedCloseRelative(), age, victim.evidenceAffected(), victim.inFearOfTestifying(),
                victim.persistentlyTargeted(), c.flags(), c.targetedBecause());
        VictimsCodeEntitlement.Decision entitlement = VictimsCodeEntitlement.decide(entitled);
        VictimsCodeEntitlement.Referral referral = VictimsCodeEntitlement.referral(entitled, victim.declinesReferral(), null);
        List<VictimsCodeDeadlines.Deadline> deadlines = VictimsCodeDeadlines.atReport(today, entitlement.service(),
                screened instanceof Screening.ScreenedOut, referral);
        boolean statementOffered = victim.personalStatement() != CrimeReport.PersonalStatement.NOT_YET_OFFERED;
        // the recording form asks the needs-assessment questions, so recording meets that deadline
        Set<VictimsCodeDeadlines.Kind> met = statementOffered
                ? Set.of(VictimsCodeDeadlines.Kind.NEEDS_ASSESSMENT, VictimsCodeDeadlines.Kind.PERSONAL_STATEMENT_OFFER)
                : Set.of(VictimsCodeDeadlines.Kind.NEEDS_ASSESSMENT);
        List<Contact> contacts = new ArrayList<>();
        contacts.add(new Contact("NEEDS_ASSESSMENT", entitlement.service().name()));
        if (statementOffered) {
            contacts.add(new Contact("PERSONAL_STATEMENT", victim.personalStatement().name()));
        }
        if (victim.declinesReferral()) {
            contacts.add(new Contact("REFERRAL", "DECLINED"));
        }
        return new Decisions(facts, screened, need, allocated, entitlement, deadlines, met, List.copyOf(contacts));
    }
}
