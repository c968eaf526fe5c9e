package org.peel.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditKey;
import org.peel.access.AuditSealer;
import org.peel.access.AuditTrail;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Peel's one PostgreSQL database, embedded or external, with its connection pool and migrations.
 * Closing it stops an embedded server cleanly.
 */
public final class Database implements AutoCloseable {

    private final DatabaseLocation location;
    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private AuditSealer sealer;

    private Database(DatabaseLocation location, EmbeddedPostgres embedded, HikariDataSource pool, AuditKey auditKey) {
        this.location = location;
        this.embedded = embedded;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        AuditKey.install(jdbi, auditKey);
    }

    /**
     * Opens (and for an embedded location, starts) the database. Does not migrate. The audit key comes from the
     * environment, or for an embedded database from {@code audit.key} in its data directory ({@link AuditKey}).
     */
    public static Database open(DatabaseLocation location) {
        return open(location, null);
    }

    /** Opens the database with the audit key given (a scratch database of a benchmark), or as above when null. */
    public static Database open(DatabaseLocation location, AuditKey auditKey) {
        if (location instanceof DatabaseLocation.External external) {
            AuditKey key = auditKey != null ? auditKey : AuditKey.resolve(System.getenv(), null);
            return new Database(location, null, pool(external.jdbcUrl(), 10), key);
        }
        Path dataDir = ((DatabaseLocation.Embedded) location).dataDir();
        AuditKey key = auditKey != null ? auditKey : AuditKey.resolve(System.getenv(), dataDir);
        EmbeddedPostgres pg = startEmbedded(dataDir);
        try {
            return new Database(location, pg, pool(pg.getJdbcUrl("postgres", "postgres"), 10), key);
        } catch (RuntimeException ex) {
            closeQuietly(pg);
            throw ex;
        }
    }

    private static HikariDataSource pool(String jdbcUrl, int size) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setMaximumPoolSize(size);
        cfg.setPoolName("peel");
        cfg.setConnectionTimeout(Duration.ofSeconds(15).toMillis());
        cfg.setInitializationFailTimeout(Duration.ofSeconds(15).toMillis());
        try {
            return new HikariDataSource(cfg);
        } catch (RuntimeException ex) {
            throw new PeelException("Cannot connect to PostgreSQL at "
                    + new DatabaseLocation.External(jdbcUrl).describe().replace("external PostgreSQL at ", "")
                    + ": " + rootMessage(ex));
        }
    }

    /**
     * Starts the embedded server on a data directory that survives restarts. If a previous Peel was killed
     * (SIGKILL, power loss) its postmaster may still be running on the directory: stop it first, so that
     * PostgreSQL's own crash recovery replays the WAL and no committed transaction is lost.
     */
    static EmbeddedPostgres startEmbedded(Path dataDir) {
        Path pgDir = dataDir.toAbsolutePath().resolve("postgres");
        try {
            Files.createDirectories(dataDir);
            stopOrphanedPostmaster(pgDir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException ex) {
            throw new PeelException("Cannot start the embedded PostgreSQL in " + dataDir + ": " + rootMessage(ex)
                    + "\n  (if user namespaces are not allowed on this machine, use --db-url with an external server)");
        }
    }

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
        process.destroy(); // SIGTERM: smart shutdown; its clients died with the old JVM
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception timeout) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                throw new IOException("an earlier PostgreSQL (pid " + pid + ") still holds " + pgDir);
            }
        }
    }

    /** Brings the schema to the newest version. Safe to run on every start. */
    public Database migrate() {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (sealer == null) {
            // seals entries a crash left unsealed, then keeps sealing until close
            sealer = AuditSealer.start(new AuditTrail(jdbi));
        }
        return this;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return pool;
    }

    public DatabaseLocation location() {
        return location;
    }

    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException ex) {
            return false;
        }
    }

    @Override
    public void close() {
        if (sealer != null) {
            sealer.close();
        }
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one to report
        }
    }

    public static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
