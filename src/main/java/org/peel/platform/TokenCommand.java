package org.peel.platform;

import org.peel.module.CommandGroup;
import org.peel.access.AccessStore;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API bearer tokens.",
        subcommands = TokenCommand.Create.class)
final class TokenCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Issue a bearer token for integrations acting as USER. Printed once; only its hash is kept.")
    static final class Create implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin OutputOptions output;
        @Option(names = "--username", required = true, paramLabel = "U") String username;
        @Option(names = "--label", paramLabel = "TEXT", description = "What the token is for") String label;

        @Override
        public Integer call() {
            try (Database database = db.open()) {
                AccessStore store = new AccessStore(database.jdbi());
                AuditTrail audit = new AuditTrail(database.jdbi(), Environment.clock());
                User user = store.findUser(username)
                        .orElseThrow(() -> new PeelException("No active user '" + username + "'"));
                String token = database.jdbi().inTransaction(h -> {
                    String t = store.createToken(h, user.id(), label);
                    audit.record(h, AuditEvent.by(null, "token-create", "user", String.valueOf(user.id()),
                            AuditEvent.SUCCESS).asUser("cli").detail("token issued for " + user.username()));
                    return t;
                });
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("username", user.username());
                json.put("token", token);
                output.print(System.out, "Bearer token for '" + user.username() + "' (shown once):\n" + token, json);
                return 0;
            }
        }
    }
}
