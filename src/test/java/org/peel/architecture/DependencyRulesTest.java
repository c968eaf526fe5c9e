package org.peel.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency directions of DESIGN.md: platform → capabilities → kernel, never back; capabilities apart. */
@DisplayName("Peel's packages depend on each other only in the designed direction")
class DependencyRulesTest {

    private static final String[] KERNEL = {"org.peel.access..", "org.peel.place..", "org.peel.people..",
            "org.peel.common..", "org.peel.web..", "org.peel.module.."};
    private static JavaClasses peel;

    @BeforeAll
    static void load() {
        peel = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.peel");
    }

    @Test
    @DisplayName("the kernel (access, place, people, common, web, module) depends on no capability, edge or platform")
    void kernelStandsAlone() {
        assertHolds(noClasses().that().resideInAnyPackage(KERNEL)
                .should().dependOnClassesThat().resideInAnyPackage(PeelArchitecture.CAPABILITY_PACKAGES)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.peel.platform..", "org.peel.synthetic..",
                        "org.peel.opendata..", "org.peel.bench.."));
    }

    @Test
    @DisplayName("no capability depends on another capability")
    void capabilitiesAreIndependent() {
        assertHolds(PeelArchitecture.CAPABILITIES_ARE_INDEPENDENT);
    }

    @Test
    @DisplayName("no capability depends on opendata, the synthetic force, the platform or the benchmarks")
    void capabilitiesDoNotReachTheEdges() {
        assertHolds(PeelArchitecture.CAPABILITIES_DO_NOT_REACH_THE_EDGES);
    }

    @Test
    @DisplayName("a capability's rule and domain classes use no Javalin, JDBI or JTE; only its adapters do")
    void rulesUseNoFramework() {
        assertHolds(PeelArchitecture.RULES_USE_NO_FRAMEWORK);
    }

    @Test
    @DisplayName("access and common use no web framework")
    void domainTypesHaveNoFramework() {
        assertHolds(noClasses().that().resideInAnyPackage("org.peel.access..", "org.peel.common..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "gg.jte.."));
    }

    @Test
    @DisplayName("of the kernel, only module speaks picocli: a module's commands are built on its CommandDatabase and"
            + " CommandOutput, and access, place, people, common and web have no command line")
    void onlyModuleSpeaksPicocli() {
        assertHolds(noClasses().that().resideInAnyPackage("org.peel.access..", "org.peel.place..", "org.peel.people..",
                        "org.peel.common..", "org.peel.web..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli.."));
    }

    @Test
    @DisplayName("top-level packages have no cycles")
    void noCycles() {
        assertHolds(slices().matching("org.peel.(*)..").should().beFreeOfCycles());
    }

    /** Fails with ArchUnit's report of every violating dependency when the rule does not hold. */
    private static void assertHolds(ArchRule rule) {
        rule.check(peel);
    }
}
