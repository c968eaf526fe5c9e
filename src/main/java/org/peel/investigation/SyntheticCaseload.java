package org.peel.investigation;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * A synthetic force's investigated crimes and investigators, for {@code peel simulate allocation}. Investigation does
 * not generate forces; the platform that runs the command provides this (through
 * {@link org.peel.module.CommandHost#provide}) from Peel's synthetic force.
 */
public interface SyntheticCaseload {

    /** The force the synthetic generator models by default. */
    String DEMO_FORCE = "Metropolitan Police";

    /** One generated force: its name, its scale as text, and what the simulation allocates. */
    record Force(String name, String scaleText, List<AllocationSimulation.SimCrime> crimes,
                 List<AllocationSimulation.SimInvestigator> investigators) {
    }

    /**
     * Generates the force's year up to {@code yearTo} at {@code scale}, with {@code shortfall} of its investigators
     * missing; {@code sharedData} is the public data folder, or null for the default.
     */
    Force generate(String force, double scale, long seed, YearMonth yearTo, double shortfall, Path sharedData);
}
