package org.peel.organisedcrime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Intelligence grading under the national schemes (reference/standards.md 18.2). 3x5x2, in use since about 2016:
 * source evaluation 1 reliable, 2 untested, 3 not reliable; intelligence assessment A known directly to the source,
 * B known indirectly but corroborated, C known indirectly, D not known, E suspected to be false; handling P lawful
 * sharing permitted, C lawful sharing permitted with conditions (which must then be given). 5x5x5 is kept for
 * historic intelligence: source A to E, intelligence 1 to 5, handling 1 to 5. Which scheme new submissions use is
 * configuration ({@code PEEL_INTEL_GRADING}).
 */
public final class IntelligenceGrading {

    /** A grading scheme: its name and the meaning of each grade on its three scales. */
    public record Scheme(String name, Map<String, String> source, Map<String, String> intelligence,
                         Map<String, String> handling) {
    }

    public static final Scheme THREE_FIVE_TWO = new Scheme("3x5x2",
            ordered("1", "reliable", "2", "untested", "3", "not reliable"),
            ordered("A", "known directly to the source", "B", "known indirectly to the source but corroborated",
                    "C", "known indirectly to the source", "D", "not known", "E", "suspected to be false"),
            ordered("P", "lawful sharing permitted", "C", "lawful sharing permitted with conditions"));

    public static final Scheme FIVE_FIVE_FIVE = new Scheme("5x5x5",
            ordered("A", "always reliable", "B", "mostly reliable", "C", "sometimes reliable", "D", "unreliable",
                    "E", "untested source"),
            ordered("1", "known to be true without reservation", "2", "known personally to the source but not to the"
                    + " officer", "3", "not known personally to the source but corroborated", "4", "cannot be"
                    + " judged", "5", "suspected to be false"),
            ordered("1", "may be disseminated to other law enforcement agencies", "2", "may be disseminated to UK"
                    + " non-prosecuting parties", "3", "may be disseminated to non-UK law enforcement agencies",
                    "4", "may be disseminated within the originating agency only", "5", "no further dissemination;"
                    + " refer to the originator"));

    /** The grade as given, and what is wrong with it (empty when it is a valid grade under the scheme). */
    public record Grade(String scheme, String source, String intelligence, String handling, String conditions,
                        Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }

        /** The grade as officers write it, for example {@code 1/B/P} or {@code 2/C/C}. */
        public String code() {
            return source + "/" + intelligence + "/" + handling;
        }
    }

    private IntelligenceGrading() {
    }

    public static Scheme scheme(String name) {
        return switch (name == null ? "" : name.strip()) {
            case "3x5x2", "" -> THREE_FIVE_TWO;
            case "5x5x5" -> FIVE_FIVE_FIVE;
            default -> throw new IllegalArgumentException("PEEL_INTEL_GRADING must be 3x5x2 or 5x5x5, not '" + name + "'");
        };
    }

    /**
     * Checks a grade against its scheme: each code on its scale (letters in either case), and under 3x5x2 the
     * handling conditions given when, and only when, the handling code is C. Errors are keyed by form field.
     */
    public static Grade grade(Scheme scheme, String source, String intelligence, String handling, String conditions) {
        String s = norm(source);
        String i = norm(intelligence);
        String h = norm(handling);
        String c = conditions == null || conditions.isBlank() ? null : conditions.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!scheme.source().containsKey(s)) {
            errors.put("sourceGrade", "Grade the source " + choices(scheme.source()));
        }
        if (!scheme.intelligence().containsKey(i)) {
            errors.put("intelligenceGrade", "Grade the intelligence " + choices(scheme.intelligence()));
        }
        if (!scheme.handling().containsKey(h)) {
            errors.put("handlingCode", "Give the handling code " + choices(scheme.handling()));
        } else if (scheme == THREE_FIVE_TWO && "C".equals(h) && c == null) {
            errors.put("handlingConditions", "Handling code C means sharing with conditions: state the conditions");
        } else if (scheme == THREE_FIVE_TWO && "P".equals(h) && c != null) {
            errors.put("handlingConditions", "Handling code P has no conditions: choose C to attach them");
        }
        return new Grade(scheme.name(), s, i, h, c, errors);
    }

    private static String norm(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String choices(Map<String, String> scale) {
        List<String> out = new ArrayList<>();
        scale.forEach((k, v) -> out.add(k + " (" + v + ")"));
        return String.join(", ", out.subList(0, out.size() - 1)) + " or " + out.get(out.size() - 1);
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put(kv[k], kv[k + 1]);
        }
        return m;
    }
}
