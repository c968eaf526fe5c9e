package org.peel.synthetic;

import org.peel.investigation.SeriousOffence;
import org.peel.investigation.SolvabilityFactor;
import org.peel.prevention.AsbQuestionnaire;

import java.util.EnumSet;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * What the officer or call handler learned when a generated crime or ASB incident was recorded: the crime's
 * solvability factors, serious offences and the victim's answers to the needs assessment, and an ASB victim's
 * answers to the first-call risk questionnaire. They are what screening, the Victims' Code and the ASB risk
 * assessment decide on, so the generated force goes through the same rules as a recorded one.
 *
 * <p>The generator's settings for these facts are the rates below. None is published for any force; they are
 * chosen so that screening keeps about a third of volume crime and most violent and sexual crime, and so that
 * a minority of ASB victims are graded medium or high. Each fact is drawn from its own random streams
 * ("crime-report", "asb-call"), so adding them changed no other record.
 */
final class RecordingFacts {

    static final Table CRIME_REPORT = Table.of("synthetic_crime_report", "crime_id", "solvability_factors",
            "serious_offences", "victim_evidence_affected", "victim_in_fear", "victim_persistently_targeted",
            "victim_bereaved", "victim_declines_referral", "victim_personal_statement");
    static final Table ASB_CALL = Table.of("synthetic_asb_call", "asb_incident_id", "impact", "vulnerability",
            "targeted", "duration");

    /** A suspect described but not named, of crimes without a named suspect. */
    static final double SUSPECT_DESCRIBED = 0.20;
    /** CCTV may show the offence. */
    static final double CCTV = 0.18;
    /** A forensic opportunity: burglaries, and other crimes. */
    static final double FORENSIC_BURGLARY = 0.25;
    static final double FORENSIC_OTHER = 0.05;
    /** A suspect vehicle identified, of vehicle offences. */
    static final double VEHICLE_IDENTIFIED = 0.08;
    static final double PROPERTY_TRACEABLE = 0.05;
    static final double SIGNIFICANT_MODUS_OPERANDI = 0.03;
    /** Wounding or GBH with intent, of violence with injury; attempted murder, of violence with injury. */
    static final double WOUNDING_WITH_INTENT = 0.05;
    static final double ATTEMPTED_MURDER = 0.002;
    /** Arson endangering life, of criminal damage and arson; kidnap, of robbery; false imprisonment, of domestic crimes. */
    static final double ARSON_ENDANGERING_LIFE = 0.01;
    static final double KIDNAP = 0.001;
    static final double FALSE_IMPRISONMENT = 0.003;
    /** Victims whose evidence is likely to be affected by a disorder, impairment or disability. */
    static final double EVIDENCE_AFFECTED = 0.05;
    /** Victims in fear or distress about testifying: of domestic abuse, and of other crimes. */
    static final double IN_FEAR_DOMESTIC = 0.30;
    static final double IN_FEAR_OTHER = 0.05;
    /** Victims who say they are persistently targeted, beyond repeat domestic abuse (which always counts). */
    static final double PERSISTENTLY_TARGETED = 0.03;
    static final double DECLINES_REFERRAL = 0.40;
    /** The victim personal statement at recording: offered, declined, taken, not yet offered. */
    static final Weighted PERSONAL_STATEMENT = Weighted.of(0.55, 0.15, 0.05, 0.25);
    static final String[] PERSONAL_STATEMENTS = {"OFFERED", "DECLINED", "TAKEN", "NOT_YET_OFFERED"};

    /** ASB impact on daily life: little, some, severe. */
    static final Weighted IMPACT = Weighted.of(0.45, 0.40, 0.15);
    /** Each personal vulnerability factor, in {@link AsbQuestionnaire.Vulnerability} order. */
    static final double[] VULNERABILITY = {0.06, 0.06, 0.08, 0.10, 0.10, 0.02};
    /** The victim feels targeted: personal ASB, and other categories. */
    static final double TARGETED_PERSONAL = 0.50;
    static final double TARGETED_OTHER = 0.15;
    /** How long it has gone on, for a first-time and for a repeat victim: once, weeks, months, longer. */
    static final Weighted DURATION_FIRST = Weighted.of(0.40, 0.30, 0.22, 0.08);
    static final Weighted DURATION_REPEAT = Weighted.of(0.05, 0.20, 0.45, 0.30);

    private RecordingFacts() {
    }

    /**
     * Writes what was known when a crime was recorded.
     *
     * @param offenceGroup     the Home Office group as the generator names it
     * @param victim           whether the crime has a victim (the victim columns are empty without one)
     * @param repeatDomestic   a domestic abuse victim abused before this year's earlier crimes
     */
    static java.util.Set<SeriousOffence> crime(TableOutput out, SplittableRandom rnd, String crimeId, String offenceGroup, boolean domestic,
                      boolean suspectNamed, boolean witness, boolean victim, boolean repeatDomestic) {
        String g = offenceGroup.toLowerCase(java.util.Locale.ROOT);
        EnumSet<SolvabilityFactor> factors = EnumSet.noneOf(SolvabilityFactor.class);
        if (suspectNamed) {
            factors.add(SolvabilityFactor.SUSPECT_NAMED);
        } else if (rnd.nextDouble() < SUSPECT_DESCRIBED) {
            factors.add(SolvabilityFactor.SUSPECT_DESCRIBED);
        }
        if (witness) {
            factors.add(SolvabilityFactor.WITNESS);
        }
        if (rnd.nextDouble() < CCTV) {
            factors.add(SolvabilityFactor.CCTV);
        }
        if (rnd.nextDouble() < (g.contains("burglary") ? FORENSIC_BURGLARY : FORENSIC_OTHER)) {
            factors.add(SolvabilityFactor.FORENSIC_OPPORTUNITY);
        }
        if (g.startsWith("vehicle") && rnd.nextDouble() < VEHICLE_IDENTIFIED) {
            factors.add(SolvabilityFactor.VEHICLE_IDENTIFIED);
        }
        if (rnd.nextDouble() < PROPERTY_TRACEABLE) {
            factors.add(SolvabilityFactor.PROPERTY_TRACEABLE);
        }
        if (rnd.nextDouble() < SIGNIFICANT_MODUS_OPERANDI) {
            factors.add(SolvabilityFactor.SIGNIFICANT_MODUS_OPERANDI);
        }
        EnumSet<SeriousOffence> serious = EnumSet.noneOf(SeriousOffence.class);
        double draw = rnd.nextDouble();
        if (g.equals("violence with injury")) {
            if (draw < ATTEMPTED_MURDER) {
                serious.add(SeriousOffence.ATTEMPTED_MURDER);
            } else if (draw < ATTEMPTED_MURDER + WOUNDING_WITH_INTENT) {
                serious.add(SeriousOffence.WOUNDING_WITH_INTENT);
            }
        } else if (g.startsWith("criminal damage") && draw < ARSON_ENDANGERING_LIFE) {
            serious.add(SeriousOffence.ARSON_ENDANGERING_LIFE);
        } else if (g.equals("robbery") && draw < KIDNAP) {
            serious.add(SeriousOffence.KIDNAP);
        } else if (domestic && draw < FALSE_IMPRISONMENT) {
            serious.add(SeriousOffence.FALSE_IMPRISONMENT);
        }
        out.text(crimeId).text(array(factors)).text(array(serious));
        if (!victim) {
            out.nothing().nothing().nothing().nothing().nothing().nothing().end();
            return serious;
        }
        boolean bereaved = g.equals("homicide") || g.startsWith("death or serious injury");
        out.bool(rnd.nextDouble() < EVIDENCE_AFFECTED)
                .bool(rnd.nextDouble() < (domestic ? IN_FEAR_DOMESTIC : IN_FEAR_OTHER))
                .bool(repeatDomestic || rnd.nextDouble() < PERSISTENTLY_TARGETED)
                .bool(bereaved)
                .bool(rnd.nextDouble() < DECLINES_REFERRAL)
                .text(PERSONAL_STATEMENTS[PERSONAL_STATEMENT.draw(rnd)]).end();
        return serious;
    }

    /** Writes an ASB victim's answers to the first-call risk questionnaire. */
    static void asbCall(TableOutput out, SplittableRandom rnd, String incidentId, boolean personal, boolean repeatVictim) {
        AsbQuestionnaire.Impact impact = AsbQuestionnaire.Impact.values()[IMPACT.draw(rnd)];
        EnumSet<AsbQuestionnaire.Vulnerability> vulnerable = EnumSet.noneOf(AsbQuestionnaire.Vulnerability.class);
        AsbQuestionnaire.Vulnerability[] all = AsbQuestionnaire.Vulnerability.values();
        for (int i = 0; i < all.length; i++) {
            if (rnd.nextDouble() < VULNERABILITY[i]) {
                vulnerable.add(all[i]);
            }
        }
        boolean targeted = rnd.nextDouble() < (personal ? TARGETED_PERSONAL : TARGETED_OTHER);
        AsbQuestionnaire.Duration duration = AsbQuestionnaire.Duration.values()[
                (repeatVictim ? DURATION_REPEAT : DURATION_FIRST).draw(rnd)];
        out.text(incidentId).text(impact.name()).text(array(vulnerable)).bool(targeted).text(duration.name()).end();
    }

    /** A PostgreSQL array literal of enum names, in declaration order. */
    private static String array(EnumSet<? extends Enum<?>> values) {
        StringJoiner j = new StringJoiner(",", "{", "}");
        values.forEach(v -> j.add(v.name()));
        return j.toString();
    }
}
