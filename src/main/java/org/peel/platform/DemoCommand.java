package org.peel.platform;

import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;
import org.peel.access.Passwords;
import org.peel.access.Role;
import org.peel.access.UserAccounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start Peel with a demonstration force: embedded database, geography, one account per role,"
                + " synthetic records, and the web UI.")
final class DemoCommand implements Callable<Integer> {
    @Mixin DatabaseOptions db;
    @Option(names = "--port", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE})") int port = 8080;
    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE})") String host = "127.0.0.1";
    @Option(names = "--shared-data", paramLabel = "DIR", description = "Public data sets (default: $PEEL_SHARED_DATA or ../shared/data)") Path sharedData;

    /** The borough local demo accounts work in. */
    static final String DEMO_BOROUGH = "E09000033";

    @Override
    public Integer call() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Database database = db.open();
        DemoForce.prepare(database, SharedDataLocation.resolve(sharedData), db.fileHome(), System.out);
        List<String> accounts = new ArrayList<>(createAccounts(database));
        accounts.addAll(org.peel.partners.DemoPartnersPass.linkAccounts(database.jdbi(),
                new AuditTrail(database.jdbi(), Environment.clock()), Environment.clock(), DEMO_BOROUGH));
        DemoForce.linkDemoInvestigator(database, Role.INVESTIGATOR.slug().replace('-', '.'), System.out);
        Path file = db.fileHome().resolve("demo-accounts.txt");
        if (!accounts.isEmpty()) {
            writePrivate(file, accounts);
            System.out.println("Demo accounts (passwords shown once; also in " + file + "):");
            accounts.forEach(a -> System.out.println("  " + a));
        } else {
            System.out.println("Demo accounts as created before: see " + file);
        }
        System.out.printf("Ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        ServeCommand.run(database, true, host, port, null);
        return 0;
    }

    /** One account per role, created once; later starts keep them (their passwords are only in the file). */
    private static List<String> createAccounts(Database database) {
        AccessStore store = new AccessStore(database.jdbi());
        UserAccounts accounts = new UserAccounts(store, new AuditTrail(database.jdbi(), Environment.clock()));
        List<String> lines = new ArrayList<>();
        for (Role role : Role.values()) {
            String username = role.slug().replace('-', '.');
            if (store.findUser(username).isPresent()) {
                continue;
            }
            String password = Passwords.generate();
            accounts.create(null, username, "Demo " + role.title().replaceAll(" \\(.*\\)", "").toLowerCase(), role,
                    role.isLocal() ? DEMO_BOROUGH : null, password, "demo");
            lines.add(String.format("%-32s %-22s %s", username, password, role.title()
                    + (role.isLocal() ? " (Westminster)" : "")));
        }
        return lines;
    }

    private static void writePrivate(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        List<String> content = new ArrayList<>();
        content.add("# Peel demo accounts: username, password, role. Keep this file private.");
        content.addAll(lines);
        Files.write(file, content);
    }
}
