package org.peel.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency directions of DESIGN.md: platform → capabilities → kernel, never back. */
@DisplayName("Peel's packages depend on each other only in the designed direction")
class DependencyRulesTest {

    private static final String[] KERNEL = {"org.peel.access..", "org.peel.place..", "org.peel.people..",
            "org.peel.common..", "org.peel.web.."};
    private static final String[] CAPABILITIES = {"org.peel.prevention..", "org.peel.investigation..",
            "org.peel.offenders..", "org.peel.vulnerability..", "org.peel.organisedcrime..", "org.peel.measure.."};
    private static JavaClasses peel;

    @BeforeAll
    static void load() {
        peel = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.peel");
    }

    @Test
    @DisplayName("the kernel (access, place, people, web) depends on no capability, edge or platform")
    void kernelStandsAlone() {
        assertHolds(noClasses().that().resideInAnyPackage(KERNEL)
                .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.peel.platform..", "org.peel.synthetic..",
                        "org.peel.opendata..")
                .allowEmptyShould(true));
    }

    @Test
    @DisplayName("no capability depends on the platform or on the synthetic force")
    void capabilitiesDoNotReachUp() {
        assertHolds(noClasses().that().resideInAnyPackage(CAPABILITIES)
                .should().dependOnClassesThat().resideInAnyPackage("org.peel.platform..", "org.peel.synthetic..")
                .allowEmptyShould(true));
    }

    @Test
    @DisplayName("measure reads other capabilities only through its SQL views, never their classes")
    void measureReadsThroughViews() {
        assertHolds(noClasses().that().resideInAPackage("org.peel.measure..")
                .should().dependOnClassesThat().resideInAnyPackage("org.peel.prevention..", "org.peel.investigation..",
                        "org.peel.offenders..", "org.peel.vulnerability..", "org.peel.organisedcrime..")
                .allowEmptyShould(true));
    }

    @Test
    @DisplayName("the kernel never depends on the web layer's framework except in route classes")
    void domainTypesHaveNoFramework() {
        assertHolds(noClasses().that().resideInAnyPackage("org.peel.access..", "org.peel.common..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "gg.jte.."));
    }

    @Test
    @DisplayName("top-level packages have no cycles")
    void noCycles() {
        assertHolds(slices().matching("org.peel.(*)..").should().beFreeOfCycles());
    }

    /** Fails with ArchUnit's report of every violating dependency when the rule does not hold. */
    private static void assertHolds(com.tngtech.archunit.lang.ArchRule rule) {
        rule.check(peel);
    }
}
