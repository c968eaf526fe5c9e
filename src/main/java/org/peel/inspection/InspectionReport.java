package org.peel.inspection;

import org.peel.common.Marker;
import org.peel.common.PairChart;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The inspection report in the seed's structure, as data for its template: the overview with the overall judgement,
 * the one-page Force in numbers, a section per question (its sub-questions' figures, the evidence gathered from
 * Peel's records, the findings from case-file reviews and notes, its judgement and areas for improvement) and Annex A.
 */
public record InspectionReport(Framework framework, ForceFigures.Sheet sheet, YearMonth yearTo,
                               Map<String, Judgement> judgements, List<Improvement> improvements,
                               Map<String, List<CaseFileReview.Tally>> caseFiles,
                               Map<String, List<InspectionNote>> notes, List<Evidence> evidence,
                               double markedDifferencePct, String generated) {

    /** The figures on the one Force in numbers page, in the inspectorate's order. */
    public static final List<String> FORCE_IN_NUMBERS = List.of(
            "calls_for_assistance_per_1000", "recorded_crime_excl_fraud_per_1000",
            "recorded_crime_excl_fraud_change_1y_pct", "victim_based_crime_per_1000",
            "burglary_dwelling_per_1000_households", "assault_with_injury_per_1000", "asb_incidents_per_1000",
            "domestic_abuse_pct", "ocgs_per_million", "victim_satisfaction_pct", "charge_rate_pct",
            "charge_rate_offences_recorded_pct");

    public InspectionReport {
        judgements = Map.copyOf(judgements);
        improvements = List.copyOf(improvements);
        caseFiles = Map.copyOf(caseFiles);
        notes = Map.copyOf(notes);
        evidence = List.copyOf(evidence);
    }

    /** The evidence gathered from Peel's records for a sub-question. */
    public List<Evidence> evidenceFor(String subQuestion) {
        return evidence.stream().filter(e -> e.subQuestion().equals(subQuestion)).toList();
    }

    public String forceName() {
        return sheet.forceName();
    }

    public String periodTitle() {
        return "12 months to " + yearTo.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
    }

    public Optional<Judgement> judgement(String question) {
        return Optional.ofNullable(judgements.get(question));
    }

    public List<Improvement> improvementsFor(String question) {
        return improvements.stream().filter(i -> i.question().equals(question)).toList();
    }

    public List<CaseFileReview.Tally> caseFilesFor(String question) {
        return caseFiles.getOrDefault(question, List.of()).stream().filter(t -> t.answered() > 0).toList();
    }

    public List<InspectionNote> notesFor(String subQuestion) {
        return notes.getOrDefault(subQuestion, List.of());
    }

    /** The lines of the one-page Force in numbers that Peel defines, in order. */
    public List<ForceFigures.Line> forceInNumbers() {
        return FORCE_IN_NUMBERS.stream().map(sheet::line).flatMap(Optional::stream).toList();
    }

    public List<ForceFigures.Line> linesFor(Framework.SubQuestion s) {
        return s.indicators().stream().map(sheet::line).flatMap(Optional::stream).toList();
    }

    public Marker.Decision marker(ForceFigures.Line l) {
        return Marker.of(l.force(), l.englandAndWales(), markedDifferencePct);
    }

    /** "4 December 2026, 21:30 UTC". */
    public static String when(java.time.Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
                .format(at.atOffset(java.time.ZoneOffset.UTC));
    }

    /** "4 December 2026". */
    public static String day(java.time.LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(d);
    }

    public String chart(ForceFigures.Line l) {
        return PairChart.svg(sheet.forceName(), l.force(), l.forceShown(), l.englandAndWales(),
                l.englandAndWalesShown(), marker(l).marker());
    }
}
