package org.peel.offenders;

import org.peel.access.AccessStore;
import org.peel.common.BadInput;
import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandOutput;
import org.peel.place.PlaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel iom assign-ward}: assigns a neighbourhood officer to a ward, or ends an assignment; audited. */
@Command(name = "assign-ward", mixinStandardHelpOptions = true,
        description = "Assign a neighbourhood officer's account to a ward of their borough, so that their home page"
                + " lists the highest-harm offenders living there and the tasks sent to it; --end ID ends one.")
final class IomAssignWardCommand implements Callable<Integer> {

    @Mixin CommandDatabase database;
    @Mixin CommandOutput output;

    @Option(names = "--username", paramLabel = "USERNAME", description = "The neighbourhood officer's account")
    String username;

    @Option(names = "--ward", paramLabel = "CODE", description = "The ward's ONS code, e.g. E05000130")
    String ward;

    @Option(names = "--end", paramLabel = "ID", description = "End the live assignment with this id instead")
    Long end;

    @Override
    public Integer call() {
        if (end == null && (username == null || ward == null)) {
            throw new BadInput("command line", 0, "--username", "give --username and --ward, or --end ID");
        }
        try (CommandContext context = database.openContext()) {
            WardOfficers officers = new WardOfficers(context.jdbi(), new AccessStore(context.jdbi()),
                    new PlaceStore(context.jdbi()), context.audit(), context.clock());
            Map<String, Object> json = new LinkedHashMap<>();
            if (end != null) {
                if (!officers.end(end, null, "cli")) {
                    throw new BadInput("command line", 0, "--end", "no live assignment " + end);
                }
                json.put("ended", end);
                output.print(System.out, "Ended assignment " + end, json);
                return 0;
            }
            WardOfficers.Assignment a = officers.assign(username, ward, null, "cli");
            json.put("id", a.id());
            json.put("username", a.username());
            json.put("ward_code", a.wardCode());
            json.put("ward_name", a.wardName());
            json.put("borough_code", a.boroughCode());
            output.print(System.out, "Assigned " + a.username() + " to " + a.wardName() + " (" + a.wardCode() + "), id "
                    + a.id(), json);
            return 0;
        }
    }
}
