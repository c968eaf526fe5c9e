package org.peel.investigation;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

import static org.peel.common.Settings.number;

/**
 * Whether a victim is persistently targeted, decided from their own history when a crime is recorded: the Victims'
 * Code gives enhanced entitlements to victims "targeted repeatedly over a period", but its exact wording is not
 * confirmed, so how many crimes over how long is local practice, set in a {@link Policy}. Peel's default is 3 or
 * more earlier crimes against the same victim recorded in the 12 months before this one. "The same victim" is decided
 * by the store (exact name and date of birth, optionally widened through resolved persons); this rule only counts.
 */
public final class PersistentTargeting {

    private PersistentTargeting() {
    }

    /**
     * How many earlier crimes within how many months make a victim persistently targeted, and whether earlier records
     * are also found through identity resolution (off by default: on the synthetic force, resolved persons still join
     * different people too often, and a false history would change the victim's service).
     */
    public record Policy(int crimes, int months, boolean throughResolvedPersons) {
        public Policy {
            if (crimes < 1 || months < 1) {
                throw new IllegalArgumentException("The persistent-targeting policy needs at least 1 crime in at least 1 month");
            }
        }

        public static Policy defaults() {
            // through resolved persons, as the ASB first call does: linkage keeps households apart (pairwise
            // precision 0.99 on the synthetic force), and a victim recorded three ways is still one victim
            return new Policy(3, 12, true);
        }

        /**
         * From {@code PEEL_PERSISTENT_TARGETING_CRIMES}, {@code PEEL_PERSISTENT_TARGETING_MONTHS} and
         * {@code PEEL_PERSISTENT_TARGETING_MATCH} ({@code resolved}, the default, or {@code exact}).
         */
        public static Policy from(java.util.Map<String, String> environment) {
            Policy d = defaults();
            String match = environment.getOrDefault("PEEL_PERSISTENT_TARGETING_MATCH", "resolved").strip();
            if (!match.equals("exact") && !match.equals("resolved")) {
                throw new IllegalArgumentException("PEEL_PERSISTENT_TARGETING_MATCH must be exact or resolved, not '" + match + "'");
            }
            return new Policy(number(environment, "PEEL_PERSISTENT_TARGETING_CRIMES", d.crimes()),
                    number(environment, "PEEL_PERSISTENT_TARGETING_MONTHS", d.months()), match.equals("resolved"));
        }

    }

    /** An earlier crime against the same victim, and how the victim was matched to it. */
    public record EarlierCrime(String crimeId, LocalDateTime recordedAt, String offenceGroup, String matchedOn) {
    }

    /** The decision: the earlier crimes counted, and the reason when they are enough ({@code null} otherwise). */
    public record Decision(boolean persistentlyTargeted, List<EarlierCrime> counted, String reason) {
    }

    /** The window's first moment: {@code months} before the recording time. */
    public static LocalDateTime since(LocalDateTime recordedAt, Policy policy) {
        return recordedAt.minusMonths(policy.months());
    }

    /**
     * Counts the earlier crimes recorded in the window before {@code recordedAt} (not at or after it). The reason
     * names no other crime: those may lie outside what the reader of this one may see.
     */
    public static Decision decide(List<EarlierCrime> earlier, LocalDateTime recordedAt, Policy policy) {
        LocalDateTime since = since(recordedAt, policy);
        List<EarlierCrime> counted = earlier.stream()
                .filter(c -> !c.recordedAt().isBefore(since) && c.recordedAt().isBefore(recordedAt))
                .sorted(Comparator.comparing(EarlierCrime::recordedAt).thenComparing(EarlierCrime::crimeId))
                .toList();
        if (counted.size() < policy.crimes()) {
            return new Decision(false, counted, null);
        }
        String reason = counted.size() + " earlier crime" + (counted.size() == 1 ? "" : "s") + " against this victim since "
                + since.toLocalDate() + "; " + policy.crimes() + " or more in " + policy.months() + " months is persistent targeting (local practice)";
        return new Decision(true, counted, reason);
    }
}
