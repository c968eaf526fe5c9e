package org.peel.platform;

import org.peel.module.CommandGroup;
import com.fasterxml.jackson.databind.JsonNode;
import org.peel.access.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the audit trail.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class})
final class AuditCommand extends CommandGroup {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Seal, then check the audit trail's keyed hash chain (and that it still extends a"
                    + " checkpoint); exit 0 when intact, 3 naming the first bad entry.")
    static final class Verify implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin OutputOptions output;

        @Option(names = "--checkpoint", paramLabel = "FILE",
                description = "A checkpoint written by 'peel audit checkpoint': the trail must still extend it")
        Path checkpoint;

        @Override
        public Integer call() {
            AuditTrail.Checkpoint cp = checkpoint == null ? null : read(checkpoint);
            try (Database database = db.open()) {
                AuditTrail trail = new AuditTrail(database.jdbi());
                AuditTrail.Verification v = cp == null ? trail.verify() : trail.verify(cp);
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("intact", v.intact());
                json.put("entriesChecked", v.entriesChecked());
                json.put("legacyEntries", v.legacyEntries());
                json.put("unsealedEntries", v.unsealedEntries());
                if (cp != null) {
                    json.put("checkpointSequence", cp.sequence());
                }
                if (!v.intact()) {
                    json.put("firstBadEntry", v.firstBadSeq());
                    json.put("problem", v.problem());
                }
                String counts = (v.legacyEntries() > 0 ? ", " + v.legacyEntries() + " of them unkeyed legacy entries" : "")
                        + (v.unsealedEntries() > 0 ? "; " + v.unsealedEntries() + " newer entries not yet sealed" : "");
                output.print(v.intact() ? System.out : System.err, v.intact()
                        ? "Audit trail intact: " + v.entriesChecked() + " entries checked" + counts
                        + (cp != null ? "; it extends the checkpoint at entry " + cp.sequence() : "")
                        : "Audit trail BROKEN at entry " + v.firstBadSeq() + ": " + v.problem(), json);
                return v.intact() ? 0 : 3;
            }
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Seal and verify the audit trail, then write its signed head (JSON) to a file to keep"
                    + " outside the database; 'peel audit verify --checkpoint FILE' checks the trail still extends it.")
    static final class Checkpoint implements Callable<Integer> {
        @Mixin DatabaseOptions db;
        @Mixin OutputOptions output;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the checkpoint")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (Database database = db.open()) {
                AuditTrail.Checkpoint cp;
                try {
                    cp = new AuditTrail(database.jdbi(), Environment.clock()).checkpoint();
                } catch (IllegalStateException broken) {
                    System.err.println("peel: " + broken.getMessage());
                    return 3;
                }
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("sequence", cp.sequence());
                file.put("hash", cp.hash());
                file.put("at", cp.at().toString());
                file.put("keyId", cp.keyId());
                file.put("signature", cp.signature());
                Files.writeString(out, OutputOptions.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n",
                        StandardCharsets.UTF_8);
                Map<String, Object> json = new LinkedHashMap<>(file);
                json.put("out", out.toString());
                output.print(System.out, "Checkpoint at entry " + cp.sequence() + " written to " + out, json);
                return 0;
            }
        }
    }

    /** Reads a checkpoint file, naming the file and field when it is not one. */
    static AuditTrail.Checkpoint read(Path file) {
        JsonNode node;
        try {
            node = OutputOptions.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new PeelException("Cannot read the checkpoint " + file + ": " + Database.rootMessage(ex));
        }
        if (node == null || !node.isObject()) {
            throw new PeelException(file + ": not a checkpoint (expected a JSON object)");
        }
        for (String field : new String[]{"sequence", "hash", "at", "signature"}) {
            if (!node.hasNonNull(field)) {
                throw new PeelException(file + ": field '" + field + "' is missing");
            }
        }
        if (!node.get("sequence").canConvertToLong() || node.get("sequence").asLong() < 0) {
            throw new PeelException(file + ": field 'sequence' must be a whole number");
        }
        Instant at;
        try {
            at = Instant.parse(node.get("at").asText());
        } catch (DateTimeParseException ex) {
            throw new PeelException(file + ": field 'at' is not a time such as 2026-01-31T12:00:00Z");
        }
        return new AuditTrail.Checkpoint(node.get("sequence").asLong(), node.get("hash").asText(), at,
                node.hasNonNull("keyId") ? node.get("keyId").asText() : "?", node.get("signature").asText());
    }
}
