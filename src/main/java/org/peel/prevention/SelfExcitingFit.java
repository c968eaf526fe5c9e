package org.peel.prevention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A space-time self-exciting point process in the style of Mohler et al. (2011, JASA 106:100–108; 2015, JASA
 * 110:1399–1411), fitted by expectation–maximisation. The rate of events at place x and time t is
 * <pre>
 *   λ(x, t) = μ(x) + Σ_{t_j &lt; t} θ · ω e^{−ω (t − t_j)} · g_σ(x − x_j)
 * </pre>
 * where μ is the background: a Gaussian kernel density of bandwidth h over the events, each weighted by its
 * probability of being a background event, divided by the time observed; θ is the expected number of events one event
 * triggers, ω the rate at which triggering decays, and g_σ an isotropic two-dimensional Gaussian of standard
 * deviation σ. The E step gives each event its probabilities of being background or triggered by each earlier event;
 * the M step sets θ, ω and σ to their weighted maximum-likelihood values (θ corrected for the triggering an event near
 * the window's end has not yet had time to cause) and re-weights the background.
 *
 * <p>Events may share a place (police.uk snaps them to anonymous points), so places are stored once, with their
 * neighbours within the triggering and background reach.
 */
final class SelfExcitingFit {

    /** Triggering terms below e^{−30} of their start are left out. */
    private static final double DECAY_CUTOFF = 30;
    private static final double TOLERANCE = 1e-4;

    private SelfExcitingFit() {
    }

    /**
     * The fitted process.
     *
     * @param background      expected number of background events in the window: Σ P(event is background)
     * @param theta           events triggered per event
     * @param omega           decay rate of triggering, per unit of time
     * @param sigma           spatial spread of triggering, metres
     * @param iterations      EM iterations run
     * @param backgroundShare each event's probability of being a background event, in the order given
     */
    record Fit(double background, double theta, double omega, double sigma, int iterations,
               double[] backgroundShare) {
    }

    /**
     * Fits the process to events at (x, y) metres and time t, all within [start, end].
     *
     * @param exposure     time over which the background rate is spread (end − start, less any time not observed)
     * @param bandwidth    h, the background kernel's standard deviation, metres
     * @param reach        farthest an event triggers another, metres; σ is kept to at most a third of it
     * @param minSigma     least σ, metres (the resolution of the places)
     */
    static Fit fit(double[] x, double[] y, double[] t, double end, double exposure, double bandwidth, double reach,
                   double minSigma, int maxIterations) {
        int n = t.length;
        if (n == 0) {
            return new Fit(0, 0, 1, minSigma, 0, new double[0]);
        }
        // distinct places, each with its events sorted by time
        Map<Long, Integer> ids = new HashMap<>();
        List<double[]> places = new ArrayList<>();
        int[] placeOf = new int[n];
        for (int i = 0; i < n; i++) {
            long key = Double.doubleToLongBits(x[i]) * 31 + Double.doubleToLongBits(y[i]);
            Integer id = ids.get(key);
            if (id == null || places.get(id)[0] != x[i] || places.get(id)[1] != y[i]) {
                id = places.size();
                ids.put(key, id);
                places.add(new double[]{x[i], y[i]});
            }
            placeOf[i] = id;
        }
        int p = places.size();
        int[] count = new int[p + 1];
        for (int i = 0; i < n; i++) {
            count[placeOf[i] + 1]++;
        }
        for (int q = 0; q < p; q++) {
            count[q + 1] += count[q];
        }
        Integer[] byTime = new Integer[n];
        for (int i = 0; i < n; i++) {
            byTime[i] = i;
        }
        Arrays.sort(byTime, (a, b) -> Double.compare(t[a], t[b]));
        int[] eventAt = new int[n];
        int[] fill = Arrays.copyOf(count, p);
        for (int i : byTime) {
            eventAt[fill[placeOf[i]]++] = i;
        }
        double[] placeTime = new double[n];
        for (int k = 0; k < n; k++) {
            placeTime[k] = t[eventAt[k]];
        }
        double bgReach = 3 * bandwidth;
        double radius = Math.max(reach, bgReach);
        int[][] neighbours = new int[p][];
        float[][] distance2 = new float[p][];
        neighbours(places, radius, neighbours, distance2);

        double theta = 0.2;
        double omega = 10 / Math.max(1e-9, end - Arrays.stream(t).min().orElse(0));
        double sigma = Math.max(minSigma, reach / 6);
        double maxSigma = Math.max(minSigma, reach / 3);
        double[] share = new double[n];
        Arrays.fill(share, 1);
        double[] placeWeight = new double[p];
        double[] mu = new double[p];
        int iteration = 0;
        double bgKernel = 1 / (2 * Math.PI * bandwidth * bandwidth * exposure);
        double twoH2 = 2 * bandwidth * bandwidth;
        while (iteration < maxIterations) {
            iteration++;
            Arrays.fill(placeWeight, 0);
            for (int i = 0; i < n; i++) {
                placeWeight[placeOf[i]] += share[i];
            }
            for (int a = 0; a < p; a++) {
                double s = placeWeight[a];
                int[] nb = neighbours[a];
                float[] d2 = distance2[a];
                for (int k = 0; k < nb.length; k++) {
                    if (d2[k] <= bgReach * bgReach) {
                        s += placeWeight[nb[k]] * Math.exp(-d2[k] / twoH2);
                    }
                }
                mu[a] = s * bgKernel;
            }
            double twoS2 = 2 * sigma * sigma;
            double gNorm = theta * omega / (Math.PI * twoS2);
            double reach2 = reach * reach;
            double timeReach = DECAY_CUTOFF / omega;
            double sumP = 0, sumPdt = 0, sumPd2 = 0, sumBg = 0;
            for (int i = 0; i < n; i++) {
                int a = placeOf[i];
                double ti = t[i];
                double trig = 0, trigDt = 0, trigD2 = 0;
                for (int k = -1; k < neighbours[a].length; k++) {
                    int b = k < 0 ? a : neighbours[a][k];
                    double d2 = k < 0 ? 0 : distance2[a][k];
                    if (d2 > reach2) {
                        continue;
                    }
                    double space = gNorm * Math.exp(-d2 / twoS2);
                    int from = count[b];
                    int at = lowerBound(placeTime, from, count[b + 1], ti);
                    for (int e = at - 1; e >= from; e--) {
                        double dt = ti - placeTime[e];
                        if (dt > timeReach) {
                            break;
                        }
                        double term = space * Math.exp(-omega * dt);
                        trig += term;
                        trigDt += term * dt;
                        trigD2 += term * d2;
                    }
                }
                double lambda = mu[a] + trig;
                share[i] = mu[a] / lambda;
                sumBg += share[i];
                sumP += trig / lambda;
                sumPdt += trigDt / lambda;
                sumPd2 += trigD2 / lambda;
            }
            double newOmega = sumPdt > 0 ? sumP / sumPdt : omega;
            double possible = 0;
            for (int i = 0; i < n; i++) {
                possible += 1 - Math.exp(-newOmega * Math.max(0, end - t[i]));
            }
            double newTheta = possible > 0 ? sumP / possible : 0;
            double newSigma = sumP > 0 ? Math.sqrt(sumPd2 / (2 * sumP)) : sigma;
            newSigma = Math.min(maxSigma, Math.max(minSigma, newSigma));
            newTheta = Math.min(newTheta, 0.99);
            double change = Math.abs(newTheta - theta) / Math.max(theta, 1e-3)
                    + Math.abs(newOmega - omega) / omega + Math.abs(newSigma - sigma) / sigma;
            theta = newTheta;
            omega = newOmega;
            sigma = newSigma;
            if (change < TOLERANCE || sumP == 0) {
                double bg = sumBg;
                return new Fit(bg, theta, omega, sigma, iteration, share);
            }
        }
        return new Fit(Arrays.stream(share).sum(), theta, omega, sigma, iteration, share);
    }

    /** First index in [from, to) whose time is not below {@code time}. */
    private static int lowerBound(double[] times, int from, int to, double time) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Every other place within the radius of each place, with its squared distance, by a bucket grid. */
    private static void neighbours(List<double[]> places, double radius, int[][] neighbours, float[][] distance2) {
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int a = 0; a < places.size(); a++) {
            buckets.computeIfAbsent(bucket(places.get(a), radius, 0, 0), k -> new ArrayList<>()).add(a);
        }
        double r2 = radius * radius;
        int[] ids = new int[16];
        float[] ds = new float[16];
        for (int a = 0; a < places.size(); a++) {
            double[] pa = places.get(a);
            int m = 0;
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    List<Integer> in = buckets.get(bucket(pa, radius, dx, dy));
                    if (in == null) {
                        continue;
                    }
                    for (int b : in) {
                        if (b == a) {
                            continue;
                        }
                        double[] pb = places.get(b);
                        double d2 = (pa[0] - pb[0]) * (pa[0] - pb[0]) + (pa[1] - pb[1]) * (pa[1] - pb[1]);
                        if (d2 <= r2) {
                            if (m == ids.length) {
                                ids = Arrays.copyOf(ids, m * 2);
                                ds = Arrays.copyOf(ds, m * 2);
                            }
                            ids[m] = b;
                            ds[m++] = (float) d2;
                        }
                    }
                }
            }
            neighbours[a] = Arrays.copyOf(ids, m);
            distance2[a] = Arrays.copyOf(ds, m);
        }
    }

    private static long bucket(double[] place, double size, int dx, int dy) {
        long bx = (long) Math.floor(place[0] / size) + dx;
        long by = (long) Math.floor(place[1] / size) + dy;
        return bx * 4_000_003L + by;
    }
}
