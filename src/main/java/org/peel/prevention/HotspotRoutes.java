package org.peel.prevention;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.common.BadInput;
import org.peel.place.PlaceStore;
import org.peel.web.Web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hotspot map page: a force's forecast cells for a month over ward boundaries, with how often the map would have
 * been right (hit rate and PAI on that month, which no method saw) beside the baselines' figures. Reads police.uk
 * street files from the shared data folder and keeps recent forces and results in memory.
 */
public final class HotspotRoutes {

    /** Months of training before the test month, as in the acceptance table; fewer when the data starts later. */
    static final int TRAIN_MONTHS = 10;
    static final double AREA_SHARE = 0.05;
    static final double CELL_METRES = 250;
    private static final Pattern FILE = Pattern.compile("\\d{4}-\\d{2}-([a-z-]+)-street\\.csv(\\.gz)?");
    private static final Pattern SLUG = Pattern.compile("[a-z]+(-[a-z]+)*");
    /** The rolling evaluation behind the page's verdict: six test months, each from the five months before it. */
    static final int ROLLING_ORIGINS = 6;
    static final int ROLLING_TRAIN_MONTHS = 5;
    /** One evaluation at a time, in the background: on a force of millions of rows it takes minutes. */
    private static final ExecutorService EVALUATIONS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hotspot-evaluation");
        t.setDaemon(true);
        return t;
    });

    private final Web web;
    private final PlaceStore places;
    private final Path street;
    private final Map<String, HotspotSource> sources = recent(3);
    private final Map<String, HotspotStudy> studies = recent(6);
    private final Map<String, HotspotEvaluation.Report> reports = recent(24);
    private final Map<String, Map<String, Geometry>> wards = recent(6);
    private final Map<String, Map<String, Geometry>> boroughLines = recent(6);
    private final Map<String, CompletableFuture<HotspotVerdict>> verdicts = recent(48);
    private volatile List<String> forces;

    /** @param sharedData the shared data folder, or null when this server has none */
    public HotspotRoutes(Web web, PlaceStore places, Path sharedData) {
        this.web = web;
        this.places = places;
        this.street = sharedData == null ? null : sharedData.resolve("police-uk").resolve("street");
    }

    public void register(RoutesConfig routes) {
        routes.get("/prevention/hotspots", this::page);
    }

    /** What the page shows. */
    public record View(String force, String crimeType, String testMonth, String training, String shown,
                       long testIncidents, int areaCells, int flaggedCells, List<HotspotEvaluation.Summary> methods,
                       String detail, String map, List<String> notes, HotspotVerdict verdict,
                       String verdictStatus) {
    }

    private void page(Context ctx) {
        web.authorize(ctx, AccessRequest.view(Section.PREVENTION), "hotspots", null);
        if (street == null || !Files.isDirectory(street)) {
            throw new NotFoundResponse("This server has no police.uk street files (set PEEL_SHARED_DATA to the"
                    + " shared data folder)");
        }
        List<String> known = forces();
        String own = ownForce(Web.signedIn(ctx));
        String force = param(ctx, "force", known.contains(own) ? own
                : known.contains("city-of-london") || known.isEmpty() ? "city-of-london" : known.get(0));
        if (!SLUG.matcher(force).matches() || !known.contains(force)) {
            throw BadInput.field("force", "'" + force + "' is not a force with police.uk files here; one of " + known);
        }
        String crimeType = HotspotCrimeTypes.resolve("crimeType", param(ctx, "crimeType", "Burglary"));
        String shown = param(ctx, "method", "peel");
        if (HotspotMethod.all().stream().noneMatch(m -> m.name().equals(shown))) {
            throw BadInput.field("method", "'" + shown + "' is not one of " + HotspotMethod.names());
        }
        HotspotSource source = cached(sources, force, f -> HotspotStreetFiles.read(List.of(street), f));
        HotspotStudy study = cached(studies, force + "|" + crimeType,
                k -> HotspotStudy.of(source.incidents(), crimeType, CELL_METRES));
        List<YearMonth> months = study.months();
        YearMonth test = month(param(ctx, "testMonth", months.get(months.size() - 1).toString()));
        int before = (int) months.stream().filter(m -> m.isBefore(test)).count();
        if (!months.contains(test) || before == 0) {
            throw BadInput.field("testMonth", "choose a month from " + months.get(1) + " to "
                    + months.get(months.size() - 1) + " (it needs earlier months to learn from)");
        }
        int train = Math.min(TRAIN_MONTHS, before);
        HotspotEvaluation.Report report = cached(reports, force + "|" + crimeType + "|" + test,
                k -> HotspotEvaluation.evaluate(study, HotspotMethod.all(), test, train, 1, AREA_SHARE));
        HotspotEvaluation.Origin origin = report.origins().get(0);
        HotspotEvaluation.MethodResult result = origin.methods().stream()
                .filter(r -> r.method().equals(shown)).findFirst().orElseThrow();
        Map<String, Geometry> boundaries = cached(wards, force, f -> wardsOver(HotspotMap.envelope(study.grid())));
        Map<String, Geometry> divisions = cached(boroughLines, force,
                this::boroughsOf);
        String map = HotspotMap.draw(origin.grid(), origin.areaCells(), result.topCells(), boundaries, divisions, 720);
        List<String> notes = new java.util.ArrayList<>();
        notes.add(String.format("The study area is the %,d cells of %.0f m where police.uk placed at least one crime or"
                + " ASB incident of any type; the map flags %.0f%% of them.", report.areaCells(), CELL_METRES,
                AREA_SHARE * 100));
        notes.add(String.format("%,d of %,d rows had no location and could not be placed (%,d of them %s).",
                source.rowsWithoutLocation(), source.rowsRead(), source.rowsWithoutLocation(crimeType), crimeType));
        if (ctx.queryParam("force") == null && !own.isEmpty() && !known.contains(own)) {
            notes.add("This server holds no police.uk street files for your own force (" + own + "); the map opens on "
                    + force + " instead.");
        }
        if (boundaries.isEmpty()) {
            notes.add("No ward boundaries are loaded for this force's area (Peel's geography import covers London).");
        }
        String training = origin.trainingMonths().get(0) + " to "
                + origin.trainingMonths().get(origin.trainingMonths().size() - 1);
        CompletableFuture<HotspotVerdict> verdict = verdict(force, crimeType, study);
        HotspotVerdict judged = null;
        String status;
        if (!verdict.isDone()) {
            status = "Peel is comparing its map with the rivals over the last " + ROLLING_ORIGINS + " months held;"
                    + " this takes a minute or more for a large force. Reload the page to see the result.";
        } else if (verdict.isCompletedExceptionally()) {
            status = "The comparison could not be made: " + verdict.handle((v, e) -> e.getCause() == null
                    ? e.getMessage() : e.getCause().getMessage()).join();
        } else {
            judged = verdict.join();
            status = "done";
        }
        View view = new View(force, crimeType, test.toString(), training, shown, origin.testIncidents(),
                report.areaCells(), result.atShare().cells(), report.summaries(), result.detail(), map, notes,
                judged, status);
        web.render(ctx, "prevention/hotspots.jte", web.page(ctx, "Hotspot forecasts", Section.PREVENTION),
                Map.of("view", view, "forces", known, "crimeTypes", HotspotCrimeTypes.NAMES,
                        "months", months.subList(1, months.size()).stream().map(YearMonth::toString).toList(),
                        "methodNames", HotspotMethod.all().stream().map(HotspotMethod::name).toList()));
    }

    /**
     * The verdict of the rolling evaluation for a force and crime type: started in the background on first view,
     * then kept. Every method is judged, Peel's against each rival, over the last months held.
     */
    private CompletableFuture<HotspotVerdict> verdict(String force, String crimeType, HotspotStudy study) {
        synchronized (verdicts) {
            return verdicts.computeIfAbsent(force + "|" + crimeType, k -> CompletableFuture.supplyAsync(() -> {
                List<YearMonth> months = study.months();
                return HotspotVerdict.of(HotspotEvaluation.evaluate(study, HotspotMethod.all(),
                        months.get(months.size() - 1), ROLLING_TRAIN_MONTHS, ROLLING_ORIGINS, AREA_SHARE));
            }, EVALUATIONS));
        }
    }

    /** Boundaries of the boroughs of the force with these police.uk files; empty outside the imported geography. */
    private Map<String, Geometry> boroughsOf(String forceSlug) {
        Map<String, Geometry> found = new TreeMap<>();
        List<String> codes = places.forceAreas().stream().filter(f -> forceSlug(f.name()).equals(forceSlug))
                .map(org.peel.place.ForceArea::code).toList();
        places.boroughs().stream().filter(b -> codes.contains(b.borough().forceCode()))
                .forEach(b -> places.boroughBoundary(b.borough().code()).ifPresent(g -> found.put(b.borough().code(), g)));
        return found;
    }

    /**
     * The police.uk name of the user's own force: their borough's force; for a force-wide user, the force whose
     * boroughs Peel holds most of; empty when Peel holds no geography.
     */
    private String ownForce(org.peel.access.User user) {
        java.util.Map<String, Long> boroughsByForce = new java.util.HashMap<>();
        String own = null;
        for (var b : places.boroughs()) {
            boroughsByForce.merge(b.borough().forceCode(), 1L, Long::sum);
            if (user != null && b.borough().code().equals(user.boroughCode())) {
                own = b.borough().forceCode();
            }
        }
        if (own == null) {
            own = boroughsByForce.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
        }
        String code = own;
        return places.forceAreas().stream().filter(f -> f.code().equals(code)).findFirst()
                .map(f -> forceSlug(f.name())).orElse("");
    }

    /** police.uk's name for a force's files: "Metropolitan Police" → metropolitan, "Avon and Somerset Constabulary" → avon-and-somerset. */
    static String forceSlug(String forceName) {
        return forceName.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\b(police service|police|constabulary)\\b", " ").replace("&", " and ")
                .replaceAll("[^a-z]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Ward boundaries of the boroughs whose boundary overlaps the grid; empty outside the imported geography. */
    private Map<String, Geometry> wardsOver(Envelope extent) {
        Map<String, Geometry> found = new TreeMap<>();
        places.boroughs().forEach(b -> places.boroughBoundary(b.borough().code())
                .filter(g -> g.getEnvelopeInternal().intersects(extent))
                .ifPresent(g -> places.wardBoundariesIn(b.borough().code()).forEach((code, ward) -> {
                    if (ward.getEnvelopeInternal().intersects(extent)) {
                        found.put(code, ward);
                    }
                })));
        return found;
    }

    /** Force slugs that have street files, from the file names. */
    private List<String> forces() {
        List<String> list = forces;
        if (list == null) {
            TreeSet<String> slugs = new TreeSet<>();
            try (Stream<Path> walk = Files.walk(street)) {
                walk.forEach(p -> {
                    Matcher m = FILE.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        slugs.add(m.group(1));
                    }
                });
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot list " + street, ex);
            }
            list = List.copyOf(slugs);
            forces = list;
        }
        return list;
    }

    private static String param(Context ctx, String name, String fallback) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeException ex) {
            throw BadInput.field("testMonth", "'" + text + "' is not a month (YYYY-MM)");
        }
    }

    private static <V> V cached(Map<String, V> cache, String key, Function<String, V> load) {
        synchronized (cache) {
            V v = cache.get(key);
            if (v != null) {
                return v;
            }
        }
        // computed outside the lock: a second request for the same force may read it twice, never wrongly
        V v = load.apply(key.contains("|") ? key.substring(0, key.indexOf('|')) : key);
        synchronized (cache) {
            cache.put(key, v);
        }
        return v;
    }

    private static <V> Map<String, V> recent(int size) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > size;
            }
        });
    }
}
