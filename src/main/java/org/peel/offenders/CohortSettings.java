package org.peel.offenders;

import java.nio.file.Path;
import java.util.Map;

/**
 * The cohort rule's configuration, read from the environment once at start-up, with documented defaults:
 * <ul>
 *   <li>{@code PEEL_IOM_HALF_LIFE_DAYS} (365): an offence's weight halves for every this many days before the date
 *       the rule is run for (recency);</li>
 *   <li>{@code PEEL_IOM_LOOKBACK_DAYS} (1095, three years): offences older than this do not count at all;</li>
 *   <li>{@code PEEL_IOM_GRAVITY_FILE} (none): a CSV {@code offence_group,days} replacing the default gravity weights
 *       ({@link GravityWeights#standard()});</li>
 *   <li>{@code PEEL_IOM_CAPACITY} (30): a borough's cohort capacity until its own is set.</li>
 * </ul>
 */
public record CohortSettings(double halfLifeDays, int lookbackDays, GravityWeights gravity, int defaultCapacity) {

    public static final double HALF_LIFE_DAYS = 365;
    public static final int LOOKBACK_DAYS = 1095;
    public static final int CAPACITY = 30;

    public CohortSettings {
        if (!(halfLifeDays > 0)) {
            throw new IllegalArgumentException("PEEL_IOM_HALF_LIFE_DAYS must be more than 0");
        }
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("PEEL_IOM_LOOKBACK_DAYS must be at least 1");
        }
        if (defaultCapacity < 0) {
            throw new IllegalArgumentException("PEEL_IOM_CAPACITY must be 0 or more");
        }
    }

    public static CohortSettings defaults() {
        return new CohortSettings(HALF_LIFE_DAYS, LOOKBACK_DAYS, GravityWeights.standard(), CAPACITY);
    }

    public static CohortSettings from(Map<String, String> env) {
        String file = env.get("PEEL_IOM_GRAVITY_FILE");
        GravityWeights gravity = file == null || file.isBlank() ? GravityWeights.standard()
                : GravityWeights.fromCsv(Path.of(file.strip()));
        return new CohortSettings(number(env, "PEEL_IOM_HALF_LIFE_DAYS", HALF_LIFE_DAYS),
                (int) number(env, "PEEL_IOM_LOOKBACK_DAYS", LOOKBACK_DAYS), gravity,
                (int) number(env, "PEEL_IOM_CAPACITY", CAPACITY));
    }

    private static double number(Map<String, String> env, String name, double fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " must be a number, not '" + v.strip() + "'");
        }
    }
}
