package org.peel.partners;

import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandOutput;
import org.peel.place.PopulationTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peel equality activities}: ASB victims graded high risk, the gangs matrix and the IOM cohort by ethnic group,
 * age and sex against census population, with rate ratios and their 95% intervals.
 */
@Command(name = "activities", mixinStandardHelpOptions = true,
        description = "ASB high-risk victims, the gangs matrix and the IOM cohort by ethnic group, age and sex against"
                + " census population: rate per 1,000, ratio to the reference group and its 95% interval.")
public final class EqualityActivitiesCommand implements Callable<Integer> {

    @Mixin CommandDatabase database;
    @Mixin CommandOutput output;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day ages are counted on (default: today)")
    String asOf;

    @Option(names = "--census", paramLabel = "FILE",
            description = "census2011_ethnic_group_by_PFA16.csv (default: under PEEL_SHARED_DATA)")
    Path census;

    @Option(names = "--atlas", paramLabel = "FILE", description = "london-lsoa-atlas.csv (default: under PEEL_SHARED_DATA)")
    Path atlas;

    @Override
    public Integer call() {
        try (CommandContext context = database.openContext()) {
            LocalDate day = asOf == null ? LocalDate.now(context.clock()) : SubjectAccessCommand.date("--as-of", asOf);
            String shared = context.environment().get("PEEL_SHARED_DATA");
            Path censusFile = census != null ? census : shared == null ? null : Path.of(shared).resolve(PopulationTables.CENSUS);
            Path atlasFile = atlas != null ? atlas : shared == null ? null : Path.of(shared).resolve(PopulationTables.ATLAS);
            EqualityStore store = new EqualityStore(context.jdbi());
            Map<String, Long> ethnicity = CensusPopulation.ethnicity(censusFile, store.forceNames()).orElse(null);
            Map<String, Long> ages = CensusPopulation.ageBands(atlasFile, store.boroughNames()).orElse(null);
            List<EqualityGroups.Dimension> dims = new ArrayList<>();
            dims.addAll(EqualityGroups.report("ASB victims graded high risk", store.asbHighRisk(), day, ethnicity,
                    ages, true));
            dims.addAll(EqualityGroups.report("Gangs matrix", store.gangsMatrix(), day, ethnicity, ages, true));
            dims.addAll(EqualityGroups.report("IOM cohort", store.iomCohort(), day, ethnicity, ages, true));
            StringBuilder text = new StringBuilder();
            List<Map<String, Object>> json = new ArrayList<>();
            for (EqualityGroups.Dimension d : dims) {
                text.append(String.format(Locale.UK, "%n%s by %s%n", d.activity(), d.dimension().toLowerCase(Locale.UK)));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("activity", d.activity());
                m.put("dimension", d.dimension());
                m.put("counts", d.counts());
                List<Map<String, Object>> rows = new ArrayList<>();
                if (d.rows().isEmpty()) {
                    d.counts().forEach((g, n) -> text.append(String.format(Locale.UK, "  %-13s %6d%n", g, n)));
                } else {
                    text.append(String.format(Locale.UK, "  %-13s %6s %10s %9s %7s %17s%n", "Group", "People",
                            "Population", "Per 1,000", "Ratio", "95% interval"));
                }
                for (Disproportionality.Row r : d.rows()) {
                    text.append(String.format(Locale.UK, "  %-13s %6d %10d %9.2f %7s %17s%n", r.group(), r.events(),
                            r.population(), r.ratePer1000(),
                            r.ratio() == null ? "-" : String.format(Locale.UK, "%.2f", r.ratio()),
                            r.low() == null ? "-" : String.format(Locale.UK, "%.2f to %.2f", r.low(), r.high())));
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("group", r.group());
                    row.put("people", r.events());
                    row.put("population", r.population());
                    row.put("rate_per_1000", r.ratePer1000());
                    row.put("ratio", r.ratio());
                    row.put("ci_low", r.low());
                    row.put("ci_high", r.high());
                    rows.add(row);
                }
                if (d.note() != null) {
                    text.append("  ").append(d.note()).append('\n');
                }
                m.put("rows", rows);
                m.put("note", d.note());
                json.add(m);
            }
            output.print(System.out, text.toString().strip(), Map.of("as_of", day.toString(), "reports", json));
            return 0;
        }
    }
}
