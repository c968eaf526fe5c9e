package org.peel.bench;

import org.jdbi.v3.core.Jdbi;
import org.peel.platform.Database;
import org.peel.platform.DatabaseOptions;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelException;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code peel bench audit}: what the audit trail costs a force's writes. Several writers each commit small
 * transactions, a business row and its audit entry through {@link AuditTrail}; the baseline is the very same
 * writes without the audit entry, in the same run, on the same database, interleaved in rounds so that neither
 * gets the warmer table. The audited writes are sealed by the ordinary background sealer while they run, and
 * the trail is verified at the end. Uses a temporary embedded database unless --data-dir or --db-url is given
 * (its audit trail keeps the bench's entries for good, so give it a scratch database).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audited writes per second with concurrent writers (a business row and its audit entry per"
                + " transaction) against the same writes unaudited, in the same run, as a ratio.")
final class AuditBench implements Callable<Integer> {

    private static final String TABLE = "bench_audit_write";

    @Mixin DatabaseOptions db;
    @Mixin OutputOptions output;

    @Option(names = "--writes", paramLabel = "N", description = "Timed writes of each kind (default: ${DEFAULT-VALUE})")
    int writes = 4_000;

    @Option(names = "--writers", paramLabel = "N", description = "Concurrent writers (default: ${DEFAULT-VALUE})")
    int writers = 8;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Rounds, each timing both kinds in turn (default: ${DEFAULT-VALUE})")
    int rounds = 3;

    @Override
    public Integer call() throws Exception {
        if (writes < writers || writers < 1 || rounds < 1) {
            throw new IllegalArgumentException("give at least 1 writer and 1 round, and at least as many --writes as writers");
        }
        Path temporary = temporaryLocation();
        DatabaseOptions options = temporary == null ? db : DatabaseOptions.embedded(temporary);
        try {
            try (Database database = options.open()) {
                return run(database);
            }
        } finally {
            if (temporary != null) {
                deleteTree(temporary);
            }
        }
    }

    private int run(Database database) throws InterruptedException {
        Jdbi jdbi = database.jdbi();
        AuditTrail trail = new AuditTrail(jdbi);
        // the scratch table is the schema owner's to make and drop; the writes run as the application, as Peel's do
        Jdbi owner = database.ownerJdbi();
        owner.useHandle(h -> h.execute("create table if not exists " + TABLE
                + " (id bigserial primary key, writer int not null, n int not null, at timestamptz not null default now(),"
                + " note text)"));
        try {
            long before = jdbi.withHandle(h -> h.createQuery("select count(*) from audit_event").mapTo(Long.class).one());
            int warmUp = Math.max(writers, writes / 10);
            timed(jdbi, trail, false, warmUp);
            timed(jdbi, trail, true, warmUp);
            double plainSeconds = 0;
            double auditedSeconds = 0;
            int plainWrites = 0;
            int auditedWrites = 0;
            for (int r = 0; r < rounds; r++) {
                int n = writes / rounds + (r < writes % rounds ? 1 : 0);
                plainSeconds += timed(jdbi, trail, false, n);
                plainWrites += n;
                auditedSeconds += timed(jdbi, trail, true, n);
                auditedWrites += n;
            }
            trail.seal();
            AuditTrail.Verification v = trail.verify();
            long added = jdbi.withHandle(h -> h.createQuery("select count(*) from audit_event").mapTo(Long.class).one())
                    - before;
            double plainRate = plainWrites / plainSeconds;
            double auditedRate = auditedWrites / auditedSeconds;
            double ratio = auditedRate / plainRate;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("writers", writers);
            json.put("writes", writes);
            json.put("rounds", rounds);
            json.put("auditedWritesPerSecond", Math.round(auditedRate));
            json.put("unauditedWritesPerSecond", Math.round(plainRate));
            json.put("ratio", Math.round(ratio * 100) / 100.0);
            json.put("target", 0.7);
            json.put("auditEntriesAdded", added);
            json.put("chainIntact", v.intact());
            json.put("entriesChecked", v.entriesChecked());
            String text = String.format(Locale.ROOT, """
                            Audited writes, %d concurrent writers, %,d writes of each kind in %d rounds (%s)
                              audited:   %,10.0f writes/s  (business row + audit entry, one transaction each)
                              unaudited: %,10.0f writes/s  (the same business rows alone)
                              ratio:     %10.2f  (audited ÷ unaudited; target at least 0.70)
                              audit entries added: %,d; chain %s (%,d entries checked)""",
                    writers, writes, rounds, database.location().describe(), auditedRate, plainRate, ratio, added,
                    v.intact() ? "intact" : "BROKEN: " + v.problem(), v.entriesChecked());
            output.print(System.out, text, json);
            return v.intact() ? 0 : 1;
        } finally {
            owner.useHandle(h -> h.execute("drop table if exists " + TABLE));
        }
    }

    /** Seconds for n writes shared among the writers, each write its own transaction. */
    private double timed(Jdbi jdbi, AuditTrail trail, boolean audited, int n) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        int number = i;
                        jdbi.useTransaction(h -> {
                            long id = h.createUpdate("insert into " + TABLE + " (writer, n, note) values (:w, :n, 'bench')")
                                    .bind("w", writer).bind("n", number).executeAndReturnGeneratedKeys("id")
                                    .mapTo(Long.class).one();
                            if (audited) {
                                trail.record(h, new AuditEvent(Instant.now(), null, "bench.audit", "administrator",
                                        "bench-write", TABLE, String.valueOf(id), null, AuditEvent.SUCCESS, null, null));
                            }
                        });
                    }
                } catch (Throwable ex) {
                    failures.add(ex);
                }
            }, "bench-audit-writer-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new PeelException("a bench writer failed: " + Database.rootMessage(failures.get(0)));
        }
        return seconds;
    }

    /** A temporary embedded database when none was chosen, so the bench's entries stay out of a real trail. */
    private Path temporaryLocation() throws IOException {
        if (db.chosen()) {
            return null;
        }
        return Files.createTempDirectory("peel-bench-audit-");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
