package org.peel.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The capability rules can fail: given Peel's classes plus a probe in prevention that uses an investigation store,
 * the public-data importers, a JDBI handle and a Javalin context, every rule refuses it — and passes without it.
 */
@DisplayName("Each capability rule catches a class that breaks it")
class DependencyRulesProbeTest {

    private static final String PROBE = "org/peel/prevention/ArchitectureProbe";
    static final List<ArchRule> RULES = PeelArchitecture.CAPABILITY_RULES;

    private static JavaClasses production;
    private static JavaClasses withProbe;

    @BeforeAll
    static void load() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.peel");
        withProbe = new ClassFileImporter().withImportOption((Location location) ->
                        ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location) || location.contains(PROBE))
                .importPackages("org.peel");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("RULES")
    @DisplayName("given Peel with the probe in prevention, when the rule is checked, then it fails naming the probe")
    void failsOnTheProbe(ArchRule rule) {
        assertThatThrownBy(() -> rule.check(withProbe))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ArchitectureProbe");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("RULES")
    @DisplayName("given Peel's production classes alone, when the rule is checked, then it holds")
    void holdsWithoutTheProbe(ArchRule rule) {
        assertThatCode(() -> rule.check(production)).doesNotThrowAnyException();
    }
}
