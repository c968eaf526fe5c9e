package org.peel.platform;

import io.javalin.Javalin;
import org.peel.access.AccessStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run Peel's web server and API.")
final class ServeCommand implements Callable<Integer> {
    @Mixin DatabaseOptions db;
    @Option(names = "--port", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE})") int port = 8080;
    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE})") String host = "127.0.0.1";

    @Override
    public Integer call() throws InterruptedException {
        Database database = db.open();
        if (new AccessStore(database.jdbi()).countAdministrators() == 0) {
            database.close();
            throw new PeelException("Peel has no administrator yet, so nobody could manage it. Create one first:\n"
                    + "  ./peel user add --username admin --role administrator" + dbArgs() + "\n"
                    + "(the password is read from standard input, or generated and printed once)");
        }
        run(database, false, host, port, null);
        return 0;
    }

    private String dbArgs() {
        return db.dataDir().map(d -> " --data-dir " + d).orElse(db.dbUrl().isPresent() ? " --db-url …" : "");
    }

    /** Starts the server and blocks until the process is stopped; stops the server and database cleanly. */
    static void run(Database database, boolean demo, String host, int port, Runnable afterStart) throws InterruptedException {
        Javalin app = PeelWeb.create(database, demo);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            database.close();
            stopped.countDown();
        }, "peel-shutdown"));
        app.start(host, port);
        System.out.println("Peel is running at http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + app.port()
                + "/  (" + database.location().describe() + "; Ctrl-C to stop)");
        if (afterStart != null) {
            afterStart.run();
        }
        stopped.await();
    }
}
