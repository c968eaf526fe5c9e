package org.peel.inspection;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's structure, from a hand-made sheet of figures: Q2 judged good, nothing else judged, one area for
 * improvement under Q2.
 */
@DisplayName("The inspection report follows the seed's structure")
class InspectionReportTest {

    private static String html;
    private static byte[] pdf;

    static ForceFigures.Sheet sheet() {
        List<ForceFigures.Line> lines = new ArrayList<>();
        for (String id : InspectionReport.FORCE_IN_NUMBERS) {
            boolean missing = id.startsWith("calls") || id.startsWith("victim_satisfaction");
            // the force at 75 against England and Wales at 60: 25% higher, so marked
            lines.add(new ForceFigures.Line(id, "Title of " + id + " which is long enough to need a second line on the page",
                    "per 1,000 population", missing ? null : 75.0, missing ? "n/a" : "75.0", 60.0, "60.0",
                    "12 months to 31 March 2016", "offences recorded in the period",
                    missing ? "no import: not published" : null, !missing));
        }
        return new ForceFigures.Sheet("E23000031", "Kent", "12 months to March 2016", lines, false, List.of());
    }

    @BeforeAll
    static void render() {
        Judgement good = new Judgement("J1", "q2", Grade.GOOD, "Investigations are thorough and supervised.",
                "Case-file review of 48 crimes; charge rate 25.0%", "inspector.one",
                Instant.parse("2016-05-10T10:00:00Z"));
        Improvement afi = new Improvement("AFI-1", "q2", "Digital evidence is examined too slowly.",
                "Clear the backlog of devices.", "Head of Crime", LocalDate.of(2016, 12, 31), "inspector.one",
                Instant.parse("2016-05-10T10:05:00Z"), null, null, null);
        InspectionReport report = new InspectionReport(Framework.PEEL_2015, sheet(), YearMonth.of(2016, 3),
                Map.of("q2", good), List.of(afi), Map.of(), Map.of(), List.of(), 20, "10 May 2016");
        html = InspectionDocument.html(report);
        pdf = InspectionDocument.pdf(html);
    }

    @Test
    @DisplayName("overview, Force in numbers, the four questions and Annex A, in that order")
    void order() {
        int overview = html.indexOf("Overview – How effective is the force at keeping people safe and reducing crime?");
        int fin = html.indexOf("<h2>Force in numbers</h2>");
        int q1 = html.indexOf("1. How effective is the force at preventing crime");
        int q2 = html.indexOf("2. How effective is the force at investigating crime");
        int q3 = html.indexOf("3. How effective is the force at protecting from harm");
        int q4 = html.indexOf("4. How effective is the force at tackling serious and organised crime");
        int annex = html.indexOf("<h2>Annex A – HMIC judgments</h2>");

        assertThat(List.of(overview, fin, q1, q2, q3, q4, annex)).doesNotContain(-1).isSorted();
    }

    @Test
    @DisplayName("where Peel holds no judgement the section says so; the judged question shows its grade, reasons,"
            + " evidence, by whom and when")
    void judgements() {
        assertThat(html).contains("Peel holds no overall judgement for this inspection yet.");
        assertThat(html.split("Peel holds no judgement of this question yet.", -1)).hasSize(4);
        String q2 = html.substring(html.indexOf("data-question=\"q2\""), html.indexOf("data-question=\"q3\""));
        assertThat(q2).contains("Good", "Investigations are thorough and supervised.",
                "Case-file review of 48 crimes; charge rate 25.0%", "inspector.one", "10 May 2016, 10:00 UTC",
                "Digital evidence is examined too slowly.", "Head of Crime", "31 December 2016");
    }

    @Test
    @DisplayName("sub-questions name the force's area and carry their figures beside England and Wales")
    void subQuestions() {
        assertThat(html).contains("How much crime and anti-social behaviour is there in the Kent area?");
        String q1 = html.substring(html.indexOf("data-question=\"q1\""), html.indexOf("data-question=\"q2\""));
        assertThat(q1).contains("Title of recorded_crime_excl_fraud_per_1000", "75.0", "60.0");
    }

    @Test
    @DisplayName("Force in numbers pairs every figure with England and Wales in a small chart, marks the 25% differences,"
            + " and says what would fill a missing figure")
    void forceInNumbers() {
        String fin = html.substring(html.indexOf("id=\"force-in-numbers\""), html.indexOf("data-question=\"q1\""));
        for (String id : InspectionReport.FORCE_IN_NUMBERS) {
            assertThat(fin).contains("data-indicator=\"" + id + "\"");
        }
        assertThat(fin.split("<svg", -1)).hasSize(InspectionReport.FORCE_IN_NUMBERS.size() + 1);
        assertThat(fin).contains("markedly higher than England and Wales").contains("To fill: no import: not published");
    }

    @Test
    @DisplayName("in the PDF, Force in numbers is one page holding every figure's whole title")
    void onePage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper text = new PDFTextStripper();
            int finPage = -1;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                text.setStartPage(p);
                text.setEndPage(p);
                if (text.getText(doc).startsWith("Force in numbers")) {
                    finPage = p;
                }
            }
            assertThat(finPage).as("a page starting with Force in numbers").isPositive();
            text.setStartPage(finPage);
            text.setEndPage(finPage);
            String page = text.getText(doc).replaceAll("\\s+", " ");
            for (String id : InspectionReport.FORCE_IN_NUMBERS) {
                assertThat(page).contains("Title of " + id + " which is long enough to need a second line on the page");
            }
            text.setStartPage(finPage + 1);
            text.setEndPage(finPage + 1);
            assertThat(text.getText(doc)).startsWith("1. How effective is the force at preventing crime");
        }
    }
}
