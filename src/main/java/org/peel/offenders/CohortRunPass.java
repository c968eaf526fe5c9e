package org.peel.offenders;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the force's cohort rule over every resolved offending history in the database and stores the run: each
 * offender's score, reasons and rank in their borough, and whether the rule chose them within the borough's capacity.
 * The choosing is {@link CohortRule}'s, the same code {@code peel iom cohort} runs on a file.
 */
public final class CohortRunPass {

    private final IomStore store;
    private final CohortRule rule;

    public CohortRunPass(IomStore store, CohortRule rule) {
        this.store = store;
        this.rule = rule;
    }

    /** What a run stored. */
    public record Result(long runId, String ruleVersion, int scored, Map<String, Integer> cohortSizes) {
    }

    public String ruleVersion() {
        return rule.version();
    }

    public int defaultCapacity() {
        return rule.settings().defaultCapacity();
    }

    /** The capacity of each borough: its own when set, else the configured default. */
    public int capacity(Map<String, Integer> set, String borough) {
        return set.getOrDefault(borough, rule.settings().defaultCapacity());
    }

    /** Scores and stores, in the caller's transaction (the caller writes the audit entry in the same one). */
    public Result run(Handle h, LocalDate asOf, Instant at, String by) {
        Map<String, List<String>> nominals = new HashMap<>();
        List<Offence> offences = store.resolvedHistories(asOf.minusDays(rule.settings().lookbackDays() + 1L), asOf,
                nominals);
        List<OffenderScore> scores = rule.scoreAll(offences, asOf);
        Map<String, Integer> capacities = store.capacities(h);
        List<OffenderScore> cohort = CohortRule.select(scores, b -> capacity(capacities, b));
        java.util.Set<String> chosen = new java.util.HashSet<>();
        cohort.forEach(s -> chosen.add(s.offenderId()));
        Map<String, List<OffenderScore>> byBorough = new TreeMap<>();
        scores.forEach(s -> byBorough.computeIfAbsent(s.boroughCode(), k -> new ArrayList<>()).add(s));
        List<IomStore.StoredScore> stored = new ArrayList<>(scores.size());
        byBorough.values().forEach(list -> {
            list.sort(CohortRule.PRIORITY);
            int rank = 0;
            for (OffenderScore s : list) {
                stored.add(new IomStore.StoredScore(s.offenderId(), nominals.getOrDefault(s.offenderId(),
                        List.of(s.offenderId())), s.boroughCode(), s.score(), s.reasons(), ++rank,
                        chosen.contains(s.offenderId())));
            }
        });
        long id = store.startRun(h, rule.version(), asOf, at, by, scores.size());
        store.saveScores(h, id, stored);
        return new Result(id, rule.version(), scores.size(), CohortRule.sizes(cohort));
    }
}
