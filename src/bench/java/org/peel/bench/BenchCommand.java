package org.peel.bench;

import org.locationtech.jts.geom.Geometry;
import org.peel.place.AreaIndex;
import org.peel.place.LsoaArea;
import org.peel.place.PlaceMatch;
import org.peel.place.PlaceStore;
import org.peel.module.CommandGroup;
import org.peel.platform.Database;
import org.peel.platform.DatabaseOptions;
import org.peel.platform.OutputOptions;
import org.peel.platform.PeelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/** {@code peel bench …}: a figure and a baseline measured in the same run, never a timed test. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Peel's hot paths, each against a baseline measured in the same run.",
        subcommands = {BenchCommand.Places.class, AsbCallBench.class, BenchImportCommand.class, BenchReportCommand.class,
                GenerateBenchCommand.class, HotspotsBenchCommand.class, LinkBench.class, PersonSearchBench.class,
                AuditBench.class})
public final class BenchCommand extends CommandGroup {

    @Command(name = "places", mixinStandardHelpOptions = true,
            description = "Point-in-area lookups per second: the area index against a linear scan of every LSOA"
                    + " boundary, on random points in London (run 'peel import geography' first).")
    static final class Places implements Callable<Integer> {
        // London's bounding box, a little wider than the GLA boundary
        private static final double SOUTH = 51.28;
        private static final double NORTH = 51.70;
        private static final double WEST = -0.52;
        private static final double EAST = 0.34;
        private static final long SEED = 20_140_101L;

        @Mixin DatabaseOptions db;
        @Mixin OutputOptions output;

        @Option(names = "--points", paramLabel = "N", description = "Random points for the index (default: 200000)")
        int points = 200_000;

        @Option(names = "--baseline-points", paramLabel = "N",
                description = "Points for the linear scan, which is much slower (default: points / 50, at least 500)")
        Integer baselinePoints;

        @Override
        public Integer call() {
            if (points < 1) {
                throw new IllegalArgumentException("--points must be at least 1");
            }
            try (Database database = db.open()) {
                long loadStart = System.nanoTime();
                List<LsoaArea> areas = new PlaceStore(database.jdbi()).lsoaAreas();
                AreaIndex index = AreaIndex.of(areas);
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                List<LsoaArea> bounded = areas.stream().filter(LsoaArea::hasBoundary).toList();
                if (bounded.isEmpty()) {
                    throw new PeelException("No LSOA boundaries in the database: run 'peel import geography' first");
                }
                double[][] sample = randomPoints(points, new Random(SEED));
                int baselineN = Math.min(points, baselinePoints != null ? baselinePoints : Math.max(500, points / 50));

                // warm both up so the JIT has compiled them before the clock starts
                runIndex(index, sample, Math.min(points, 20_000));
                runBaseline(bounded, sample, Math.min(baselineN, 200));

                long t0 = System.nanoTime();
                Map<PlaceMatch.Method, Integer> methods = runIndex(index, sample, points);
                double indexSeconds = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                String[] scanned = runBaseline(bounded, sample, baselineN);
                double baselineSeconds = (System.nanoTime() - t1) / 1e9;
                // the ratio compares the two on the very same points; the index's pass over them is repeated until
                // it has run half a second, so that its figure is not a few milliseconds of noise
                long t2 = System.nanoTime();
                long samePoints = 0;
                do {
                    runIndex(index, sample, baselineN);
                    samePoints += baselineN;
                } while (System.nanoTime() - t2 < 500_000_000L);
                double sameRate = samePoints / ((System.nanoTime() - t2) / 1e9);

                // both must give the same answer where the scan finds a polygon, or the speed means nothing
                int compared = 0;
                int agree = 0;
                for (int i = 0; i < baselineN; i++) {
                    if (scanned[i] != null) {
                        compared++;
                        PlaceMatch m = index.locate(sample[i][0], sample[i][1]).orElseThrow();
                        if (m.method() == PlaceMatch.Method.POLYGON && m.lsoaCode().equals(scanned[i])) {
                            agree++;
                        }
                    }
                }
                double indexRate = points / indexSeconds;
                double baselineRate = baselineN / baselineSeconds;
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("lsoasWithBoundary", index.polygonCount());
                json.put("lsoasByCentroid", index.centroidCount());
                json.put("indexLoadSeconds", round(loadSeconds));
                json.put("points", points);
                json.put("indexPointsPerSecond", Math.round(indexRate));
                json.put("matchedBy", methods);
                json.put("baselinePoints", baselineN);
                json.put("baselinePointsPerSecond", Math.round(baselineRate));
                json.put("indexPointsPerSecondOnBaselinePoints", Math.round(sameRate));
                json.put("ratio", round(sameRate / baselineRate));
                json.put("baselineInsidePolygon", compared);
                json.put("agreeWithBaseline", agree);
                String text = String.format("""
                                Area index over %,d LSOA boundaries (+%,d by centroid), loaded in %.1f s
                                  index:    %,12.0f points/s  (%,d random points in London's bounding box, seed %d)
                                            matched by %s
                                  baseline: %,12.0f points/s  (linear scan, Geometry.contains, first %,d of them)
                                  index on the same %,d points: %,.0f points/s
                                  ratio:    %,12.1f x  (index ÷ baseline, same points)
                                  agreement: %,d of %,d points the scan placed in a polygon""",
                        index.polygonCount(), index.centroidCount(), loadSeconds, indexRate, points, SEED, methods,
                        baselineRate, baselineN, baselineN, sameRate, sameRate / baselineRate, agree, compared);
                output.print(System.out, text, json);
                return agree == compared ? 0 : 1;
            }
        }

        private static double[][] randomPoints(int n, Random random) {
            double[][] p = new double[n][];
            for (int i = 0; i < n; i++) {
                p[i] = new double[]{SOUTH + random.nextDouble() * (NORTH - SOUTH),
                        WEST + random.nextDouble() * (EAST - WEST)};
            }
            return p;
        }

        private static Map<PlaceMatch.Method, Integer> runIndex(AreaIndex index, double[][] sample, int n) {
            Map<PlaceMatch.Method, Integer> methods = new java.util.EnumMap<>(PlaceMatch.Method.class);
            for (int i = 0; i < n; i++) {
                PlaceMatch m = index.locate(sample[i][0], sample[i][1]).orElseThrow();
                methods.merge(m.method(), 1, Integer::sum);
            }
            return methods;
        }

        /** The naive way: every boundary, in turn, until one contains the point. */
        private static String[] runBaseline(List<LsoaArea> bounded, double[][] sample, int n) {
            String[] found = new String[n];
            for (int i = 0; i < n; i++) {
                Geometry point = AreaIndex.point(sample[i][0], sample[i][1]);
                for (LsoaArea a : bounded) {
                    if (a.boundary().contains(point)) {
                        found[i] = a.lsoa().code();
                        break;
                    }
                }
            }
            return found;
        }

        private static double round(double v) {
            return Math.round(v * 10) / 10.0;
        }
    }
}
