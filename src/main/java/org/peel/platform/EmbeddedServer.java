package org.peel.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL of one data directory: started by this process, or already running under another live
 * Peel (a demo or server), in which case this process connects to it as a client and never stops it.
 *
 * <p>The process that starts the server records itself in {@code peel.pid} in the data directory (its pid, when it
 * started, and PostgreSQL's port) and removes the record when it stops the server. A postmaster left running by a
 * Peel that died (SIGKILL, power loss) is an orphan: it is stopped so that PostgreSQL's own crash recovery replays
 * the WAL on the next start and no committed transaction is lost.
 */
final class EmbeddedServer implements AutoCloseable {

    static final String RECORD = "peel.pid";
    private static final String LOCK = "peel.lock";

    private final Path dataDir;
    private final int port;
    private final EmbeddedPostgres started;
    private final long ownerPid;

    private EmbeddedServer(Path dataDir, int port, EmbeddedPostgres started, long ownerPid) {
        this.dataDir = dataDir;
        this.port = port;
        this.started = started;
        this.ownerPid = ownerPid;
    }

    /**
     * A live program that started the server without leaving Peel's record (a Peel from before the record existed)
     * still holds the embedded server's own lock: its postmaster is not an orphan, so it is neither stopped nor
     * started over, and the command says so in one line.
     */
    private static void refuseIfHeldElsewhere(Path dataDir, Path pgDir) throws IOException {
        Path lock = pgDir.resolve("epg-lock");
        if (!Files.exists(lock)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                throw new PeelException("Another program is running the embedded PostgreSQL in " + dataDir
                        + " (a Peel started before this version?): stop it, then run the command again");
            }
            held.release();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            throw new PeelException("This process already runs the embedded PostgreSQL in " + dataDir);
        }
    }

    /**
     * Attaches to the server a live Peel runs on this data directory, or starts one. The check and the start happen
     * under a file lock, so two commands started together do not both start a server.
     */
    static synchronized EmbeddedServer open(Path dataDir) {
        Path dir = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Optional<Owner> owner = Owner.read(dir.resolve(RECORD)).filter(Owner::alive);
                if (owner.isPresent()) {
                    return new EmbeddedServer(dir, owner.get().port(), null, owner.get().pid());
                }
                Path pgDir = dir.resolve("postgres");
                refuseIfHeldElsewhere(dataDir, pgDir);
                stopOrphanedPostmaster(pgDir);
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(pgDir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("max_connections", "100")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
                ProcessHandle self = ProcessHandle.current();
                new Owner(self.pid(), startOf(self), pg.getPort()).write(dir.resolve(RECORD));
                return new EmbeddedServer(dir, pg.getPort(), pg, self.pid());
            }
        } catch (IOException ex) {
            throw new PeelException("Cannot start the embedded PostgreSQL in " + dataDir + ": "
                    + Database.rootMessage(ex)
                    + "\n  (if user namespaces are not allowed on this machine, use --db-url with an external server)");
        }
    }

    /** The JDBC URL of the server's maintenance database as its superuser, who owns Peel's schema. */
    String ownerJdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** True when another live Peel runs the server and this process is its client. */
    boolean attached() {
        return started == null;
    }

    /** One line for when a server run by another Peel cannot be reached. */
    String unreachable(Throwable cause) {
        return "Peel (pid " + ownerPid + ") is running the database in " + dataDir + ", but its PostgreSQL on port "
                + port + " does not answer: " + Database.rootMessage(cause);
    }

    /** Stops the server if this process started it; a client leaves it running. */
    @Override
    public void close() {
        if (started == null) {
            return;
        }
        try {
            started.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            Path record = dataDir.resolve(RECORD);
            if (Owner.read(record).filter(o -> o.pid() == ownerPid && o.port() == port).isPresent()) {
                try {
                    Files.deleteIfExists(record);
                } catch (IOException ignored) {
                    // a stale record names a dead process, which the next start treats as an orphan
                }
            }
        }
    }

    /** The process recorded as running the server; its start time tells it apart from a later process given its pid. */
    record Owner(long pid, long startedMillis, int port) {

        static Optional<Owner> read(Path file) {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
                return Optional.of(new Owner(Long.parseLong(p.getProperty("pid", "").trim()),
                        Long.parseLong(p.getProperty("started", "0").trim()),
                        Integer.parseInt(p.getProperty("port", "").trim())));
            } catch (IOException | RuntimeException unreadable) {
                return Optional.empty(); // half-written or foreign: no live owner can be named
            }
        }

        boolean alive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> startedMillis == 0 || startOf(p) == 0 || Math.abs(startOf(p) - startedMillis) < 2_000)
                    .isPresent();
        }

        void write(Path file) throws IOException {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, "# the Peel process running this data directory's PostgreSQL\n"
                    + "pid=" + pid + "\nstarted=" + startedMillis + "\nport=" + port + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static long startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Stops a postmaster whose Peel died; its clients died with that Peel. */
    private static void stopOrphanedPostmaster(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException ex) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return; // stale pid file: PostgreSQL removes it itself on start
        }
        ProcessHandle process = postmaster.get();
        process.destroy(); // SIGTERM: smart shutdown
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception timeout) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                throw new IOException("an earlier PostgreSQL (pid " + pid + ") still holds " + pgDir);
            }
        }
    }
}
