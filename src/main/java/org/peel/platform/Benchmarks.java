package org.peel.platform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code peel bench …} when it is installed. The benchmarks, and the baselines they run beside Peel (Duke, Lucene),
 * are not part of the production jar: they are built into {@code target/peel-bench.jar} with their libraries in
 * {@code target/bench-lib}, and {@code ./peel bench} puts both on the class path. Without them, {@code bench} says so
 * in one line.
 */
final class Benchmarks {

    /** The bench jar's command group, which lists every benchmark. */
    static final String COMMAND_CLASS = "org.peel.bench.BenchCommand";

    private Benchmarks() {
    }

    /** The {@code bench} command group from the bench jar, or a stand-in that explains it is missing. */
    static Object command() {
        try {
            return Class.forName(COMMAND_CLASS).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException missing) {
            return new Missing();
        } catch (ReflectiveOperationException broken) {
            throw new IllegalStateException("The bench jar's " + COMMAND_CLASS + " cannot be created", broken);
        }
    }

    @Command(name = "bench", description = "Benchmarks (not installed: run them with ./peel bench, which builds"
            + " target/peel-bench.jar).")
    static final class Missing implements Callable<Integer> {
        @Unmatched
        List<String> arguments;

        @Override
        public Integer call() {
            System.err.println("peel: the benchmarks are not on the class path: they ship in target/peel-bench.jar"
                    + " (with target/bench-lib), which 'mvn package' builds and './peel bench …' runs");
            return 2;
        }
    }
}
