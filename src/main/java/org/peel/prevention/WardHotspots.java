package org.peel.prevention;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A ward's share of its borough's ASB hotspot forecast. Peel's method forecasts next month over the whole borough
 * (a ward alone is too small for the method to learn from), the borough's top {@link #AREA_SHARE} of populated cells
 * are flagged, and the ward's hotspots are the flagged cells in which the ward's own incidents lie. Beside them, how
 * often such a map would have been right: Peel's method and the kde baseline forecasting the newest month held from
 * the months before it, judged on that month, which neither saw.
 *
 * @param forecastMonth  the month forecast: the one after the newest month held
 * @param trainingMonths the months the forecast learnt from, oldest first
 * @param detail         what Peel's method chose (bandwidth and weights)
 * @param areaCells      populated cells in the borough: cells with at least one incident of any kind
 * @param flaggedCells   cells the borough's map flags
 * @param cells          the ward's flagged cells, by rank in the borough
 * @param measured       the methods judged on the newest month, or null when there are too few months to judge
 */
public record WardHotspots(YearMonth forecastMonth, List<YearMonth> trainingMonths, String detail, int areaCells,
                           int flaggedCells, List<Cell> cells, Measured measured) {

    public static final String CRIME_TYPE = PoliceUkAsbImport.ASB;
    public static final double CELL_METRES = 250;
    public static final double AREA_SHARE = 0.05;
    /** Months the forecast learns from, as on the hotspot map; fewer when fewer are held. */
    public static final int TRAIN_MONTHS = 10;

    /**
     * One flagged cell the ward's incidents fall in.
     *
     * @param rank          1 for the borough's highest-scoring cell
     * @param wardIncidents the ward's ASB incidents in the cell over the training months
     * @param lastMonth     of those, how many in the last training month
     */
    public record Cell(int rank, double latitude, double longitude, long wardIncidents, long lastMonth) {
    }

    /** Hit rate and PAI of Peel's method and of kde forecasting {@code month} from the months before it. */
    public record Measured(YearMonth month, List<YearMonth> trainingMonths, long incidents, double peelHitRate,
                           double peelPai, double kdeHitRate, double kdePai) {
    }

    /** An incident of the borough, with whether it was recorded in the ward. */
    public record Located(HotspotIncident incident, boolean inWard) {
    }

    /** Empty when the borough holds no located ASB incident, or only one month of them. */
    public static Optional<WardHotspots> of(List<Located> borough) {
        List<HotspotIncident> incidents = borough.stream().map(Located::incident).toList();
        TreeSet<YearMonth> asbMonths = new TreeSet<>();
        for (HotspotIncident i : incidents) {
            if (CRIME_TYPE.equals(i.crimeType())) {
                asbMonths.add(i.month());
            }
        }
        if (asbMonths.size() < 2) {
            return Optional.empty();
        }
        HotspotStudy study = HotspotStudy.of(incidents, CRIME_TYPE, CELL_METRES);
        YearMonth newest = asbMonths.last();
        YearMonth forecastMonth = newest.plusMonths(1);
        int held = (int) study.months().stream().filter(m -> m.isBefore(forecastMonth)).count();
        HotspotHistory history = study.history(forecastMonth, Math.min(TRAIN_MONTHS, held), AREA_SHARE);
        HotspotForecast forecast = HotspotPeelMethod.standard().forecast(history);
        int[] area = history.areaCells();
        int[] order = HotspotRanking.order(forecast.scores(), area);
        int flagged = HotspotRanking.cellsFor(AREA_SHARE, area.length);
        Map<Integer, Integer> rankOf = new HashMap<>();
        for (int r = 0; r < flagged; r++) {
            rankOf.put(order[r], r + 1);
        }

        HotspotGrid grid = history.grid();
        YearMonth firstTraining = history.months().get(0);
        YearMonth lastTraining = history.months().get(history.months().size() - 1);
        Map<Integer, long[]> ward = new HashMap<>();
        for (Located l : borough) {
            HotspotIncident i = l.incident();
            if (!l.inWard() || !CRIME_TYPE.equals(i.crimeType()) || i.month().isBefore(firstTraining)
                    || i.month().isAfter(lastTraining)) {
                continue;
            }
            int cell = grid.cell(grid.x(i.longitude()), grid.y(i.latitude()));
            if (rankOf.containsKey(cell)) {
                long[] n = ward.computeIfAbsent(cell, c -> new long[2]);
                n[0]++;
                if (i.month().equals(lastTraining)) {
                    n[1]++;
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        int columns = grid.columns();
        ward.forEach((cell, n) -> cells.add(new Cell(rankOf.get(cell),
                grid.latitude(grid.centreY(cell / columns)), grid.longitude(grid.centreX(cell % columns)), n[0], n[1])));
        cells.sort(Comparator.comparingInt(Cell::rank));
        return Optional.of(new WardHotspots(forecastMonth, history.months(), forecast.detail(), area.length,
                flagged, List.copyOf(cells), measured(study, newest)));
    }

    /** Peel's method and kde on the newest month, trained on the months before it; null with fewer than two. */
    private static Measured measured(HotspotStudy study, YearMonth newest) {
        int before = (int) study.months().stream().filter(m -> m.isBefore(newest)).count();
        if (before < 2) {
            return null;
        }
        HotspotEvaluation.Report report = HotspotEvaluation.evaluate(study,
                List.of(HotspotPeelMethod.standard(), HotspotMethod.Kde.tuned()), newest,
                Math.min(TRAIN_MONTHS, before), 1, AREA_SHARE);
        HotspotEvaluation.Origin origin = report.origins().get(0);
        HotspotScore peel = origin.methods().get(0).atShare();
        HotspotScore kde = origin.methods().get(1).atShare();
        return new Measured(newest, origin.trainingMonths(), origin.testIncidents(), peel.hitRate(), peel.pai(),
                kde.hitRate(), kde.pai());
    }
}
