package org.peel.opendata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Police forces as the public sources spell them. Codes match first; names match after normalising the ways the
 * sources differ: "Devon &amp; Cornwall" / "Devon and Cornwall", "London, City of" / "City of London",
 * "Avon and Somerset Constabulary" / "Avon and Somerset", "Metropolitan Police Service" / "Metropolitan Police".
 */
public final class ForceNames {

    /** A force Peel knows: its code, name, and whether it is one of the 43 territorial forces. */
    public record Force(String code, String name, boolean territorial) {
    }

    // Bodies in the Home Office tables that are not police forces; their rows are fraud recorded centrally.
    private static final List<String> NOT_FORCES = List.of("action fraud", "cifas", "uk finance");

    private final Map<String, Force> byCode = new HashMap<>();
    private final Map<String, Force> byName = new HashMap<>();

    public ForceNames(List<Force> forces) {
        for (Force f : forces) {
            byCode.put(f.code().toUpperCase(Locale.ROOT), f);
            byName.put(normalise(f.name()), f);
        }
        Force psni = byCode.get("PSNI");
        if (psni != null) {
            byName.put(normalise("Northern Ireland"), psni);
        }
    }

    /** The force with this code, or failing that this name; empty when neither matches. */
    public Optional<Force> match(String code, String name) {
        if (code != null && !code.isBlank()) {
            Force f = byCode.get(code.strip().toUpperCase(Locale.ROOT));
            if (f != null) {
                return Optional.of(f);
            }
        }
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(normalise(name)));
    }

    public Optional<Force> byName(String name) {
        return match(null, name);
    }

    public Optional<Force> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    public List<Force> all() {
        return new ArrayList<>(byCode.values());
    }

    /** True for the central fraud bodies (Action Fraud, CIFAS, UK Finance), which are not forces at all. */
    public static boolean isFraudBody(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return NOT_FORCES.stream().anyMatch(n::endsWith);
    }

    /**
     * Lower case, accents and punctuation gone, "&amp;" read as "and", "X, City of" turned round, and the words
     * that only say it is a police force ("Police", "Constabulary", "Service") dropped.
     */
    public static String normalise(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).strip();
        int comma = n.indexOf(", city of");
        if (comma > 0) {
            n = "city of " + n.substring(0, comma);
        }
        n = n.replace("&", " and ").replaceAll("[^a-z0-9]+", " ").strip();
        n = n.replaceAll("^police service of ", "");
        n = n.replaceAll("( (police|constabulary|service|force))+$", "");
        return n.replaceAll("\\s+", " ").strip();
    }
}
