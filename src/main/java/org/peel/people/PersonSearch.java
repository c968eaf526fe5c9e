package org.peel.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * Search before create: the persons a partly typed record most likely already is, with the match probability and
 * why, fast enough to run on every keystroke. An in-memory index of keys (date of birth, postcode, surname sound
 * with initial, surname sound, first three letters of the surname) finds candidates; the trained model scores them.
 * The smallest candidate lists are used first and the total is capped, so a common surname alone cannot make one
 * search slow.
 *
 * <p>When no date of birth is typed, an approximate age ({@link BirthYears}) can stand in for it: records of the
 * same surname sound and initial born in those decades are added to the candidates, and each record's birth year
 * adds log2(m ÷ u) bits when it falls in the range, where m is {@link #AGE_RIGHT} and u is the share of indexed
 * records with a date of birth born in those years. A year outside the range loses bits, the more the further it
 * lies outside (see {@link #ageBits}): a caller who says "about 40" of someone 45 is wrong more often than one who
 * says it of someone 70, so the namesake born just outside the range comes before the one born decades away.
 *
 * <p>{@link #namesakes} says how many indexed records share the typed forename and surname, or a surname that sounds
 * like it: a name alone cannot tell apart more people than that. {@link #namesakes(PersonDetails, BirthYears)} says
 * how many of those were born in the years an approximate age stands for: what a name and an age cannot.
 */
public final class PersonSearch implements SharedName.Counter {

    /** One likely existing record for the typed details. */
    public record Candidate(PersonDetails details, MatchExplanation why) {
        public double probability() {
            return why.match().probability();
        }
    }

    private static final int DEFAULT_CAP = 5_000;
    /**
     * How often a caller's approximate age puts the person in the years it stands for: an assumption, not trained,
     * since records hold dates of birth and never a caller's guess.
     */
    static final double AGE_RIGHT = 0.95;
    /**
     * How often the age misses the person's birth year by a few years: half of it either side, halving with every
     * year further out. An assumption, as {@link #AGE_RIGHT} is; the rest of the chance ({@link #AGE_FAR}) is spread
     * over all years outside the range alike, for the guess that is simply wrong.
     */
    static final double AGE_NEAR_MISS = 0.03;
    static final double AGE_FAR = 1 - AGE_RIGHT - AGE_NEAR_MISS;
    /** Birth years the year counts cover: {@code FIRST_YEAR} to {@code FIRST_YEAR + YEARS - 1}. */
    private static final int FIRST_YEAR = 1850;
    private static final int YEARS = 250;

    private final PreparedRecord[] records;
    private final Map<String, int[]> postings;
    private final MatchModel model;
    private final int cap;
    /** Records by name key ({@link #nameKey}): how many share each forename and surname sound, and their birth years. */
    private final Map<String, Name> names;
    /** Records with a date of birth, counted by birth year, cumulatively: {@code bornBy[y]} are born before y. */
    private final int[] bornBy;

    private PersonSearch(PreparedRecord[] records, Map<String, int[]> postings, MatchModel model, int cap,
                         Map<String, Name> names, int[] bornBy) {
        this.records = records;
        this.postings = postings;
        this.model = model;
        this.cap = cap;
        this.names = names;
        this.bornBy = bornBy;
    }

    public static PersonSearch of(List<PreparedRecord> records, MatchModel model) {
        Map<String, int[]> postings = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        Map<String, Name> names = new HashMap<>();
        int[] bornIn = new int[YEARS];
        for (PreparedRecord r : records) {
            for (String k : indexKeys(r)) {
                if (k != null) {
                    sizes.merge(k, 1, Integer::sum);
                }
            }
            String name = nameKey(r);
            if (name != null) {
                names.computeIfAbsent(name, k -> new Name()).count(r.year);
            }
            if (r.year != 0) {
                bornIn[Math.max(0, Math.min(YEARS - 1, r.year - FIRST_YEAR))]++;
            }
        }
        for (PreparedRecord r : records) {
            String name = r.year == 0 ? null : nameKey(r);
            if (name != null) {
                names.get(name).addYear(r.year);
            }
        }
        names.values().forEach(Name::sort);
        int[] bornBy = new int[YEARS + 1];
        for (int y = 0; y < YEARS; y++) {
            bornBy[y + 1] = bornBy[y] + bornIn[y];
        }
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            postings.put(e.getKey(), new int[e.getValue()]);
        }
        Map<String, Integer> filled = new HashMap<>(sizes.size() * 2);
        for (int i = 0; i < records.size(); i++) {
            for (String k : indexKeys(records.get(i))) {
                if (k != null) {
                    int at = filled.merge(k, 1, Integer::sum) - 1;
                    postings.get(k)[at] = i;
                }
            }
        }
        return new PersonSearch(records.toArray(PreparedRecord[]::new), postings, model, DEFAULT_CAP, names, bornBy);
    }

    /**
     * How many indexed records have the typed first forename and the typed surname or one that sounds the same
     * ("John Smyth" for "John Smith"): 0 when a forename or surname is missing. Records, not persons: two records of
     * one person are both counted. One look-up, whatever the index's size.
     */
    @Override
    public int namesakes(PersonDetails typed) {
        String name = nameKey(PreparedRecord.of(typed));
        Name n = name == null ? null : names.get(name);
        return n == null ? 0 : n.records;
    }

    /**
     * How many of the typed name's {@link #namesakes} were born in the years {@code born}: records with no date of
     * birth are not counted, since an approximate age scores them below every namesake born in those years (they
     * gain no bits, those born in them gain some) and so they cannot push one of those out of the first shown. One
     * look-up and two binary searches over the name's birth years, whatever the index's size.
     */
    @Override
    public int namesakes(PersonDetails typed, BirthYears born) {
        String name = nameKey(PreparedRecord.of(typed));
        Name n = name == null ? null : names.get(name);
        return n == null ? 0 : n.bornIn(born.from(), born.to());
    }

    /** The records offered for a name alone, most likely first, as the panel offers them. */
    @Override
    public List<PersonDetails> offered(PersonDetails name) {
        return top(name, SharedName.SHOWN, SharedName.OFFERED_AT).stream().map(Candidate::details).toList();
    }

    /**
     * Names one slip of the keyboard from the typed one that this index holds, each once by its key: a letter of the
     * first forename or of the surname left out, added, changed, or swapped with the next — the four single errors
     * behind most misspellings (Damerau, 1964). The typed name itself is not among them.
     */
    @Override
    public List<PersonDetails> slips(PersonDetails name) {
        PreparedRecord q = PreparedRecord.of(name);
        if (q.givenFirst == null || q.surnameJoined == null || q.surnameSound == null) {
            return List.of();
        }
        String typedKey = q.givenFirst + "|" + q.surnameSound;
        java.util.Set<String> seen = new java.util.HashSet<>();
        seen.add(typedKey);
        List<PersonDetails> out = new ArrayList<>();
        for (String surname : oneSlip(q.surnameJoined)) {
            String sound = PreparedRecord.surnameSoundOf(surname);
            String key = q.givenFirst + "|" + sound;
            if (sound != null && seen.add(key) && names.containsKey(key)) {
                out.add(PersonDetails.named("typed", q.givenFirst, surname, null));
            }
        }
        for (String given : oneSlip(q.givenFirst)) {
            String key = given + "|" + q.surnameSound;
            if (seen.add(key) && names.containsKey(key)) {
                out.add(PersonDetails.named("typed", given, q.surnameJoined, null));
            }
        }
        return out;
    }

    /** Every spelling one deletion, insertion, substitution or swap of neighbours from {@code word}, in a to z. */
    static java.util.Set<String> oneSlip(String word) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        StringBuilder b = new StringBuilder(word.length() + 1);
        for (int i = 0; i < word.length(); i++) {
            b.setLength(0);
            out.add(b.append(word, 0, i).append(word, i + 1, word.length()).toString());
            if (i + 1 < word.length()) {
                b.setLength(0);
                out.add(b.append(word, 0, i).append(word.charAt(i + 1)).append(word.charAt(i))
                        .append(word, i + 2, word.length()).toString());
            }
        }
        for (int i = 0; i <= word.length(); i++) {
            for (char c = 'a'; c <= 'z'; c++) {
                b.setLength(0);
                out.add(b.append(word, 0, i).append(c).append(word, i, word.length()).toString());
                if (i < word.length() && c != word.charAt(i)) {
                    b.setLength(0);
                    out.add(b.append(word, 0, i).append(c).append(word, i + 1, word.length()).toString());
                }
            }
        }
        out.remove(word);
        out.remove("");
        return out;
    }

    /** The namesakes that decide whether what was typed is shared ({@link SharedName#count}). */
    public SharedName.Namesakes shared(PersonDetails name, BirthYears born) {
        return SharedName.count(name, born, this);
    }

    /** The share of indexed records with a date of birth whose birth year is in {@code born}; 0 with none. */
    double shareBorn(BirthYears born) {
        int total = bornBy[YEARS];
        if (total == 0) {
            return 0;
        }
        int from = Math.max(0, Math.min(YEARS, born.from() - FIRST_YEAR));
        int to = Math.max(0, Math.min(YEARS, born.to() - FIRST_YEAR + 1));
        return (bornBy[to] - bornBy[from]) / (double) total;
    }

    /**
     * The bits an approximate age adds for a record: log2(m ÷ u) when its birth year is in {@code born}, 0 when it
     * has no date of birth. u is the share of records born in those years, kept away from 0 and 1 so that a range no
     * record (or every record) falls in still gives finite bits.
     *
     * <p>A year d years outside the range is the year of birth with chance n ÷ 2 × 2<sup>−d</sup> (n is
     * {@link #AGE_NEAR_MISS}) plus its part of {@link #AGE_FAR}; records are taken to be born in the years near the
     * range as often as in it (u ÷ w a year, w the range's years), so it adds
     * log2(n ÷ 2 × 2<sup>−d</sup> × w ÷ u + f ÷ (1 − u)) bits: nearly log2(f ÷ (1 − u)) for a year far away.
     */
    double ageBits(BirthYears born, int birthYear) {
        if (birthYear == 0) {
            return 0;
        }
        double[] mu = ageEvidence(born, birthYear);
        return TermFrequencies.log2(mu[0] / mu[1]);
    }

    /** The age's m and u for a birth year: in the range, for the range; outside it, for that one year. */
    private double[] ageEvidence(BirthYears born, int birthYear) {
        double u = Math.max(1e-4, Math.min(0.99, shareBorn(born)));
        if (born.contains(birthYear)) {
            return new double[]{AGE_RIGHT, u};
        }
        int years = born.to() - born.from() + 1;
        double uYear = u / years;
        double near = AGE_NEAR_MISS / 2 * Math.pow(2, -yearsOutside(born, birthYear));
        return new double[]{near + AGE_FAR * uYear / (1 - u), uYear};
    }

    private static int yearsOutside(BirthYears born, int birthYear) {
        return birthYear < born.from() ? born.from() - birthYear : birthYear - born.to();
    }

    /**
     * One name key's records: how many, and the birth years of those with a date of birth, ascending. Birth years
     * are kept as offsets from {@link #FIRST_YEAR} in a short each, so a million records add about 2 MB.
     */
    private static final class Name {
        private static final short[] NONE = new short[0];
        int records;
        private short[] years = NONE;
        private int filled;

        void count(int year) {
            records++;
            if (year != 0) {
                filled++;
            }
        }

        /** After every record is counted: the years of those with a date of birth, one at a time. */
        void addYear(int year) {
            if (years.length == 0) {
                years = new short[filled];
                filled = 0;
            }
            years[filled++] = (short) Math.max(0, Math.min(YEARS - 1, year - FIRST_YEAR));
        }

        void sort() {
            Arrays.sort(years);
        }

        /** Records born from {@code from} to {@code to}, inclusive. */
        int bornIn(int from, int to) {
            int lo = Math.max(0, from - FIRST_YEAR);
            int hi = Math.min(YEARS - 1, to - FIRST_YEAR);
            if (lo > hi || years.length == 0) {
                return 0;
            }
            return firstAtLeast(hi + 1) - firstAtLeast(lo);
        }

        private int firstAtLeast(int year) {
            int lo = 0;
            int hi = years.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (years[mid] < year) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private static String nameKey(PreparedRecord r) {
        return r.givenFirst == null || r.surnameSound == null ? null : r.givenFirst + "|" + r.surnameSound;
    }

    public int size() {
        return records.length;
    }

    /** The model the index scores with. */
    public MatchModel model() {
        return model;
    }

    /** The {@code limit} most likely records for the typed details, most likely first, above {@code minimum}. */
    public List<Candidate> top(PersonDetails typed, int limit, double minimum) {
        return top(typed, limit, minimum, i -> false);
    }

    /**
     * As {@link #top(PersonDetails, int, double)}, passing over the records at the index positions {@code skip}
     * holds: records since superseded by a later version held elsewhere.
     */
    public List<Candidate> top(PersonDetails typed, int limit, double minimum, IntPredicate skip) {
        return top(typed, null, limit, minimum, skip);
    }

    /**
     * As {@link #top(PersonDetails, int, double, IntPredicate)}, with an approximate age: {@code born} (null for
     * none) is scored only when no date of birth is typed.
     */
    public List<Candidate> top(PersonDetails typed, BirthYears born, int limit, double minimum, IntPredicate skip) {
        PreparedRecord query = PreparedRecord.of(typed);
        BirthYears age = query.year == 0 ? born : null;
        int[] candidates = candidates(query, age);
        PriorityQueue<double[]> best = new PriorityQueue<>(Comparator.comparingDouble(x -> x[0]));
        double floor = MatchWeight.weightOf(minimum);
        for (int i : candidates) {
            if (skip.test(i)) {
                continue;
            }
            double w = model.weight(query, records[i]) + (age == null ? 0 : ageBits(age, records[i].year));
            if (w < floor) {
                continue;
            }
            if (best.size() < limit) {
                best.add(new double[]{w, i});
            } else if (w > best.peek()[0]) {
                best.poll();
                best.add(new double[]{w, i});
            }
        }
        List<Candidate> out = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            PreparedRecord r = records[(int) best.poll()[1]];
            out.add(new Candidate(r.details(), explain(query, age, r)));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * The {@code limit} most likely persons for the typed details: each person once, represented by their record
     * that matches best, most likely first. {@code personOf} gives the person of the record at an index position.
     */
    public List<Candidate> topPersons(PersonDetails typed, int limit, double minimum,
                                      java.util.function.IntToLongFunction personOf) {
        PreparedRecord query = PreparedRecord.of(typed);
        double floor = MatchWeight.weightOf(minimum);
        Map<Long, double[]> bestOfPerson = new HashMap<>();
        for (int i : candidates(query, null)) {
            double w = model.weight(query, records[i]);
            if (w >= floor) {
                bestOfPerson.merge(personOf.applyAsLong(i), new double[]{w, i}, (a, b) -> a[0] >= b[0] ? a : b);
            }
        }
        return bestOfPerson.values().stream()
                .sorted((a, b) -> Double.compare(b[0], a[0]))
                .limit(limit)
                .map(best -> {
                    PreparedRecord r = records[(int) best[1]];
                    return new Candidate(r.details(), model.explain(query, r));
                })
                .toList();
    }

    /** Scores every record: what the index saves, kept for benchmarks and for checking the index's answers. */
    public double[] scoreAll(PersonDetails typed, int from, int to) {
        PreparedRecord query = PreparedRecord.of(typed);
        double[] w = new double[to - from];
        for (int i = from; i < to; i++) {
            w[i - from] = model.weight(query, records[i]);
        }
        return w;
    }

    /** The model's explanation, with the approximate age's bits as one more contribution when there is one. */
    private MatchExplanation explain(PreparedRecord query, BirthYears age, PreparedRecord r) {
        MatchExplanation why = model.explain(query, r);
        if (age == null || r.year == 0) {
            return why;
        }
        boolean within = age.contains(r.year);
        double[] mu = ageEvidence(age, r.year);
        double bits = TermFrequencies.log2(mu[0] / mu[1]);
        int outside = within ? 0 : yearsOutside(age, r.year);
        List<FieldContribution> contributions = new ArrayList<>(why.contributions());
        contributions.add(new FieldContribution("approximate age", within ? "within" : "outside",
                (within ? "Born within the years the age given stands for ("
                        : "Born " + outside + (outside == 1 ? " year" : " years") + " outside the years the age given"
                        + " stands for (") + age.describe() + ")", mu[0], mu[1], bits, 0));
        return new MatchExplanation(why.leftRecordId(), why.rightRecordId(), why.priorWeight(), contributions,
                MatchWeight.of(why.match().weight() + bits));
    }

    private int[] candidates(PreparedRecord q, BirthYears age) {
        List<int[]> lists = new ArrayList<>();
        for (String k : keys(q)) {
            int[] p = k == null ? null : postings.get(k);
            if (p != null) {
                lists.add(p);
            }
        }
        if (age != null && q.surnameSound != null && q.given != null) {
            // the decades the age reaches, so a common name's records born then are not lost to the cap
            for (int decade = age.from() / 10; decade <= age.to() / 10; decade++) {
                int[] p = postings.get(ageKey(q, decade));
                if (p != null) {
                    lists.add(p);
                }
            }
        }
        lists.sort(Comparator.comparingInt(p -> p.length));
        int total = 0;
        List<int[]> used = new ArrayList<>();
        for (int[] p : lists) {
            if (!used.isEmpty() && total + p.length > cap) {
                break;
            }
            used.add(p.length > cap ? Arrays.copyOf(p, cap) : p);
            total += Math.min(p.length, cap);
        }
        int[] all = new int[total];
        int n = 0;
        for (int[] p : used) {
            System.arraycopy(p, 0, all, n, p.length);
            n += p.length;
        }
        if (used.size() > 1) {
            Arrays.sort(all);
            int distinct = 0;
            for (int i = 0; i < all.length; i++) {
                if (i == 0 || all[i] != all[i - 1]) {
                    all[distinct++] = all[i];
                }
            }
            return Arrays.copyOf(all, distinct);
        }
        return all;
    }

    private static String[] keys(PreparedRecord r) {
        return new String[]{
                r.dobNumber() == 0 ? null : "d:" + r.dobNumber(),
                r.postcode == null ? null : "p:" + r.postcode,
                r.surnameSound == null || r.given == null ? null : "sg:" + r.surnameSound + "|" + r.given.charAt(0),
                r.surnameSound == null ? null : "s:" + r.surnameSound,
                r.surname == null || r.surname.length() < 3 ? null : "s3:" + r.surname.substring(0, 3),
                r.email == null ? null : "e:" + r.email,
                r.phone == null ? null : "t:" + r.phone};
    }

    /** The keys a record is indexed under: those a search looks up, and its surname, initial and birth decade. */
    private static String[] indexKeys(PreparedRecord r) {
        String[] keys = keys(r);
        String[] all = Arrays.copyOf(keys, keys.length + 1);
        all[keys.length] = r.year == 0 || r.surnameSound == null || r.given == null ? null : ageKey(r, r.year / 10);
        return all;
    }

    private static String ageKey(PreparedRecord r, int decade) {
        return "sd:" + r.surnameSound + "|" + r.given.charAt(0) + "|" + decade;
    }
}
