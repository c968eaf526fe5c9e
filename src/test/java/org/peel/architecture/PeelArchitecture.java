package org.peel.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.peel.common.Adapter;

import java.util.List;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of DESIGN.md that hold capabilities apart, written once so that {@link DependencyRulesTest} checks them on
 * Peel and {@link DependencyRulesProbeTest} shows that each one catches a class that breaks it. None of them may pass
 * by matching nothing (no {@code allowEmptyShould}).
 */
final class PeelArchitecture {

    /** The capabilities: one package each, meeting only through the kernel's published interfaces or SQL views. */
    static final List<String> CAPABILITIES = List.of("prevention", "investigation", "offenders", "vulnerability",
            "organisedcrime", "measure", "partners", "inspection");
    static final String[] CAPABILITY_PACKAGES = CAPABILITIES.stream().map(c -> "org.peel." + c + "..")
            .toArray(String[]::new);

    /**
     * Names that say a class is an adapter: HTTP ({@code …Routes}), SQL ({@code …Store}), wiring ({@code …Module}),
     * the command line ({@code …Command}) and bulk work over the database ({@code …Import}, {@code …Pass}).
     */
    static final Pattern ADAPTER_NAME = Pattern.compile(".*(Routes|Store|Module|Command|Import|Pass)");

    private static final Pattern CAPABILITY_CLASS = Pattern.compile(
            "org\\.peel\\.(" + String.join("|", CAPABILITIES) + ")(\\..*)?\\.[^.]+");

    private PeelArchitecture() {
    }

    /** No capability uses another's classes: Prevention never reaches for an investigation store, and so on. */
    static final ArchRule CAPABILITIES_ARE_INDEPENDENT = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            var m = CAPABILITY_CLASS.matcher(javaClass.getName());
            return m.matches() ? SliceIdentifier.of(m.group(1)) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "capabilities " + CAPABILITIES;
        }
    }).should().notDependOnEachOther()
            .because("capabilities meet only through published interfaces in the kernel or published SQL views");

    /** Capabilities sit below the edges: they never use the importers, the synthetic force, the platform or benches. */
    static final ArchRule CAPABILITIES_DO_NOT_REACH_THE_EDGES = noClasses()
            .that().resideInAnyPackage(CAPABILITY_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("org.peel.opendata..", "org.peel.synthetic..",
                    "org.peel.platform..", "org.peel.bench..")
            .because("public-data formats, the synthetic force and the platform depend on capabilities, not back");

    /**
     * A capability's rules and domain types are plain Java: no web server, no SQL library, no templates, no command
     * line.
     */
    static final ArchRule RULES_USE_NO_FRAMEWORK = noClasses()
            .that().resideInAnyPackage(CAPABILITY_PACKAGES).and(ruleClasses())
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jdbi..", "gg.jte..", "picocli..")
            .because("rules are pure functions from facts to a decision and reasons; only adapters (…Routes, …Store,"
                    + " …Module, …Command, …Import, …Pass, or @Adapter) touch a framework");

    static final List<ArchRule> CAPABILITY_RULES = List.of(CAPABILITIES_ARE_INDEPENDENT,
            CAPABILITIES_DO_NOT_REACH_THE_EDGES, RULES_USE_NO_FRAMEWORK);

    /** Classes that are not adapters, judged by their outermost class (a nested class belongs to its adapter). */
    private static DescribedPredicate<JavaClass> ruleClasses() {
        return DescribedPredicate.describe("are rule or domain classes (not adapters)", c -> {
            JavaClass outer = c;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            return !ADAPTER_NAME.matcher(outer.getSimpleName()).matches() && !outer.isAnnotatedWith(Adapter.class);
        });
    }
}
