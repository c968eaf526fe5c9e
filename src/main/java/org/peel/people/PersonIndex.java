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

    /**
     * The index as built: the trained search over the records there were then, and a small search over the records
     * stored since, scored with the same model. A call handler's new record is findable at the next keystroke
     * without rebuilding an index of a million records; the whole index is rebuilt and retrained once the records
     * since are a tenth of it.
     */
    private record Built(long records, long lastId, PersonSearch search, PersonSearch since) {
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
        Built current = current();
        if (current == null) {
            return List.of();
        }
        PersonSearch search = current.search();
        List<PersonSearch.Candidate> candidates = search.top(typed, RECORDS_CONSIDERED, minimum);
        PersonSearch since = current.since();
        if (since != null && since.size() > 0) {
            candidates = new ArrayList<>(candidates);
            candidates.addAll(since.top(typed, RECORDS_CONSIDERED, minimum));
            candidates.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        }
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

    private synchronized Built current() {
        long count = records.count();
        if (count == 0) {
            return null;
        }
        if (built == null || count < built.records() || count - built.records() > Math.max(100, built.records() / 10)) {
            built = build();
        } else if (count != built.records() + (built.since() == null ? 0 : built.since().size())) {
            List<PersonRecordSource.Stored> since = source().after(built.lastId());
            built = new Built(built.records(), built.lastId(), built.search(), PersonSearch.of(
                    since.stream().map(s -> PreparedRecord.of(s.details())).toList(), built.search().model()));
        }
        return built;
    }

    private PersonRecordSource source() {
        return new PersonRecordSource(jdbi, PersonRecordSource.STANDARD_TABLE);
    }

    private Built build() {
        List<PersonRecordSource.Stored> stored = source().all();
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
        long lastId = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).id();
        return new Built(stored.size(), lastId, PersonSearch.of(prepared, model), null);
    }
}
