package org.peel.inspection;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The Force in numbers an inspection rests on, as the inspection needs them: a port the platform fills from the
 * measure capability, so that inspection reads the force's figures through this one interface and never measure's
 * classes or tables.
 */
public interface ForceFigures {

    /** The force's figures for the 12 months to the month given, beside England and Wales. */
    Sheet sheet(String forceCode, YearMonth yearTo);

    /** A force's name by its code, if it is one of the territorial forces. */
    Optional<String> forceName(String forceCode);

    /**
     * One indicator: the force's and England and Wales's figures as published (null when not available), the
     * period the figure is for ("12 months to 31 March 2016", "as at 31 March 2016"), its count basis, and the import
     * that would fill it when the force's figure is missing.
     */
    record Line(String id, String title, String unit, Double force, String forceShown, Double englandAndWales,
                String englandAndWalesShown, String period, String countBasis, String fill, boolean complete) {
    }

    /** Every line, and whether the database held anything at all for the force and period. */
    record Sheet(String forceCode, String forceName, String period, List<Line> lines, boolean noData,
                 List<String> importsToRun) {
        public Sheet {
            lines = List.copyOf(lines);
            importsToRun = List.copyOf(importsToRun);
        }

        public Optional<Line> line(String id) {
            return lines.stream().filter(l -> l.id().equals(id)).findFirst();
        }
    }
}
