package org.peel.offenders;

import org.peel.common.BadInput;
import org.peel.common.CsvRecords;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How grave each Home Office offence group is, in days of imprisonment, after the Cambridge Crime Harm Index (Sherman,
 * Neyroud &amp; Neyroud 2016): an offence's harm is the days of custody at the starting point of the Sentencing
 * Council guideline for a first offender, or, where that starting point is a fine, the days' work at the minimum wage
 * that would pay it.
 *
 * <p>The {@link #standard() default} table is Peel's approximation at the level of the offence group, not the
 * official index: the official index is published by the Cambridge Institute of Criminology for 700+ offence
 * categories, and no authoritative value per offence group was found (reference/standards.md 16.2, values
 * UNVERIFIED; 7.2, no national formula). Confidence in the default values: low — they give the right order (homicide
 * far above sexual offences and robbery, above burglary, far above shoplifting) and nothing finer. The official values
 * are published only as a spreadsheet: the Institute of Criminology's "Research Tools" page
 * (https://www.crim.cam.ac.uk/Research/research-tools, "values for over 700 offence categories") and Cambridge
 * Evidence-Based Policing's CCHI page (https://cambridge-ebp.co.uk/chi, updated February 2026); no copy of its figures
 * could be found as text to cite line by line, so no official table is shipped. The weighted measure ONS publishes
 * is another one, the Crime Severity Score (research output of 29 November 2016, then experimental statistics), whose
 * weights come from sentences actually passed (the share sent to custody times the average days), not from guideline
 * starting points; it is not the CCHI and is not used here. A force replaces them
 * with its own table, the official spreadsheet mapped to offence groups, through {@code PEEL_IOM_GRAVITY_FILE}
 * ({@link #fromCsv}); the table's name goes into the rule's version, so every stored cohort says which weights chose it.
 */
public record GravityWeights(String name, Map<String, Double> days) {

    public GravityWeights {
        Map<String, Double> byKey = new TreeMap<>();
        days.forEach((group, d) -> byKey.put(key(group), d));
        days = Collections.unmodifiableMap(byKey);
    }

    /** The default table (name {@code cchi-approx-1}); days per Home Office offence group, approximate. */
    public static GravityWeights standard() {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("Homicide", 5475.0);                                        // murder: 15-year minimum term
        d.put("Death or serious injury caused by illegal driving", 1095.0);
        d.put("Sexual offences", 730.0);                                  // sexual assault to rape: a middle value
        d.put("Robbery", 365.0);                                          // the value public code uses, labelled approximate
        d.put("Domestic burglary", 365.0);                                // category 2 starting point: 1 year
        d.put("Residential burglary", 365.0);
        d.put("Violence with injury", 183.0);                             // actual bodily harm, a middle category
        d.put("Possession of weapons offences", 180.0);                   // bladed article: about 6 months
        d.put("Non-domestic burglary", 126.0);                            // category 2: 18 weeks
        d.put("Non-residential burglary", 126.0);
        // the Home Office's single "Burglary" group (since April 2017), when a file does not say which: about seven in
        // ten recorded burglaries are residential, so 0.7 × 365 + 0.3 × 126 = 293.3, rounded to 293
        d.put("Burglary", 293.0);
        d.put("Death or serious injury caused by unlawful driving", 1095.0); // the group's later name
        d.put("Theft offences", 10.0);                                    // theft as one group, as "All other theft"
        d.put("Stalking and harassment", 84.0);                           // 12 weeks
        d.put("Theft from the person", 56.0);                             // 8 weeks
        d.put("Fraud offences", 30.0);
        d.put("Vehicle offences", 20.0);
        d.put("Criminal damage and arson", 15.0);
        d.put("Violence without injury", 10.0);                           // common assault: a community order, as days' work
        d.put("All other theft offences", 10.0);
        d.put("Public order offences", 10.0);
        d.put("Miscellaneous crimes against society", 10.0);
        d.put("Bicycle theft", 5.0);
        d.put("Drug offences", 5.0);                                      // mostly possession, found by proactive policing
        d.put("Shoplifting", 2.0);                                        // a band B fine as days' work
        return new GravityWeights("cchi-approx-1", d);
    }

    /**
     * A force's own table from a CSV file with columns {@code offence_group,days}; named after the file, so that the
     * rule's version changes with it. Every problem names the file, line and field.
     */
    public static GravityWeights fromCsv(Path file) {
        Map<String, Double> d = new LinkedHashMap<>();
        try (CsvRecords csv = CsvRecords.open(file)) {
            int group = csv.column("offence_group");
            int days = csv.column("days");
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                String g = group < row.length ? row[group].strip() : "";
                if (g.isEmpty()) {
                    throw csv.bad("offence_group", "is empty");
                }
                String text = days < row.length ? row[days].strip() : "";
                double value;
                try {
                    value = Double.parseDouble(text);
                } catch (NumberFormatException ex) {
                    throw csv.bad("days", "not a number: " + CsvRecords.excerpt(text));
                }
                if (!(value >= 0) || Double.isInfinite(value)) {
                    throw csv.bad("days", "must be zero or more, not " + CsvRecords.excerpt(text));
                }
                d.put(g, value);
            }
        }
        if (d.isEmpty()) {
            throw new BadInput(file.getFileName().toString(), 0, null, "holds no offence groups");
        }
        String base = file.getFileName().toString().replaceFirst("\\.csv$", "");
        return new GravityWeights(base, d);
    }

    /** The days for an offence group (its Home Office name, in any case), or empty when the table does not hold it. */
    public Optional<Double> of(String offenceGroup) {
        return Optional.ofNullable(days.get(key(offenceGroup)));
    }

    /** The groups the table holds, as stored (lower case), for messages. */
    public String known() {
        return String.join(", ", days.keySet());
    }

    private static String key(String group) {
        return group.strip().toLowerCase(Locale.ROOT);
    }
}
