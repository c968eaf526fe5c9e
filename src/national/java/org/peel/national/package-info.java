/**
 * National scale on Apache Spark: one person across many forces ({@code peel national link}) and the same indicators
 * for every force ({@code peel national indicators}). The jobs run Peel's own classes on Spark's executors (the
 * blocking rules, comparisons and match model of {@code org.peel.people}; the indicator definitions of
 * {@code org.peel.measure}), so that a national result and a force's result never disagree about the same records.
 *
 * <p>Compiled with the tests and shipped apart in {@code target/peel-national.jar}, with Spark in
 * {@code target/national-lib}: Spark never enters the web application or the demo.
 */
package org.peel.national;
