package org.peel.prevention;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The rival a force would be sold: a self-exciting point process (SEPP) after Mohler et al. 2011 and 2015, fitted to
 * the training months by EM ({@link SelfExcitingFit}): a background that stays put, plus a short-lived raised risk
 * around each incident, decaying exponentially in time and as a Gaussian in space. The forecast for a cell is the
 * expected number of incidents in it during the forecast month: the background's integral over the cell for one
 * month, plus what every training incident is still expected to trigger there in that month.
 *
 * <p>police.uk gives only the month of an incident, so each incident's time is its month plus a fixed pseudo-random
 * fraction of a month (seeded, so the same history always gives the same forecast); time is measured in months. The
 * background bandwidth is chosen as Peel chooses its settings ({@link HotspotValidation}); θ, ω and σ are fitted by
 * maximum likelihood (EM) on the training months.
 *
 * @param bandwidths       candidate background bandwidths h, metres
 * @param reachMetres      farthest an incident may trigger another
 * @param validationMonths training months to validate on
 */
public record HotspotSeppMethod(List<Double> bandwidths, double reachMetres, int validationMonths)
        implements HotspotMethod {

    /** Least triggering spread: police.uk's snapped points are no finer than this. */
    static final double MIN_SIGMA = 25;
    private static final int MAX_ITERATIONS = 40;
    private static final long SEED = 20110301L;

    public HotspotSeppMethod {
        bandwidths = List.copyOf(bandwidths);
        if (bandwidths.isEmpty() || bandwidths.stream().anyMatch(b -> !(b > 0)) || !(reachMetres > 0)
                || validationMonths < 1) {
            throw new IllegalArgumentException("sepp needs positive bandwidths and reach");
        }
    }

    /** Background bandwidths 100, 200 and 400 m, chosen by validation; triggering up to 600 m away. */
    public static HotspotSeppMethod standard() {
        return new HotspotSeppMethod(List.of(100.0, 200.0, 400.0), 600, HotspotValidation.VALIDATION_MONTHS);
    }

    @Override
    public String name() {
        return "sepp";
    }

    @Override
    public HotspotForecast forecast(HotspotHistory history) {
        double h = bandwidths.get(bandwidths.size() / 2);
        String how = "";
        if (bandwidths.size() > 1) {
            HotspotValidation.Choice chosen = HotspotValidation.choose(history, validationMonths, bandwidths.size(),
                    before -> bandwidths.stream().map(b -> fitted(before, b).scores()).toList());
            h = chosen.index() < 0 ? h : bandwidths.get(chosen.index());
            how = "; background bandwidth " + chosen.how();
        }
        Fitted f = fitted(history, h);
        return new HotspotForecast(f.scores(), String.format(Locale.ROOT,
                "background %.0f m; θ %.2f triggered per incident, ω %.2f per month, σ %.0f m; %.0f of %d incidents"
                        + " background (%d EM iterations)%s", h, f.fit().theta(), f.fit().omega(), f.fit().sigma(),
                f.fit().background(), f.fit().backgroundShare().length, f.fit().iterations(), how));
    }

    private record Fitted(SelfExcitingFit.Fit fit, double[] scores) {
    }

    private Fitted fitted(HotspotHistory history, double bandwidth) {
        HotspotStudy study = history.study();
        int[] point = history.typedPoints();
        int[] month = history.typedMonths();
        int n = point.length;
        int months = history.months().size();
        double forecastStart = history.months().isEmpty() ? 0
                : ChronoUnit.MONTHS.between(history.months().get(0), history.forecastMonth());
        double[] offset = new double[months];
        for (int m = 0; m < months; m++) {
            offset[m] = ChronoUnit.MONTHS.between(history.months().get(0), history.months().get(m));
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] t = new double[n];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < n; i++) {
            x[i] = study.pointX(point[i]);
            y[i] = study.pointY(point[i]);
            t[i] = offset[month[i]] + random.nextDouble();
        }
        SelfExcitingFit.Fit fit = SelfExcitingFit.fit(x, y, t, forecastStart, Math.max(1, months), bandwidth,
                reachMetres, MIN_SIGMA, MAX_ITERATIONS);
        double[] background = new double[study.pointCount()];
        double[] triggered = new double[study.pointCount()];
        for (int i = 0; i < n; i++) {
            background[point[i]] += fit.backgroundShare()[i] / Math.max(1, months);
            double since = forecastStart - t[i];
            triggered[point[i]] += fit.theta() * (Math.exp(-fit.omega() * since) - Math.exp(-fit.omega() * (since + 1)));
        }
        double[] scores = HotspotKernel.gaussianIntegral(history, background, bandwidth);
        double[] near = HotspotKernel.gaussianIntegral(history, triggered, fit.sigma());
        for (int c = 0; c < scores.length; c++) {
            scores[c] += near[c];
        }
        return new Fitted(fit, scores);
    }
}
