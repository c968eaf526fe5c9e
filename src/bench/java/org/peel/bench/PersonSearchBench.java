package org.peel.bench;

import org.peel.people.BirthYears;
import org.peel.people.BlockingRule;
import org.peel.people.FieldComparison;
import org.peel.people.MatchModel;
import org.peel.people.PersonDetails;
import org.peel.people.PersonSearch;
import org.peel.people.PreparedRecord;
import org.peel.people.SharedName;
import org.peel.platform.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code peel bench person-search}: search before create against N synthetic person records in memory. Latency of
 * "the top 5 likely existing records for what has been typed", p50 and p99, against scoring every record
 * (measured on a slice and scaled to N) in the same run.
 *
 * <p>Beside the figures as typed, the figures at the moment of create: a search of a name alone that Peel answers
 * with "shared by more than can be shown" is followed by the call handler asking, and a modelled caller giving a
 * date of birth, an approximate age or a postcode with stated probabilities, or refusing; the person offered when
 * "someone new" can be chosen is what decides whether a duplicate is made. When the caller gives only an age and
 * the name is still shared by more than can be shown among those born in the age's years, the handler asks again,
 * and the modelled caller gives a postcode or a date of birth with stated chances, or refuses again.
 *
 * <p>Beside it, the ceiling on the same modelled answers: the best any search could do when a caller refuses, since
 * a name (or a name and an age) shared by k people can put the right one in the first five at best 5 ÷ k of the time.
 */
@Command(name = "person-search", mixinStandardHelpOptions = true,
        description = "Search-before-create latency (p50, p99) over N synthetic person records, against scoring"
                + " every record, measured in the same run.")
final class PersonSearchBench implements Callable<Integer> {

    private static final long SEED = 19_800_304L;
    private static final String[] GIVEN = {"oliver", "george", "harry", "jack", "jacob", "noah", "charlie", "muhammad",
            "thomas", "oscar", "william", "james", "henry", "leo", "alfie", "joshua", "freddie", "archie", "ethan",
            "isaac", "alexander", "joseph", "edward", "samuel", "max", "daniel", "arthur", "lucas", "mohammed",
            "logan", "olivia", "amelia", "isla", "ava", "emily", "isabella", "mia", "poppy", "ella", "lily", "sophia",
            "grace", "evie", "sophie", "charlotte", "jessica", "chloe", "freya", "daisy", "alice", "ruby", "florence",
            "sienna", "phoebe", "matilda", "elsie", "rosie", "harriet", "margaret", "elizabeth", "susan", "david",
            "john", "michael", "peter", "paul", "mark", "andrew", "stephen", "robert", "richard", "christopher",
            "sarah", "karen", "helen", "julie", "claire", "emma", "rachel", "laura", "amy", "hannah", "priya",
            "aisha", "fatima", "mohammed", "ali", "omar", "kwame", "chidi", "tomasz", "piotr", "anna", "maria"};
    private static final String[] SURNAME = {"smith", "jones", "williams", "taylor", "brown", "davies", "evans",
            "wilson", "thomas", "johnson", "roberts", "robinson", "thompson", "wright", "walker", "white", "edwards",
            "hughes", "green", "hall", "lewis", "harris", "clarke", "patel", "jackson", "wood", "turner", "martin",
            "cooper", "hill", "ward", "morris", "moore", "clark", "lee", "king", "baker", "harrison", "morgan",
            "allen", "james", "scott", "phillips", "watson", "davis", "parker", "price", "bennett", "young", "griffiths",
            "mitchell", "kelly", "cook", "carter", "richardson", "bailey", "collins", "bell", "shaw", "murphy",
            "miller", "cox", "richards", "khan", "marshall", "anderson", "simpson", "ellis", "adams", "singh",
            "begum", "wilkinson", "foster", "chapman", "powell", "webb", "rogers", "gray", "mason", "ali", "hunt",
            "hussain", "campbell", "matthews", "owen", "palmer", "holmes", "mills", "barnes", "knight", "lloyd"};
    private static final String[] SYLLABLE_A = {"ash", "brad", "carr", "dun", "elm", "fair", "gold", "hart", "ing",
            "kel", "lang", "mar", "north", "oak", "pen", "rad", "sel", "thorn", "up", "wal", "ald", "bur", "cul",
            "dray", "ever"};
    private static final String[] SYLLABLE_B = {"ford", "ton", "ley", "wick", "by", "ham", "field", "wood", "worth",
            "well", "more", "combe", "stead", "bury", "den", "hurst", "ridge", "brook", "gate", "shaw"};
    private static final String[] STREET = {"high", "station", "main", "park", "church", "london", "victoria", "green",
            "manor", "mill", "school", "queens", "grange", "kings", "new", "north", "south", "west", "albert", "york"};
    private static final String[] STREET_TYPE = {"street", "road", "lane", "avenue", "close", "way", "drive"};
    private static final String[] AREA = {"M", "B", "L", "LS", "S", "NE", "SW", "SE", "E", "N", "W", "NW", "CF", "BS",
            "NG", "LE", "CV", "OX", "CB", "BN"};
    private static final String LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    @Mixin OutputOptions output;

    @Option(names = "--records", paramLabel = "N", description = "Synthetic person records to index (default: 1000000)")
    int records = 1_000_000;

    @Option(names = "--queries", paramLabel = "Q", description = "Timed searches (default: 5000)")
    int queries = 5_000;

    @Option(names = "--caller-dob", paramLabel = "P",
            description = "Modelled chance that a caller asked gives a date of birth (default: 0.6)")
    double callerDob = 0.6;

    @Option(names = "--caller-age", paramLabel = "P",
            description = "Modelled chance that a caller asked gives an approximate age instead (default: 0.2)")
    double callerAge = 0.2;

    @Option(names = "--caller-postcode", paramLabel = "P",
            description = "Modelled chance that a caller asked gives a postcode instead (default: 0.1); the rest refuse")
    double callerPostcode = 0.1;

    @Option(names = "--caller-postcode-after-age", paramLabel = "P",
            description = "Modelled chance that a caller who gave only an age, asked again because the name is still"
                    + " shared among those born in its years, gives a postcode (default: 0.5)")
    double callerPostcodeAfterAge = 0.5;

    @Option(names = "--caller-dob-after-age", paramLabel = "P",
            description = "Modelled chance that a caller asked again after an age gives a date of birth instead"
                    + " (default: 0.2); the rest refuse")
    double callerDobAfterAge = 0.2;

    /** The caller's guess of an age is off by a normal error of this many years, rounded. */
    private static final double AGE_ERROR_SD = 2.5;
    /** The day the modelled calls are made, fixed so that a run repeats. */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Option(names = "--baseline-slice", paramLabel = "N",
            description = "Records the full scan scores per query before scaling to --records (default: 10000)")
    int slice = 10_000;

    @Override
    public Integer call() {
        if (records < 1000 || queries < 100) {
            throw new IllegalArgumentException("--records must be at least 1000 and --queries at least 100");
        }
        if (callerDob < 0 || callerAge < 0 || callerPostcode < 0 || callerDob + callerAge + callerPostcode > 1) {
            throw new IllegalArgumentException("--caller-dob, --caller-age and --caller-postcode must be chances"
                    + " (0 to 1) that add up to at most 1");
        }
        if (callerPostcodeAfterAge < 0 || callerDobAfterAge < 0 || callerPostcodeAfterAge + callerDobAfterAge > 1) {
            throw new IllegalArgumentException("--caller-postcode-after-age and --caller-dob-after-age must be chances"
                    + " (0 to 1) that add up to at most 1");
        }
        Random random = new Random(SEED);
        long t0 = System.nanoTime();
        List<PreparedRecord> people = new ArrayList<>(records);
        // each record's true person: its own position, or for a second record the position of the first
        int[] personOf = new int[records];
        for (int i = 0; i < records; i++) {
            PersonDetails d;
            if (i > 10 && random.nextDouble() < 0.1) {
                int of = random.nextInt(i);
                d = slip(people.get(of).details(), "r" + i, random);
                personOf[i] = personOf[of];
            } else {
                d = person("r" + i, random);
                personOf[i] = i;
            }
            people.add(PreparedRecord.of(d));
        }
        Map<String, Integer> positionOf = new java.util.HashMap<>(records * 2);
        for (int i = 0; i < records; i++) {
            positionOf.put(people.get(i).details().recordId(), i);
        }
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        List<FieldComparison> comparisons = FieldComparison.forFields(Set.of(org.peel.people.PersonField.values()));
        MatchModel model = MatchModel.train(people.subList(0, Math.min(records, 20_000)), comparisons,
                BlockingRule.standard(), MatchModel.Training.standard());
        PersonSearch search = PersonSearch.of(people, model);
        double indexSeconds = (System.nanoTime() - t1) / 1e9;

        // what a call handler has typed so far: a name (perhaps misspelt), often a date of birth, sometimes a postcode
        PersonDetails[] typed = new PersonDetails[queries + 1000];
        int[] source = new int[typed.length];
        for (int q = 0; q < typed.length; q++) {
            source[q] = random.nextInt(records);
            typed[q] = typedFrom(people.get(source[q]).details(), random);
        }
        for (int q = 0; q < 1000; q++) {
            search.top(typed[queries + q], 5, 0.01);
        }
        long[] nanos = new long[queries];
        int found = 0;
        int personFound = 0;
        // by what was typed: 0 a date of birth, 1 a postcode but no date of birth, 2 a name alone
        int[] asked = new int[3];
        int[] personFoundBy = new int[3];
        boolean[] personAsTyped = new boolean[queries];
        for (int q = 0; q < queries; q++) {
            long s = System.nanoTime();
            List<PersonSearch.Candidate> top = search.top(typed[q], 5, 0.01);
            nanos[q] = System.nanoTime() - s;
            String want = people.get(source[q]).details().recordId();
            if (top.stream().anyMatch(c -> c.details().recordId().equals(want))) {
                found++;
            }
            int wantPerson = personOf[source[q]];
            boolean person = top.stream().anyMatch(c -> personOf[positionOf.get(c.details().recordId())] == wantPerson);
            int kind = typed[q].dob() != null ? 0 : typed[q].postcode() != null ? 1 : 2;
            asked[kind]++;
            if (person) {
                personFound++;
                personFoundBy[kind]++;
            }
            personAsTyped[q] = person;
        }

        // persons (not records) by exact name, and the birth years of each name's persons: what no search can tell
        // apart without a detail, for the ceiling
        Map<String, Integer> peopleNamed = new java.util.HashMap<>();
        for (int i = 0; i < records; i++) {
            if (personOf[i] == i) {
                peopleNamed.merge(nameOf(people.get(i).details()), 1, Integer::sum);
            }
        }
        Map<String, int[]> yearsNamed = new java.util.HashMap<>(peopleNamed.size() * 2);
        for (int i = 0; i < records; i++) {
            if (personOf[i] == i) {
                String name = nameOf(people.get(i).details());
                int[] years = yearsNamed.computeIfAbsent(name, n -> new int[peopleNamed.get(n) + 1]);
                years[++years[0]] = people.get(i).details().dob().getYear();
            }
        }

        // at the moment of create: Peel counts the typed name's namesakes; a name alone shared by more than the five
        // shown is answered with "shared by many", the call handler asks, and the modelled caller gives a date of
        // birth, an approximate age or a postcode, or refuses. Its own random stream leaves the searches as typed
        // exactly as they were.
        Random caller = new Random(SEED + 1);
        long[] countNanos = new long[queries];
        long[] atCreateNanos = new long[queries];
        int warned = 0;
        int atCreateFound = 0;
        // by the caller's answer: 0 a date of birth, 1 an age, 2 a postcode, 3 refused
        int[] answered = new int[4];
        int[] foundAfter = new int[4];
        // after an age alone: found then; still shared among those born in its years (so asked again); and by the
        // second answer (0 a date of birth, 1 a postcode, 2 refused again), how many and then found
        int foundAfterAgeAlone = 0;
        int foundAfterAgeFinal = 0;
        int atCreateFoundOneQuestion = 0;
        int stillShared = 0;
        int[] answeredAgain = new int[3];
        int[] foundAfterAgain = new int[3];
        long[] inYearsNanos = new long[queries];
        int inYearsCounted = 0;
        // the best any search could do on the same answers: 1 where a date of birth or postcode was given (or the
        // name is not shared), min(1, 5 ÷ k) where the caller refused and k persons share what was given
        double best = 0;
        double lostToRefusal = 0;
        double lostToRefusalAfterAge = 0;
        for (int q = 0; q < queries; q++) {
            long s = System.nanoTime();
            // as the panel counts: the name as typed, or when no record has it, the most shared name offered for it
            int namesakes = search.shared(typed[q], null).byName();
            countNanos[q] = System.nanoTime() - s;
            boolean nameAlone = typed[q].dob() == null && typed[q].postcode() == null;
            boolean found5 = personAsTyped[q];
            long shown = nanos[q] + countNanos[q];
            double bestHere = 1;
            int foundAfterAgeBefore = foundAfterAgeAlone;
            if (nameAlone && !SharedName.warning(namesakes, true).isPresent()) {
                bestHere = Math.min(1.0, 5.0 / peopleNamed.getOrDefault(nameOf(people.get(personOf[source[q]])
                        .details()), 1));
            }
            if (SharedName.warning(namesakes, nameAlone).isPresent()) {
                warned++;
                PersonDetails truth = people.get(personOf[source[q]]).details();
                double r = caller.nextDouble();
                int answer = r < callerDob ? 0 : r < callerDob + callerAge ? 1
                        : r < callerDob + callerAge + callerPostcode ? 2 : 3;
                answered[answer]++;
                if (answer < 3) {
                    PersonDetails t = typed[q];
                    PersonDetails asked2 = new PersonDetails("typed", t.givenName(), t.surname(), null,
                            answer == 0 ? truth.dob() : null, null, null, answer == 2 ? truth.postcode() : null,
                            null, null, null);
                    BirthYears born = null;
                    if (answer == 1) {
                        int age = java.time.Period.between(truth.dob(), TODAY).getYears();
                        born = BirthYears.about(Math.max(0, age + (int) Math.round(caller.nextGaussian()
                                * AGE_ERROR_SD)), TODAY);
                    }
                    long s2 = System.nanoTime();
                    List<PersonSearch.Candidate> again = search.top(asked2, born, 5, 0.01, i -> false);
                    shown = System.nanoTime() - s2;
                    int wantPerson = personOf[source[q]];
                    found5 = again.stream()
                            .anyMatch(c -> personOf[positionOf.get(c.details().recordId())] == wantPerson);
                    if (answer == 1) {
                        if (found5) {
                            foundAfterAgeAlone++;
                        }
                        boolean foundOneQuestion = found5;
                        // the age given: does it still leave more than can be shown among those born in its years?
                        long s3 = System.nanoTime();
                        SharedName.Namesakes counted = search.shared(asked2, born);
                        inYearsNanos[inYearsCounted++] = System.nanoTime() - s3;
                        if (SharedName.warning(counted, false).isPresent()) {
                            stillShared++;
                            double r2 = caller.nextDouble();
                            int second = r2 < callerDobAfterAge ? 0 : r2 < callerDobAfterAge + callerPostcodeAfterAge
                                    ? 1 : 2;
                            answeredAgain[second]++;
                            if (second < 2) {
                                PersonDetails asked3 = new PersonDetails("typed", t.givenName(), t.surname(), null,
                                        second == 0 ? truth.dob() : null, null, null,
                                        second == 1 ? truth.postcode() : null, null, null, null);
                                long s4 = System.nanoTime();
                                List<PersonSearch.Candidate> third = search.top(asked3, born, 5, 0.01, i -> false);
                                shown = System.nanoTime() - s4;
                                found5 = third.stream()
                                        .anyMatch(c -> personOf[positionOf.get(c.details().recordId())] == wantPerson);
                            } else {
                                // the age's search stands; no search could beat 5 ÷ k for the k persons of the
                                // name born in its years (the person too, should the age have missed them)
                                int[] years = yearsNamed.get(nameOf(truth));
                                int k = 0;
                                for (int y = 1; y <= years[0]; y++) {
                                    if (born.contains(years[y])) {
                                        k++;
                                    }
                                }
                                if (!born.contains(truth.dob().getYear())) {
                                    k++;
                                }
                                bestHere = Math.min(1.0, 5.0 / k);
                                lostToRefusalAfterAge += 1 - bestHere;
                            }
                            if (found5) {
                                foundAfterAgain[second]++;
                            }
                        }
                        if (foundOneQuestion) {
                            atCreateFoundOneQuestion++;
                        }
                        if (found5) {
                            foundAfterAgeFinal++;
                        }
                    } else if (found5) {
                        atCreateFoundOneQuestion++;
                    }
                } else {
                    bestHere = Math.min(1.0, 5.0 / peopleNamed.getOrDefault(nameOf(truth), 1));
                    lostToRefusal += 1 - bestHere;
                    if (found5) {
                        atCreateFoundOneQuestion++;
                    }
                }
                // after an age: the age's own search, as before the second question was modelled
                if (answer == 1 ? foundAfterAgeAlone > foundAfterAgeBefore : found5) {
                    foundAfter[answer]++;
                }
            } else if (found5) {
                atCreateFoundOneQuestion++;
            }
            best += bestHere;
            atCreateNanos[q] = shown;
            if (found5) {
                atCreateFound++;
            }
        }
        double bestAtCreate = best / queries;
        double inYearsP99 = 0;
        if (inYearsCounted > 0) {
            long[] counted = Arrays.copyOf(inYearsNanos, inYearsCounted);
            Arrays.sort(counted);
            inYearsP99 = counted[(int) (inYearsCounted * 0.99)] / 1e6;
        }
        Arrays.sort(countNanos);
        Arrays.sort(atCreateNanos);
        double countP99 = countNanos[(int) (queries * 0.99)] / 1e6;
        double atCreateP50 = atCreateNanos[queries / 2] / 1e6;
        double atCreateP99 = atCreateNanos[(int) (queries * 0.99)] / 1e6;
        // a name alone can tell apart no more people than share it: with k people of that exact name, the best any
        // search can do is put the right one in the first five 5 ÷ k of the time
        double nameOnlyCeiling = 0;
        int nameOnlyShared = 0;
        for (int q = 0; q < queries; q++) {
            if (typed[q].dob() == null && typed[q].postcode() == null) {
                int k = peopleNamed.getOrDefault(nameOf(people.get(personOf[source[q]]).details()), 1);
                nameOnlyCeiling += Math.min(1.0, 5.0 / k);
                if (k > 5) {
                    nameOnlyShared++;
                }
            }
        }
        nameOnlyCeiling /= Math.max(1, asked[2]);
        double ceiling = (asked[0] + asked[1] + nameOnlyCeiling * asked[2]) / queries;
        Arrays.sort(nanos);
        double p50 = nanos[queries / 2] / 1e6;
        double p99 = nanos[(int) (queries * 0.99)] / 1e6;
        double max = nanos[queries - 1] / 1e6;

        int sliceN = Math.min(slice, records);
        int baselineQueries = 200;
        for (int q = 0; q < 50; q++) {
            search.scoreAll(typed[q], 0, sliceN);
        }
        long[] scan = new long[baselineQueries];
        for (int q = 0; q < baselineQueries; q++) {
            long s = System.nanoTime();
            search.scoreAll(typed[q], 0, sliceN);
            scan[q] = System.nanoTime() - s;
        }
        Arrays.sort(scan);
        double scale = records / (double) sliceN;
        double scanP50 = scan[baselineQueries / 2] / 1e6 * scale;
        double scanP99 = scan[(int) (baselineQueries * 0.99)] / 1e6 * scale;

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("records", records);
        json.put("queries", queries);
        json.put("generate_seconds", round(generateSeconds));
        json.put("train_and_index_seconds", round(indexSeconds));
        json.put("p50_ms", round(p50));
        json.put("p99_ms", round(p99));
        json.put("max_ms", round(max));
        json.put("source_record_in_top5", round(found / (double) queries));
        json.put("own_person_in_top5", round(personFound / (double) queries, 4));
        json.put("own_person_in_top5_with_dob", round(personFoundBy[0] / (double) Math.max(1, asked[0]), 4));
        json.put("own_person_in_top5_with_postcode_no_dob", round(personFoundBy[1] / (double) Math.max(1, asked[1]), 4));
        json.put("own_person_in_top5_name_only", round(personFoundBy[2] / (double) Math.max(1, asked[2]), 4));
        json.put("name_only_shared_by_more_than_five", nameOnlyShared);
        json.put("name_only_best_possible_in_top5", round(nameOnlyCeiling, 4));
        json.put("best_possible_in_top5", round(ceiling, 4));
        json.put("searches_with_dob", asked[0]);
        json.put("searches_with_postcode_no_dob", asked[1]);
        json.put("searches_name_only", asked[2]);
        Map<String, Object> modelled = new LinkedHashMap<>();
        modelled.put("asked_when", "a name alone shared by more than " + SharedName.SHOWN + " records");
        modelled.put("gives_dob", callerDob);
        modelled.put("gives_age", callerAge);
        modelled.put("gives_postcode", callerPostcode);
        modelled.put("refuses", round(1 - callerDob - callerAge - callerPostcode, 4));
        modelled.put("age_error_sd_years", AGE_ERROR_SD);
        modelled.put("details_given", "the person's true details (their first record's), not the typed record's");
        json.put("modelled_caller", modelled);
        json.put("namesakes_p99_ms", round(countP99, 4));
        json.put("name_only_warned_shared", warned);
        json.put("at_create_asked_gave_dob", answered[0]);
        json.put("at_create_asked_gave_age", answered[1]);
        json.put("at_create_asked_gave_postcode", answered[2]);
        json.put("at_create_asked_refused", answered[3]);
        json.put("at_create_own_person_in_top5", round(atCreateFound / (double) queries, 4));
        json.put("at_create_own_person_in_top5_after_dob", round(foundAfter[0] / (double) Math.max(1, answered[0]), 4));
        json.put("at_create_own_person_in_top5_after_age", round(foundAfter[1] / (double) Math.max(1, answered[1]), 4));
        json.put("at_create_own_person_in_top5_after_postcode",
                round(foundAfter[2] / (double) Math.max(1, answered[2]), 4));
        json.put("at_create_own_person_in_top5_after_refusal",
                round(foundAfter[3] / (double) Math.max(1, answered[3]), 4));
        Map<String, Object> modelledAgain = new LinkedHashMap<>();
        modelledAgain.put("asked_when", "an approximate age leaves more than " + SharedName.SHOWN
                + " records of the name born in its years");
        modelledAgain.put("gives_dob", callerDobAfterAge);
        modelledAgain.put("gives_postcode", callerPostcodeAfterAge);
        modelledAgain.put("refuses", round(1 - callerDobAfterAge - callerPostcodeAfterAge, 4));
        json.put("modelled_caller_after_age", modelledAgain);
        json.put("namesakes_in_years_p99_ms", round(inYearsP99, 4));
        json.put("at_create_after_age_still_shared", stillShared);
        json.put("at_create_asked_again_gave_dob", answeredAgain[0]);
        json.put("at_create_asked_again_gave_postcode", answeredAgain[1]);
        json.put("at_create_asked_again_refused", answeredAgain[2]);
        json.put("at_create_own_person_in_top5_after_age_then_asked_again",
                round(foundAfterAgeFinal / (double) Math.max(1, answered[1]), 4));
        json.put("at_create_own_person_in_top5_asked_again_after_dob",
                round(foundAfterAgain[0] / (double) Math.max(1, answeredAgain[0]), 4));
        json.put("at_create_own_person_in_top5_asked_again_after_postcode",
                round(foundAfterAgain[1] / (double) Math.max(1, answeredAgain[1]), 4));
        json.put("at_create_own_person_in_top5_asked_again_after_refusal",
                round(foundAfterAgain[2] / (double) Math.max(1, answeredAgain[2]), 4));
        json.put("at_create_own_person_in_top5_one_question_only", round(atCreateFoundOneQuestion / (double) queries, 4));
        json.put("at_create_best_possible_in_top5", round(bestAtCreate, 4));
        json.put("at_create_best_possible_lost_to_refusal", round(lostToRefusal / queries, 4));
        json.put("at_create_best_possible_lost_to_refusal_after_age", round(lostToRefusalAfterAge / queries, 4));
        json.put("at_create_best_possible_lost_unwarned",
                round(1 - bestAtCreate - lostToRefusal / queries - lostToRefusalAfterAge / queries, 4));
        json.put("at_create_p50_ms", round(atCreateP50));
        json.put("at_create_p99_ms", round(atCreateP99));
        json.put("full_scan_p50_ms", round(scanP50));
        json.put("full_scan_p99_ms", round(scanP99));
        json.put("ratio_p50", round(scanP50 / p50));
        String text = String.format("""
                        Search before create over %,d synthetic person records (seed %d; generated in %.1f s,
                        model trained and index built in %.1f s)
                          index:     p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms   (%,d searches, top 5)
                                     the record the search was typed from was in the top 5 for %.1f%%
                                     the searched-for person (any of their records) in the top 5: %.2f%% of all;
                                     %.2f%% of %,d with a date of birth, %.2f%% of %,d with a postcode and no date
                                     of birth, %.2f%% of %,d with a name alone
                                     a name alone: %,d of those %,d names are shared by more than five people, so
                                     no search could do better than %.2f%% of them, nor than %.2f%% of all
                          at create: p50 %8.2f ms   p99 %8.2f ms   (the search shown when "someone new" can be
                                     chosen, with the count of namesakes: p99 %.4f ms)
                                     the searched-for person in the top 5 when create is offered: %.2f%%
                                     %,d searches of a name alone were told the name is shared by more than %d;
                                     the handler asked and a modelled caller gave (chances assumed, not measured:
                                     date of birth %.2f, approximate age %.2f with an error of sd %.1f years,
                                     postcode %.2f, refused %.2f):
                                     a date of birth %,d times (then %.2f%% in the top 5), an age %,d (%.2f%%),
                                     a postcode %,d (%.2f%%), refused %,d (%.2f%%, the search as typed)
                                     after an age, %,d were told the name is still shared by more than %d born in
                                     its years (counted in p99 %.4f ms); the handler asked again and the caller gave
                                     (assumed: date of birth %.2f, postcode %.2f, refused %.2f):
                                     a date of birth %,d times (then %.2f%%), a postcode %,d (%.2f%%), refused
                                     %,d (%.2f%%, the age's search); so after an age %.2f%% in the top 5
                                     (%.2f%% with the age's search alone; at create with one question only,
                                     %.2f%% of all searches)
                          ceiling:   on the same answers no search could do better than %.2f%%: a name shared by
                                     k people, with no detail, puts the right one in the first five at best 5 ÷ k
                                     of the time; refusals cost %.2f points of it, refusals after an age %.2f,
                                     names alone never told they are shared (a slip in the name typed) %.2f
                          full scan: p50 %8.2f ms   p99 %8.2f ms   (scoring every record: %,d scored per search,
                                     scaled ×%.0f to %,d)
                          ratio:     %,8.0f x   (full scan p50 ÷ index p50)""",
                records, SEED, generateSeconds, indexSeconds, p50, p99, max, queries, 100.0 * found / queries,
                100.0 * personFound / queries, 100.0 * personFoundBy[0] / Math.max(1, asked[0]), asked[0],
                100.0 * personFoundBy[1] / Math.max(1, asked[1]), asked[1],
                100.0 * personFoundBy[2] / Math.max(1, asked[2]), asked[2], nameOnlyShared, asked[2],
                100.0 * nameOnlyCeiling, 100.0 * ceiling,
                atCreateP50, atCreateP99, countP99, 100.0 * atCreateFound / queries, warned, SharedName.SHOWN,
                callerDob, callerAge, AGE_ERROR_SD, callerPostcode, 1 - callerDob - callerAge - callerPostcode,
                answered[0], 100.0 * foundAfter[0] / Math.max(1, answered[0]),
                answered[1], 100.0 * foundAfter[1] / Math.max(1, answered[1]),
                answered[2], 100.0 * foundAfter[2] / Math.max(1, answered[2]),
                answered[3], 100.0 * foundAfter[3] / Math.max(1, answered[3]),
                stillShared, SharedName.SHOWN, inYearsP99, callerDobAfterAge, callerPostcodeAfterAge,
                1 - callerDobAfterAge - callerPostcodeAfterAge,
                answeredAgain[0], 100.0 * foundAfterAgain[0] / Math.max(1, answeredAgain[0]),
                answeredAgain[1], 100.0 * foundAfterAgain[1] / Math.max(1, answeredAgain[1]),
                answeredAgain[2], 100.0 * foundAfterAgain[2] / Math.max(1, answeredAgain[2]),
                100.0 * foundAfterAgeFinal / Math.max(1, answered[1]),
                100.0 * foundAfter[1] / Math.max(1, answered[1]), 100.0 * atCreateFoundOneQuestion / queries,
                100.0 * bestAtCreate, 100.0 * lostToRefusal / queries, 100.0 * lostToRefusalAfterAge / queries,
                100.0 * (1 - bestAtCreate) - 100.0 * lostToRefusal / queries - 100.0 * lostToRefusalAfterAge / queries,
                scanP50, scanP99, sliceN, scale, records, scanP50 / p50);
        output.print(System.out, text, json);
        return 0;
    }

    private static String nameOf(PersonDetails d) {
        return d.givenName() + " " + d.surname();
    }

    private static PersonDetails person(String id, Random r) {
        String given = GIVEN[skewed(r, GIVEN.length)];
        String surname = r.nextDouble() < 0.6 ? SURNAME[skewed(r, SURNAME.length)]
                : SYLLABLE_A[r.nextInt(SYLLABLE_A.length)] + SYLLABLE_B[r.nextInt(SYLLABLE_B.length)]
                + (r.nextDouble() < 0.3 ? SYLLABLE_B[r.nextInt(SYLLABLE_B.length)] : "");
        LocalDate dob = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(80 * 365));
        String postcode = AREA[r.nextInt(AREA.length)] + (1 + r.nextInt(20)) + " " + r.nextInt(10)
                + LETTERS.charAt(r.nextInt(LETTERS.length())) + LETTERS.charAt(r.nextInt(LETTERS.length()));
        String address = (1 + r.nextInt(200)) + " " + STREET[r.nextInt(STREET.length)] + " "
                + STREET_TYPE[r.nextInt(STREET_TYPE.length)];
        return new PersonDetails(id, given, surname, null, dob, r.nextBoolean() ? "M" : "F", address, postcode, null,
                null, null);
    }

    /** A second record of the same person with one slip: a typo, a transposed date, a moved house. */
    private static PersonDetails slip(PersonDetails d, String id, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> new PersonDetails(id, d.givenName(), typo(d.surname(), r), null, d.dob(), d.sex(), d.address(),
                    d.postcode(), null, null, null);
            case 1 -> new PersonDetails(id, typo(d.givenName(), r), d.surname(), null, d.dob(), d.sex(), d.address(),
                    d.postcode(), null, null, null);
            case 2 -> new PersonDetails(id, d.givenName(), d.surname(), null,
                    d.dob().getDayOfMonth() <= 12 ? LocalDate.of(d.dob().getYear(), d.dob().getDayOfMonth(),
                            d.dob().getMonthValue()) : d.dob().plusYears(1), d.sex(), d.address(), d.postcode(),
                    null, null, null);
            default -> new PersonDetails(id, d.givenName(), d.surname(), null, d.dob(), d.sex(), null, null, null,
                    null, null);
        };
    }

    private static PersonDetails typedFrom(PersonDetails d, Random r) {
        String surname = r.nextDouble() < 0.3 ? typo(d.surname(), r) : d.surname();
        LocalDate dob = r.nextDouble() < 0.7 ? d.dob() : null;
        String postcode = r.nextDouble() < 0.3 ? d.postcode() : null;
        return new PersonDetails("typed", d.givenName(), surname, null, dob, null, null, postcode, null, null, null);
    }

    private static String typo(String s, Random r) {
        if (s == null || s.length() < 3) {
            return s;
        }
        int i = 1 + r.nextInt(s.length() - 2);
        return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    }

    /** Early entries of a list much more often than late ones, as names are. */
    private static int skewed(Random r, int n) {
        return (int) (Math.pow(r.nextDouble(), 2.5) * n);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
