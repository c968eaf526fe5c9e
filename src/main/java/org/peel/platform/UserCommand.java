package org.peel.platform;

import org.peel.module.CommandGroup;
import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;
import org.peel.access.Passwords;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.access.UserAccounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage user accounts.",
        subcommands = UserCommand.Add.class)
final class UserCommand extends CommandGroup {

    /** The roles' names as {@code --role} takes them, for the help text. */
    static final class RoleSlugs implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Role.values()).map(Role::slug).iterator();
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a user. The password is read from standard input, or generated and printed once"
                    + " when standard input is a terminal or empty.")
    static final class Add implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin OutputOptions output;

        @Option(names = "--username", required = true, paramLabel = "U") String username;
        @Option(names = "--role", required = true, paramLabel = "R", completionCandidates = RoleSlugs.class,
                description = "One of: ${COMPLETION-CANDIDATES}") String role;
        @Option(names = "--borough", paramLabel = "CODE", description = "GSS code of the borough (required for local roles)") String borough;
        @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the username)") String name;

        @Override
        public Integer call() throws IOException {
            Role parsedRole = Role.fromSlug(role);
            String password = readPassword();
            boolean generated = password == null;
            if (generated) {
                password = Passwords.generate();
            }
            try (Database database = db.open()) {
                AccessStore store = new AccessStore(database.jdbi());
                User user = new UserAccounts(store, new AuditTrail(database.jdbi(), Environment.clock()))
                        .create(null, username, name == null ? username : name, parsedRole, borough, password, "cli");
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("username", user.username());
                json.put("role", user.role().slug());
                json.put("borough", user.boroughCode());
                if (generated) {
                    json.put("password", password);
                }
                output.print(System.out, "Created " + user.role().title().toLowerCase() + " '" + user.username() + "'"
                        + (user.boroughCode() == null ? "" : " in borough " + user.boroughCode())
                        + (generated ? "\nPassword (shown once): " + password : ""), json);
                return 0;
            }
        }

        /** A password piped on standard input; none when it is a terminal or empty. */
        private static String readPassword() throws IOException {
            if (System.console() != null) {
                char[] typed = System.console().readPassword("Password (empty to generate one): ");
                return typed == null || typed.length == 0 ? null : new String(typed);
            }
            // a pipe or a file: the first line; an empty or closed stdin gives null, and a password is generated
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null || line.isBlank() ? null : line.strip();
        }
    }
}
