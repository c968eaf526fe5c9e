package org.peel.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code peel link run}: resolves every stored person record into persons. The first run resolves them all;
 * later runs compare only pairs involving records that belong to no person yet, leave earlier links as they are,
 * and send pairs that would join two existing persons for review. The model is re-estimated from all the records
 * each run, so it follows the data as it grows.
 */
public final class BatchLinkage {

    /** What a run did. */
    public record Report(int records, int newRecords, long candidatePairs, int recordsLinked, int personsCreated,
                         int reviewPairsQueued, double seconds) {
    }

    private final IdentityResolution engine;
    private final PeopleStore store;

    public BatchLinkage(IdentityResolution engine, PeopleStore store) {
        this.engine = engine;
        this.store = store;
    }

    public Report run(PersonRecordSource source, String actor) {
        long t0 = System.nanoTime();
        List<PersonRecordSource.Stored> all = source.all();
        Map<Long, Long> linked = store.currentLinks();
        List<PersonRecordSource.Stored> earlier = new ArrayList<>();
        List<PersonRecordSource.Stored> added = new ArrayList<>();
        for (PersonRecordSource.Stored r : all) {
            (linked.containsKey(r.id()) ? earlier : added).add(r);
        }
        if (added.isEmpty()) {
            return new Report(all.size(), 0, 0, 0, 0, 0, (System.nanoTime() - t0) / 1e9);
        }
        // earlier persons numbered densely, in the order their first record appears
        Map<Long, Integer> numberOf = new LinkedHashMap<>();
        List<Long> personIds = new ArrayList<>();
        int[] personOf = new int[earlier.size()];
        for (int i = 0; i < earlier.size(); i++) {
            long person = linked.get(earlier.get(i).id());
            Integer n = numberOf.get(person);
            if (n == null) {
                n = personIds.size();
                numberOf.put(person, n);
                personIds.add(person);
            }
            personOf[i] = n;
        }
        Clustering.Result before = new Clustering.Result(personOf, personIds.size(), List.of());
        IdentityResolution.Resolution r = engine.extend(details(earlier), before, details(added));

        Map<Long, Long> toExisting = new HashMap<>();
        Map<Long, Integer> toNew = new HashMap<>();
        for (int i = earlier.size(); i < r.records().size(); i++) {
            long record = added.get(i - earlier.size()).id();
            int p = r.persons().personOf()[i];
            if (p < personIds.size()) {
                toExisting.put(record, personIds.get(p));
            } else {
                toNew.put(record, p);
            }
        }
        int created = store.applyRun(toExisting, toNew, actor, "batch resolution of " + added.size()
                + " new person records");
        int queued = 0;
        for (ScoredPair pair : r.persons().review()) {
            long left = idAt(pair.left(), earlier, added);
            long right = idAt(pair.right(), earlier, added);
            store.queueForReview(left, right, r.explain(pair));
            queued++;
        }
        return new Report(all.size(), added.size(), r.candidatePairs(), added.size(), created, queued,
                (System.nanoTime() - t0) / 1e9);
    }

    private static long idAt(int index, List<PersonRecordSource.Stored> earlier, List<PersonRecordSource.Stored> added) {
        return index < earlier.size() ? earlier.get(index).id() : added.get(index - earlier.size()).id();
    }

    private static List<PersonDetails> details(List<PersonRecordSource.Stored> records) {
        return records.stream().map(PersonRecordSource.Stored::details).toList();
    }
}
