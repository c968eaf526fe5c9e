package org.peel.prevention;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One force's incidents on a grid, ready for forecasting one crime type. The study area is the set of cells with at
 * least one incident of any type in the incidents the study was built from: the force's populated area, not its
 * bounding box, so that the 5% of "area" a map highlights is 5% of where crime can happen, not of moorland and sea.
 *
 * <p>A forecast's grid and study area must not know the future: {@link #history(YearMonth, int, double)} builds them
 * afresh from the training months alone ({@link #trainedOn}), so a cell first touched in the test month or later is
 * not in the area, and a test incident there is a miss that the evaluation reports.
 *
 * <p>Incidents sit on police.uk's snapped points, so many share a point; each distinct point is stored once, and
 * incidents refer to it, which makes kernel densities cost per point rather than per incident.
 */
public final class HotspotStudy {

    private final List<HotspotIncident> incidents;
    private final double cellMetres;
    private final HotspotGrid grid;
    private final String crimeType;
    private final int[] areaCells;
    private final double[] pointX;
    private final double[] pointY;
    private final int[] pointCell;
    private final YearMonth[] months;
    private final int[] typedPoint;
    private final int[] typedMonth;
    private final int[] allPoint;
    private final int[] allMonth;

    private HotspotStudy(List<HotspotIncident> incidents, double cellMetres, HotspotGrid grid, String crimeType, int[] areaCells, double[] pointX, double[] pointY,
                         int[] pointCell, YearMonth[] months, int[] typedPoint, int[] typedMonth, int[] allPoint,
                         int[] allMonth) {
        this.incidents = incidents;
        this.cellMetres = cellMetres;
        this.grid = grid;
        this.crimeType = crimeType;
        this.areaCells = areaCells;
        this.pointX = pointX;
        this.pointY = pointY;
        this.pointCell = pointCell;
        this.months = months;
        this.typedPoint = typedPoint;
        this.typedMonth = typedMonth;
        this.allPoint = allPoint;
        this.allMonth = allMonth;
    }

    /** Places every incident on a grid of the given cell size and picks out the crime type to forecast. */
    public static HotspotStudy of(List<HotspotIncident> incidents, String crimeType, double cellMetres) {
        HotspotGrid grid = HotspotGrid.covering(incidents, cellMetres);
        YearMonth[] months = incidents.stream().map(HotspotIncident::month).collect(
                java.util.stream.Collectors.toCollection(TreeSet::new)).toArray(YearMonth[]::new);
        Map<YearMonth, Integer> monthIndex = new HashMap<>();
        for (int i = 0; i < months.length; i++) {
            monthIndex.put(months[i], i);
        }
        Map<Long, Integer> pointIds = new HashMap<>();
        List<double[]> points = new ArrayList<>();
        int n = incidents.size();
        int[] allPoint = new int[n];
        int[] allMonth = new int[n];
        int typed = 0;
        boolean[] populated = new boolean[grid.cellCount()];
        for (int i = 0; i < n; i++) {
            HotspotIncident inc = incidents.get(i);
            // police.uk gives six decimals; a micro-degree key identifies a snapped point exactly
            long key = Math.round(inc.longitude() * 1e6) * 400_000_001L + Math.round(inc.latitude() * 1e6);
            Integer id = pointIds.get(key);
            if (id == null) {
                id = points.size();
                pointIds.put(key, id);
                points.add(new double[]{grid.x(inc.longitude()), grid.y(inc.latitude())});
            }
            allPoint[i] = id;
            allMonth[i] = monthIndex.get(inc.month());
            if (inc.crimeType().equals(crimeType)) {
                typed++;
            }
        }
        double[] px = new double[points.size()];
        double[] py = new double[points.size()];
        int[] pc = new int[points.size()];
        for (int p = 0; p < px.length; p++) {
            px[p] = points.get(p)[0];
            py[p] = points.get(p)[1];
            pc[p] = grid.cell(px[p], py[p]);
            populated[pc[p]] = true;
        }
        int[] typedPoint = new int[typed];
        int[] typedMonth = new int[typed];
        for (int i = 0, t = 0; i < n; i++) {
            if (incidents.get(i).crimeType().equals(crimeType)) {
                typedPoint[t] = allPoint[i];
                typedMonth[t++] = allMonth[i];
            }
        }
        int[] area = new int[grid.cellCount()];
        int areaCount = 0;
        for (int c = 0; c < populated.length; c++) {
            if (populated[c]) {
                area[areaCount++] = c;
            }
        }
        return new HotspotStudy(incidents, cellMetres, grid, crimeType, Arrays.copyOf(area, areaCount), px, py, pc, months,
                typedPoint, typedMonth, allPoint, allMonth);
    }

    public HotspotGrid grid() {
        return grid;
    }

    public String crimeType() {
        return crimeType;
    }

    /** Cells in the study area, ascending by id. */
    public int[] areaCells() {
        return areaCells.clone();
    }

    public int areaCellCount() {
        return areaCells.length;
    }

    /** The months with any incident, oldest first. */
    public List<YearMonth> months() {
        return List.of(months);
    }

    /**
     * The forecast's inputs for a test month: the crime type and all incidents in the n calendar months before it,
     * only, on a grid and study area built from those months alone. A month of the window for which the input holds
     * no row at all is a month the force did not publish, not a month without crime: it is left out of the training
     * months and listed in {@link HotspotHistory#missingMonths()}.
     */
    public HotspotHistory history(YearMonth testMonth, int trainMonths, double areaShare) {
        if (trainMonths < 1) {
            throw new IllegalArgumentException("--train-months must be at least 1");
        }
        Set<YearMonth> held = new HashSet<>(Arrays.asList(months));
        List<YearMonth> present = new ArrayList<>();
        List<YearMonth> missing = new ArrayList<>();
        for (int k = trainMonths; k >= 1; k--) {
            YearMonth m = testMonth.minusMonths(k);
            (held.contains(m) ? present : missing).add(m);
        }
        if (present.isEmpty()) {
            throw new IllegalArgumentException("The input has no rows in the " + trainMonths + " months before "
                    + testMonth + " to learn from");
        }
        HotspotStudy training = trainedOn(present);
        return training.history(present, areaShare, testMonth, missing);
    }

    /** The same incidents seen through the given months only: grid, study area and points rebuilt from them. */
    public HotspotStudy trainedOn(Collection<YearMonth> window) {
        Set<YearMonth> keep = new HashSet<>(window);
        List<HotspotIncident> within = incidents.stream().filter(i -> keep.contains(i.month())).toList();
        return of(within, crimeType, cellMetres);
    }

    /** Every incident of the crime type in a month, as read (for judging a forecast on another study's grid). */
    public List<HotspotIncident> incidentsOfType(YearMonth month) {
        return incidents.stream().filter(i -> i.month().equals(month) && i.crimeType().equals(crimeType)).toList();
    }

    /**
     * Where incidents fall on this study's grid: counts by cell inside the study area, and how many fell outside it
     * (beyond the grid, or in a cell with no incident in the months the study was built from).
     */
    public Placed place(List<HotspotIncident> judged) {
        boolean[] inArea = new boolean[grid.cellCount()];
        for (int c : areaCells) {
            inArea[c] = true;
        }
        int[] counts = new int[grid.cellCount()];
        long outside = 0;
        for (HotspotIncident i : judged) {
            int cell = grid.cellWithin(grid.x(i.longitude()), grid.y(i.latitude()));
            if (cell < 0 || !inArea[cell]) {
                outside++;
            } else {
                counts[cell]++;
            }
        }
        return new Placed(counts, judged.size() - outside, outside);
    }

    /** Incidents placed on a study's grid: by cell of the study area, and the number outside the area. */
    public record Placed(int[] counts, long inside, long outside) {
    }

    HotspotHistory history(List<YearMonth> window, double areaShare, YearMonth forecastMonth,
                           List<YearMonth> missing) {
        Map<YearMonth, Integer> position = new HashMap<>();
        for (int i = 0; i < window.size(); i++) {
            position.put(window.get(i), i);
        }
        int[] local = new int[months.length];
        for (int m = 0; m < months.length; m++) {
            local[m] = position.getOrDefault(months[m], -1);
        }
        return new HotspotHistory(this, window, areaShare, forecastMonth, missing,
                select(typedPoint, typedMonth, local), select(allPoint, allMonth, local));
    }

    /** Incidents of the crime type in one month, counted by cell. */
    public int[] countsIn(YearMonth month) {
        int[] counts = new int[grid.cellCount()];
        int m = Arrays.asList(months).indexOf(month);
        if (m >= 0) {
            for (int i = 0; i < typedPoint.length; i++) {
                if (typedMonth[i] == m) {
                    counts[pointCell[typedPoint[i]]]++;
                }
            }
        }
        return counts;
    }

    /** Incidents of any type in a month: zero means the force published nothing for it. */
    public int incidentsIn(YearMonth month) {
        int m = Arrays.asList(months).indexOf(month);
        int n = 0;
        for (int value : allMonth) {
            if (value == m) {
                n++;
            }
        }
        return m < 0 ? 0 : n;
    }

    double pointX(int p) {
        return pointX[p];
    }

    double pointY(int p) {
        return pointY[p];
    }

    int pointCell(int p) {
        return pointCell[p];
    }

    int pointCount() {
        return pointX.length;
    }

    /** Pairs (point, month-within-window) of incidents whose month falls in the window; the rest never leave here. */
    private static int[][] select(int[] point, int[] month, int[] local) {
        int n = 0;
        for (int m : month) {
            if (local[m] >= 0) {
                n++;
            }
        }
        int[] p = new int[n];
        int[] w = new int[n];
        for (int i = 0, j = 0; i < point.length; i++) {
            int l = local[month[i]];
            if (l >= 0) {
                p[j] = point[i];
                w[j++] = l;
            }
        }
        return new int[][]{p, w};
    }
}
