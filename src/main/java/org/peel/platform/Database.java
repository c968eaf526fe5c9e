package org.peel.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditedTransactions;
import org.peel.access.AuditKey;
import org.peel.access.AuditSealer;
import org.peel.access.AuditTrail;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Peel's one PostgreSQL database, embedded or external, with its connection pool and migrations.
 *
 * <p>Two identities: the schema's owner (the embedded server's superuser, or the user in the external URL) runs the
 * migrations and grants; the application's pool connects as the unprivileged {@link AppRole}, so nothing the server
 * or a command does can alter the schema, disable a trigger, truncate, or delete outside {@link AppRole#DELETABLE}.
 *
 * <p>An embedded data directory whose server another live Peel is running is used as a client: closing this
 * Database then leaves that server running. Otherwise closing stops the embedded server cleanly.
 */
public final class Database implements AutoCloseable {

    private final DatabaseLocation location;
    private final EmbeddedServer embedded;
    private final String ownerUrl;
    private final AppRole appRole;
    private final DataSource ownerDataSource;
    private final Jdbi owner;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private AuditSealer sealer;

    private Database(DatabaseLocation location, EmbeddedServer embedded, String ownerUrl, AppRole appRole,
                     HikariDataSource pool, AuditKey auditKey) {
        this.location = location;
        this.embedded = embedded;
        this.ownerUrl = ownerUrl;
        this.appRole = appRole;
        this.ownerDataSource = ownerDataSource(ownerUrl);
        this.owner = Jdbi.create(ownerDataSource);
        this.pool = pool;
        this.jdbi = AuditedTransactions.install(Jdbi.create(pool));
        AuditKey.install(jdbi, auditKey);
        AuditKey.install(owner, auditKey);
    }

    /**
     * Opens (and for an embedded location, starts or attaches to) the database, as {@link AppRole#fromEnvironment()}.
     * The audit key comes from the environment, or for an embedded database from {@code audit.key} in its data
     * directory ({@link AuditKey}).
     */
    public static Database open(DatabaseLocation location) {
        return open(location, AppRole.fromEnvironment(), null);
    }

    /** Opens the database with the audit key given (a scratch database of a benchmark), or as above when null. */
    public static Database open(DatabaseLocation location, AuditKey auditKey) {
        return open(location, AppRole.fromEnvironment(), auditKey);
    }

    /** Opens the database as the given application role, with the audit key from the environment. */
    public static Database open(DatabaseLocation location, AppRole appRole) {
        return open(location, appRole, null);
    }

    /**
     * Opens the database; makes sure the application's role exists and may connect. Does not migrate: see
     * {@link #migrate()}, which also grants the role its privileges on the schema.
     */
    public static Database open(DatabaseLocation location, AppRole appRole, AuditKey auditKey) {
        if (location instanceof DatabaseLocation.External external) {
            AuditKey key = auditKey != null ? auditKey : AuditKey.resolve(Environment.variables(), null);
            return connect(location, null, external.jdbcUrl(), appRole, key);
        }
        java.nio.file.Path dataDir = ((DatabaseLocation.Embedded) location).dataDir();
        AuditKey key = auditKey != null ? auditKey : AuditKey.resolve(Environment.variables(), dataDir);
        EmbeddedServer server = EmbeddedServer.open(dataDir);
        try {
            return connect(location, server, server.ownerJdbcUrl(), appRole, key);
        } catch (RuntimeException ex) {
            server.close();
            throw ex;
        }
    }

    private static Database connect(DatabaseLocation location, EmbeddedServer server, String ownerUrl, AppRole appRole,
                                    AuditKey auditKey) {
        try {
            appRole.ensure(Jdbi.create(ownerDataSource(ownerUrl)));
        } catch (PeelException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw unreachable(server, ownerUrl, ex);
        }
        try {
            return new Database(location, server, ownerUrl, appRole,
                    pool(withCredentials(ownerUrl, appRole.name(), appRole.password()), 10), auditKey);
        } catch (RuntimeException ex) {
            if (server != null && server.attached()) {
                throw new PeelException(server.unreachable(ex));
            }
            // the owner could connect, so it is the application's role the server turned away
            throw new PeelException("Cannot connect to PostgreSQL at " + where(ownerUrl) + " as the application's"
                    + " role '" + appRole.name() + "' (PEEL_DB_APP_USER, PEEL_DB_APP_PASSWORD): " + rootMessage(ex));
        }
    }

    private static PeelException unreachable(EmbeddedServer server, String url, RuntimeException ex) {
        if (server != null && server.attached()) {
            return new PeelException(server.unreachable(ex));
        }
        return new PeelException("Cannot connect to PostgreSQL at " + where(url) + ": " + rootMessage(ex));
    }

    private static String where(String url) {
        return new DatabaseLocation.External(url).describe().replace("external PostgreSQL at ", "");
    }

    /**
     * Options every Peel session starts with. Just-in-time compilation is off: Peel's statements are short, but
     * Measure's fact views are unions of many parts, and a server with JIT on (PostgreSQL's default where LLVM is
     * installed) spends a second or more compiling each grouped read of them, turning a page of borough figures
     * into a minute.
     *
     * <p>Every statement is planned for the values it runs with. The JDBC driver prepares a statement on the server
     * once it has run five times, and PostgreSQL may then keep one plan for any values; Peel's lists filter with
     * optional values ("no borough, or this one"), and a plan made for one borough, kept for the whole force, turned
     * the People list from a tenth of a second into 24 seconds. Planning each time costs milliseconds at most (about
     * 7 ms for Measure's fact view, the largest statement).
     */
    public static final String SESSION_OPTIONS = "-c jit=off -c plan_cache_mode=force_custom_plan";

    private static HikariDataSource pool(String jdbcUrl, int size) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setMaximumPoolSize(size);
        cfg.setPoolName("peel");
        cfg.addDataSourceProperty("options", SESSION_OPTIONS);
        cfg.setConnectionTimeout(Duration.ofSeconds(15).toMillis());
        cfg.setInitializationFailTimeout(Duration.ofSeconds(15).toMillis());
        return new HikariDataSource(cfg);
    }

    private static DataSource ownerDataSource(String jdbcUrl) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        ds.setConnectTimeout(15);
        ds.setOptions(SESSION_OPTIONS);
        return ds;
    }

    /** The same JDBC URL with another user and password (or none): the query's own credentials are replaced. */
    static String withCredentials(String jdbcUrl, String user, String password) {
        int q = jdbcUrl.indexOf('?');
        StringBuilder url = new StringBuilder(q < 0 ? jdbcUrl : jdbcUrl.substring(0, q));
        List<String> params = new ArrayList<>();
        if (q >= 0) {
            for (String kv : jdbcUrl.substring(q + 1).split("&")) {
                String key = kv.toLowerCase(java.util.Locale.ROOT);
                if (!kv.isEmpty() && !key.startsWith("user=") && !key.startsWith("password=")) {
                    params.add(kv);
                }
            }
        }
        params.add("user=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
        if (password != null) {
            params.add("password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        }
        return url.append('?').append(String.join("&", params)).toString();
    }

    /**
     * Brings the schema to the newest version as its owner, then grants the application's role its privileges on
     * every table, including those the migrations just added. Safe to run on every start.
     */
    public Database migrate() {
        Flyway.configure()
                .dataSource(ownerDataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        appRole.grant(owner);
        if (sealer == null) {
            // seals entries a crash left unsealed, then keeps sealing until close
            sealer = AuditSealer.start(new AuditTrail(jdbi));
        }
        return this;
    }

    /** The application's pool, connected as the unprivileged {@link AppRole}. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The application's pool, connected as the unprivileged {@link AppRole}. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * The schema's owner, unpooled: for migrations, the role set-up, and benchmarks' scratch schemas and databases
     * only. Never hand it to the web server or a command's ordinary work.
     */
    public Jdbi ownerJdbi() {
        return owner;
    }

    /** The schema's owner, unpooled: as {@link #ownerJdbi()}, for benchmarks that need a plain connection. */
    public DataSource ownerDataSource() {
        return ownerDataSource;
    }

    /** The owner's JDBC URL (with its credentials): for benchmarks that name a second database beside this one. */
    public String ownerJdbcUrl() {
        return ownerUrl;
    }

    public AppRole appRole() {
        return appRole;
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

    /** Closes the pool, and stops the embedded server if this process started it (never one another Peel runs). */
    @Override
    public void close() {
        if (sealer != null) {
            sealer.close();
        }
        pool.close();
        if (embedded != null) {
            embedded.close();
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
