package org.peel.measure;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.peel.opendata.OpenDataStore;
import org.peel.place.PlaceStore;
import org.peel.testing.HeadlessChromium;
import org.peel.testing.TestDatabase;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The report as HTML and PDF")
class ReportDocumentTest {


    @TempDir
    Path dir;

    private String html;

    @BeforeEach
    void render() throws IOException {
        TestDatabase.Fresh db = TestDatabase.fresh();
        MeasureFixtures.homeOfficeTable(new OpenDataStore(db.jdbi()), dir);
        html = ReportDocument.html(new IndicatorEngine(new MeasureStore(db.jdbi())), new PlaceStore(db.jdbi()),
                new Place.Area(Place.Level.FORCE, "E23000001", "Metropolitan Police"), YearMonth.of(2015, 6),
                Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    @DisplayName("the report is dated by the clock it is given")
    void datedByItsClock() {
        assertThat(html).contains("Made by Peel on 2026-12-04");
    }

    @Test
    @DisplayName("the PDF holds the table's text and draws both charts (their colours are on the page)")
    void pdf() throws IOException {
        byte[] pdf = ReportDocument.pdf(html);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Force in numbers: Metropolitan Police").contains("Five-year trend")
                    .contains("All forces").contains("Recorded crime").contains("3.5");
            PDFRenderer renderer = new PDFRenderer(doc);
            long forceBlue = 0;
            long highlightRed = 0;
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 50);
                forceBlue += pixels(image, 0x1d70b8);
                highlightRed += pixels(image, 0xd4351c);
            }
            // the Met's line in the trend and the bars are blue; the Met's own bar is red
            assertThat(forceBlue).isGreaterThan(200);
            assertThat(highlightRed).isGreaterThan(20);
        }
    }

    @Test
    @DisplayName("the first page is Force in numbers at a glance: every paired figure of the inspectorate's page, a"
            + " small chart each, the Met's 3.5 crimes per 1,000 against England and Wales's 1.5 marked higher"
            + " (133% above, past 20%), and the missing figures naming their import; the full table follows")
    void glanceablePage() throws IOException {
        assertThat(html).containsPattern("data-indicator=\"recorded_crime_excl_fraud_per_1000\""
                + " data-marker=\"higher\"");
        assertThat(html).contains("data-indicator=\"burglary_dwelling_per_1000_households\" data-marker=\"none\"");
        try (PDDocument doc = Loader.loadPDF(ReportDocument.pdf(html))) {
            PDFTextStripper first = new PDFTextStripper();
            first.setStartPage(1);
            first.setEndPage(1);
            String page1 = first.getText(doc).replaceAll("\\s+", " ");
            for (String title : List.of("Calls for assistance per 1,000 population",
                    "Recorded crime (excluding fraud) per 1,000 population", "Victim-based crime per 1,000 population",
                    "Assault with injury per 1,000 population", "Organised crime groups per million population",
                    "Victim satisfaction with the whole experience", "Charge rate")) {
                assertThat(page1).contains(title);
            }
            assertThat(page1).contains("To fill: peel import police-uk").doesNotContain("Every figure, its definition and notes");
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            assertThat(second.getText(doc)).contains("Every figure, its definition and notes");
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 50);
            assertThat(pixels(image, 0x1d70b8)).as("the force's bars").isGreaterThan(50);
            assertThat(pixels(image, 0xb1b4b6)).as("England and Wales's bars").isGreaterThan(50);
            assertThat(pixels(image, 0xd4351c)).as("the marks").isGreaterThan(10);
        }
    }

    @Test
    @DisplayName("the HTML opens in a browser and shows the table and both charts")
    void browser() throws IOException {
        HeadlessChromium.requireInstalled();
        Path file = Files.writeString(dir.resolve("met.html"), html, StandardCharsets.UTF_8);
        WebDriver browser = HeadlessChromium.open();
        try {
            browser.get(file.toUri().toString());
            assertThat(browser.getTitle()).contains("Force in numbers: Metropolitan Police");
            WebElement table = browser.findElement(By.cssSelector("[data-testid=force-in-numbers]"));
            assertThat(table.getText()).contains("Recorded crime (excluding fraud) per 1,000 population");
            for (String chart : List.of("trend-chart", "force-bars")) {
                WebElement svg = browser.findElement(By.cssSelector("[data-testid=" + chart + "] svg"));
                assertThat(svg.getSize().getWidth()).as(chart).isGreaterThan(300);
                assertThat(svg.getSize().getHeight()).as(chart).isGreaterThan(200);
                assertThat(svg.findElements(By.cssSelector("path, rect")).size()).as(chart).isGreaterThan(2);
            }
            assertThat(browser.findElement(By.cssSelector("[data-testid=force-bars] svg")).getText())
                    .contains("Metropolitan Police").contains("3.5");
        } finally {
            browser.quit();
        }
    }

    private static long pixels(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y) & 0xffffff;
                if (close(p >> 16 & 0xff, rgb >> 16 & 0xff) && close(p >> 8 & 0xff, rgb >> 8 & 0xff)
                        && close(p & 0xff, rgb & 0xff)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean close(int a, int b) {
        return Math.abs(a - b) <= 12;
    }
}
