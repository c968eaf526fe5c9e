/**
 * The synthetic force: a year of a real force's operational records, at any scale up to the Met's, with the
 * true identity of every person record kept apart as ground truth.
 *
 * <p>{@link org.peel.synthetic.ForceSources} reads what is public about the force (Home Office volumes by
 * offence group, ONS places and population, police.uk ASB volumes and spatial patterns) into a
 * {@link org.peel.synthetic.ForceSpec}, falling back to built-in figures for London and saying so.
 * {@link org.peel.synthetic.SyntheticForce} then runs each {@link org.peel.synthetic.RecordType} in turn over a
 * {@link org.peel.synthetic.World}: the period, a pool of true people in households, the places, and the facts
 * earlier types leave for later ones. Every appearance of a person goes through the person recorder, which
 * writes the person record as recorded (with variation) and, separately, the ground truth.
 *
 * <p>Rows go to a {@link org.peel.synthetic.RecordSink}: CSV files, or the database by COPY in one transaction.
 *
 * <p>Reproducibility rules, which every record type keeps: draw only from the named streams of
 * {@code World.random}, never iterate a hash map where order reaches the output, use {@code StrictMath} for
 * anything transcendental, and format every value by hand (no default locale). The same arguments then give
 * the same bytes on any machine.
 */
package org.peel.synthetic;
