package org.peel.people;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@DisplayName("The people kernel's dependencies")
class PeopleArchitectureTest {

    private static final JavaClasses PEEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.peel");

    @Test
    @DisplayName("people depends on no capability, nor on the platform; only its route class uses the web layer")
    void kernelStaysLow() {
        assertHolds(noClasses().that().resideInAPackage("org.peel.people..")
                .should().dependOnClassesThat().resideInAnyPackage("org.peel.platform..",
                        "org.peel.prevention..", "org.peel.investigation..", "org.peel.offenders..",
                        "org.peel.vulnerability..", "org.peel.organisedcrime..", "org.peel.measure.."));
        assertHolds(noClasses().that().resideInAPackage("org.peel.people..")
                .and().haveNameNotMatching("org\\.peel\\.people\\.PeopleRoutes(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("org.peel.web..", "io.javalin..", "gg.jte.."));
    }

    @Test
    @DisplayName("Duke is a benchmark baseline: only the link benchmark may use it")
    void dukeOnlyInTheBenchmark() {
        assertHolds(noClasses().that().doNotHaveFullyQualifiedName("org.peel.bench.LinkBench")
                .and().resideOutsideOfPackage("no.priv.garshol..")
                .and().doNotHaveFullyQualifiedName("org.peel.bench.LinkBench$1")
                .should().dependOnClassesThat().resideInAPackage("no.priv.garshol.duke.."));
    }

    @Test
    @DisplayName("the people kernel's SQL reads no capability's tables: a record's borough and sensitivity are its own")
    void readsNoCapabilityTables() throws java.io.IOException {
        java.util.regex.Pattern capabilityTable = java.util.regex.Pattern.compile(
                "\\b(from|join)\\s+(crime|missing_episode|asb_incident|domestic_abuse_incident|offender|ocg)\\b",
                java.util.regex.Pattern.CASE_INSENSITIVE);
        java.util.List<String> reading = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/org/peel/people"))) {
            for (java.nio.file.Path f : files.toList()) {
                java.util.regex.Matcher m = capabilityTable.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    reading.add(f.getFileName() + ": " + m.group());
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(reading).isEmpty();
    }

    /** Fails with ArchUnit's report of every violating dependency when the rule does not hold. */
    private static void assertHolds(com.tngtech.archunit.lang.ArchRule rule) {
        rule.check(PEEL);
    }
}
