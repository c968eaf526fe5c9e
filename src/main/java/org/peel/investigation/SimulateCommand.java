package org.peel.investigation;

import org.peel.module.CommandGroup;
import org.peel.module.CommandHost;
import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel simulate …}: Peel's rules run over a synthetic force, against the practice they replace. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a synthetic force through Peel's rules and through a baseline of current practice.",
        subcommands = SimulateCommand.AllocationRun.class)
public final class SimulateCommand extends CommandGroup {

    @Command(name = "allocation", mixinStandardHelpOptions = true,
            description = "Allocate a synthetic force's investigated crimes with Peel's engine (at recording, skill-matched,"
                    + " under a caseload cap) and with a daily crime-management-unit batch one to three days late;"
                    + " print time to allocation, target breaches and the spread of caseloads for both.")
    static final class AllocationRun implements Callable<Integer> {
        @Mixin CommandOutput output;

        @Spec
        CommandSpec spec;

        @Option(names = "--force", paramLabel = "NAME", defaultValue = SyntheticCaseload.DEMO_FORCE,
                description = "The force (default: ${DEFAULT-VALUE})")
        String force;

        @Option(names = "--scale", paramLabel = "F", defaultValue = "0.1", description = "Share of the force's volumes (default 0.1)")
        double scale;

        @Option(names = "--days", paramLabel = "N", defaultValue = "90", description = "Days simulated (default 90)")
        int days;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default 1)")
        long seed;

        @Option(names = "--detective-shortfall", paramLabel = "F", defaultValue = "0.15",
                description = "Investigators in post short of establishment (default 0.15)")
        double shortfall;

        @Option(names = "--target-hours", paramLabel = "H", defaultValue = "24",
                description = "Allocation target in hours (default 24)")
        int targetHours;

        @Option(names = "--caseload-cap", paramLabel = "N", defaultValue = "24",
                description = "Peel's weighted caseload cap per investigator (default 24)")
        int cap;

        @Option(names = "--year-to", paramLabel = "YYYY-MM", defaultValue = "2015-06",
                description = "Last month of the generated year (default 2015-06)")
        YearMonth yearTo;

        @Option(names = "--shared-data", paramLabel = "DIR",
                description = "Public data folder (default: env PEEL_SHARED_DATA, else ../shared/data if present)")
        Path sharedData;

        @Override
        public Integer call() throws Exception {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("--days must be between 1 and 366");
            }
            if (shortfall < 0 || shortfall >= 1) {
                throw new IllegalArgumentException("--detective-shortfall must be at least 0 and below 1");
            }
            SyntheticCaseload source = CommandHost.of(spec).flatMap(h -> h.provide(SyntheticCaseload.class))
                    .orElseThrow(() -> new IllegalStateException("peel simulate runs under Peel's command line, which"
                            + " generates the synthetic force"));
            long t0 = System.nanoTime();
            SyntheticCaseload.Force generated = source.generate(force, scale, seed, yearTo, shortfall, sharedData);
            Allocation.Policy defaults = Allocation.Policy.defaults();
            AllocationSimulation.Settings settings = new AllocationSimulation.Settings(days, targetHours, seed,
                    Screening.Settings.defaults(), new Allocation.Policy(cap, defaults.weights(), defaults.centralSpecialisms()));
            AllocationSimulation.Result result = AllocationSimulation.run(generated.crimes(), generated.investigators(), settings);
            double seconds = (System.nanoTime() - t0) / 1e9;

            Map<String, Object> json = new LinkedHashMap<>();
            json.put("peel", figures(result.peel()));
            json.put("baseline", figures(result.baseline()));
            String text = String.format(Locale.ROOT, """
                            %s at scale %s, %d days, seed %d, detective shortfall %.0f%%: %,d investigated crimes, %,d investigators (%.1f s)
                                                      Peel   baseline
                              median hours to allocation %8.2f %10.2f
                              90th percentile hours      %8.2f %10.2f
                              median hours to first action %6.2f %10.2f
                              90th percentile to action  %8.2f %10.2f
                              breaches of %d h target (%%) %6.2f %10.2f
                              caseload CV                %8.2f %10.2f
                              still waiting at the end   %,8d %,10d
                              below accreditation        %,8d %,10d
                            Peel's waiting crimes by reason: %s""",
                    generated.name(), generated.scaleText(), days, seed, shortfall * 100, result.peel().crimes(),
                    generated.investigators().size(), seconds,
                    result.peel().medianHoursToAllocation(), result.baseline().medianHoursToAllocation(),
                    result.peel().p90HoursToAllocation(), result.baseline().p90HoursToAllocation(),
                    result.peel().medianHoursToFirstAction(), result.baseline().medianHoursToFirstAction(),
                    result.peel().p90HoursToFirstAction(), result.baseline().p90HoursToFirstAction(),
                    targetHours, result.peel().targetBreachPct(), result.baseline().targetBreachPct(),
                    result.peel().caseloadCv(), result.baseline().caseloadCv(),
                    result.peel().stillWaiting(), result.baseline().stillWaiting(),
                    result.peel().unaccredited(), result.baseline().unaccredited(),
                    new java.util.TreeMap<>(result.peel().waitingReasons()));
            output.print(System.out, text, json);
            return 0;
        }

        private static Map<String, Object> figures(AllocationSimulation.Metrics m) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("median_hours_to_allocation", m.medianHoursToAllocation());
            f.put("p90_hours_to_allocation", m.p90HoursToAllocation());
            f.put("median_hours_to_first_action", m.medianHoursToFirstAction());
            f.put("p90_hours_to_first_action", m.p90HoursToFirstAction());
            f.put("target_breach_pct", m.targetBreachPct());
            f.put("caseload_cv", m.caseloadCv());
            f.put("crimes", m.crimes());
            f.put("allocated", m.allocated());
            f.put("still_waiting", m.stillWaiting());
            f.put("allocated_below_accreditation", m.unaccredited());
            if (!m.waitingReasons().isEmpty()) {
                f.put("still_waiting_because", new java.util.TreeMap<>(m.waitingReasons()));
            }
            return f;
        }
    }
}
