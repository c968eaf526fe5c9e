package org.peel.national;

import com.codahale.metrics.MetricRegistry;
import org.apache.spark.SparkConf;
import org.apache.spark.metrics.sink.MetricsServlet;
import org.sparkproject.jetty.servlet.ServletContextHandler;

import java.util.Properties;

/**
 * Spark's metrics servlet without its web handler. Spark adds the handler even with the UI off, and it needs the
 * servlet API of Spark's own Jetty, older than the one Peel's web server (Jetty 12) needs on the same class path.
 * Peel's national jobs report through the command line, so the handler is left out.
 */
public final class QuietMetricsServlet extends MetricsServlet {

    public QuietMetricsServlet(Properties property, MetricRegistry registry) {
        super(property, registry);
    }

    @Override
    public ServletContextHandler[] getHandlers(SparkConf conf) {
        return new ServletContextHandler[0];
    }
}
