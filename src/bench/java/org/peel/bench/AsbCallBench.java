package org.peel.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.Javalin;
import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.access.UserAccounts;
import org.peel.people.BatchLinkage;
import org.peel.people.IdentityResolution;
import org.peel.people.PeopleStore;
import org.peel.people.PersonRecordSource;
import org.peel.platform.Database;
import org.peel.platform.DatabaseLocation;
import org.peel.platform.DatabaseOptions;
import org.peel.platform.Environment;
import org.peel.platform.GenerateCommand;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelException;
import org.peel.platform.PeelWeb;
import org.peel.prevention.ExactDetailsVictimHistory;
import org.peel.synthetic.DatabaseSink;
import org.peel.synthetic.ForceSources;
import org.peel.synthetic.ForceSpec;
import org.peel.synthetic.Generation;
import org.peel.synthetic.SyntheticForce;
import org.peel.synthetic.SyntheticSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code peel bench asb-call}: the answer a call handler gets on saving an ASB incident (the victim's earlier
 * incidents and crimes, earlier incidents at the place, the risk grade and its reasons, all in the same response),
 * under load, on a database holding about a million person records. The synthetic Metropolitan Police is loaded at
 * the scale that gives the records asked for; then several clients POST calls to {@code /api/v1/asb-incidents} of a
 * running Peel, each for a victim taken from the loaded records as recorded, so that most calls find a history.
 * The baseline is the very same calls against a Peel on an empty database in the same PostgreSQL server, in the same
 * run: what the million records cost the call handler.
 */
@Command(name = "asb-call", mixinStandardHelpOptions = true,
        description = "ASB first-call latency (p50, p95, p99) and calls/s under concurrent HTTP load over a synthetic"
                + " force with about N person records, against the same calls on an empty database in the same run."
                + " Uses an empty database: a temporary embedded one unless --data-dir or --db-url is given.")
final class AsbCallBench implements Callable<Integer> {

    static final String FORCE = SyntheticLinkSet.FORCE;
    static final YearMonth YEAR_TO = SyntheticLinkSet.YEAR_TO;
    static final long SEED = 1;
    /** Calls are made as if on the first day after the synthetic year, so a year of history lies behind them. */
    static final LocalDateTime CALLS_FROM = YEAR_TO.plusMonths(1).atDay(1).atTime(9, 0);
    private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}");
    private static final Pattern JDBC_DATABASE = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    @Mixin DatabaseOptions db;
    @Mixin OutputOptions output;

    @Option(names = "--person-records", paramLabel = "N",
            description = "About how many person records to load (default: ${DEFAULT-VALUE})")
    int personRecords = 1_000_000;

    @Option(names = "--calls", paramLabel = "N", description = "Timed calls on each database (default: ${DEFAULT-VALUE})")
    int calls = 3_000;

    @Option(names = "--warm-up", paramLabel = "N", description = "Untimed calls first (default: ${DEFAULT-VALUE})")
    int warmUp = 300;

    @Option(names = "--clients", paramLabel = "N", description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE})")
    int clients = 8;

    @Option(names = "--history", paramLabel = "HOW",
            description = "How the victim's history is found: exact (exact details; the default here, as it needs no"
                    + " resolution run first) or resolved (Peel's own default: through identity resolution, which the"
                    + " benchmark then runs over the loaded records)")
    String history = "exact";

    @Option(names = "--shared-data", paramLabel = "DIR", description = "Public data folder (as for generate)")
    Path sharedData;

    /** One call's victim and place, taken from a loaded victim's record as it was recorded. */
    record Call(String forenames, String surname, LocalDate dob, String postcode, Double latitude, Double longitude,
                String borough) {
    }

    /** Latencies and what the answers held, for one database. */
    record Run(int calls, int failed, double seconds, double p50, double p95, double p99, double max,
               int withHistory, double meanEarlierRecords, Map<String, Integer> grades) {
        double callsPerSecond() {
            return calls / seconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        boolean resolved = switch (history.toLowerCase(Locale.ROOT)) {
            case "exact" -> false;
            case "resolved" -> true;
            default -> throw new IllegalArgumentException("--history is exact or resolved, not '" + history + "'");
        };
        if (personRecords < 1_000 || calls < 100 || clients < 1 || warmUp < 0) {
            throw new IllegalArgumentException("give at least 1000 --person-records, 100 --calls and 1 client");
        }
        Path temporary = temporaryLocation();
        DatabaseOptions options = temporary != null ? DatabaseOptions.embedded(temporary) : db;
        try (Database database = options.open()) {
            long held = database.jdbi().withHandle(h ->
                    h.createQuery("select count(*) from person_record").mapTo(Long.class).one());
            if (held > 0) {
                throw new PeelException("The database already holds " + held + " person records: the benchmark"
                        + " loads its own force, so give it an empty database (or neither --data-dir nor --db-url)");
            }
            ForceSpec spec = ForceSources.load(FORCE, YEAR_TO, GenerateCommand.sharedDataDir(sharedData));
            System.err.printf(Locale.ROOT, "Loading the synthetic %s for about %,d person records…%n", FORCE,
                    personRecords);
            double scale = SyntheticLinkSet.scaleFor(personRecords);
            long t0 = System.nanoTime();
            Map<String, Long> counts;
            try (DatabaseSink sink = new DatabaseSink(database.jdbi())) {
                counts = SyntheticForce.generate(spec, new Generation(spec.name(), scale, SEED, YEAR_TO),
                        SyntheticSettings.defaults(), sink).counts();
            }
            database.ownerJdbi().useHandle(h -> h.execute("analyze"));
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            long persons = database.jdbi().withHandle(h ->
                    h.createQuery("select count(*) from person_record").mapTo(Long.class).one());
            double resolveSeconds = 0;
            int resolvedPersons = 0;
            if (resolved) {
                System.err.println("Resolving the person records into persons…");
                long t1 = System.nanoTime();
                BatchLinkage.Report r = new BatchLinkage(IdentityResolution.standard(), new PeopleStore(database.jdbi()))
                        .run(new PersonRecordSource(database.jdbi(), PersonRecordSource.STANDARD_TABLE), "peel bench");
                database.ownerJdbi().useHandle(h -> h.execute("analyze person_link"));
                resolveSeconds = (System.nanoTime() - t1) / 1e9;
                resolvedPersons = r.personsCreated();
            }
            List<Call> sample = sample(database, warmUp + calls);
            // the server finds victims' history the way PEEL_ASB_HISTORY says; the bench sets it for its mode
            Map<String, String> environment = new HashMap<>(Environment.variables());
            environment.put("PEEL_ASB_HISTORY", resolved ? "resolved" : "exact");

            System.err.printf(Locale.ROOT, "Calls on the loaded database (%,d person records)…%n", persons);
            Run loaded = measure(database, environment, sample);
            System.err.println("The same calls on an empty database…");
            Run empty;
            String baselineName = "peel_bench_empty_" + ProcessHandle.current().pid();
            String baselineUrl = otherDatabase(database, baselineName);
            database.ownerJdbi().useHandle(h -> h.execute("create database " + baselineName));
            try {
                try (Database baseline = Database.open(new DatabaseLocation.External(baselineUrl),
                        org.peel.access.AuditKey.random()).migrate()) {
                    empty = measure(baseline, environment, sample);
                }
            } finally {
                database.ownerJdbi().useHandle(h -> h.execute("drop database if exists " + baselineName + " with (force)"));
            }
            print(database, counts, persons, scale, loadSeconds, resolved, resolveSeconds, resolvedPersons, loaded,
                    empty);
            return loaded.failed() + empty.failed() == 0 ? 0 : 1;
        } finally {
            if (temporary != null) {
                delete(temporary);
            }
        }
    }

    /** A temporary embedded database when none was chosen, since the benchmark must start from an empty one. */
    private Path temporaryLocation() throws IOException {
        if (db.chosen()) {
            return null;
        }
        return Files.createTempDirectory("peel-bench-asb-");
    }

    /** The same server's JDBC URL with another database name. */
    private static String otherDatabase(Database database, String name) {
        String url = database.ownerJdbcUrl();
        Matcher m = JDBC_DATABASE.matcher(url);
        if (!m.matches()) {
            throw new PeelException("cannot name a second database beside " + database.location().describe());
        }
        return m.group(1) + name + m.group(3);
    }

    /**
     * Victims as they were recorded on earlier ASB incidents and crimes, in an order fixed by the seed, each with
     * the place of that record. Details a call handler's form would refuse (a malformed postcode, a date of birth
     * before 1900) are left out of the call, as the handler would leave them out.
     */
    private static List<Call> sample(Database database, int n) {
        return database.jdbi().withHandle(h -> h.createQuery("""
                        with chosen as (
                          select id, forenames, surname, date_of_birth, postcode, source_type, source_id
                          from person_record
                          where role in ('victim', 'caller and victim') and surname is not null
                            and source_type in ('asb_incident', 'crime')
                          order by md5(id || :seed) limit :n
                        )
                        select c.forenames, c.surname, c.date_of_birth, c.postcode,
                               coalesce(a.latitude, k.latitude), coalesce(a.longitude, k.longitude),
                               coalesce(a.borough_code, k.borough_code)
                        from chosen c
                        left join asb_incident a on c.source_type = 'asb_incident' and a.id = c.source_id
                        left join crime k on c.source_type = 'crime' and k.id = c.source_id
                        order by md5(c.id || :seed)""")
                .bind("seed", Long.toString(SEED)).bind("n", n)
                .map((rs, ctx) -> {
                    LocalDate dob = rs.getObject(3, LocalDate.class);
                    String postcode = rs.getString(4) == null ? null : rs.getString(4).toUpperCase(Locale.ROOT).strip();
                    return new Call(rs.getString(1), rs.getString(2),
                            dob == null || dob.isBefore(LocalDate.of(1900, 1, 1)) ? null : dob,
                            postcode == null || !POSTCODE.matcher(postcode).matches() ? null : postcode,
                            (Double) rs.getObject(5), (Double) rs.getObject(6), rs.getString(7));
                })
                .list());
    }

    /** Starts Peel on the database, makes the warm-up calls, then times the rest with concurrent clients. */
    private Run measure(Database database, Map<String, String> environment, List<Call> sample) throws Exception {
        AccessStore access = new AccessStore(database.jdbi());
        User user = new UserAccounts(access, new AuditTrail(database.jdbi())).create(null, "bench.asb",
                "ASB call benchmark", Role.INTELLIGENCE_ANALYST, null, "bench password not used for sign-in", "bench");
        String token = database.jdbi().inTransaction(h -> access.createToken(h, user.id(), "peel bench asb-call"));
        Javalin app = PeelWeb.create(database, false, environment, Environment.clock(), false).start("127.0.0.1", 0);
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String url = "http://127.0.0.1:" + app.port() + "/api/v1/asb-incidents";
            int warm = Math.min(warmUp, sample.size());
            List<Call> timed = sample.subList(warm, sample.size());
            run(client, url, token, sample.subList(0, warm), 0, new long[warm], new String[warm]);
            long[] nanos = new long[timed.size()];
            String[] answers = new String[timed.size()];
            long t0 = System.nanoTime();
            int failed = run(client, url, token, timed, warm, nanos, answers);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return summarise(nanos, answers, failed, seconds);
        } finally {
            app.stop();
        }
    }

    /** Sends the calls from {@link #clients} threads; returns how many were not answered 201. */
    private int run(HttpClient client, String url, String token, List<Call> calls, int offset, long[] nanos,
                    String[] answers) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        // why calls failed, so that a failing run says so: the status and the start of the answer, counted
        Map<String, Integer> why = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < calls.size(); ) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("X-Peel-Purpose", "benchmark of the ASB first call")
                            .POST(HttpRequest.BodyPublishers.ofString(body(calls.get(i), offset + i))).build();
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        nanos[i] = System.nanoTime() - s;
                        if (r.statusCode() == 201) {
                            answers[i] = r.body();
                        } else {
                            failed.incrementAndGet();
                            why.merge(r.statusCode() + " " + errorsOf(r.body()), 1, Integer::sum);
                        }
                    } catch (IOException ex) {
                        nanos[i] = System.nanoTime() - s;
                        failed.incrementAndGet();
                        why.merge(ex.getClass().getSimpleName(), 1, Integer::sum);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "bench-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        why.forEach((reason, n) -> System.err.println("  " + n + " call(s) failed: " + reason));
        return failed.get();
    }

    /** The fields an answer refused, or its start when it names none. */
    private static String errorsOf(String body) {
        String text = body == null ? "" : body;
        int errors = Math.max(0, text.indexOf("\"errors\""));
        return text.substring(errors, Math.min(text.length(), errors + 300));
    }

    /** The JSON a call handler's system would send: a personal ASB call from the victim, at the victim's place. */
    static String body(Call c, int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", "personal");
        m.put("sub_type", "Rowdy/nuisance neighbours");
        m.put("description", "Shouting and banging at the door late at night");
        m.put("channel", "101");
        m.put("reported_at", CALLS_FROM.plusMinutes(n).toString());
        m.put("address", "Benchmark call " + n);
        if (c.latitude() != null && c.longitude() != null) {
            m.put("latitude", c.latitude());
            m.put("longitude", c.longitude());
        }
        m.put("borough", c.borough());
        m.put("victim_forenames", c.forenames());
        m.put("victim_surname", c.surname());
        if (c.dob() != null) {
            m.put("victim_dob", c.dob().toString());
        }
        if (c.postcode() != null) {
            m.put("victim_postcode", c.postcode());
        }
        if (c.dob() == null && c.postcode() == null) {
            // as the form asks of a call handler: a victim recorded with neither says why (a name many share is
            // refused without it)
            m.put("victim_not_given", "REFUSED");
        }
        m.put("caller_is_victim", "yes");
        m.put("targeted", n % 3 == 0 ? "yes" : "no");
        m.put("impact", n % 4 == 0 ? "severe" : "some");
        m.put("duration", n % 2 == 0 ? "months" : "weeks");
        m.put("vulnerability", n % 5 == 0 ? List.of("disability") : List.of());
        try {
            return OutputOptions.JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Run summarise(long[] nanos, String[] answers, int failed, double seconds) throws IOException {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int withHistory = 0;
        long earlier = 0;
        int answered = 0;
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (String a : answers) {
            if (a == null) {
                continue;
            }
            answered++;
            Map<String, Object> call = OutputOptions.JSON.readValue(a, new TypeReference<>() { });
            Map<?, ?> victim = (Map<?, ?>) call.get("victim_history");
            int n = victim == null ? 0 : ((List<?>) victim.get("incidents")).size() + ((List<?>) victim.get("crimes")).size();
            earlier += n;
            if (n > 0) {
                withHistory++;
            }
            Map<?, ?> risk = (Map<?, ?>) call.get("risk");
            grades.merge(risk == null ? "none" : String.valueOf(risk.get("grade")).toLowerCase(Locale.ROOT), 1,
                    Integer::sum);
        }
        return new Run(nanos.length, failed, seconds, percentile(sorted, 0.50), percentile(sorted, 0.95),
                percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6, withHistory,
                answered == 0 ? 0 : (double) earlier / answered, grades);
    }

    /** Nearest rank, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private void print(Database database, Map<String, Long> counts, long persons, double scale, double loadSeconds,
                       boolean resolved, double resolveSeconds, int resolvedPersons, Run loaded, Run empty) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "ASB first call under load: %d clients POSTing to /api/v1/asb-incidents"
                        + " (record, victim history, place history, risk grade, flags, audit: one response)%n",
                clients));
        t.append(String.format(Locale.ROOT, "Database: %s; synthetic %s at scale %.4f, seed %d, year to %s,"
                        + " loaded with COPY in %.1f s:%n  %,d person records, %,d ASB incidents, %,d crimes%n",
                database.location().describe(), FORCE, scale, SEED, YEAR_TO, loadSeconds, persons,
                counts.getOrDefault("asb_incident", 0L), counts.getOrDefault("crime", 0L)));
        t.append("Victim history: ").append(resolved ? ExactDetailsVictimHistory.RESOLVED_METHOD
                : ExactDetailsVictimHistory.METHOD);
        if (resolved) {
            t.append(String.format(Locale.ROOT, "%n  identity resolution over the loaded records: %,d persons in %.1f s"
                    + " (not timed in the calls)", resolvedPersons, resolveSeconds));
        }
        t.append(String.format(Locale.ROOT, "%n%d calls on each database after %d untimed, each for a victim as"
                + " recorded on a loaded ASB incident or crime%n", calls, warmUp));
        t.append(String.format(Locale.ROOT, "  %-26s %8s %8s %8s %8s %9s %7s  %s%n", "", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "calls/s", "failed", "answers"));
        line(t, String.format(Locale.ROOT, "%,d person records", persons), loaded);
        line(t, "baseline: empty database", empty);
        t.append(String.format(Locale.ROOT, "  ratio (loaded ÷ empty): p50 %.2f x, p95 %.2f x, p99 %.2f x,"
                        + " calls/s %.2f x", loaded.p50() / empty.p50(), loaded.p95() / empty.p95(),
                loaded.p99() / empty.p99(), loaded.callsPerSecond() / empty.callsPerSecond()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("force", FORCE);
        json.put("scale", scale);
        json.put("seed", SEED);
        json.put("person_records", persons);
        json.put("asb_incidents", counts.getOrDefault("asb_incident", 0L));
        json.put("crimes", counts.getOrDefault("crime", 0L));
        json.put("load_seconds", round(loadSeconds));
        json.put("history", resolved ? "resolved" : "exact");
        if (resolved) {
            json.put("resolve_seconds", round(resolveSeconds));
            json.put("resolved_persons", resolvedPersons);
        }
        json.put("clients", clients);
        json.put("calls", calls);
        json.put("warm_up", warmUp);
        json.put("loaded", json(loaded));
        json.put("baseline_empty", json(empty));
        json.put("ratio_p50", round(loaded.p50() / empty.p50()));
        json.put("ratio_p99", round(loaded.p99() / empty.p99()));
        json.put("ratio_calls_per_second", round(loaded.callsPerSecond() / empty.callsPerSecond()));
        output.print(System.out, t.toString(), json);
    }

    private static void line(StringBuilder t, String name, Run r) {
        t.append(String.format(Locale.ROOT, "  %-26s %8.1f %8.1f %8.1f %8.1f %9.1f %7d  %d of %d found earlier"
                        + " records (mean %.1f); grades %s%n", name, r.p50(), r.p95(), r.p99(), r.max(),
                r.callsPerSecond(), r.failed(), r.withHistory(), r.calls(), r.meanEarlierRecords(), r.grades()));
    }

    private static Map<String, Object> json(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50_ms", round(r.p50()));
        m.put("p95_ms", round(r.p95()));
        m.put("p99_ms", round(r.p99()));
        m.put("max_ms", round(r.max()));
        m.put("calls_per_second", round(r.callsPerSecond()));
        m.put("failed", r.failed());
        m.put("calls_finding_earlier_records", r.withHistory());
        m.put("mean_earlier_records", round(r.meanEarlierRecords()));
        m.put("grades", r.grades());
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is not worth failing the benchmark for
        }
    }
}
