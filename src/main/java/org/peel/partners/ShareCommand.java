package org.peel.partners;

import org.peel.access.DataCategory;
import org.peel.access.OrganisationKind;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandGroup;
import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code peel share …}: partner organisations, information-sharing agreements and the log of every share. */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = "Information sharing with partners: agreements, and the log of every share allowed or refused.",
        subcommands = {ShareCommand.Log.class, ShareCommand.Agreements.class, ShareCommand.AddOrganisation.class,
                ShareCommand.AddAgreement.class, ShareCommand.Renew.class})
public final class ShareCommand extends CommandGroup {

    @Command(name = "log", mixinStandardHelpOptions = true, description = "Every share asked for, newest first.")
    static final class Log implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;

        @Option(names = "--limit", paramLabel = "N", description = "At most N shares (default: 1000)")
        int limit = 1000;

        @Override
        public Integer call() {
            try (CommandContext context = database.openContext()) {
                List<SharingStore.LoggedShare> log = new SharingStore(context.jdbi(), context.audit(),
                        context.clock()).log(limit);
                List<Map<String, Object>> rows = log.stream().map(s -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", s.id());
                    m.put("at", s.at().toString());
                    m.put("by", s.username());
                    m.put("recipient", s.recipientId());
                    m.put("agreement", s.agreementId());
                    m.put("statutory_basis", s.statutoryBasis());
                    m.put("purpose", s.purpose());
                    m.put("channel", s.channel());
                    m.put("records", s.records());
                    m.put("categories_shared", s.shared());
                    m.put("categories_withheld", s.withheld());
                    m.put("outcome", s.allowed() ? "shared" : "refused");
                    m.put("reason", s.reason());
                    return m;
                }).toList();
                StringBuilder text = new StringBuilder(log.size() + " shares");
                log.forEach(s -> text.append("\n  ").append(s.at()).append("  ")
                        .append(s.allowed() ? "shared " : "REFUSED ").append(s.records().size()).append(" records to ")
                        .append(s.recipientId()).append(" under ")
                        .append(s.agreementId() != null ? s.agreementId() : s.statutoryBasis()).append(": ")
                        .append(s.reason()));
                output.print(System.out, text.toString(), Map.of("shares", rows));
                return 0;
            }
        }
    }

    @Command(name = "agreements", mixinStandardHelpOptions = true,
            description = "The agreements register: status today, and those lapsing within the warning days.")
    static final class Agreements implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;

        @Override
        public Integer call() {
            try (CommandContext context = database.openContext()) {
                SharingStore store = new SharingStore(context.jdbi(), context.audit(), context.clock());
                LocalDate today = store.today();
                int warning = PartnersSettings.from(context.environment()).renewalWarningDays();
                List<Map<String, Object>> rows = store.agreements().stream().map(a -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", a.id());
                    m.put("title", a.title());
                    m.put("parties", a.parties());
                    m.put("purpose", a.purpose());
                    m.put("lawful_basis", a.lawfulBasis());
                    m.put("data_categories", a.categories().stream().sorted().map(DataCategory::slug).toList());
                    m.put("retention", a.retention());
                    m.put("review_on", a.reviewOn().toString());
                    m.put("owner", a.owner());
                    m.put("status", a.statusOn(today).name().toLowerCase());
                    m.put("renewal_due", a.renewalDue(today, warning));
                    return m;
                }).toList();
                StringBuilder text = new StringBuilder(rows.size() + " agreements");
                rows.forEach(r -> text.append("\n  ").append(r.get("id")).append("  ").append(r.get("status"))
                        .append(Boolean.TRUE.equals(r.get("renewal_due")) ? " (renewal due)" : "")
                        .append("  review ").append(r.get("review_on")).append("  ").append(r.get("title")));
                output.print(System.out, text.toString(), Map.of("agreements", rows));
                return 0;
            }
        }
    }

    @Command(name = "add-organisation", mixinStandardHelpOptions = true, description = "Adds a partner organisation.")
    static final class AddOrganisation implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;
        @Option(names = "--id", required = true) String id;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--kind", required = true, description = "council-asb, probation, social-care, health, housing, ambulance or other") String kind;
        @Option(names = "--borough", description = "The borough (local authority) code it serves") String borough;

        @Override
        public Integer call() {
            OrganisationKind k = OrganisationKind.fromSlug(kind);
            try (CommandContext context = database.openContext()) {
                new SharingStore(context.jdbi(), context.audit(), context.clock())
                        .addOrganisation(null, new SharingStore.Organisation(id, name, k, borough));
                output.print(System.out, "organisation " + id + " added", Map.of("id", id));
                return 0;
            }
        }
    }

    @Command(name = "add-agreement", mixinStandardHelpOptions = true,
            description = "Adds an information-sharing agreement to the register.")
    static final class AddAgreement implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;
        @Option(names = "--id", required = true) String id;
        @Option(names = "--title", required = true) String title;
        @Option(names = "--party", required = true, description = "A partner organisation's id (repeat for each)") List<String> parties;
        @Option(names = "--purpose", required = true) String purpose;
        @Option(names = "--lawful-basis", required = true, description = "e.g. \"Crime and Disorder Act 1998 s115\"") String basis;
        @Option(names = "--category", required = true, split = ",", description = "Data categories: identity, contact, incident, offending, vulnerability, health, intelligence") List<String> categories;
        @Option(names = "--retention", required = true) String retention;
        @Option(names = "--starts", required = true, paramLabel = "YYYY-MM-DD") String starts;
        @Option(names = "--review", required = true, paramLabel = "YYYY-MM-DD") String review;
        @Option(names = "--owner", required = true) String owner;

        @Override
        public Integer call() {
            Set<DataCategory> kinds = EnumSet.noneOf(DataCategory.class);
            categories.forEach(c -> kinds.add(DataCategory.fromSlug(c)));
            SharingAgreement a = new SharingAgreement(id, title, parties, purpose, basis, kinds, retention,
                    SubjectAccessCommand.date("--starts", starts), SubjectAccessCommand.date("--review", review),
                    owner, null);
            try (CommandContext context = database.openContext()) {
                new SharingStore(context.jdbi(), context.audit(), context.clock()).addAgreement(null, a);
                output.print(System.out, "agreement " + id + " added", Map.of("id", id));
                return 0;
            }
        }
    }

    @Command(name = "renew", mixinStandardHelpOptions = true,
            description = "Renews an agreement after its review, moving its review date on.")
    static final class Renew implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;
        @Option(names = "--id", required = true) String id;
        @Option(names = "--review", required = true, paramLabel = "YYYY-MM-DD") String review;
        @Option(names = "--reason", required = true) String reason;

        @Override
        public Integer call() {
            try (CommandContext context = database.openContext()) {
                new SharingStore(context.jdbi(), context.audit(), context.clock())
                        .renew(null, id, SubjectAccessCommand.date("--review", review), reason);
                output.print(System.out, "agreement " + id + " renewed to " + review, Map.of("id", id));
                return 0;
            }
        }
    }
}
