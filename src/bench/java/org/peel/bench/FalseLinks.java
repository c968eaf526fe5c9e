package org.peel.bench;

import org.peel.people.IdentityResolution;
import org.peel.people.PersonDetails;
import org.peel.people.ScoredPair;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The links Peel made between records of two different true persons, sorted into the kinds a force worries about,
 * judged from what the two records show (the truth says only that they are different people):
 * <ul>
 *   <li>{@code twins}: same date of birth, surname and address, different given name;</li>
 *   <li>{@code father_and_son}: same given name, surname and address, different dates of birth (Jr and Sr);</li>
 *   <li>{@code household}: otherwise the same surname and address;</li>
 *   <li>{@code common_name}: same given name, surname and year of birth, not at one address;</li>
 *   <li>{@code other}: anything else.</li>
 * </ul>
 * A link is a pair scored at or above the threshold for the same person; records joined only through others are
 * not counted here (the precision counts them).
 */
final class FalseLinks {

    static final List<String> KINDS = List.of("twins", "father_and_son", "household", "common_name", "other");

    private FalseLinks() {
    }

    static Map<String, Long> count(IdentityResolution.Resolution r, List<String> entities) {
        Map<String, Long> counts = new LinkedHashMap<>();
        KINDS.forEach(k -> counts.put(k, 0L));
        double upper = org.peel.people.Clustering.standard().upper();
        for (ScoredPair p : r.scored()) {
            if (p.probability() >= upper
                    && !entities.get(p.left()).equals(entities.get(p.right()))) {
                counts.merge(kind(r.records().get(p.left()).details(), r.records().get(p.right()).details()), 1L,
                        Long::sum);
            }
        }
        return counts;
    }

    static String kind(PersonDetails a, PersonDetails b) {
        boolean surname = same(a.surname(), b.surname());
        boolean address = same(a.address(), b.address());
        boolean given = same(first(a.givenName()), first(b.givenName()));
        boolean dob = a.dob() != null && a.dob().equals(b.dob());
        if (surname && address && dob && !given) {
            return "twins";
        }
        if (surname && address && given && a.dob() != null && b.dob() != null && !dob) {
            return "father_and_son";
        }
        if (surname && address) {
            return "household";
        }
        if (surname && given && a.dob() != null && b.dob() != null && a.dob().getYear() == b.dob().getYear()) {
            return "common_name";
        }
        return "other";
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && Objects.equals(normal(a), normal(b));
    }

    private static String first(String given) {
        if (given == null) {
            return null;
        }
        String g = given.trim();
        int space = g.indexOf(' ');
        return space < 0 ? g : g.substring(0, space);
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
