package org.peel.prevention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("The self-exciting point process (sepp) fit")
class SelfExcitingFitTest {

    /** Known parameters of the simulated process: time in days, distances in metres. */
    private static final double DAYS = 1000;
    private static final double BACKGROUND_PER_DAY = 1.0;
    private static final double SPREAD = 2000;
    private static final double THETA = 0.5;
    private static final double OMEGA = 0.2;
    private static final double SIGMA = 80;

    private record Event(double x, double y, double t, boolean background) {
    }

    /**
     * Simulates the process by its branching structure (Hawkes' cluster representation): background events arrive
     * uniformly over the days at the given rate, placed as a Gaussian blob of standard deviation {@link #SPREAD};
     * each event, background or triggered, has Poisson(θ) children, each an exponential(ω) time later and a Gaussian
     * (σ) step away; children after the last day are not observed.
     */
    private static List<Event> simulate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>();
        int backgroundCount = poisson(r, BACKGROUND_PER_DAY * DAYS);
        for (int i = 0; i < backgroundCount; i++) {
            events.add(new Event(SPREAD * gaussian(r), SPREAD * gaussian(r), DAYS * r.nextDouble(), true));
        }
        for (int i = 0; i < events.size(); i++) {
            Event parent = events.get(i);
            int children = poisson(r, THETA);
            for (int c = 0; c < children; c++) {
                double t = parent.t() - Math.log(1 - r.nextDouble()) / OMEGA;
                if (t <= DAYS) {
                    events.add(new Event(parent.x() + SIGMA * gaussian(r), parent.y() + SIGMA * gaussian(r), t, false));
                }
            }
        }
        return events;
    }

    @Test
    @DisplayName("recovers θ within 0.1, ω and σ within 20% and the number of background events within 10% from"
            + " simulated data with known parameters (seed 42)")
    void recoversKnownParameters() {
        // given about 2,000 events simulated with θ 0.5, ω 0.2 per day, σ 80 m
        List<Event> events = simulate(42);
        double[] x = events.stream().mapToDouble(Event::x).toArray();
        double[] y = events.stream().mapToDouble(Event::y).toArray();
        double[] t = events.stream().mapToDouble(Event::t).toArray();
        long background = events.stream().filter(Event::background).count();

        // when fitted by EM with a 300 m background kernel and triggering up to 600 m
        SelfExcitingFit.Fit fit = SelfExcitingFit.fit(x, y, t, DAYS, DAYS, 300, 600, 1, 500);

        // then
        assertThat(events.size()).isBetween(1800, 2200);
        assertThat(fit.theta()).isCloseTo(THETA, within(0.1));
        assertThat(fit.omega()).isCloseTo(OMEGA, within(0.2 * OMEGA));
        assertThat(fit.sigma()).isCloseTo(SIGMA, within(0.2 * SIGMA));
        assertThat(fit.background()).isCloseTo(background, within(0.1 * background));
    }

    @Test
    @DisplayName("finds almost no triggering in events that do not trigger one another (θ below 0.1)")
    void noTriggeringInPoissonData() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 1500;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = SPREAD * gaussian(r);
            y[i] = SPREAD * gaussian(r);
            t[i] = DAYS * r.nextDouble();
        }

        SelfExcitingFit.Fit fit = SelfExcitingFit.fit(x, y, t, DAYS, DAYS, 300, 600, 1, 500);

        assertThat(fit.theta()).isLessThan(0.1);
        assertThat(fit.background()).isGreaterThan(0.9 * n);
    }

    private static double gaussian(SplittableRandom r) {
        // Box–Muller
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static int poisson(SplittableRandom r, double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)));
        }
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }
}
