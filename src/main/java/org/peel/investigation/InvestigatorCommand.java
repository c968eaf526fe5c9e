package org.peel.investigation;

import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandGroup;
import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel investigator …}: investigators and the accounts they sign in with. */
@Command(name = "investigator", mixinStandardHelpOptions = true, description = "Manage investigators.",
        subcommands = InvestigatorCommand.Link.class)
public final class InvestigatorCommand extends CommandGroup {

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Link an investigator to the user account they sign in with, so that Peel shows them their"
                    + " caseload. The account must be an investigator's or a crime management supervisor's in the same"
                    + " borough; linking again to another account moves the link.")
    static final class Link implements Callable<Integer> {
        @Mixin CommandDatabase db;
        @Mixin CommandOutput output;

        @Option(names = "--investigator", required = true, paramLabel = "ID", description = "Investigator id, e.g. INV00012")
        String investigator;

        @Option(names = "--user", required = true, paramLabel = "USERNAME", description = "The account's username")
        String user;

        @Override
        public Integer call() {
            try (CommandContext context = db.openContext()) {
                InvestigatorStore store = new InvestigatorStore(context.jdbi());
                InvestigatorStore.InvestigatorLink linked = new InvestigatorAccounts(store, context.audit(),
                        context.clock()).link(investigator, user, null, "cli", null);
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("investigator_id", linked.investigatorId());
                json.put("name", linked.name());
                json.put("borough_code", linked.boroughCode());
                json.put("username", linked.username());
                output.print(System.out, "Linked investigator " + linked.investigatorId() + " (" + linked.name() + ", "
                        + linked.boroughCode() + ") to account '" + linked.username() + "'", json);
                return 0;
            }
        }
    }
}
