package org.peel.bench;

import org.peel.prevention.HotspotsCommand;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelException;
import org.peel.platform.SharedDataLocation;
import org.peel.prevention.HotspotCrimeTypes;
import org.peel.prevention.HotspotEvaluation;
import org.peel.prevention.HotspotMethod;
import org.peel.prevention.HotspotSource;
import org.peel.prevention.HotspotStreetFiles;
import org.peel.prevention.HotspotStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peel bench hotspots}: reading a force's year of police.uk files, then forecasting and evaluating with each
 * method, timed in one run; each method's time is also given as a ratio to the kde baseline's.
 */
@Command(name = "hotspots", mixinStandardHelpOptions = true,
        description = "Seconds to read a force's police.uk street files and to forecast and evaluate the test month with"
                + " each hotspot method, and each method's time as a ratio to kde's in the same run.")
final class HotspotsBenchCommand implements Callable<Integer> {

    @Mixin OutputOptions output;

    @Option(names = "--input", arity = "1..*", paramLabel = "PATH",
            description = "police.uk street files or folders (default: police-uk/street in the shared data)")
    List<Path> inputs;

    @Option(names = "--force", paramLabel = "SLUG", description = "police.uk force slug (default: lancashire)")
    String force = "lancashire";

    @Option(names = "--crime-type", paramLabel = "TYPE", description = "Crime type to forecast (default: Burglary)")
    String crimeType = "Burglary";

    @Option(names = "--test-month", paramLabel = "YYYY-MM", description = "Month to forecast (default: 2014-11)")
    String testMonth = "2014-11";

    @Option(names = "--train-months", paramLabel = "N", description = "Training months before it (default: 10)")
    int trainMonths = 10;

    @Option(names = "--cell-metres", paramLabel = "M", description = "Grid cell side (default: 250)")
    double cellMetres = 250;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Timed runs of each method after one warm-up; the median is reported (default: 5)")
    int repeat = 5;

    @Override
    public Integer call() {
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1");
        }
        String type = HotspotCrimeTypes.resolve("crime-type", crimeType);
        YearMonth test = HotspotsCommand.month(testMonth);
        List<Path> from = inputs != null ? inputs : List.of(SharedDataLocation.resolve(null)
                .orElseThrow(() -> new PeelException("Shared data not found: set PEEL_SHARED_DATA or pass --input"))
                .resolve("police-uk").resolve("street"));

        long t0 = System.nanoTime();
        HotspotSource source = HotspotStreetFiles.read(from, force);
        double readSeconds = seconds(t0);
        long t1 = System.nanoTime();
        HotspotStudy study = HotspotStudy.of(source.incidents(), type, cellMetres);
        double gridSeconds = seconds(t1);

        Map<String, Double> median = new LinkedHashMap<>();
        Map<String, Double> hitRate = new LinkedHashMap<>();
        for (HotspotMethod method : HotspotMethod.all()) {
            // the first run lets the JIT compile the method before the clock counts
            HotspotEvaluation.evaluate(study, List.of(method), test, trainMonths, 1, 0.05);
            double[] runs = new double[repeat];
            HotspotEvaluation.Report report = null;
            for (int i = 0; i < repeat; i++) {
                long s = System.nanoTime();
                report = HotspotEvaluation.evaluate(study, List.of(method), test, trainMonths, 1, 0.05);
                runs[i] = seconds(s);
            }
            Arrays.sort(runs);
            median.put(method.name(), runs[repeat / 2]);
            hitRate.put(method.name(), report.summaries().get(0).hitRate());
        }
        double kde = median.get("kde");
        double all = median.values().stream().mapToDouble(Double::doubleValue).sum();

        List<Map<String, Object>> methods = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s, %s: %,d rows in %d files (%s to %s), %,d without location%n"
                        + "  read:     %8.3f s%n  grid:     %8.3f s  (%,d study cells of %.0f m)%n"
                        + "  forecast %s from %d months and evaluate, median of %d runs:%n",
                force, type, source.rowsRead(), source.files().size(), study.months().get(0),
                study.months().get(study.months().size() - 1), source.rowsWithoutLocation(), readSeconds, gridSeconds,
                study.areaCellCount(), cellMetres, test, trainMonths, repeat));
        for (Map.Entry<String, Double> e : median.entrySet()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", e.getKey());
            one.put("seconds", HotspotsCommand.round(e.getValue(), 4));
            one.put("ratio_to_kde", HotspotsCommand.round(e.getValue() / kde, 2));
            one.put("hit_rate", HotspotsCommand.round(hitRate.get(e.getKey()), 4));
            methods.add(one);
            text.append(String.format(Locale.ROOT, "    %-12s %8.3f s  %7.2f x kde  (hit rate at 5%%: %.3f)%n",
                    e.getKey(), e.getValue(), e.getValue() / kde, hitRate.get(e.getKey())));
        }
        double total = readSeconds + gridSeconds + all;
        text.append(String.format(Locale.ROOT, "  total, read to every method evaluated: %.3f s", total));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("force", force);
        json.put("crime_type", type);
        json.put("rows_read", source.rowsRead());
        json.put("files", source.files().size());
        json.put("read_seconds", HotspotsCommand.round(readSeconds, 4));
        json.put("grid_seconds", HotspotsCommand.round(gridSeconds, 4));
        json.put("area_cells", study.areaCellCount());
        json.put("test_month", test.toString());
        json.put("repeat", repeat);
        json.put("methods", methods);
        json.put("total_seconds", HotspotsCommand.round(total, 4));
        output.print(System.out, text.toString(), json);
        return 0;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
