package org.peel.people;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Search before create over every stored person record: the persons typed details most likely already are. Which
 * person a record belongs to is read afresh for each search, so a merge shows at once.
 *
 * <p>The index and its model are built in the background, on one daemon thread per index, and swapped in whole: a
 * search reads one immutable {@link Snapshot} and never waits for a build, nor for a lock. Each second the
 * background takes in the records written since its snapshot, new and edited alike, into a small second index
 * scored with the same model; an edited record's earlier version is set aside, so its old spelling is no longer
 * found. When those records pass a tenth of the index (and 100), the whole index is rebuilt and the model retrained, still
 * in the background. A search also adds the few records written since the last of those passes (one read over an
 * index of the change column, usually empty), so a record saved a moment ago is found at the next keystroke.
 *
 * <p>Until the first build is in, a call handler still gets an answer rather than a wait:
 * <ul>
 * <li>a force with no more than a few hundred records (a new installation, a test) is searched directly: the
 * records are read and scored with a model trained on them, kept until they change;</li>
 * <li>once the model is trained and while the index is being built, the search is answered from the records with
 * the surname as typed or beginning with it, the date of birth or the postcode, over database indexes, scored with
 * the trained model: correct probabilities, but a misspelt name that shares nothing else is not yet found;</li>
 * <li>before even the model is trained (the first seconds after start on a large force) the answer is honestly
 * empty, and {@link #status()} says the index is starting.</li>
 * </ul>
 *
 * <p>Start it with {@link #start()} (a search starts it too) and stop it with {@link #close()} when the server or
 * command that owns it stops.
 */
public final class PersonIndex implements AutoCloseable, SharedName.Counter {

    private static final Logger LOG = LoggerFactory.getLogger(PersonIndex.class);
    private static final int TRAINING_RECORDS = 20_000;
    private static final int RECORDS_CONSIDERED = 50;
    /** A force with no more records than this is searched directly, without waiting for the index. */
    private static final int SMALL_FORCE = 300;
    /** Records written since the snapshot that one search adds; more wait for the background. */
    private static final int LATEST_PER_SEARCH = 1_000;
    /** Records of each kind (surname, date of birth, postcode) a search reads before the index is built. */
    private static final int MATCHING_EACH = 200;
    private static final Duration REFRESH_EVERY = Duration.ofSeconds(1);
    /** A snapshot that saw nothing: everything was written since it. */
    private static final String NOTHING_SEEN = "1:1:";

    /**
     * A likely existing person for the typed details: the person (null when the record is not yet linked to one),
     * their record that matched best, and why.
     */
    public record Found(Long personId, long recordSeq, PersonSearch.Candidate candidate) {
        public double probability() {
            return candidate.probability();
        }
    }

    /** How far the index has got. */
    public enum State {
        /** Nothing built yet, or there were no records to build from: no model to score with. */
        STARTING,
        /** The model is trained and the index is being built: searches are answered from database indexes. */
        WARMING,
        /** The index is built and takes in changes as they are written. */
        READY
    }

    /**
     * What the index holds: its state, the records in the built index, the records written since and held beside
     * it, and how many full builds have been swapped in.
     */
    public record Status(State state, int records, int changes, int builds) {
    }

    /** Where a build has got to, for the seam tests hold a build at. */
    enum Stage {
        /** The model is trained; the index is not built. */
        MODEL,
        /** The index is built and about to be swapped in. */
        INDEX
    }

    /** Called on the background thread before each stage of a build is put to use: a seam for tests. */
    interface BuildListener {
        void beforeSwap(Stage stage) throws InterruptedException;
    }

    /**
     * One immutable state of the index. {@code watermark} is the database snapshot everything here was read at;
     * {@code superseded} marks positions in {@code base} whose record has a later version in {@code changed}.
     */
    private record Snapshot(State state, String watermark, MatchModel model, PersonSearch base, long[] baseSeqs,
                            BitSet superseded, Map<Long, PreparedRecord> changes, PersonSearch changed,
                            long[] changedSeqs, int builds) {

        static Snapshot starting(String watermark, int builds) {
            return new Snapshot(State.STARTING, watermark, null, null, new long[0], new BitSet(), Map.of(), null,
                    new long[0], builds);
        }

        static Snapshot warming(String watermark, MatchModel model, int builds) {
            return new Snapshot(State.WARMING, watermark, model, null, new long[0], new BitSet(), Map.of(), null,
                    new long[0], builds);
        }

        Snapshot seenAt(String newWatermark) {
            return new Snapshot(state, newWatermark, model, base, baseSeqs, superseded, changes, changed,
                    changedSeqs, builds);
        }

        int size() {
            return (base == null ? 0 : base.size()) + changes.size();
        }
    }

    /** A small force's records and the search over them, kept while they stay the same. */
    private record Direct(List<PersonDetails> records, PersonSearch search) {
    }

    private final PersonRecordStore records;
    private final PersonIndexStore store;
    private final Duration refreshEvery;
    private final int smallForce;
    private final BuildListener listener;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<Direct> direct = new AtomicReference<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean rebuildAsked = new AtomicBoolean();
    private final AtomicInteger builds = new AtomicInteger();
    private final ScheduledThreadPoolExecutor background;
    private volatile boolean closed;
    private volatile boolean large;
    /** Failed passes in a row, and when the next may start: touched only by the background thread. */
    private int failures;
    private long notBefore = System.nanoTime();

    public PersonIndex(Jdbi jdbi, PersonRecordStore records) {
        this(jdbi, records, REFRESH_EVERY, SMALL_FORCE, stage -> {
        });
    }

    PersonIndex(Jdbi jdbi, PersonRecordStore records, Duration refreshEvery, int smallForce,
                BuildListener listener) {
        this.records = records;
        this.store = new PersonIndexStore(jdbi);
        this.refreshEvery = refreshEvery;
        this.smallForce = smallForce;
        this.listener = listener;
        this.background = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "peel-person-index");
            t.setDaemon(true);
            return t;
        });
        background.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        background.setRemoveOnCancelPolicy(true);
    }

    /** Starts building the index in the background; at once, and only once. */
    public void start() {
        if (closed || !started.compareAndSet(false, true)) {
            return;
        }
        long every = refreshEvery.toMillis();
        try {
            background.execute(this::refreshQuietly);
            background.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            // closed between the check and here: nothing to start
        }
    }

    /** Stops the background work; a build under way is abandoned. Searches still answer from what was built. */
    @Override
    public void close() {
        closed = true;
        background.shutdownNow();
        try {
            if (!background.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("person index: the background build did not stop within 10 s");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** How far the index has got. */
    public Status status() {
        Snapshot s = current.get();
        if (s == null) {
            return new Status(State.STARTING, 0, 0, builds.get());
        }
        return new Status(s.state(), s.base() == null ? 0 : s.base().size(), s.changes().size(), s.builds());
    }

    /**
     * Up to {@code limit} persons for the typed details, most likely first, each once by their best-matching record,
     * at or above {@code minimum} probability. Never waits for the index to be built or rebuilt.
     */
    public List<Found> find(PersonDetails typed, int limit, double minimum) {
        return find(typed, null, limit, minimum);
    }

    /**
     * As {@link #find(PersonDetails, int, double)}, with an approximate age ({@code born}, null for none) scored
     * when no date of birth is typed.
     */
    public List<Found> find(PersonDetails typed, BirthYears born, int limit, double minimum) {
        start();
        Snapshot s = current.get();
        List<PersonSearch.Candidate> candidates = null;
        if (!large && (s == null || s.size() <= smallForce)) {
            List<PersonRecordSource.Stored> all = store.latestSince(NOTHING_SEEN, smallForce + 1);
            if (all.size() <= smallForce) {
                candidates = all.isEmpty() ? List.of()
                        : direct(all).top(typed, born, RECORDS_CONSIDERED, minimum, i -> false);
            } else {
                // records are never deleted: a force this large stays so
                large = true;
            }
        }
        if (candidates == null) {
            candidates = s == null || s.state() == State.STARTING ? List.of()
                    : s.state() == State.WARMING ? matching(s.model(), typed, born, minimum)
                    : indexed(s, typed, born, minimum);
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

    /**
     * How many records Peel holds with the typed name or one that sounds the same ({@link PersonSearch#namesakes}):
     * what a name alone cannot tell apart. From the index once it is built (the built index and the records held
     * beside it; a record edited since the build is counted in both); before that from the records a search would
     * read, so while the index is being built a common name may be undercounted. Never waits for a build.
     */
    @Override
    public int namesakes(PersonDetails typed) {
        return counted(search -> search.namesakes(typed), typed);
    }

    /**
     * Of the typed name's {@link #namesakes(PersonDetails)}, how many were born in the years {@code born}
     * ({@link PersonSearch#namesakes(PersonDetails, BirthYears)}): what a name and an approximate age cannot tell
     * apart. Counted from the same records, with the same caveats; never waits for a build.
     */
    @Override
    public int namesakes(PersonDetails typed, BirthYears born) {
        return counted(search -> search.namesakes(typed, born), typed);
    }

    /** The records the panel offers for a name alone, most likely first. */
    @Override
    public List<PersonDetails> offered(PersonDetails name) {
        return find(name, SharedName.SHOWN, SharedName.OFFERED_AT).stream().map(f -> f.candidate().details()).toList();
    }

    /** Names Peel holds one slip of the keyboard from the one typed ({@link PersonSearch#slips}). */
    @Override
    public List<PersonDetails> slips(PersonDetails name) {
        return over(search -> search.slips(name), (a, b) -> {
            List<PersonDetails> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }, List.of(), name);
    }

    /**
     * The namesakes that decide whether what was typed is shared ({@link SharedName#count}): the name's own, or when
     * no record has it as typed the most shared name offered for it; with an age ({@code born}, null for none),
     * those born in its years.
     */
    public SharedName.Namesakes shared(PersonDetails name, BirthYears born) {
        return SharedName.count(name, born, this);
    }

    /** A count over every record a name count reads: the small force's, the index's, or the warming read's. */
    private int counted(java.util.function.ToIntFunction<PersonSearch> count, PersonDetails typed) {
        return over(count::applyAsInt, Integer::sum, 0, typed);
    }

    /**
     * An answer over every record a name count reads: the small force's, the index's (the built index's and the
     * records held beside it, put together by {@code both}), or the warming read's; {@code none} before any.
     */
    private <T> T over(java.util.function.Function<PersonSearch, T> answer, java.util.function.BinaryOperator<T> both,
                       T none, PersonDetails typed) {
        start();
        Snapshot s = current.get();
        if (!large && (s == null || s.size() <= smallForce)) {
            List<PersonRecordSource.Stored> all = store.latestSince(NOTHING_SEEN, smallForce + 1);
            if (all.size() <= smallForce) {
                return all.isEmpty() ? none : answer.apply(direct(all));
            }
            large = true;
        }
        if (s == null || s.state() == State.STARTING) {
            return none;
        }
        if (s.state() == State.WARMING) {
            return answer.apply(PersonSearch.of(store.matching(typed, MATCHING_EACH).stream()
                    .map(r -> PreparedRecord.of(r.details())).toList(), s.model()));
        }
        return s.changed() == null ? answer.apply(s.base()) : both.apply(answer.apply(s.base()), answer.apply(s.changed()));
    }

    /**
     * Asks the background to take in what has been written and returns when it has (for tests; the background does
     * this by itself every second).
     */
    CompletableFuture<Status> refresh() {
        return onBackground();
    }

    /** Asks the background to rebuild the whole index and retrain the model, and returns when it has. */
    CompletableFuture<Status> rebuild() {
        rebuildAsked.set(true);
        return onBackground();
    }

    // searching

    /** The search over a small force's records, kept while they stay the same; {@code all} is not empty. */
    private PersonSearch direct(List<PersonRecordSource.Stored> all) {
        List<PersonRecordSource.Stored> bySeq = new ArrayList<>(all);
        bySeq.sort(Comparator.comparingLong(PersonRecordSource.Stored::id));
        List<PersonDetails> details = bySeq.stream().map(PersonRecordSource.Stored::details).toList();
        Direct kept = direct.get();
        if (kept == null || !kept.records().equals(details)) {
            List<PreparedRecord> prepared = details.stream().map(PreparedRecord::of).toList();
            kept = new Direct(details, PersonSearch.of(prepared, train(prepared, presentIn(details))));
            direct.set(kept);
        }
        return kept.search();
    }

    private List<PersonSearch.Candidate> matching(MatchModel model, PersonDetails typed, BirthYears born,
                                                  double minimum) {
        List<PreparedRecord> found = store.matching(typed, MATCHING_EACH).stream()
                .map(r -> PreparedRecord.of(r.details())).toList();
        return PersonSearch.of(found, model).top(typed, born, RECORDS_CONSIDERED, minimum, i -> false);
    }

    private List<PersonSearch.Candidate> indexed(Snapshot s, PersonDetails typed, BirthYears born, double minimum) {
        List<PersonRecordSource.Stored> latest = store.latestSince(s.watermark(), LATEST_PER_SEARCH);
        Set<Long> newer = new HashSet<>();
        latest.forEach(r -> newer.add(r.id()));
        List<PersonSearch.Candidate> candidates = new ArrayList<>(s.base().top(typed, born, RECORDS_CONSIDERED,
                minimum, i -> s.superseded().get(i) || newer.contains(s.baseSeqs()[i])));
        if (s.changed() != null) {
            candidates.addAll(s.changed().top(typed, born, RECORDS_CONSIDERED, minimum,
                    i -> newer.contains(s.changedSeqs()[i])));
        }
        if (!latest.isEmpty()) {
            candidates.addAll(PersonSearch.of(latest.stream().map(r -> PreparedRecord.of(r.details())).toList(),
                    s.model()).top(typed, born, RECORDS_CONSIDERED, minimum, i -> false));
        }
        candidates.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        return candidates;
    }

    // the background

    private CompletableFuture<Status> onBackground() {
        start();
        CompletableFuture<Status> done = new CompletableFuture<>();
        try {
            background.execute(() -> {
                try {
                    refreshOnce();
                    done.complete(status());
                } catch (Exception | Error ex) {
                    done.completeExceptionally(ex);
                }
            });
        } catch (RejectedExecutionException ex) {
            done.completeExceptionally(new IllegalStateException("the person index is closed"));
        }
        return done;
    }

    private void refreshQuietly() {
        if (System.nanoTime() - notBefore < 0) {
            return;
        }
        try {
            refreshOnce();
            failures = 0;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error ex) {
            // keep answering from the last snapshot and try again, less often each time (up to once a minute);
            // the exception's message may quote a record, so only its type and place are logged
            failures++;
            notBefore = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(60, 1L << Math.min(failures, 6)));
            LOG.error("person index: refresh failed ({} in a row) with {} at {}", failures, ex.getClass().getName(),
                    ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : "?");
        }
    }

    /** One pass: build when there is nothing usable or a rebuild is due, else take in what was written since. */
    private void refreshOnce() throws InterruptedException {
        if (closed) {
            return;
        }
        Snapshot s = current.get();
        if (s == null || s.state() == State.WARMING || rebuildAsked.getAndSet(false)) {
            build();
            return;
        }
        PersonIndexStore.Changes since = store.since(s.watermark());
        if (since.records().isEmpty()) {
            // moving the watermark on keeps each search's read of what is newer short
            current.set(s.seenAt(since.snapshot()));
            return;
        }
        if (s.state() == State.STARTING || s.changes().size() + since.records().size() > rebuildAfter(s)) {
            build();
            return;
        }
        current.set(takeIn(s, since));
    }

    /** Rebuilt and retrained once the records held beside the index are more than a tenth of it (and 100). */
    private static int rebuildAfter(Snapshot s) {
        return Math.max(100, s.base().size() / 10);
    }

    private static Snapshot takeIn(Snapshot s, PersonIndexStore.Changes since) {
        Map<Long, PreparedRecord> changes = new LinkedHashMap<>(s.changes());
        BitSet superseded = (BitSet) s.superseded().clone();
        for (PersonRecordSource.Stored r : since.records()) {
            int at = Arrays.binarySearch(s.baseSeqs(), r.id());
            if (at >= 0) {
                superseded.set(at);
            }
            changes.remove(r.id());
            changes.put(r.id(), PreparedRecord.of(r.details()));
        }
        long[] changedSeqs = changes.keySet().stream().mapToLong(Long::longValue).toArray();
        PersonSearch changed = PersonSearch.of(List.copyOf(changes.values()), s.model());
        return new Snapshot(State.READY, since.snapshot(), s.model(), s.base(), s.baseSeqs(), superseded,
                Collections.unmodifiableMap(changes), changed, changedSeqs, s.builds());
    }

    private void build() throws InterruptedException {
        Snapshot before = current.get();
        boolean nothingToServe = before == null || before.state() != State.READY;
        Snapshot built;
        try {
            built = buildAtOneSnapshot(nothingToServe);
        } catch (Abandoned ex) {
            throw (InterruptedException) ex.getCause();
        }
        if (closed) {
            return;
        }
        listener.beforeSwap(Stage.INDEX);
        if (built.state() == State.READY) {
            builds.incrementAndGet();
        }
        current.set(built);
    }

    private Snapshot buildAtOneSnapshot(boolean nothingToServe) {
        return store.atOneSnapshot(read -> {
            try {
                Set<PersonField> present = read.present();
                List<PreparedRecord> training = read.first(TRAINING_RECORDS).stream()
                        .map(r -> PreparedRecord.of(r.details())).toList();
                if (training.isEmpty()) {
                    return Snapshot.starting(read.snapshot(), builds.get());
                }
                MatchModel model = train(training, present);
                if (nothingToServe) {
                    listener.beforeSwap(Stage.MODEL);
                    current.set(Snapshot.warming(read.snapshot(), model, builds.get()));
                }
                List<PersonRecordSource.Stored> all = read.all();
                List<PreparedRecord> prepared = new ArrayList<>(all.size());
                long[] seqs = new long[all.size()];
                for (int i = 0; i < all.size(); i++) {
                    if (closed) {
                        throw new InterruptedException("the person index closed during a build");
                    }
                    prepared.add(PreparedRecord.of(all.get(i).details()));
                    seqs[i] = all.get(i).id();
                }
                return new Snapshot(State.READY, read.snapshot(), model, PersonSearch.of(prepared, model), seqs,
                        new BitSet(), Map.of(), null, new long[0], builds.get() + 1);
            } catch (InterruptedException ex) {
                throw new Abandoned(ex);
            }
        });
    }

    private static MatchModel train(List<PreparedRecord> training, Set<PersonField> present) {
        return MatchModel.train(training, FieldComparison.forFields(present), BlockingRule.standard(),
                MatchModel.Training.standard());
    }

    private static Set<PersonField> presentIn(List<PersonDetails> details) {
        Set<PersonField> present = EnumSet.noneOf(PersonField.class);
        for (PersonDetails d : details) {
            for (PersonField f : PersonField.values()) {
                if (d.has(f)) {
                    present.add(f);
                }
            }
        }
        return present;
    }

    /** A build given up because the index was closed. */
    private static final class Abandoned extends RuntimeException {
        Abandoned(InterruptedException cause) {
            super(cause);
        }
    }
}
