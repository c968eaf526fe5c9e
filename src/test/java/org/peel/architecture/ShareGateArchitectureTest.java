package org.peel.architecture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.access.Role;
import org.peel.access.Section;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way personal data can leave the force goes through the share gate. ArchUnit cannot tell an export from any
 * other write, so this reads the main sources as text: a class that writes a file, builds a CSV or PDF, offers a
 * download, or serves a partner's account is an outbound path, and it must ask the {@code ShareGate} (a call to
 * {@code share(} or {@code disclose(} on the gate) or be listed below with the reason it carries no personal data.
 * A new export that bypasses the gate fails here until it is routed through the gate or its reason is written down.
 */
@DisplayName("Every outbound share path goes through the share gate")
class ShareGateArchitectureTest {

    /** What makes a class an outbound path. */
    static final Pattern OUTBOUND = Pattern.compile(
            "Files\\.(write|writeString|newOutputStream|newBufferedWriter)\\(|CsvWriter|PdfDocument\\.|"
                    + "FileOutputStream|Content-Disposition|\\.writeValue\\(|Role\\.PARTNER\\b");

    /** A call on the gate: a share under an agreement, or a disclosure under statute. */
    static final Pattern GATED = Pattern.compile("\\b(ShareGate|SharingStore)\\b[\\s\\S]*\\.(share|disclose)\\(");

    /** Outbound paths that carry no personal data, each with why; a class is listed by its path under org/peel. */
    static final Map<String, String> NO_PERSONAL_DATA = new TreeMap<>(Map.ofEntries(
            Map.entry("access/AuditKey.java", "writes the audit trail's sealing key, no record"),
            Map.entry("inspection/InspectionDocument.java", "inspection report: figures and findings, no person"),
            Map.entry("measure/ReportDocument.java", "performance report: aggregate figures only"),
            Map.entry("partners/DemoPartnersPass.java", "creates the demo's partner accounts; serves nothing to them"),
            Map.entry("partners/PartnerHarmRoutes.java", "names the partner role only to refuse it the page"),
            Map.entry("partners/SubjectAccessPdf.java",
                    "lays out an answer the gate has already disclosed (SubjectAccessCommand)"),
            Map.entry("platform/AuditCommand.java", "audit checkpoint: seals and counts, never personal data"),
            Map.entry("platform/DemoCommand.java", "the demo's own sign-in accounts, written privately for the operator"),
            Map.entry("platform/EmbeddedServer.java", "the database process's own files"),
            Map.entry("platform/InspectCommand.java", "writes the inspection report (figures only)"),
            Map.entry("platform/ReportCommand.java", "writes the performance report (figures only)")));

    /** The synthetic force writes invented people, never real ones. */
    static final Set<String> OUTSIDE = Set.of("synthetic/", "opendata/", "bench/");

    @Test
    @DisplayName("a class that exports, downloads or serves a partner asks the share gate, or says why it carries no personal data")
    void everyOutboundPathIsGated() {
        List<String> bypass = new ArrayList<>();
        List<String> listedButGone = new ArrayList<>(NO_PERSONAL_DATA.keySet());
        Path root = Path.of("src/main/java/org/peel");
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> {
                String name = root.relativize(f).toString().replace('\\', '/');
                if (OUTSIDE.stream().anyMatch(name::startsWith)) {
                    return;
                }
                String text = read(f);
                if (!OUTBOUND.matcher(text).find()) {
                    return;
                }
                listedButGone.remove(name);
                if (!GATED.matcher(text).find() && !NO_PERSONAL_DATA.containsKey(name)) {
                    bypass.add(name);
                }
            });
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        assertThat(bypass).as("outbound paths that neither ask the share gate nor say why they carry no personal data")
                .isEmpty();
        assertThat(listedButGone).as("listed as carrying no personal data but no longer an outbound path").isEmpty();
    }

    @Test
    @DisplayName("the known share paths are among those found: partner case view, gang matrix, subject access")
    void knownPathsAreGated() {
        for (String path : List.of("partners/PartnersRoutes.java", "organisedcrime/GangMatrix.java",
                "partners/SubjectAccessCommand.java")) {
            assertThat(GATED.matcher(read(Path.of("src/main/java/org/peel", path))).find()).as(path).isTrue();
        }
    }

    @Test
    @DisplayName("the scan catches an export that writes a file without the gate, and lets a gated one through")
    void scanCanFail() {
        String export = "Files.write(out, rows); // crimes for the council";
        assertThat(OUTBOUND.matcher(export).find()).isTrue();
        assertThat(GATED.matcher(export).find()).isFalse();
        String gated = "ShareGate gate; ... gate.share(user, new ShareRequest(...)); Files.write(out, d.records())";
        assertThat(GATED.matcher(gated).find()).isTrue();
        assertThat(OUTBOUND.matcher("if (user.role() == Role.PARTNER) {").find()).isTrue();
        assertThat(OUTBOUND.matcher("ctx.render(\"page.jte\")").find()).isFalse();
    }

    @Test
    @DisplayName("a partner's account reaches only the partnership pages, where every case is opened through the gate")
    void partnersSeeOnlyPartnership() {
        assertThat(Role.PARTNER.sections()).containsExactly(Section.PARTNERSHIP);
        assertThat(Role.PARTNER.sensitivities()).isEmpty();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
