package org.peel.offenders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Diversion's figures from the database: referrals and outcomes by scheme, and reoffending after referral beside the
 * matched comparison group ({@link DiversionComparison}), for every scheme together and each alone. Histories are the
 * resolved ones the cohort rule reads, so a person with two nominals is one person here too; scores are the force's
 * cohort rule's.
 */
public final class DiversionFigures {

    private final IomStore iom;
    private final DiversionStore store;
    private final CohortRule rule;

    public DiversionFigures(IomStore iom, DiversionStore store, CohortRule rule) {
        this.iom = iom;
        this.store = store;
        this.rule = rule;
    }

    /** The figures: the comparison for all schemes ({@code null} key absent: see {@code all}) and for each scheme. */
    public record Figures(LocalDate asOf, int windowDays, DiversionComparison.Result all,
                          Map<Diversion.Scheme, DiversionComparison.Result> byScheme,
                          Map<String, Map<String, Integer>> outcomes) {
    }

    public Figures compute(String boroughCode, LocalDate asOf, int windowDays) {
        List<DiversionStore.Referral> stored = store.allReferrals(boroughCode);
        Map<String, Map<String, Integer>> outcomes = store.outcomeCounts(boroughCode);
        if (stored.isEmpty()) {
            DiversionComparison.Result none = DiversionComparison.compare(List.of(), Set.of(), (a, b) -> Optional.empty(),
                    Map.of(), windowDays, asOf);
            return new Figures(asOf, windowDays, none, new EnumMap<>(Diversion.Scheme.class), outcomes);
        }
        LocalDate earliest = stored.get(0).referredOn();
        Map<String, List<String>> nominalsOf = new HashMap<>();
        List<Offence> offences = iom.resolvedHistories(
                earliest.minusDays(Math.max(rule.settings().lookbackDays(), windowDays) + 1L), asOf, nominalsOf);
        Map<String, String> standing = new HashMap<>();
        nominalsOf.forEach((id, nominals) -> nominals.forEach(n -> standing.put(n, id)));
        Map<String, List<Offence>> histories = new HashMap<>();
        for (Offence o : offences) {
            histories.computeIfAbsent(o.offenderId(), k -> new ArrayList<>()).add(o);
        }
        Comparator<Offence> order = Comparator.comparing(Offence::on).thenComparing(Offence::offenceGroup);
        histories.values().forEach(l -> l.sort(order));
        Map<String, List<LocalDate>> dates = new HashMap<>();
        histories.forEach((id, l) -> dates.put(id, l.stream().map(Offence::on).toList()));
        Map<String, LocalDate> dobByNominal = store.datesOfBirth();
        Map<String, LocalDate> dob = new HashMap<>();
        nominalsOf.forEach((id, nominals) -> nominals.stream().map(dobByNominal::get).filter(d -> d != null)
                .findFirst().ifPresent(d -> dob.put(id, d)));
        Set<String> referredPeople = new HashSet<>();
        store.everReferred().forEach(n -> referredPeople.add(standing.getOrDefault(n, n)));
        Set<String> pool = new HashSet<>(histories.keySet());
        pool.removeAll(referredPeople);
        Profiler profiler = new Profiler(histories, dob, rule);
        List<DiversionComparison.Referral> all = new ArrayList<>();
        for (DiversionStore.Referral r : stored) {
            all.add(new DiversionComparison.Referral(r.id(), standing.getOrDefault(r.offenderId(), r.offenderId()),
                    r.referredOn(), r.scheme()));
        }
        DiversionComparison.Result whole = DiversionComparison.compare(all, pool, profiler::profile, dates, windowDays,
                asOf);
        Map<Diversion.Scheme, DiversionComparison.Result> byScheme = new LinkedHashMap<>();
        for (Diversion.Scheme s : Diversion.Scheme.values()) {
            List<DiversionComparison.Referral> these = all.stream().filter(r -> r.scheme() == s).toList();
            if (!these.isEmpty()) {
                byScheme.put(s, DiversionComparison.compare(these, pool, profiler::profile, dates, windowDays, asOf));
            }
        }
        return new Figures(asOf, windowDays, whole, byScheme, outcomes);
    }

    /**
     * A person's profile as of a day from their sorted history: cheap checks first (an offence on or before the day),
     * then the cohort rule's score over the offences up to that day.
     */
    private static final class Profiler {
        private final Map<String, List<Offence>> histories;
        private final Map<String, LocalDate> dob;
        private final CohortRule rule;

        Profiler(Map<String, List<Offence>> histories, Map<String, LocalDate> dob, CohortRule rule) {
            this.histories = histories;
            this.dob = dob;
            this.rule = rule;
        }

        Optional<DiversionComparison.Profile> profile(String id, LocalDate on) {
            List<Offence> h = histories.get(id);
            if (h == null || h.isEmpty() || h.get(0).on().isAfter(on)) {
                return Optional.empty();
            }
            int upTo = 0;
            while (upTo < h.size() && !h.get(upTo).on().isAfter(on)) {
                upTo++;
            }
            List<Offence> known = h.subList(0, upTo);
            return Optional.of(DiversionComparison.Profile.of(rule.value(known, on), dob.get(id), on,
                    known.get(upTo - 1).offenceGroup()));
        }
    }
}
