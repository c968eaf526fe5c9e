package org.peel.platform;

import org.peel.access.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the audit trail.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand extends CommandGroup {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the audit trail's hash chain; exit 0 when intact, 3 naming the first bad entry.")
    static final class Verify implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin OutputOptions output;

        @Override
        public Integer call() {
            try (Database database = db.open()) {
                AuditTrail.Verification v = new AuditTrail(database.jdbi()).verify();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("intact", v.intact());
                json.put("entriesChecked", v.entriesChecked());
                if (!v.intact()) {
                    json.put("firstBadEntry", v.firstBadSeq());
                    json.put("problem", v.problem());
                }
                output.print(v.intact() ? System.out : System.err, v.intact()
                        ? "Audit trail intact: " + v.entriesChecked() + " entries checked"
                        : "Audit trail BROKEN at entry " + v.firstBadSeq() + ": " + v.problem(), json);
                return v.intact() ? 0 : 3;
            }
        }
    }
}
