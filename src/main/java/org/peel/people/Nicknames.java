package org.peel.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Given names that are the same name in another form ("Bill" is William, "Peggy" is Margaret), from the table in
 * {@code nicknames.txt}. A table, not a rule, because no spelling rule turns Margaret into Peggy.
 */
public final class Nicknames implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final Nicknames STANDARD = load("nicknames.txt");

    private final Map<String, Set<Integer>> groupsOfName;

    private Nicknames(Map<String, Set<Integer>> groupsOfName) {
        this.groupsOfName = groupsOfName;
    }

    /** The table that ships with Peel. */
    public static Nicknames standard() {
        return STANDARD;
    }

    /** True when the two (normalised, lower-case) names are different forms of one name in the table. */
    public boolean sameName(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return false;
        }
        Set<Integer> ga = groupsOfName.getOrDefault(a, Set.of());
        if (ga.isEmpty()) {
            return false;
        }
        for (Integer g : groupsOfName.getOrDefault(b, Set.of())) {
            if (ga.contains(g)) {
                return true;
            }
        }
        return false;
    }

    private static Nicknames load(String resource) {
        Map<String, Set<Integer>> groups = new HashMap<>();
        try (InputStream in = Nicknames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("nickname table " + resource + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int group = 0;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String[] others = line.substring(colon + 1).split(",");
                add(groups, line.substring(0, colon), group);
                for (String o : others) {
                    add(groups, o, group);
                }
                group++;
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        groups.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return new Nicknames(Map.copyOf(groups));
    }

    private static void add(Map<String, Set<Integer>> groups, String name, int group) {
        String n = PreparedRecord.name(name);
        if (n != null) {
            groups.computeIfAbsent(n, k -> new HashSet<>()).add(group);
        }
    }
}
