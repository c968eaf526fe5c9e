package org.peel.national;

import org.apache.spark.sql.SparkSession;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How Peel starts Spark: local mode ({@code local[*]}, nothing to install) or a cluster's master URL. Spark's web UI
 * is off (Peel's web application owns the servlet API version on the class path, and the national jobs report
 * through the command line). On a cluster, Peel's own jars go to the executors, so they run the same classes.
 */
public final class Sparks {

    private Sparks() {
    }

    /**
     * A session on this master.
     *
     * @param partitions shuffle partitions; 0 for Spark's default (adaptive execution merges small ones anyway)
     */
    public static SparkSession session(String master, String job, int partitions) {
        SparkSession.Builder b = SparkSession.builder().appName("peel " + job).master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.metrics.conf.*.sink.servlet.class", QuietMetricsServlet.class.getName())
                .config("spark.sql.session.timeZone", "UTC");
        if (partitions > 0) {
            b.config("spark.sql.shuffle.partitions", Integer.toString(partitions))
                    .config("spark.default.parallelism", Integer.toString(partitions));
        }
        if (master.startsWith("local")) {
            // a laptop or a CI runner: no network names to resolve
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        } else {
            b.config("spark.jars", String.join(",", peelJars()));
        }
        return b.getOrCreate();
    }

    /** Whether a session is already running in this JVM (a caller that did not start it must not stop it). */
    public static boolean running() {
        return SparkSession.getDefaultSession().isDefined();
    }

    /** The jars holding Peel's classes (the application's and the national jobs'), for a cluster's executors. */
    static List<String> peelJars() {
        List<String> jars = new ArrayList<>();
        for (Class<?> c : List.of(org.peel.people.MatchModel.class, NationalLinkage.class,
                org.apache.commons.codec.language.DoubleMetaphone.class)) {
            try {
                Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (p.toString().endsWith(".jar") && !jars.contains(p.toString())) {
                    jars.add(p.toString());
                }
            } catch (URISyntaxException | NullPointerException ignored) {
                // a class without a jar (run from classes/): the cluster must have it already
            }
        }
        return jars;
    }
}
