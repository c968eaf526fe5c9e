/**
 * Offenders: integrated offender management (IOM) by one versioned force-wide cohort rule (harm-weighted recency,
 * frequency and gravity over each offender's resolved history), borough capacities and recorded exceptions, cover for
 * every case, tasks to the neighbourhood team of the ward where the offender lives, MAPPA and potentially dangerous
 * persons. Owns the tables {@code offender} and {@code offending_history} and every {@code iom_…} table.
 */
package org.peel.offenders;
