package org.peel.partners;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The equality report of one police activity (ASB victims graded high risk, people on the gangs matrix, the IOM
 * cohort) as a pure rule: the people the activity touches are counted by ethnic group, sex and age band, and each
 * group's count is set against the census population of that group with {@link Disproportionality}: rate per
 * 1,000, ratio to the reference group (White; ages 30-44) and its 95% interval. Where the population of a dimension
 * is not held, or the activity does not record it, the counts stand alone and the report says why.
 */
public final class EqualityGroups {

    /** The 2011 Census broad ethnic groups. */
    public static final List<String> ETHNICITIES = List.of("White", "Mixed", "Asian", "Black", "Other");
    /** The age bands of the mid-year population estimates Peel holds (GLA LSOA atlas). */
    public static final List<String> AGE_BANDS = List.of("0-15", "16-29", "30-44", "45-64", "65+");
    public static final List<String> SEXES = List.of("Female", "Male");

    static final String ETHNICITY_REFERENCE = "White";
    static final String AGE_REFERENCE = "30-44";

    private EqualityGroups() {
    }

    /** One person the activity touches: ethnic group (null when not recorded), sex ("F"/"M"), date of birth. */
    public record Person(String ethnicity, String sex, LocalDate dateOfBirth) {
    }

    /**
     * One dimension of one activity's report.
     *
     * @param counts     people per group, with "Not recorded" for those the activity holds no group for
     * @param rows       the comparison with population, empty when there is none
     * @param note       why there is no comparison, or what it is limited to; null when nothing needs saying
     */
    public record Dimension(String activity, String dimension, Map<String, Long> counts,
                            List<Disproportionality.Row> rows, String note) {
    }

    public static String ageBand(LocalDate dateOfBirth, LocalDate on) {
        if (dateOfBirth == null || dateOfBirth.isAfter(on)) {
            return null;
        }
        int age = Period.between(dateOfBirth, on).getYears();
        return age <= 15 ? "0-15" : age <= 29 ? "16-29" : age <= 44 ? "30-44" : age <= 64 ? "45-64" : "65+";
    }

    public static String sex(String code) {
        return "F".equals(code) ? "Female" : "M".equals(code) ? "Male" : null;
    }

    /**
     * The three dimensions of an activity's report.
     *
     * @param ethnicityPopulation census residents by ethnic group, or null when not held
     * @param agePopulation       residents by age band, or null when not held
     * @param recordsEthnicity    whether the activity records ethnicity at all
     */
    public static List<Dimension> report(String activity, List<Person> people, LocalDate on,
                                         Map<String, Long> ethnicityPopulation, Map<String, Long> agePopulation,
                                         boolean recordsEthnicity) {
        List<Dimension> out = new ArrayList<>();
        Map<String, Long> byEthnicity = count(people.stream().map(Person::ethnicity).toList(), ETHNICITIES);
        out.add(recordsEthnicity
                ? compare(activity, "Ethnic group", byEthnicity, ethnicityPopulation, ETHNICITY_REFERENCE,
                "2011 Census usual residents of the force area by broad ethnic group")
                : new Dimension(activity, "Ethnic group", byEthnicity, List.of(),
                "This activity does not record ethnicity, so it cannot be compared with the census."));
        Map<String, Long> byAge = count(people.stream().map(p -> ageBand(p.dateOfBirth(), on)).toList(), AGE_BANDS);
        out.add(compare(activity, "Age on " + on, byAge, agePopulation, AGE_REFERENCE,
                "mid-year population estimates of the force's boroughs by age band"));
        Map<String, Long> bySex = count(people.stream().map(p -> sex(p.sex())).toList(), SEXES);
        out.add(new Dimension(activity, "Sex", bySex, List.of(),
                SEX_NOT_HELD));
        return out;
    }

    private static Dimension compare(String activity, String dimension, Map<String, Long> counts,
                                     Map<String, Long> population, String reference, String source) {
        if (population == null || population.isEmpty()) {
            return new Dimension(activity, dimension, counts, List.of(),
                    "The population (" + source + ") is not in the shared data, so it is not compared.");
        }
        Map<String, Long> events = new LinkedHashMap<>(counts);
        events.remove(NOT_RECORDED);
        if (events.getOrDefault(reference, 0L) == 0) {
            return new Dimension(activity, dimension, counts, List.of(),
                    "No one in the reference group (" + reference + "), so no ratio can be given.");
        }
        return new Dimension(activity, dimension, counts, Disproportionality.table(events, population, reference),
                "Against " + source + "; reference group " + reference + "; " + counts.getOrDefault(NOT_RECORDED, 0L)
                        + " with none recorded left out.");
    }

    static final String NOT_RECORDED = "Not recorded";

    /**
     * Why sex has counts only: none of the population tables in the shared data (2011 Census residents by ethnic group
     * per force area, the GLA LSOA atlas's mid-2013 residents by age band, mid-2014 force-area totals) gives residents
     * by sex, so no rate or ratio by sex can be worked out until such a table is added.
     */
    static final String SEX_NOT_HELD = "No population by sex: the shared census data holds residents by ethnic group"
            + " (2011 Census, force area), by age band (mid-2013, LSOA) and in total (mid-2014, force area), but not"
            + " by sex, so the make-up by sex is given as counts without rates, ratios or intervals.";

    static Map<String, Long> count(List<String> values, List<String> groups) {
        Map<String, Long> out = new LinkedHashMap<>();
        groups.forEach(g -> out.put(g, 0L));
        out.put(NOT_RECORDED, 0L);
        for (String v : values) {
            out.merge(v != null && groups.contains(v) ? v : NOT_RECORDED, 1L, Long::sum);
        }
        return out;
    }
}
