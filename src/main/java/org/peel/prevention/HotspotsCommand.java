package org.peel.prevention;

import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel hotspots …}: hotspot forecasts from police.uk street files, judged on months they did not see. */
@Command(name = "hotspots", mixinStandardHelpOptions = true,
        description = "Hotspot forecasts for a police.uk crime type or ASB on a square grid, with their hit rate and"
                + " PAI on data they did not see, beside the baselines.",
        subcommands = {HotspotsCommand.Evaluate.class, HotspotsCommand.Forecast.class})
public final class HotspotsCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Forecast each of the last --origins months from the months before it only with"
                    + " last-period, kde, prospective, sepp and peel, and report each one's hit rate and predictive"
                    + " accuracy index (PAI) with a 95%% interval over the months, and peel's lead over each.")
    static final class Evaluate implements Callable<Integer> {

        @Mixin CommandOutput output;

        @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
                description = "police.uk street files (.csv or .csv.gz) or folders holding them (searched for the"
                        + " force's files)")
        List<Path> inputs;

        @Option(names = "--force", required = true, paramLabel = "SLUG",
                description = "police.uk force slug, as in the file names, e.g. lancashire, avon-and-somerset")
        String force;

        @Option(names = "--crime-type", required = true, paramLabel = "TYPE",
                description = "police.uk crime type, e.g. \"Burglary\" or \"Anti-social behaviour\" (or its slug)")
        String crimeType;

        @Option(names = "--train-months", required = true, paramLabel = "N",
                description = "Train on the N months before each test month")
        int trainMonths;

        @Option(names = "--test-month", required = true, paramLabel = "YYYY-MM", description = "The month to forecast")
        String testMonth;

        @Option(names = "--area-share", paramLabel = "X", description = "Share of the study area flagged (default: 0.05)")
        double areaShare = 0.05;

        @Option(names = "--cell-metres", paramLabel = "M", description = "Grid cell side in metres (default: 250)")
        double cellMetres = 250;

        @Option(names = "--bandwidth", paramLabel = "M",
                description = "Fix the kde rival's bandwidth instead of choosing it by validation on the training"
                        + " months as peel chooses its settings (default: chosen from 50 to 800 m)")
        Double bandwidth;

        @Option(names = "--origins", paramLabel = "K",
                description = "Average over the K months ending at the test month, each trained only on the months"
                        + " before it, with a 95%% t-interval over them (default: 6)")
        int origins = 6;

        @Option(names = "--methods", split = ",", paramLabel = "NAME",
                description = "Methods to evaluate, comma-separated (default: all: last-period, kde, prospective,"
                        + " sepp, peel)")
        List<String> methodNames;

        @Override
        public Integer call() {
            String type = HotspotCrimeTypes.resolve("crime-type", crimeType);
            YearMonth test = month(testMonth);
            long t0 = System.nanoTime();
            HotspotSource source = HotspotStreetFiles.read(inputs, force);
            HotspotStudy study = HotspotStudy.of(source.incidents(), type, cellMetres);
            double readSeconds = (System.nanoTime() - t0) / 1e9;
            List<HotspotMethod> methods = new ArrayList<>();
            for (HotspotMethod m : HotspotMethod.all()) {
                if (methodNames == null || methodNames.contains(m.name())) {
                    methods.add(m.name().equals("kde") && bandwidth != null ? new HotspotMethod.Kde(bandwidth) : m);
                }
            }
            if (methods.isEmpty()) {
                throw org.peel.common.BadInput.field("methods", methodNames + " names none of "
                        + HotspotMethod.names());
            }
            HotspotEvaluation.Report report = HotspotEvaluation.evaluate(study, methods, test, trainMonths, origins,
                    areaShare);
            output.print(System.out, text(report, source, study, readSeconds), json(report, source, study, readSeconds));
            return 0;
        }

        private Map<String, Object> json(HotspotEvaluation.Report report, HotspotSource source, HotspotStudy study,
                                         double readSeconds) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("force", force);
            json.put("crime_type", report.crimeType());
            json.put("test_month", report.lastTestMonth().toString());
            json.put("test_events", report.testIncidents());
            json.put("test_events_outside_area", report.outsideArea());
            json.put("area_share", areaShare);
            json.put("interval", "95% t-interval over origins: mean ± t(0.975, n−1)·s/√n; differences paired by"
                    + " origin");
            List<Map<String, Object>> methods = new ArrayList<>();
            for (int m = 0; m < report.summaries().size(); m++) {
                HotspotEvaluation.Summary s = report.summaries().get(m);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", s.method());
                one.put("hit_rate", number(s.hitRate()));
                one.put("pai", number(s.pai()));
                one.put("hit_rate_ci", interval(s.hitRateInterval()));
                one.put("pai_ci", interval(s.paiInterval()));
                one.put("hit_rate_1pct", number(s.hitRateOnePercent()));
                one.put("pai_1pct", number(s.paiOnePercent()));
                if (s.peelMinusThis() != null) {
                    HotspotEvaluation.Comparison c = s.peelMinusThis();
                    Map<String, Object> vs = new LinkedHashMap<>();
                    vs.put("hit_rate", number(c.hitRate().mean()));
                    vs.put("hit_rate_ci", interval(c.hitRate()));
                    vs.put("pai", number(c.pai().mean()));
                    vs.put("pai_ci", interval(c.pai()));
                    vs.put("peel_wins", c.wins());
                    vs.put("origins", c.origins());
                    one.put("peel_minus_this", vs);
                }
                one.put("seconds", round(s.seconds(), 3));
                one.put("detail", report.origins().get(report.origins().size() - 1).methods().get(m).detail());
                methods.add(one);
            }
            json.put("methods", methods);
            json.put("cell_metres", cellMetres);
            json.put("area_cells", report.areaCells());
            json.put("flagged_cells", report.origins().get(report.origins().size() - 1).methods().get(0).atShare()
                    .cells());
            json.put("train_months", trainMonths);
            json.put("origins_requested", origins);
            json.put("skipped_test_months", report.skippedTestMonths().stream().map(YearMonth::toString).toList());
            json.put("origins", report.origins().stream().map(o -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("test_month", o.testMonth().toString());
                one.put("training", o.trainingMonths().get(0) + ".." + o.trainingMonths().get(o.trainingMonths().size() - 1));
                one.put("training_months", o.trainingMonths().stream().map(YearMonth::toString).toList());
                one.put("missing_months", o.missingMonths().stream().map(YearMonth::toString).toList());
                one.put("area_cells", o.areaCells().length);
                one.put("test_events", o.testIncidents());
                one.put("test_events_outside_area", o.outsideArea());
                one.put("hit_rate", o.methods().stream().collect(LinkedHashMap::new,
                        (map, r) -> map.put(r.method(), number(r.atShare().hitRate())), Map::putAll));
                one.put("pai", o.methods().stream().collect(LinkedHashMap::new,
                        (map, r) -> map.put(r.method(), number(r.atShare().pai())), Map::putAll));
                return one;
            }).toList());
            json.put("rows_read", source.rowsRead());
            json.put("rows_without_location", source.rowsWithoutLocation());
            json.put("rows_without_location_of_type", source.rowsWithoutLocation(report.crimeType()));
            json.put("files", source.files().size());
            json.put("read_seconds", round(readSeconds, 3));
            json.put("notes", notes(report, source, study));
            return json;
        }

        private static List<Object> interval(HotspotEvaluation.Interval i) {
            List<Object> pair = new ArrayList<>();
            pair.add(number(i.low()));
            pair.add(number(i.high()));
            return pair;
        }

        private List<String> notes(HotspotEvaluation.Report report, HotspotSource source, HotspotStudy study) {
            List<String> notes = new ArrayList<>();
            notes.add(String.format(Locale.ROOT, "Study area: for each test month, the cells of %.0f m with at least"
                    + " one police.uk row of any type in its training months only (%,d cells for %s), not the force's"
                    + " bounding box; the grid too is built from the training months only.", cellMetres,
                    report.areaCells(), report.lastTestMonth()));
            notes.add(String.format(Locale.ROOT, "%,d of %,d test incidents fell outside the training months' study"
                    + " area and count as misses for every method.", report.outsideArea(), report.testIncidents()));
            notes.add("Grid: local equirectangular projection centred on the median of the training months' points;"
                    + " cells are square to about 1% per 50 km from the centre.");
            notes.add(String.format(Locale.ROOT, "%,d of %,d rows had no location and could not be placed (%,d of"
                            + " them %s).", source.rowsWithoutLocation(), source.rowsRead(),
                    source.rowsWithoutLocation(report.crimeType()), report.crimeType()));
            notes.add("Each method saw only the training months before each test month; peel, kde (bandwidth) and"
                    + " sepp (background bandwidth) chose their settings by the same validation on the last training"
                    + " months; sepp fitted its triggering by EM on the training months.");
            notes.add("Intervals: 95% t-interval over the origins (test months); peel's differences from each rival"
                    + " are paired by origin.");
            java.util.Set<YearMonth> missing = new java.util.TreeSet<>();
            report.origins().forEach(o -> missing.addAll(o.missingMonths()));
            if (!missing.isEmpty()) {
                notes.add("No rows at all for training month(s) " + missing + ": left out of training, not counted as"
                        + " months without crime.");
            }
            if (!report.skippedTestMonths().isEmpty()) {
                notes.add("Test month(s) skipped, with no rows or no earlier months to learn from: "
                        + report.skippedTestMonths() + ".");
            }
            return notes;
        }

        private String text(HotspotEvaluation.Report report, HotspotSource source, HotspotStudy study,
                            double readSeconds) {
            StringBuilder t = new StringBuilder();
            int n = report.origins().size();
            t.append(String.format(Locale.ROOT, "%s, %s: forecasting %s to %s (%d origin%s), each from the %d months"
                            + " before it, %,d test incidents%n", force, report.crimeType(),
                    report.origins().get(0).testMonth(), report.lastTestMonth(), n, n == 1 ? "" : "s", trainMonths,
                    report.testIncidents()));
            t.append(String.format(Locale.ROOT, "Grid %.0f m, study area %,d cells at the last origin; %,d rows read"
                            + " in %.1f s, %,d without location%n%n", cellMetres, report.areaCells(),
                    source.rowsRead(), readSeconds, source.rowsWithoutLocation()));
            t.append(String.format(Locale.ROOT, "%-12s %-22s %-20s %8s %8s %9s  %s%n", "method",
                    "hit " + pct(areaShare) + " [95% CI]", "PAI [95% CI]", "hit 1%", "PAI 1%", "seconds",
                    "peel minus this: hit rate [95% CI], wins"));
            for (HotspotEvaluation.Summary s : report.summaries()) {
                HotspotEvaluation.Comparison c = s.peelMinusThis();
                t.append(String.format(Locale.ROOT, "%-12s %-22s %-20s %8.3f %8.2f %9.3f  %s%n", s.method(),
                        ci(s.hitRateInterval(), "%.3f"), ci(s.paiInterval(), "%.2f"), s.hitRateOnePercent(),
                        s.paiOnePercent(), s.seconds(), c == null ? "" : ci(c.hitRate(), "%+.3f") + ", "
                                + c.wins() + " of " + c.origins()));
            }
            for (HotspotEvaluation.MethodResult r : report.origins().get(n - 1).methods()) {
                t.append(String.format("%n%s at %s: %s", r.method(), report.lastTestMonth(), r.detail()));
            }
            for (String note : notes(report, source, study)) {
                t.append(String.format("%n- %s", note));
            }
            return t.toString();
        }

        private static String ci(HotspotEvaluation.Interval i, String format) {
            String mean = String.format(Locale.ROOT, format, i.mean());
            return Double.isNaN(i.low()) ? mean : mean + String.format(Locale.ROOT, " [" + format + ", " + format
                    + "]", i.low(), i.high());
        }
    }

    @Command(name = "forecast", mixinStandardHelpOptions = true,
            description = "Forecast next month's hotspot cells with one method, shown with how often the same method"
                    + " would have been right on the latest months it did not see (rolling origins, mean and 95%"
                    + " interval), beside the tuned kde baseline.")
    static final class Forecast implements Callable<Integer> {

        @Mixin CommandOutput output;

        @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
                description = "police.uk street files (.csv or .csv.gz) or folders holding them")
        List<Path> inputs;

        @Option(names = "--force", required = true, paramLabel = "SLUG", description = "police.uk force slug")
        String force;

        @Option(names = "--crime-type", required = true, paramLabel = "TYPE", description = "police.uk crime type")
        String crimeType;

        @Option(names = "--train-months", paramLabel = "N", description = "Months to learn from (default: 10)")
        int trainMonths = 10;

        @Option(names = "--month", paramLabel = "YYYY-MM",
                description = "Month to forecast (default: the month after the last in the input)")
        String month;

        @Option(names = "--method", paramLabel = "NAME",
                description = "last-period, kde, prospective, sepp or peel (default: peel)")
        String method = "peel";

        @Option(names = "--area-share", paramLabel = "X", description = "Share of the study area flagged (default: 0.05)")
        double areaShare = 0.05;

        @Option(names = "--cell-metres", paramLabel = "M", description = "Grid cell side in metres (default: 250)")
        double cellMetres = 250;

        @Option(names = "--origins", paramLabel = "N",
                description = "Months before the forecast on which the method is judged, each trained only on the"
                        + " months before it (default: 6)")
        int origins = 6;

        @Override
        public Integer call() {
            if (origins < 1) {
                throw org.peel.common.BadInput.field("origins", "must be at least 1");
            }
            String type = HotspotCrimeTypes.resolve("crime-type", crimeType);
            HotspotMethod chosen = HotspotMethod.all().stream().filter(m -> m.name().equals(method)).findFirst()
                    .orElseThrow(() -> org.peel.common.BadInput.field("method",
                            "'" + method + "' is not one of " + HotspotMethod.names()));
            HotspotSource source = HotspotStreetFiles.read(inputs, force);
            HotspotStudy study = HotspotStudy.of(source.incidents(), type, cellMetres);
            YearMonth last = study.months().get(study.months().size() - 1);
            YearMonth target = month == null ? last.plusMonths(1) : month(month);
            HotspotHistory history = study.history(target, trainMonths, areaShare);
            HotspotForecast forecast = chosen.forecast(history);
            int[] order = HotspotRanking.order(forecast.scores(), history.areaCells());
            int k = HotspotRanking.cellsFor(areaShare, order.length);

            // how often this would have been right: the latest months before the target, each trained only on the
            // months before it; one month alone is too noisy to tell one method from another
            YearMonth check = target.minusMonths(1).isAfter(last) ? last : target.minusMonths(1);
            HotspotEvaluation.Report measured = HotspotEvaluation.evaluate(study,
                    chosen.name().equals("kde") ? List.of(chosen) : List.of(chosen, HotspotMethod.Kde.tuned()),
                    check, trainMonths, origins, areaShare);
            int judgedOn = measured.origins().size();
            YearMonth firstJudged = check.minusMonths(origins - 1L);

            HotspotGrid grid = history.grid();
            List<Map<String, Object>> cells = new ArrayList<>();
            StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                    "%s, %s: %s forecast for %s from %s to %s; top %d of %,d cells (%s of the area)%n",
                    force, type, chosen.name(), target, history.months().get(0),
                    history.months().get(history.months().size() - 1), k, order.length, pct(areaShare)));
            t.append(String.format(Locale.ROOT, "  judged on %d month%s from %s to %s, each unseen when forecast:%n",
                    judgedOn, judgedOn == 1 ? "" : "s", firstJudged, check));
            for (HotspotEvaluation.Summary s : measured.summaries()) {
                t.append(String.format(Locale.ROOT, "    %s would have caught %s of incidents (PAI %s)%n", s.method(),
                        Evaluate.ci(percent(s.hitRateInterval()), "%.1f%%"), Evaluate.ci(s.paiInterval(), "%.2f")));
            }
            t.append(String.format("  %s%n%n  rank  longitude   latitude     score%n", forecast.detail()));
            for (int i = 0; i < k; i++) {
                int cell = order[i];
                double lon = grid.longitude(grid.centreX(cell % grid.columns()));
                double lat = grid.latitude(grid.centreY(cell / grid.columns()));
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("rank", i + 1);
                one.put("cell", cell);
                one.put("longitude", round(lon, 6));
                one.put("latitude", round(lat, 6));
                one.put("score", forecast.scores()[cell]);
                cells.add(one);
                t.append(String.format(Locale.ROOT, "  %4d %10.6f %10.6f %9.4g%n", i + 1, lon, lat,
                        forecast.scores()[cell]));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("force", force);
            json.put("crime_type", type);
            json.put("forecast_month", target.toString());
            json.put("method", chosen.name());
            json.put("detail", forecast.detail());
            json.put("area_share", areaShare);
            json.put("cell_metres", cellMetres);
            json.put("area_cells", order.length);
            json.put("measured_on", check.toString());
            json.put("measured_from", firstJudged.toString());
            json.put("measured_months", judgedOn);
            json.put("measured", measured.summaries().stream().map(s -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", s.method());
                one.put("hit_rate", number(s.hitRate()));
                one.put("hit_rate_low", number(s.hitRateInterval().low()));
                one.put("hit_rate_high", number(s.hitRateInterval().high()));
                one.put("pai", number(s.pai()));
                one.put("pai_low", number(s.paiInterval().low()));
                one.put("pai_high", number(s.paiInterval().high()));
                return one;
            }).toList());
            json.put("cells", cells);
            json.put("rows_without_location", source.rowsWithoutLocation());
            output.print(System.out, t.toString().stripTrailing(), json);
            return 0;
        }
    }

    private static HotspotEvaluation.Interval percent(HotspotEvaluation.Interval i) {
        return new HotspotEvaluation.Interval(i.mean() * 100, i.low() * 100, i.high() * 100, i.n());
    }

    public static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeException ex) {
            throw org.peel.common.BadInput.field("test-month", "'" + text + "' is not a month (YYYY-MM)");
        }
    }

    private static String pct(double share) {
        return java.math.BigDecimal.valueOf(share * 100).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString() + "%";
    }

    private static Object number(double v) {
        return Double.isNaN(v) ? null : round(v, 4);
    }

    public static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
