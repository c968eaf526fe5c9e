package org.peel.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which pairs are worth comparing at all: two records are a candidate pair under this rule when their keys are
 * equal. Comparing every pair of a million records is half a trillion comparisons; blocking makes it a few
 * million. Several rules are OR-ed together ({@link CandidatePairs}) so that a pair missed by one (a mistyped date
 * of birth) is caught by another (surname and forename sound the same).
 *
 * @param name        what the rule says, for reports
 * @param key         the blocking key of a record, or null when the record lacks what the rule needs
 * @param comparisons the comparisons the rule is built on; when estimating m from this rule's pairs these are
 *                    left out, because the rule made them agree
 * @param implies     for a rule that is exactly one comparison's level (same date of birth is dob "exact"), that
 *                    comparison and level; null otherwise. The share of matches the rule catches is then that
 *                    level's m, which tells how many matches there are in all
 * @param trains      whether the rule's pairs are used to estimate m. A rule on what a household shares (address,
 *                    postcode with surname, a landline) finds mostly pairs of one household; expectation-maximisation
 *                    on them learns "lives together" as the match class, and then a different forename or date of
 *                    birth hardly counts against a match. Such rules still find candidate pairs, but do not train
 */
public record BlockingRule(String name, Function<PreparedRecord, String> key, Set<String> comparisons,
                           Implied implies, boolean trains) {

    /** A comparison and the index of one of its levels. */
    public record Implied(String comparison, int level) {
    }

    public BlockingRule(String name, Function<PreparedRecord, String> key, Set<String> comparisons) {
        this(name, key, comparisons, null, true);
    }

    public BlockingRule(String name, Function<PreparedRecord, String> key, Set<String> comparisons, Implied implies) {
        this(name, key, comparisons, implies, true);
    }

    /** The same rule, finding candidate pairs but not used to estimate m (see {@code trains}). */
    public BlockingRule householdShared() {
        return new BlockingRule(name, key, comparisons, implies, false);
    }

    /** The rules Peel uses by default. */
    public static List<BlockingRule> standard() {
        return List.of(
                new BlockingRule("same date of birth",
                        r -> r.dobNumber() == 0 ? null : Integer.toString(r.dobNumber()), Set.of("dob"),
                        new Implied("dob", FieldComparison.DateOfBirth.EXACT)),
                new BlockingRule("surname and given name sound the same",
                        r -> r.surnameSound == null || r.givenSound == null ? null : r.surnameSound + "|" + r.givenSound,
                        Set.of("surname", "given_name")),
                new BlockingRule("given name sounds the same, same postcode",
                        r -> r.givenSound == null || r.postcode == null ? null : r.givenSound + "|" + r.postcode,
                        Set.of("given_name", "postcode")),
                // with the surname's first letter: on its own, a common forename and a year of birth make blocks
                // of thousands in a large force
                new BlockingRule("given name sounds the same, same surname initial, same year of birth",
                        r -> r.givenSound == null || r.surname == null || r.year == 0 ? null
                                : r.givenSound + "|" + r.surname.charAt(0) + "|" + r.year,
                        Set.of("given_name", "surname", "dob")),
                new BlockingRule("surname sounds the same, same postcode",
                        r -> r.surnameSound == null || r.postcode == null ? null : r.surnameSound + "|" + r.postcode,
                        Set.of("surname", "postcode")).householdShared(),
                new BlockingRule("given name sounds the same, same town",
                        r -> r.givenSound == null || r.city == null ? null : r.givenSound + "|" + r.city,
                        Set.of("given_name", "city")),
                // one household: catches names swapped, mistyped or changed by marriage at the same address
                new BlockingRule("same postcode and house number",
                        r -> r.postcode == null || r.houseNumber == null ? null : r.postcode + "|" + r.houseNumber,
                        Set.of("postcode", "address")).householdShared(),
                new BlockingRule("same email", PreparedRecord::email, Set.of("email"),
                        new Implied("email", FieldComparison.Email.EXACT)),
                new BlockingRule("same phone", PreparedRecord::phone, Set.of("phone"),
                        new Implied("phone", FieldComparison.Phone.EXACT)).householdShared(),
                // last, so that it adds only what the rules above miss: a given name and surname written in each
                // other's boxes
                new BlockingRule("given name and surname sound the same, either way round",
                        r -> r.surnameSound == null || r.givenSound == null ? null
                                : r.surnameSound.compareTo(r.givenSound) < 0 ? r.surnameSound + "|" + r.givenSound
                                : r.givenSound + "|" + r.surnameSound,
                        Set.of("surname", "given_name")));
    }

    /**
     * The rules for a whole nation's records: the standard ones, but the town rule also needs the same surname
     * initial, and the two rules on names that sound alike also need part of the date of birth. A town holds a fixed
     * number of people with a given name that sounds alike, so on its own that rule's blocks grow with the records and
     * its pairs with their square (at 100,000 synthetic records over five forces it yields 7.4 of the 8.6 million
     * candidate pairs, with blocks of over a thousand); the surname initial divides them by about twenty. A nation
     * holds thousands of John Smiths, so the name rules alone give blocks of hundreds at 100,000 records (1.2 million
     * pairs each) and of thousands at a million (over a hundred million each). Split by the year of birth, and again
     * by the day and month, they keep every pair whose dates share the year or the day and month (a slip of the year,
     * the day or the month, day and month transposed, a birthday moved within the year), as the standard rule does;
     * pairs whose dates share neither (moved over a year's end) or are missing are left to the rules on postcode,
     * town, email and phone. Both engines, the force's and the
     * national one, run whichever set they are given.
     */
    public static List<BlockingRule> national() {
        List<BlockingRule> rules = new ArrayList<>();
        for (BlockingRule rule : standard()) {
            switch (rule.name()) {
                case "given name sounds the same, same town" ->
                        rules.add(new BlockingRule("given name sounds the same, same surname initial, same town",
                                r -> r.givenSound == null || r.surname == null || r.city == null ? null
                                        : r.givenSound + "|" + r.surname.charAt(0) + "|" + r.city,
                                Set.of("given_name", "surname", "city")));
                case "surname and given name sound the same" -> {
                    rules.add(new BlockingRule("surname and given name sound the same, same year of birth",
                            r -> r.surnameSound == null || r.givenSound == null || r.year == 0 ? null
                                    : r.surnameSound + "|" + r.givenSound + "|" + r.year,
                            Set.of("surname", "given_name", "dob")));
                    rules.add(new BlockingRule("surname and given name sound the same, same day and month of birth",
                            r -> r.surnameSound == null || r.givenSound == null || r.year == 0 ? null
                                    : r.surnameSound + "|" + r.givenSound + "|" + r.month + "-" + r.day,
                            Set.of("surname", "given_name", "dob")));
                }
                case "given name and surname sound the same, either way round" ->
                        rules.add(new BlockingRule(
                                "given name and surname sound the same, either way round, same year of birth",
                                r -> r.surnameSound == null || r.givenSound == null || r.year == 0 ? null
                                        : (r.surnameSound.compareTo(r.givenSound) < 0
                                        ? r.surnameSound + "|" + r.givenSound
                                        : r.givenSound + "|" + r.surnameSound) + "|" + r.year,
                                Set.of("surname", "given_name", "dob")));
                default -> rules.add(rule);
            }
        }
        return List.copyOf(rules);
    }

    /** Each record's key under this rule (null where the record lacks what the rule needs). */
    String[] keys(List<PreparedRecord> records) {
        String[] keys = new String[records.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key.apply(records.get(i));
        }
        return keys;
    }

    /** Records grouped by key, each group in record order; records without a key are in no group. */
    static List<int[]> blocks(String[] keys) {
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                groups.computeIfAbsent(keys[i], k -> new ArrayList<>(2)).add(i);
            }
        }
        List<int[]> blocks = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            if (g.size() > 1) {
                blocks.add(g.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return blocks;
    }
}
