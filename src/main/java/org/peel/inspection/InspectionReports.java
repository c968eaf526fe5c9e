package org.peel.inspection;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Puts an inspection report together from the force's figures and the inspection's own records. */
public final class InspectionReports {

    private final InspectionStore store;
    private final ForceFigures figures;
    private final InspectionSettings settings;
    private final Clock clock;

    public InspectionReports(InspectionStore store, ForceFigures figures, InspectionSettings settings, Clock clock) {
        this.store = store;
        this.figures = figures;
        this.settings = settings;
        this.clock = clock;
    }

    public InspectionReport report(String forceCode, YearMonth yearTo) {
        ForceFigures.Sheet sheet = figures.sheet(forceCode, yearTo);
        return report(sheet, yearTo);
    }

    public InspectionReport report(ForceFigures.Sheet sheet, YearMonth yearTo) {
        String forceCode = sheet.forceCode();
        Map<String, List<CaseFileReview.Tally>> caseFiles = store.latestSample(forceCode, yearTo)
                .map(s -> CaseFileReview.rollUp(store.reviews(s.id()))).orElse(Map.of());
        return new InspectionReport(Framework.PEEL_2015, sheet, yearTo, store.judgements(forceCode, yearTo),
                store.improvements(forceCode, yearTo), caseFiles, store.notes(forceCode, yearTo),
                store.evidence(forceCode, yearTo), settings.markedDifferencePct(),
                DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(clock.instant().atOffset(ZoneOffset.UTC)));
    }
}
