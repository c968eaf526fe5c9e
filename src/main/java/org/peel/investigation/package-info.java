/**
 * Investigating crime: recording, screening, allocation, the Victims' Code and outcomes.
 *
 * <p>The rules are pure functions from facts to a decision with its reasons and rule version:
 * {@link org.peel.investigation.Screening} (harm, solvability and vulnerability to priority, PIP level and
 * specialism, or screened out), {@link org.peel.investigation.Allocation} (the qualifying investigator with the
 * lowest weighted caseload, or the supervisor's queue), {@link org.peel.investigation.VictimsCodeEntitlement} and
 * {@link org.peel.investigation.VictimsCodeDeadlines} (enhanced or standard service, deadlines in
 * {@link org.peel.investigation.WorkingDays} over {@link org.peel.investigation.BankHolidays}), and
 * {@link org.peel.investigation.OutcomeValidation}. Harm weights, thresholds, caseload cap and priority weights are
 * configuration with stated defaults, because no national screening matrix exists.
 *
 * <p>{@link org.peel.investigation.RecordCrime} applies them when a crime is saved, in one transaction with the
 * crime, its people (person records) and the audit entries; {@link org.peel.investigation.CaseProgress} handles
 * what follows. {@link org.peel.investigation.AllocationSimulation} runs a force's crimes through the engine and
 * through the daily batch the inspection found, for {@code peel simulate allocation}.
 */
package org.peel.investigation;
