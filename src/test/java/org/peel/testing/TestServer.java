package org.peel.testing;

import io.javalin.Javalin;
import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.access.UserAccounts;
import org.peel.platform.Database;
import org.peel.platform.DatabaseLocation;
import org.peel.platform.PeelWeb;

import java.time.Clock;
import java.util.Map;

/** Peel's web server on port 0 over a fresh clone of the migrated test database. */
public final class TestServer implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery";

    private final TestDatabase.Fresh fresh;
    private final Database database;
    private final Javalin app;

    private TestServer(TestDatabase.Fresh fresh, Database database, Javalin app) {
        this.fresh = fresh;
        this.database = database;
        this.app = app;
    }

    public static TestServer start() {
        TestDatabase.Fresh fresh = TestDatabase.fresh();
        Database database = Database.open(new DatabaseLocation.External(fresh.jdbcUrl()));
        Javalin app = PeelWeb.create(database, false).start("127.0.0.1", 0);
        return new TestServer(fresh, database, app);
    }

    /** As {@link #start()}, configured by {@code environment} instead of the process's, on {@code clock}. */
    public static TestServer start(Map<String, String> environment, Clock clock) {
        TestDatabase.Fresh fresh = TestDatabase.fresh();
        Database database = Database.open(new DatabaseLocation.External(fresh.jdbcUrl()));
        Javalin app = PeelWeb.create(database, false, environment, clock).start("127.0.0.1", 0);
        return new TestServer(fresh, database, app);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** The running server, for tests that read what it registered. */
    public Javalin app() {
        return app;
    }

    public Database database() {
        return database;
    }

    public TestDatabase.Fresh fresh() {
        return fresh;
    }

    /** Creates a user with {@link #PASSWORD}. */
    public User user(String username, Role role, String borough) {
        AccessStore store = new AccessStore(database.jdbi());
        return new UserAccounts(store, new AuditTrail(database.jdbi()))
                .create(null, username, "Test " + username, role, borough, PASSWORD, "test");
    }

    /** A browser-like client already signed in as a new user of that role. */
    public WebClient signedIn(String username, Role role, String borough) {
        user(username, role, borough);
        WebClient client = new WebClient(this);
        client.signIn(username, PASSWORD);
        return client;
    }

    public WebClient anonymous() {
        return new WebClient(this);
    }

    @Override
    public void close() {
        app.stop();
        database.close();
    }
}
