package org.peel.people;

import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search before create over every stored person record: the persons typed details most likely already are. The
 * search index and its model are built from the records on first use and kept; they are built again when the number
 * of records has changed. Which person a record belongs to is read afresh for each search, so a merge shows at once.
 */
public final class PersonIndex {

    private static final int TRAINING_RECORDS = 20_000;
    private static final int RECORDS_CONSIDERED = 50;

    /**
     * A likely existing person for the typed details: the person (null when the record is not yet linked to one),
     * their record that matched best, and why.
     */
    public record Found(Long personId, long recordSeq, PersonSearch.Candidate candidate) {
        public double probability() {
            return candidate.probability();
        }
    }

    private record Built(long records, PersonSearch search) {
    }

    private final Jdbi jdbi;
    private final PersonRecordStore records;
    private Built built;

    public PersonIndex(Jdbi jdbi, PersonRecordStore records) {
        this.jdbi = jdbi;
        this.records = records;
    }

    /**
     * Up to {@code limit} persons for the typed details, most likely first, each once by their best-matching record,
     * at or above {@code minimum} probability.
     */
    public List<Found> find(PersonDetails typed, int limit, double minimum) {
        PersonSearch search = search();
        if (search == null) {
            return List.of();
        }
        List<PersonSearch.Candidate> candidates = search.top(typed, RECORDS_CONSIDERED, minimum);
        List<Long> seqs = candidates.stream().map(c -> Long.parseLong(c.details().recordId())).toList();
        Map<Long, Long> personOf = records.personsOf(seqs);
        Map<Object, Found> best = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size() && best.size() < limit; i++) {
            long seq = seqs.get(i);
            Long person = personOf.get(seq);
            best.putIfAbsent(person == null ? "record " + seq : person, new Found(person, seq, candidates.get(i)));
        }
        return new ArrayList<>(best.values());
    }

    private synchronized PersonSearch search() {
        long count = records.count();
        if (count == 0) {
            return null;
        }
        if (built == null || built.records() != count) {
            built = new Built(count, build());
        }
        return built.search();
    }

    private PersonSearch build() {
        List<PersonRecordSource.Stored> stored = new PersonRecordSource(jdbi, PersonRecordSource.STANDARD_TABLE).all();
        List<PreparedRecord> prepared = new ArrayList<>(stored.size());
        Set<PersonField> present = EnumSet.noneOf(PersonField.class);
        for (PersonRecordSource.Stored s : stored) {
            prepared.add(PreparedRecord.of(s.details()));
            for (PersonField f : PersonField.values()) {
                if (s.details().has(f)) {
                    present.add(f);
                }
            }
        }
        MatchModel model = MatchModel.train(prepared.subList(0, Math.min(prepared.size(), TRAINING_RECORDS)),
                FieldComparison.forFields(present), BlockingRule.standard(), MatchModel.Training.standard());
        return PersonSearch.of(prepared, model);
    }
}
