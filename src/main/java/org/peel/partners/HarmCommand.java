package org.peel.partners;

import org.peel.common.BadInput;
import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandGroup;
import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel harm …}: partners' assault data loaded, linked to recorded violence, and what was never reported. */
@Command(name = "harm", mixinStandardHelpOptions = true,
        description = "Partner data that finds harm: ambulance and emergency department assaults linked to the"
                + " police's recorded violence, and those likely never reported, per ward.",
        subcommands = {HarmCommand.Import.class, HarmCommand.Unreported.class})
public final class HarmCommand extends CommandGroup {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Load partner CSV files (reference, occurred_at, postcode or latitude and longitude, injury,"
                    + " age, sex) under an active information-sharing agreement, then link them to recorded violence."
                    + " Each file is one transaction; a bad row stops its file, named by file, line and field;"
                    + " loading a file again adds nothing.")
    static final class Import implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files")
        List<Path> files;

        @Option(names = "--from", paramLabel = "ORGANISATION", required = true,
                description = "The partner organisation that sent the files (its id in the agreements register)")
        String organisation;

        @Option(names = "--agreement", paramLabel = "ID", required = true,
                description = "The information-sharing agreement the files come under")
        String agreement;

        @Option(names = "--source", paramLabel = "KIND", defaultValue = "ambulance",
                description = "ambulance (call-outs for assaults, the default) or emergency-department (assault attendances)")
        String source;

        @Override
        public Integer call() {
            PartnerHarmStore.Source kind = PartnerHarmStore.Source.fromSlug(source);
            try (CommandContext context = database.openContext()) {
                PartnerHarmStore store = new PartnerHarmStore(context.jdbi(), context.audit(), context.clock());
                List<PartnerHarmStore.Imported> done = new ArrayList<>();
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    try (InputStream in = Files.newInputStream(f)) {
                        done.add(store.importFile(null, name, in, kind, organisation, agreement));
                    } catch (NoSuchFileException ex) {
                        throw new BadInput(f.toString(), 0, null, "file not found");
                    } catch (IOException ex) {
                        throw new UncheckedIOException("Cannot read " + f, ex);
                    }
                }
                int[] linked = store.link(HarmLinkage.Settings.from(context.environment()));
                StringBuilder text = new StringBuilder();
                for (PartnerHarmStore.Imported i : done) {
                    text.append(String.format(Locale.ROOT, "%s: %,d rows, %,d added, %,d already held, %,d outside"
                            + " the force's wards%n", i.file(), i.rowsRead(), i.added(), i.alreadyHeld(), i.unplaced()));
                }
                text.append(String.format(Locale.ROOT, "Linked %,d partner incidents to recorded violence: %,d likely"
                        + " unreported", linked[0], linked[1]));
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("files", done);
                json.put("linked", linked[0]);
                json.put("likely_unreported", linked[1]);
                output.print(System.out, text.toString(), json);
                return 0;
            }
        }
    }

    @Command(name = "unreported", mixinStandardHelpOptions = true,
            description = "Likely unreported assaults per ward, and their share of all violence (recorded crimes plus"
                    + " these), over partner incidents in the days given (default: every day held).")
    static final class Unreported implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: the earliest held)")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (default: the latest held)")
        LocalDate to;

        @Option(names = "--borough", paramLabel = "CODE", description = "Only this borough's wards (GSS code)")
        String borough;

        @Override
        public Integer call() {
            try (CommandContext context = database.openContext()) {
                PartnerHarmStore store = new PartnerHarmStore(context.jdbi(), context.audit(), context.clock());
                store.link(HarmLinkage.Settings.from(context.environment()));
                var span = store.span();
                LocalDate first = from != null ? from : span.map(s -> s[0]).orElse(LocalDate.now(context.clock()));
                LocalDate last = to != null ? to : span.map(s -> s[1]).orElse(LocalDate.now(context.clock()));
                if (last.isBefore(first)) {
                    throw new IllegalArgumentException("--to " + last + " is before --from " + first);
                }
                List<PartnerHarmStore.WardLine> wards = store.byWard(first, last, borough);
                Map<String, Object> totals = PartnerHarmStore.totals(wards);
                StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                        "%s to %s: %,d partner incidents, %,d matched to a recorded crime, %,d likely unreported"
                                + " (%.1f%% of all violence: %,d recorded crimes plus these)", first, last,
                        (Integer) totals.get("partner_incidents"), (Integer) totals.get("reported"),
                        (Integer) totals.get("likely_unreported"), 100 * (Double) totals.get("unreported_share"),
                        (Integer) totals.get("police_violence")));
                for (PartnerHarmStore.WardLine w : wards) {
                    text.append(String.format(Locale.ROOT, "%n  %-32s %5d seen %5d unreported %6d recorded %6.1f%%",
                            w.wardName(), w.partnerIncidents(), w.unreported(), w.policeViolence(),
                            100 * w.unreportedShare()));
                }
                List<Map<String, Object>> rows = wards.stream().map(w -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("ward_code", w.wardCode());
                    m.put("ward", w.wardName());
                    m.put("borough_code", w.boroughCode());
                    m.put("partner_incidents", w.partnerIncidents());
                    m.put("reported", w.reported());
                    m.put("likely_unreported", w.unreported());
                    m.put("police_violence", w.policeViolence());
                    m.put("unreported_share", Math.round(1000 * w.unreportedShare()) / 1000.0);
                    return m;
                }).toList();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("from", first.toString());
                json.put("to", last.toString());
                json.putAll(totals);
                json.put("wards", rows);
                output.print(System.out, text.toString(), json);
                return 0;
            }
        }
    }
}
