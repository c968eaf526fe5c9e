package org.peel.partners;

import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditTrail;
import org.peel.people.Ethnicity;
import org.peel.people.PersonEthnicityStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo's ASB victims and IOM offenders given the ethnicity a force records: each person (one draw per resolved
 * person, so their records agree) states a 2021 Census category drawn in the proportions of the force area's census
 * residents, or does not state it; the officer's observed group is theirs most of the time and, when they did not
 * state one or the officer misjudged, drawn from the same population. Recorded through people's own recording code,
 * each record audited. Without the census in the shared data nothing is drawn.
 */
public final class DemoEthnicityPass {

    /** Share of people who choose not to state their ethnicity. */
    static final double NOT_STATED = 0.06;
    /** Share of observations that match the person's own broad group. */
    static final double OBSERVED_AGREES = 0.9;

    private DemoEthnicityPass() {
    }

    /** What the pass recorded: ASB victim and IOM offender records, and how many did not state one. */
    public record Summary(int asbVictims, int offenders, int notStated) {
    }

    private static final String UNRECORDED = """
            select e.record_id, coalesce(e.person_id::text, e.record_id) as who, e.source_type
            from people_person_ethnicity_published e
            where e.self_defined_ethnicity is null and e.observed_group is null
              and (e.record_id in (select person_record_id from prevention_asb_victim_risk_published)
                   or e.source_type = 'offender'
                      and e.source_id in (select offender_id from offenders_iom_cohort_published))
            order by e.record_id""";

    public static Summary prepare(Jdbi jdbi, AuditTrail audit, Path census, long seed) {
        EqualityStore equality = new EqualityStore(jdbi);
        Map<Ethnicity, Long> population = CensusPopulation.ethnicCategories(census, equality.forceNames()).orElse(null);
        if (population == null) {
            return new Summary(0, 0, 0);
        }
        Map<String, Long> groups = new LinkedHashMap<>();
        population.forEach((e, n) -> groups.merge(e.group(), n, Long::sum));
        PersonEthnicityStore store = new PersonEthnicityStore(jdbi, audit);
        int[] counts = new int[3];
        jdbi.useTransaction(h -> {
            List<String[]> rows = h.createQuery(UNRECORDED)
                    .map((rs, ctx) -> new String[]{rs.getString("record_id"), rs.getString("who"),
                            rs.getString("source_type")}).list();
            for (String[] r : rows) {
                // seeded by the person, so every record of one person gets the same answer; SplittableRandom mixes
                // neighbouring seeds, which java.util.Random's first draws do not
                SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + r[1].hashCode());
                Ethnicity self = rnd.nextDouble() < NOT_STATED ? Ethnicity.NS : draw(population, rnd.nextDouble());
                String observed = self != Ethnicity.NS && rnd.nextDouble() < OBSERVED_AGREES ? self.group()
                        : draw(groups, rnd.nextDouble());
                store.record(h, null, r[0], self, observed);
                counts[r[2].equals("offender") ? 1 : 0]++;
                counts[2] += self == Ethnicity.NS ? 1 : 0;
            }
        });
        return new Summary(counts[0], counts[1], counts[2]);
    }

    /** The key a uniform number in [0, 1) falls on, each key taking a share of [0, 1) in proportion to its count. */
    static <K> K draw(Map<K, Long> weights, double uniform) {
        long total = weights.values().stream().mapToLong(Long::longValue).sum();
        long pick = (long) (uniform * total);
        List<K> keys = new ArrayList<>(weights.keySet());
        for (K k : keys) {
            pick -= weights.get(k);
            if (pick < 0) {
                return k;
            }
        }
        return keys.get(keys.size() - 1);
    }
}
