package org.peel.people;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.TestDatabase;
import org.peel.testing.TestServer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@DisplayName("The search-before-create index over stored person records")
class PersonIndexTest {

    /** Oliver Okafor, index 22 of the force's records: recorded once, as pr-23. */
    private static final int OLIVER = 22;
    private static final Duration NOT_BEFORE_ASKED = Duration.ofHours(1);
    private static final Duration NEVER_LONGER = Duration.ofSeconds(60);

    private final List<PersonIndex> opened = new ArrayList<>();

    @AfterEach
    void closeIndexes() {
        opened.forEach(PersonIndex::close);
    }

    @Test
    @DisplayName("a small force's record stored after a search is found at the next search, beside the older ones")
    void takesInNewRecords() {
        // given a force's resolved person records and an index that has answered a search
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        PeopleWebRecords.recordAndLink(jdbi);
        PersonIndex index = opened(new PersonIndex(jdbi, new PersonRecordStore(jdbi)));
        PersonDetails typed = zebedee();
        assertThat(index.find(typed, 5, 0.5)).isEmpty();

        // when a call handler records someone new
        insertZebedee(jdbi);

        // then the next search finds them, and still finds the people stored before
        List<PersonIndex.Found> found = index.find(typed, 5, 0.5);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).recordSeq()).isEqualTo(PeopleWebRecords.seq(jdbi, "pr-new"));
        assertThat(found.get(0).probability()).isGreaterThan(0.9);
        PersonDetails older = new PersonDetails("typed", PeopleWebRecords.GIVEN[0], PeopleWebRecords.SURNAMES[0], null,
                PeopleWebRecords.dob(0), null, null, PeopleWebRecords.postcode(0), null, null, null);
        long person = new PeopleStore(jdbi).personOf(PeopleWebRecords.seq(jdbi, "pr-1")).orElseThrow();
        assertThat(index.find(older, 5, 0.5)).extracting(PersonIndex.Found::personId).contains(person);
    }

    @Test
    @DisplayName("a record stored after the index was built is taken in beside it, without rebuilding the index")
    void newRecordsWithoutRebuild() {
        // given a built index
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        PeopleWebRecords.recordAndLink(jdbi);
        PersonIndex index = backgroundIndex(jdbi, stage -> {
        });
        PersonIndex.Status built = index.refresh().join();
        assertThat(built).isEqualTo(new PersonIndex.Status(PersonIndex.State.READY, 80, 0, 1));

        // when a call handler records someone new and the background takes it in
        insertZebedee(jdbi);
        PersonIndex.Status after = index.refresh().join();

        // then it is held beside the index, which was not rebuilt, and the next search finds them
        assertThat(after).isEqualTo(new PersonIndex.Status(PersonIndex.State.READY, 80, 1, 1));
        assertThat(index.find(zebedee(), 5, 0.5)).extracting(PersonIndex.Found::recordSeq)
                .containsExactly(PeopleWebRecords.seq(jdbi, "pr-new"));
    }

    @Test
    @DisplayName("an edited record is found under its corrected surname and date of birth, and no longer under the old")
    void seesEdits() {
        // given a built index that holds Oliver Okafor
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        PeopleWebRecords.recordAndLink(jdbi);
        PersonIndex index = backgroundIndex(jdbi, stage -> {
        });
        index.refresh().join();
        long oliver = PeopleWebRecords.seq(jdbi, "pr-" + (OLIVER + 1));
        assertThat(shownAs(index.find(oldOliver(), 10, 0.01), oliver)).isEqualTo("Okafor");

        // when his surname and date of birth are corrected on the record
        correctOliver(jdbi);

        // then at once, and after the background has taken the edit in, and after a full rebuild, searches show only
        // the corrected record: found under the new details, never under the old
        assertEditSeen(index, oliver);
        assertThat(index.refresh().join()).isEqualTo(new PersonIndex.Status(PersonIndex.State.READY, 80, 1, 1));
        assertEditSeen(index, oliver);
        assertThat(index.rebuild().join()).isEqualTo(new PersonIndex.Status(PersonIndex.State.READY, 80, 0, 2));
        assertEditSeen(index, oliver);
    }

    @Test
    @DisplayName("a search while the index is slowly being rebuilt is answered at once from the index it replaces")
    void searchDuringRebuild() throws Exception {
        // given a built index whose next build will be held just before it is swapped in
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        PeopleWebRecords.recordAndLink(jdbi);
        Hold hold = new Hold();
        PersonIndex index = backgroundIndex(jdbi, hold);
        index.refresh().join();
        long oliver = PeopleWebRecords.seq(jdbi, "pr-" + (OLIVER + 1));

        // when a rebuild is under way and held
        hold.next(PersonIndex.Stage.INDEX);
        CompletableFuture<PersonIndex.Status> rebuilt = index.rebuild();
        hold.awaitHeld();

        // then a search is answered without waiting for it, from the index built before
        List<PersonIndex.Found> found = assertTimeoutPreemptively(NEVER_LONGER,
                () -> index.find(oldOliver(), 10, 0.01));
        assertThat(shownAs(found, oliver)).isEqualTo("Okafor");
        assertThat(index.status().builds()).isEqualTo(1);
        assertThat(rebuilt).isNotDone();

        // and once the rebuild is let go it is swapped in
        hold.release();
        assertThat(rebuilt.get(60, TimeUnit.SECONDS).builds()).isEqualTo(2);
    }

    @Test
    @DisplayName("a rebuild is swapped in whole: every search during it sees the old index or the new, never a mix")
    void swapIsAtomic() throws Exception {
        // given a built index holding Oliver's corrected record beside it, and his old one set aside
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        PeopleWebRecords.recordAndLink(jdbi);
        Hold hold = new Hold();
        PersonIndex index = backgroundIndex(jdbi, hold);
        index.refresh().join();
        long oliver = PeopleWebRecords.seq(jdbi, "pr-" + (OLIVER + 1));
        long mary = PeopleWebRecords.seq(jdbi, "pr-2");
        correctOliver(jdbi);
        assertThat(index.refresh().join().changes()).isEqualTo(1);

        // when searches run without pause while a rebuild is built, held, and swapped in
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean searching = new AtomicBoolean(true);
        Thread searcher = new Thread(() -> {
            while (searching.get()) {
                seen.add(answer(index, oliver, mary));
            }
        }, "searcher");
        hold.next(PersonIndex.Stage.INDEX);
        CompletableFuture<PersonIndex.Status> rebuilt = index.rebuild();
        searcher.start();
        hold.awaitHeld();
        String whileHeld = answer(index, oliver, mary);
        hold.release();
        PersonIndex.Status after = rebuilt.get(60, TimeUnit.SECONDS);
        String afterSwap = answer(index, oliver, mary);
        searching.set(false);
        searcher.join(60_000);

        // then every answer, before, during and after the swap, is whole: Oliver once under his corrected name and
        // never under the old, and an untouched record still found
        assertThat(after).isEqualTo(new PersonIndex.Status(PersonIndex.State.READY, 80, 0, 2));
        String whole = "new name: Adeyemi; old name: none; Mary: found";
        assertThat(whileHeld).isEqualTo(whole);
        assertThat(afterSwap).isEqualTo(whole);
        assertThat(seen).isNotEmpty().containsOnly(whole);
    }

    @Test
    @DisplayName("before the first build is in, a search is answered from the records with the surname, date of birth"
            + " or postcode as typed")
    void answersBeforeFirstBuild() throws Exception {
        // given a large force (as far as the index knows) whose first build is held once the model is trained
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        PeopleWebRecords.recordAndLink(jdbi);
        Hold hold = new Hold();
        hold.next(PersonIndex.Stage.INDEX);
        PersonIndex index = backgroundIndex(jdbi, hold);
        index.start();
        hold.awaitHeld();
        long oliver = PeopleWebRecords.seq(jdbi, "pr-" + (OLIVER + 1));

        // when a call handler types his details as recorded, and then a misspelt surname alone
        List<PersonIndex.Found> exact = assertTimeoutPreemptively(NEVER_LONGER,
                () -> index.find(oldOliver(), 10, 0.01));
        List<PersonIndex.Found> misspelt = index.find(
                PersonDetails.named("typed", "Oliver", "Okafr", null), 10, 0.01);

        // then the first finds him, scored by the trained model; the second waits for the index
        assertThat(index.status().state()).isEqualTo(PersonIndex.State.WARMING);
        assertThat(exact).isNotEmpty();
        assertThat(exact.get(0).recordSeq()).isEqualTo(oliver);
        assertThat(exact.get(0).probability()).isGreaterThan(0.9);
        assertThat(misspelt).isEmpty();
        hold.release();
        assertThat(index.refresh().join().state()).isEqualTo(PersonIndex.State.READY);
        assertThat(index.find(PersonDetails.named("typed", "Oliver", "Okafr", null), 10, 0.01))
                .extracting(PersonIndex.Found::recordSeq).contains(oliver);
    }

    @Test
    @DisplayName("the background thread stops when the index is closed, and the server closes its index as it stops")
    void stopsWithItsOwner() throws Exception {
        // given an index and a server, each with its background thread running
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        PeopleWebRecords.recordAndLink(jdbi);
        List<Thread> workers = new CopyOnWriteArrayList<>();
        PersonIndex index = backgroundIndex(jdbi, stage -> workers.add(Thread.currentThread()));
        index.refresh().join();
        TestServer server = TestServer.start();
        List<Thread> serverWorkers = indexThreads();
        serverWorkers.removeAll(workers);
        assertThat(workers).isNotEmpty().allMatch(Thread::isAlive);
        assertThat(serverWorkers).isNotEmpty();

        // when each is closed
        index.close();
        server.close();

        // then their threads are gone
        assertThat(workers).noneMatch(Thread::isAlive);
        for (Thread t : serverWorkers) {
            t.join(10_000);
        }
        assertThat(serverWorkers).noneMatch(Thread::isAlive);
    }

    // fixtures

    private PersonIndex opened(PersonIndex index) {
        opened.add(index);
        return index;
    }

    /** An index that always uses its built index, refreshed only when a test asks. */
    private PersonIndex backgroundIndex(Jdbi jdbi, PersonIndex.BuildListener listener) {
        return opened(new PersonIndex(jdbi, new PersonRecordStore(jdbi), NOT_BEFORE_ASKED, 0, listener));
    }

    private static PersonDetails zebedee() {
        return new PersonDetails("typed", "Zebedee", "Quillfeather", null, LocalDate.of(1961, 2, 3), null, null,
                "M4 4AB", null, null, null);
    }

    private static void insertZebedee(Jdbi jdbi) {
        PeopleWebRecords.insert(jdbi, "pr-new", "asb_incident", "ASB-1", "victim", "Zebedee", "Quillfeather",
                LocalDate.of(1961, 2, 3), "M4 4AB", "7 Mill Lane");
    }

    private static PersonDetails oldOliver() {
        return new PersonDetails("typed", "Oliver", "Okafor", null, PeopleWebRecords.dob(OLIVER), null, null,
                PeopleWebRecords.postcode(OLIVER), null, null, null);
    }

    private static PersonDetails newOliver() {
        return new PersonDetails("typed", "Oliver", "Adeyemi", null, LocalDate.of(1975, 8, 19), null, null,
                PeopleWebRecords.postcode(OLIVER), null, null, null);
    }

    private static void correctOliver(Jdbi jdbi) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update person_record set surname = 'Adeyemi', date_of_birth = :d where id = :id")
                .bind("d", LocalDate.of(1975, 8, 19)).bind("id", "pr-" + (OLIVER + 1)).execute());
    }

    private static void assertEditSeen(PersonIndex index, long oliver) {
        List<PersonIndex.Found> byNew = index.find(newOliver(), 10, 0.01);
        assertThat(byNew).isNotEmpty();
        assertThat(byNew.get(0).recordSeq()).isEqualTo(oliver);
        assertThat(byNew.get(0).candidate().details().surname()).isEqualTo("Adeyemi");
        assertThat(byNew.get(0).probability()).isGreaterThan(0.9);
        String underOld = shownAs(index.find(oldOliver(), 10, 0.01), oliver);
        assertThat(underOld).isNotEqualTo("Okafor");
    }

    /** The surname Oliver's record is shown with among the found, or "none". */
    private static String shownAs(List<PersonIndex.Found> found, long seq) {
        return found.stream().filter(f -> f.recordSeq() == seq).map(f -> f.candidate().details().surname())
                .findFirst().orElse("none");
    }

    /** What two searches show: Oliver under his new and old names, and an untouched record. */
    private static String answer(PersonIndex index, long oliver, long mary) {
        String byNew = shownAs(index.find(newOliver(), 10, 0.01), oliver);
        String old = "Okafor".equals(shownAs(index.find(oldOliver(), 10, 0.01), oliver)) ? "Okafor" : "none";
        PersonDetails marySmith = new PersonDetails("typed", "Mary", "Smith", null, PeopleWebRecords.dob(1), null,
                null, PeopleWebRecords.postcode(1), null, null, null);
        boolean maryFound = index.find(marySmith, 10, 0.01).stream().anyMatch(f -> f.recordSeq() == mary);
        return "new name: " + byNew + "; old name: " + old + "; Mary: " + (maryFound ? "found" : "missing");
    }

    private static List<Thread> indexThreads() {
        List<Thread> threads = new ArrayList<>();
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("peel-person-index"))
                .forEach(threads::add);
        return threads;
    }

    /** Holds the background thread at the next build stage named, until released. */
    private static final class Hold implements PersonIndex.BuildListener {

        private volatile PersonIndex.Stage at;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void next(PersonIndex.Stage stage) {
            at = stage;
        }

        @Override
        public void beforeSwap(PersonIndex.Stage stage) throws InterruptedException {
            if (stage == at) {
                at = null;
                held.countDown();
                released.await();
            }
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(60, TimeUnit.SECONDS)).as("the build reached the stage held").isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}
