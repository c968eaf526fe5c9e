package org.peel.partners;

import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandGroup;
import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel retention …}: MoPI review dates, the review queue's decisions, and holds placed and lifted. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "MoPI review, retention and disposal of police records.",
        subcommands = {RetentionCommand.Due.class, RetentionCommand.Review.class, RetentionCommand.Hold.class,
                RetentionCommand.LiftHold.class})
public final class RetentionCommand extends CommandGroup {

    @Command(name = "due", mixinStandardHelpOptions = true,
            description = "Records due for MoPI review on a day: their group and review date, longest overdue first.")
    static final class Due implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day to judge on (default: today)")
        String asOf;

        @Override
        public Integer call() {
            try (CommandContext context = database.openContext()) {
                LocalDate day = asOf == null ? LocalDate.now(context.clock())
                        : SubjectAccessCommand.date("--as-of", asOf);
                RetentionStore store = new RetentionStore(context.jdbi(), context.audit(),
                        RetentionSettings.from(context.environment()));
                List<MopiReview.Due> due = store.due(day);
                List<Map<String, Object>> rows = due.stream().map(d -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("record_type", d.recordType());
                    m.put("record_id", d.recordId());
                    m.put("mopi_group", d.group().number());
                    m.put("review_due", d.reviewDue().toString());
                    return m;
                }).toList();
                Map<MopiGroup, Integer> byGroup = new EnumMap<>(MopiGroup.class);
                due.forEach(d -> byGroup.merge(d.group(), 1, Integer::sum));
                StringBuilder text = new StringBuilder(due.size() + " records due for MoPI review on " + day);
                for (MopiGroup g : MopiGroup.values()) {
                    text.append("\n  group ").append(g.number()).append(" (").append(g.title()).append("): ")
                            .append(byGroup.getOrDefault(g, 0));
                }
                output.print(System.out, text.toString(), Map.of("due", rows));
                return 0;
            }
        }
    }

    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "Records a review decision: retain (the next review runs from today) or dispose (the record"
                    + " is disposed of, leaving an audited tombstone). A record on hold cannot be disposed of.")
    static final class Review implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;

        @Option(names = "--record-type", required = true, paramLabel = "TYPE",
                description = "crime, asb_incident, domestic_abuse_incident, missing_episode, offender, gang_nominal"
                        + " or partner_case")
        String recordType;

        @Option(names = "--record-id", required = true, paramLabel = "ID")
        String recordId;

        @Option(names = "--decision", required = true, paramLabel = "retain|dispose")
        String decision;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (the NRAC question answered)")
        String reason;

        @Option(names = "--next-review", paramLabel = "YYYY-MM-DD",
                description = "With retain: the next review, sooner than the group's period (default: the period)")
        String nextReview;

        @Override
        public Integer call() {
            if (!decision.equals("retain") && !decision.equals("dispose")) {
                throw new IllegalArgumentException("--decision must be retain or dispose, not '" + decision + "'");
            }
            LocalDate next = nextReview == null ? null : SubjectAccessCommand.date("--next-review", nextReview);
            try (CommandContext context = database.openContext()) {
                RetentionStore store = new RetentionStore(context.jdbi(), context.audit(),
                        RetentionSettings.from(context.environment()));
                store.decide(null, recordType, recordId, decision.equals("retain"), reason, next,
                        LocalDate.now(context.clock()));
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("record_type", recordType);
                json.put("record_id", recordId);
                json.put("decision", decision);
                output.print(System.out, recordType + " " + recordId + ": " + decision, json);
                return 0;
            }
        }
    }

    @Command(name = "hold", mixinStandardHelpOptions = true,
            description = "Holds a record from disposal for legal proceedings, an inquiry or a complaint.")
    static final class Hold implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;

        @Option(names = "--record-type", required = true, paramLabel = "TYPE")
        String recordType;

        @Option(names = "--record-id", required = true, paramLabel = "ID")
        String recordId;

        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "legal-proceedings, inquiry, complaint or other")
        String kind;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Override
        public Integer call() {
            if (!List.of("legal-proceedings", "inquiry", "complaint", "other").contains(kind)) {
                throw new IllegalArgumentException("--kind must be legal-proceedings, inquiry, complaint or other");
            }
            try (CommandContext context = database.openContext()) {
                long id = new RetentionStore(context.jdbi(), context.audit(),
                        RetentionSettings.from(context.environment()))
                        .hold(null, recordType, recordId, kind, reason, LocalDate.now(context.clock()));
                output.print(System.out, "hold " + id + " placed on " + recordType + " " + recordId,
                        Map.of("hold", id, "record_type", recordType, "record_id", recordId));
                return 0;
            }
        }
    }

    @Command(name = "lift-hold", mixinStandardHelpOptions = true,
            description = "Lifts a standing hold with its reason: the record returns to the review queue at its review"
                    + " date.")
    static final class LiftHold implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;

        @Option(names = "--hold", required = true, paramLabel = "ID", description = "The hold's number, as placed")
        long holdId;

        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Why it is lifted (proceedings concluded, inquiry closed...)")
        String reason;

        @Override
        public Integer call() {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("--reason must say why the hold is lifted");
            }
            try (CommandContext context = database.openContext()) {
                RetentionStore.Hold lifted = new RetentionStore(context.jdbi(), context.audit(),
                        RetentionSettings.from(context.environment()))
                        .lift(null, holdId, reason, LocalDate.now(context.clock()));
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("hold", lifted.id());
                json.put("record_type", lifted.recordType());
                json.put("record_id", lifted.recordId());
                json.put("lifted_on", LocalDate.now(context.clock()).toString());
                output.print(System.out, "hold " + lifted.id() + " lifted from " + lifted.recordType() + " "
                        + lifted.recordId(), json);
                return 0;
            }
        }
    }
}
