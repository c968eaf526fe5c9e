package org.peel.bench;

import org.peel.measure.ForceInNumbers;
import org.peel.measure.IndicatorEngine;
import org.peel.measure.MeasureStore;
import org.peel.measure.Period;
import org.peel.measure.Place;
import org.peel.opendata.ForceNames;
import org.peel.opendata.OpenDataStore;
import org.peel.platform.Database;
import org.peel.platform.DatabaseOptions;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peel bench report}: milliseconds per Force in numbers over at least ten million facts. When fewer facts are
 * held, the police.uk rows are copied into earlier years until there are enough, inside a transaction that is rolled
 * back at the end, so nothing is left behind. The baseline is one pass over every fact, in the same transaction. The
 * copies go through the refresh an import ends with, so England and Wales's figures, held between reports until the
 * public data changes, are counted over them by the first report (timed apart) and held for the timed ones; the
 * force's own figures are counted afresh in every report.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Milliseconds per Force in numbers report over at least --facts facts (police.uk rows copied"
                + " into earlier years inside a transaction that is rolled back), against one pass over every fact.")
final class BenchReportCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;
    @Mixin OutputOptions output;

    @Option(names = "--force", paramLabel = "NAME", description = "Force (default: Kent)")
    String force = "Kent";

    @Option(names = "--year-to", paramLabel = "YYYY-MM", description = "Last month (default: 2014-11)")
    String yearTo = "2014-11";

    @Option(names = "--facts", paramLabel = "N", description = "Facts to hold at least (default: 10000000)")
    long facts = 10_000_000L;

    @Option(names = "--reports", paramLabel = "N", description = "Reports to time (default: 20)")
    int reports = 20;

    @Option(names = "--queries", description = "Also list the statements the timed reports spent longest in")
    boolean queries;

    /** Carries the results out of the transaction it rolls back. */
    private static final class Done extends RuntimeException {
        final Map<String, Object> json;

        Done(Map<String, Object> json) {
            super(null, null, false, false);
            this.json = json;
        }
    }

    @Override
    public Integer call() {
        YearMonth to = YearMonth.parse(yearTo);
        try (Database database = db.open()) {
            ForceNames.Force f = new OpenDataStore(database.jdbi()).forceNames().match(force, force)
                    .orElseThrow(() -> new PeelException("No force is called '" + force + "'"));
            MeasureStore store = new MeasureStore(database.jdbi());
            IndicatorEngine engine = new IndicatorEngine(store);
            Place.Area area = new Place.Area(Place.Level.FORCE, f.code(), f.name());
            Map<String, Object> json;
            try {
                // the engine's reads run on this transaction's handle: Jdbi hands the open handle to nested calls
                database.jdbi().useTransaction(h -> {
                    long held = rawFacts(h);
                    if (held == 0) {
                        throw new PeelException("No police.uk facts: run 'peel import police-uk' first");
                    }
                    int copies = 0;
                    long t0 = System.nanoTime();
                    while (held * (copies + 1) < facts) {
                        copies++;
                        h.createUpdate("""
                                insert into opendata_police_uk_crime (file_id, line, crime_id, month, force_code,
                                    longitude, latitude, lsoa_code, ward_code, borough_code, place_method, crime_type,
                                    last_outcome)
                                select file_id, line, crime_id, (month - make_interval(years => :k))::date, force_code,
                                    longitude, latitude, lsoa_code, ward_code, borough_code, place_method, crime_type,
                                    last_outcome
                                from opendata_police_uk_crime where month >= '2014-01-01'""")
                                .bind("k", copies).execute();
                        h.createUpdate("""
                                insert into opendata_police_uk_month (file_id, force_code, month, kind, rows, unlocated)
                                select file_id, force_code, (month - make_interval(years => :k))::date, kind, rows,
                                    unlocated
                                from opendata_police_uk_month where month >= '2014-01-01'
                                on conflict do nothing""").bind("k", copies).execute();
                    }
                    // as an import does: the refresh brings the copies into the facts and moves the public data's
                    // generation on, so England and Wales's held figures are counted again over the copies
                    store.refreshPoliceUk();
                    h.execute("select peel_analyze('opendata_police_uk_crime', 'opendata_police_uk_month',"
                            + " 'measure_police_uk_area', 'measure_police_uk_force')");
                    double setupSeconds = (System.nanoTime() - t0) / 1e9;
                    long total = rawFacts(h);

                    Period period = Period.yearTo(to);
                    long tFirst = System.nanoTime();
                    ForceInNumbers.of(engine, area, period);
                    double firstMs = (System.nanoTime() - tFirst) / 1e6;
                    StatementTimes times = new StatementTimes();
                    if (queries) {
                        h.setSqlLogger(times);
                    }
                    long t1 = System.nanoTime();
                    for (int i = 0; i < reports; i++) {
                        ForceInNumbers.of(engine, area, period);
                    }
                    double msPerReport = (System.nanoTime() - t1) / 1e6 / reports;
                    h.setSqlLogger(org.jdbi.v3.core.statement.SqlLogger.NOP_SQL_LOGGER);

                    long t2 = System.nanoTime();
                    h.createQuery("select count(*) as rows, count(distinct crime_type) as types from opendata_police_uk_crime")
                            .mapToMap().one();
                    double scanMs = (System.nanoTime() - t2) / 1e6;

                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("force", area.name());
                    out.put("period", period.describe());
                    out.put("facts", total + prcFacts(h));
                    out.put("policeUkRows", total);
                    out.put("copiesIntoEarlierYears", copies);
                    out.put("setupSeconds", Math.round(setupSeconds * 10) / 10.0);
                    out.put("indicatorsPerReport", store.definitions().size() * 2);
                    out.put("reports", reports);
                    out.put("msPerReport", Math.round(msPerReport * 10) / 10.0);
                    out.put("msFirstReportAfterImport", Math.round(firstMs * 10) / 10.0);
                    out.put("baselineScanMs", Math.round(scanMs * 10) / 10.0);
                    out.put("ratio", Math.round(scanMs / msPerReport * 10) / 10.0);
                    if (queries) {
                        out.put("statementsPerReport", times.count() / reports);
                        out.put("slowestStatements", times.slowest(10, reports));
                    }
                    throw new Done(out);
                });
                throw new IllegalStateException("the benchmark's transaction must not commit");
            } catch (Done done) {
                json = done.json;
            }
            String text = String.format("""
                            Force in numbers for %s, %s, over %,d facts (%,d police.uk rows; %d copies into earlier
                            years, set up in %.1f s, all rolled back afterwards)
                              report:   %,10.1f ms per report  (%d indicators for the force and for England and Wales, %d reports)
                              first:    %,10.1f ms             (the first report after the import, which counts England and Wales's
                                                               figures that the reports after it read as held)
                              baseline: %,10.1f ms             (one pass over every police.uk row: count(*), count(distinct type))
                              ratio:    %,10.1f x              (baseline ÷ report)""",
                    json.get("force"), json.get("period"), (Long) json.get("facts"), (Long) json.get("policeUkRows"),
                    (Integer) json.get("copiesIntoEarlierYears"), (Double) json.get("setupSeconds"),
                    (Double) json.get("msPerReport"), (Integer) json.get("indicatorsPerReport"), reports,
                    (Double) json.get("msFirstReportAfterImport"), (Double) json.get("baselineScanMs"),
                    (Double) json.get("ratio"));
            if (json.containsKey("slowestStatements")) {
                StringBuilder more = new StringBuilder(String.format("%n  statements: %d per report; longest in total,"
                        + " per report:", (Long) json.get("statementsPerReport")));
                for (Object row : (java.util.List<?>) json.get("slowestStatements")) {
                    more.append(String.format("%n    %s", row));
                }
                text = text + more;
            }
            output.print(System.out, text, json);
            return 0;
        }
    }

    /** Milliseconds spent in each statement (by its SQL), for {@code --queries}. */
    private static final class StatementTimes implements org.jdbi.v3.core.statement.SqlLogger {
        private final Map<String, long[]> bySql = new java.util.HashMap<>();

        @Override
        public void logAfterExecution(org.jdbi.v3.core.statement.StatementContext ctx) {
            long nanos = java.time.Duration.between(ctx.getExecutionMoment(), ctx.getCompletionMoment()).toNanos();
            long[] t = bySql.computeIfAbsent(ctx.getRawSql().replaceAll("\\s+", " ").trim(), k -> new long[2]);
            t[0]++;
            t[1] += nanos;
        }

        long count() {
            return bySql.values().stream().mapToLong(t -> t[0]).sum();
        }

        java.util.List<String> slowest(int n, int reports) {
            return bySql.entrySet().stream()
                    .sorted(java.util.Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]))
                    .limit(n)
                    .map(e -> String.format("%8.1f ms %5d× %s", e.getValue()[1] / 1e6 / reports,
                            e.getValue()[0] / reports, e.getKey().length() > 110 ? e.getKey().substring(0, 110) + "…"
                                    : e.getKey()))
                    .toList();
        }
    }

    private static long rawFacts(org.jdbi.v3.core.Handle h) {
        return h.createQuery("select count(*) from opendata_police_uk_crime").mapTo(Long.class).one();
    }

    private static long prcFacts(org.jdbi.v3.core.Handle h) {
        return h.createQuery("select (select count(*) from opendata_prc) + (select count(*) from opendata_london_borough_crime)")
                .mapTo(Long.class).one();
    }
}
