package org.peel.synthetic;

import org.jdbi.v3.core.Jdbi;

import java.util.HashSet;
import java.util.Set;

/**
 * The generator's hidden truth of which children who went missing are truly at risk of sexual exploitation, read back
 * for the demo: it stands in for what an assessor who came to know the child would find, so that the demo's CSE
 * assessments can be graded by Peel's rule from indicators that follow the truth and then checked against it.
 */
public final class CseTruth {

    private CseTruth() {
    }

    /** The missing episodes (by id) whose missing person is a child truly at risk of sexual exploitation. */
    public static Set<String> episodesOfChildrenAtRisk(Jdbi jdbi) {
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery("""
                        select r.source_id from person_record r
                        join synthetic_truth t on t.person_record_id = r.id
                        join synthetic_cse_truth c on c.true_person_id = t.true_person_id
                        where r.source_type = 'missing_episode' and r.role = 'missing person' and c.at_risk""")
                .mapTo(String.class).list()));
    }
}
