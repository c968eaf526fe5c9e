package org.peel.platform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code peel national …} (and {@code peel bench national}) when it is installed. The national jobs run on Apache
 * Spark, which is not part of the production jar: the web application and the demo never load it. They are built into
 * {@code target/peel-national.jar} with Spark in {@code target/national-lib}, and {@code ./peel national …} puts both
 * on the class path. Without them, {@code national} says so in one line.
 */
final class NationalScale {

    /** The national jar's command group. */
    static final String COMMAND_CLASS = "org.peel.national.NationalCommand";
    /** The national jar's benchmark, added under {@code bench} when both jars are on the class path. */
    static final String BENCH_CLASS = "org.peel.national.NationalBench";

    private NationalScale() {
    }

    /** The {@code national} command group from the national jar, or a stand-in that explains it is missing. */
    static Object command() {
        return create(COMMAND_CLASS).orElseGet(Missing::new);
    }

    /** {@code bench national}, when the national jar is on the class path. */
    static Optional<Object> bench() {
        return create(BENCH_CLASS);
    }

    private static Optional<Object> create(String name) {
        try {
            return Optional.of(Class.forName(name).getDeclaredConstructor().newInstance());
        } catch (ClassNotFoundException | NoClassDefFoundError missing) {
            return Optional.empty();
        } catch (ReflectiveOperationException broken) {
            throw new IllegalStateException("The national jar's " + name + " cannot be created", broken);
        }
    }

    @Command(name = "national", description = "National scale on Apache Spark (not installed: run it with"
            + " ./peel national, which builds target/peel-national.jar).")
    static final class Missing implements Callable<Integer> {
        @Unmatched
        List<String> arguments;

        @Override
        public Integer call() {
            System.err.println("peel: the national jobs are not on the class path: they ship in"
                    + " target/peel-national.jar (with Spark in target/national-lib), which 'mvn package' builds and"
                    + " './peel national …' runs");
            return 2;
        }
    }
}
