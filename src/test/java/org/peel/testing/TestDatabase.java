package org.peel.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditKey;
import org.peel.access.AuditedTransactions;
import org.peel.platform.AppRole;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: one server per test JVM (embedded, or the server named by PEEL_TEST_DB_URL),
 * one migrated template database, and a fresh clone of it for each test that asks ({@link #fresh()}).
 * Tests connect as the application's unprivileged role, as Peel does, so the suite proves the application works
 * without owning its tables; a test that tampers as an administrator would asks for {@link Fresh#ownerJdbi()}.
 */
public final class TestDatabase {

    private static final String TEMPLATE = "peel_test_template";
    /**
     * The fixed audit key of every test database; the same value is PEEL_AUDIT_KEY in the test JVMs' environment
     * (pom.xml), so the commands tests run seal with it too.
     */
    public static final String AUDIT_KEY_HEX = "7065656c2d746573742d61756469742d6b65792d6e6f742d666f722d75736521";
    public static final AuditKey AUDIT_KEY = AuditKey.parse(AUDIT_KEY_HEX, "the test key");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final AppRole APP_ROLE = AppRole.fromEnvironment();
    private static Server server;

    /** The server: host, port, user, and an admin data source on its maintenance database. */
    private record Server(String host, int port, String user, String password, EmbeddedPostgres embedded) {
    }

    private TestDatabase() {
    }

    /**
     * A new database cloned from the migrated template. {@code dataSource} and {@code jdbi} connect as the
     * application's role; {@code jdbcUrl} and {@code ownerJdbi} as the owner (the URL an operator gives Peel).
     */
    public record Fresh(String name, String jdbcUrl, DataSource dataSource, Jdbi jdbi, Jdbi ownerJdbi) {
    }

    public static synchronized Fresh fresh() {
        Server s = server();
        String name = "peel_t_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(s, "create database " + name + " template " + TEMPLATE);
        DataSource ds = dataSource(s, name, APP_ROLE.name(), APP_ROLE.password());
        // the application's transactions, as Database makes them: audit entries written with the commit
        Jdbi jdbi = AuditedTransactions.install(Jdbi.create(ds));
        Jdbi owner = Jdbi.create(dataSource(s, name));
        AuditKey.install(jdbi, AUDIT_KEY);
        AuditKey.install(owner, AUDIT_KEY);
        return new Fresh(name, jdbcUrl(s, name), ds, jdbi, owner);
    }

    /** A JDBC URL for a brand-new empty database (for tests of migration itself, or of the CLI). */
    public static synchronized String emptyDatabaseUrl() {
        Server s = server();
        String name = "peel_e_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(s, "create database " + name);
        return jdbcUrl(s, name);
    }

    public static boolean external() {
        return System.getenv("PEEL_TEST_DB_URL") != null && !System.getenv("PEEL_TEST_DB_URL").isBlank();
    }

    private static Server server() {
        if (server == null) {
            server = external() ? externalServer() : embeddedServer();
            execute(server, "drop database if exists " + TEMPLATE);
            execute(server, "create database " + TEMPLATE);
            Flyway.configure().dataSource(dataSource(server, TEMPLATE)).locations("classpath:db/migration").load().migrate();
            // grants and default privileges are copied with the template into every clone
            Jdbi owner = Jdbi.create(dataSource(server, TEMPLATE));
            APP_ROLE.ensure(owner);
            APP_ROLE.grant(owner);
        }
        return server;
    }

    private static Server embeddedServer() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
            return new Server("localhost", pg.getPort(), "postgres", null, pg);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** PEEL_TEST_DB_URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres; test databases are created beside it. */
    private static Server externalServer() {
        java.net.URI uri = java.net.URI.create(System.getenv("PEEL_TEST_DB_URL").replaceFirst("^jdbc:", ""));
        String user = "postgres";
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : null;
        }
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                if (kv.startsWith("user=")) user = kv.substring(5);
                if (kv.startsWith("password=")) password = kv.substring(9);
            }
        }
        Server s = new Server(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, user, password, null);
        // databases left by earlier runs of this machine's tests
        Jdbi.create(dataSource(s, "postgres")).useHandle(h -> {
            for (String db : h.createQuery("select datname from pg_database where datname like 'peel\\_t\\_%' or datname like 'peel\\_e\\_%'")
                    .mapTo(String.class).list()) {
                h.execute("drop database if exists " + db + " with (force)");
            }
        });
        return s;
    }

    private static DataSource dataSource(Server s, String db) {
        return dataSource(s, db, s.user(), s.password());
    }

    private static DataSource dataSource(Server s, String db, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[]{s.host()});
        ds.setPortNumbers(new int[]{s.port()});
        ds.setDatabaseName(db);
        ds.setUser(user);
        ds.setOptions(org.peel.platform.Database.SESSION_OPTIONS);
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    private static String jdbcUrl(Server s, String db) {
        return "jdbc:postgresql://" + s.host() + ":" + s.port() + "/" + db + "?user=" + s.user()
                + (s.password() == null ? "" : "&password=" + s.password());
    }

    private static void execute(Server s, String sql) {
        try (Connection c = dataSource(s, "postgres").getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException ex) {
            throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
        }
    }
}
