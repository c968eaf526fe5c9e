package org.peel.measure;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs an indicator definition for a place and a period. It picks the first source (in the order of preference)
 * that holds the offence group for that kind of place and any of the period; counts the numerator and denominator
 * on that one source, so the two always agree; and says what was missing: months a force has no data for, forces
 * with none at all (left out of a group, and named), rows without a location, populations not held.
 */
public final class IndicatorEngine {

    private final MeasureStore store;
    private final Origin origin;
    private final FactCounts counts;
    private final boolean ownCounts;
    private final Map<List<Object>, Object> memo;
    private final ComparisonFigures comparisons;
    private volatile Map<String, String> forceNames;

    /** An engine over the published open data. */
    public IndicatorEngine(MeasureStore store) {
        this(store, Origin.PUBLIC);
    }

    /** An engine over the facts of one origin: the published open data or Peel's own records. */
    public IndicatorEngine(MeasureStore store, Origin origin) {
        this(store, origin, store::sum, true, null, new ComparisonFigures());
    }

    /**
     * An engine whose facts are added up by {@code counts} (the national job on Spark) while the definitions,
     * coverage and populations come from the store: the same figures from the same definitions, counted elsewhere.
     */
    public IndicatorEngine(MeasureStore store, Origin origin, FactCounts counts) {
        this(store, origin, counts, false, null, new ComparisonFigures());
    }

    private IndicatorEngine(MeasureStore store, Origin origin, FactCounts counts, boolean ownCounts,
                            Map<List<Object>, Object> memo, ComparisonFigures comparisons) {
        this.store = store;
        this.origin = origin;
        this.counts = counts;
        this.ownCounts = ownCounts;
        this.memo = memo;
        this.comparisons = comparisons;
    }

    /**
     * An engine that remembers each count and coverage it reads, for one report: many indicators share a
     * denominator (offences recorded) and a coverage check. It reads the definitions once, and, when it counts in the
     * database, each span of facts once ({@link MeasureStore#grouped}). Not for keeping: it would not see a later
     * import.
     */
    public IndicatorEngine remembering() {
        return new IndicatorEngine(store, origin, ownCounts ? store.grouped() : counts, ownCounts,
                new java.util.HashMap<>(), comparisons);
    }

    /** The same engine over another origin, sharing what this one remembers (every key names its source). */
    public IndicatorEngine over(Origin other) {
        return other == origin ? this : new IndicatorEngine(store, other, counts, ownCounts, memo, comparisons);
    }

    /**
     * A comparison group's figure (England and Wales beside a force): {@link #figure}, held from one report to the
     * next for as long as the published data and the definitions stay as they were, since it is made from nothing
     * else. The engine and every engine made from it ({@link #remembering}, {@link #over}) share what is held; a
     * remembering engine reads the data's generation once per report. Figures from Peel's own records, and counts
     * made elsewhere, are counted each time.
     */
    public Figure comparison(IndicatorDefinition d, Place.Forces group, Period period) {
        if (origin.own() || !ownCounts) {
            return figure(d, group, period);
        }
        long generation = recall(List.of("public generation"), store::publicGeneration);
        return comparisons.figure(generation, java.util.Arrays.asList(d, group, period),
                () -> figure(d, group, period));
    }

    public Origin origin() {
        return origin;
    }

    @SuppressWarnings("unchecked")
    private <T> T recall(List<Object> key, java.util.function.Supplier<T> read) {
        if (memo == null) {
            return read.get();
        }
        return (T) memo.computeIfAbsent(key, k -> read.get());
    }

    private double count(String source, String group, String outcomeGroup, Place place, List<String> forces,
                         List<YearMonth> ends) {
        return recall(java.util.Arrays.asList("count", source, group, outcomeGroup, place, forces, ends),
                () -> counts.sum(catalogue().map(c -> MeasureStore.filter(c, source, group, outcomeGroup, place,
                        forces, ends)).orElseGet(() -> store.filter(source, group, outcomeGroup, place, forces, ends))));
    }

    /** The definitions, read once for a remembering engine; an engine that keeps nothing reads each as it needs it. */
    private Optional<MeasureStore.Catalogue> catalogue() {
        return memo == null ? Optional.empty() : Optional.of(recall(List.of("catalogue"), store::catalogue));
    }

    /** Force names for notes; read once, as they change only with a migration. */
    private Map<String, String> forceNames() {
        Map<String, String> names = forceNames;
        if (names == null) {
            names = store.territorialForces();
            forceNames = names;
        }
        return names;
    }

    public MeasureStore store() {
        return store;
    }

    /** The source chosen and the forces it covers, with what it lacks. */
    private record Basis(MeasureStore.Source source, List<YearMonth> spanEnds, List<String> forces, boolean complete,
                         boolean gapFree, List<String> notes) {
    }

    /**
     * The indicator's figure for the place over the period asked for, or over the indicator's own period when it has
     * one (the year to 31 March): the figure's period is the one counted.
     */
    public Figure figure(IndicatorDefinition d, Place place, Period requested) {
        Period asked = d.periodFor(requested);
        Period period = asked.minusYears(d.periodOffsetYears());
        List<String> notes = new ArrayList<>();
        if (!asked.equals(requested)) {
            notes.add("year to " + asked.lastDay().format(java.time.format.DateTimeFormatter
                    .ofPattern("d MMMM yyyy", java.util.Locale.UK)) + ", this indicator's own period end");
        }
        if (d.periodOffsetYears() > 0) {
            notes.add("for the " + period.describe());
        }
        MeasureStore.Counting counting = counting(d.numeratorGroup());
        if (counting.stock()) {
            // a stock is counted once, on the count date: the last month of the period, not summed over its months
            period = Period.month(period.to());
            notes.add("counted on " + period.lastDay().format(java.time.format.DateTimeFormatter
                    .ofPattern("d MMMM yyyy", java.util.Locale.UK)));
        }
        Optional<List<String>> forces = forcesOf(place);
        if (forces.isEmpty() || forces.get().isEmpty()) {
            return Figure.unavailable(d, place, asked, List.of("Peel does not know which force " + place.name()
                    + " lies in (run 'peel import geography')"));
        }
        List<String> reasons = new ArrayList<>();
        Optional<Basis> chosen = basis(d.numeratorGroup(), d.outcomeGroup(), place, forces.get(), period, reasons);
        if (chosen.isEmpty()) {
            return Figure.unavailable(d, place, asked, reasons);
        }
        Basis basis = chosen.get();
        notes.addAll(basis.notes());
        String sourceNote = basis.source().title() + " (" + basis.source().publisher() + ", " + basis.source().licence() + ")";
        return switch (d.kind()) {
            case CHANGE -> change(d, place, asked, period, basis, notes, sourceNote);
            case RATIO -> ratio(d, place, asked, period, basis, notes, sourceNote);
        };
    }

    private Figure ratio(IndicatorDefinition d, Place place, Period asked, Period period, Basis basis,
                         List<String> notes, String sourceNote) {
        MeasureStore.Source s = basis.source();
        Place counted = narrowed(place, basis.forces());
        if (d.outcomeGroup() != null
                && this.<Long>recall(java.util.Arrays.asList("outcomes", s.id(), d.denominatorGroup(), counted,
                        basis.forces(), basis.spanEnds()),
                () -> (long) counts.sum(catalogue().map(c -> MeasureStore.anyOutcomeFilter(c, s.id(),
                        d.denominatorGroup(), counted, basis.forces(), basis.spanEnds())).orElseGet(() ->
                        store.anyOutcomeFilter(s.id(), d.denominatorGroup(), counted, basis.forces(),
                                basis.spanEnds())))) == 0) {
            notes.add(s.title() + " holds no outcomes for these offences in the " + period.describe());
            return Figure.unavailable(d, place, asked, notes);
        }
        double numerator = count(s.id(), d.numeratorGroup(), d.outcomeGroup(), counted, basis.forces(),
                basis.spanEnds());
        double denominator;
        boolean complete = basis.complete();
        switch (d.denominator()) {
            case OFFENCES -> denominator = count(s.id(), d.denominatorGroup(), null, counted, basis.forces(),
                    basis.spanEnds());
            case POPULATION, HOUSEHOLDS -> {
                boolean households = d.denominator() == IndicatorDefinition.Denominator.HOUSEHOLDS;
                Optional<Double> people = population(counted, period, households, notes);
                if (people.isEmpty()) {
                    return Figure.unavailable(d, place, asked, notes,
                            households ? Figure.Gap.HOUSEHOLDS : Figure.Gap.POPULATION);
                }
                denominator = people.get();
            }
            default -> throw new IllegalStateException("unknown denominator " + d.denominator());
        }
        IndicatorArithmetic.Result r = IndicatorArithmetic.ratio(numerator, denominator, d.factor(), d.decimals());
        if (r.value() == null) {
            notes.add(r.reason());
            return new Figure(d, place, asked, null, numerator, denominator, false, sourceNote, notes);
        }
        return new Figure(d, place, asked, r.value(), numerator, denominator, complete, sourceNote, notes);
    }

    private Figure change(IndicatorDefinition d, Place place, Period asked, Period period, Basis basis,
                          List<String> notes, String sourceNote) {
        Period earlier = period.minusYears(d.changeYears());
        List<String> earlierNotes = new ArrayList<>();
        Optional<Basis> then = basisOn(basis.source(), d.numeratorGroup(), place, basis.forces(), earlier, earlierNotes);
        if (then.isEmpty()) {
            notes.add("Nothing in " + basis.source().title() + " for the " + earlier.describe());
            return Figure.unavailable(d, place, asked, notes);
        }
        // both years over the same forces, so that a force missing from one year does not look like a fall
        List<String> both = basis.forces().stream().filter(then.get().forces()::contains).toList();
        Place counted = narrowed(place, both);
        double now = count(basis.source().id(), d.numeratorGroup(), null, counted, both, basis.spanEnds());
        double before = count(basis.source().id(), d.numeratorGroup(), null, counted, both,
                then.get().spanEnds());
        for (String n : then.get().notes()) {
            notes.add(earlier.describe() + ": " + n);
        }
        if (!basis.gapFree() || !then.get().gapFree()) {
            // a change between periods missing months measures the gaps, not crime
            notes.add("no change given: months are missing from one period or both");
            return Figure.unavailable(d, place, asked, notes);
        }
        IndicatorArithmetic.Result r = IndicatorArithmetic.percentChange(now, before, d.decimals());
        if (r.value() == null) {
            notes.add(r.reason());
        }
        return new Figure(d, place, asked, r.value(), now, before, r.value() != null && basis.complete()
                && then.get().complete(), sourceNote, notes);
    }

    /** The forces a place's facts come from: itself, its members, or the force an area lies in. */
    private Optional<List<String>> forcesOf(Place place) {
        if (place instanceof Place.Forces group) {
            return Optional.of(group.codes());
        }
        Place.Area area = (Place.Area) place;
        if (area.level() == Place.Level.FORCE) {
            return Optional.of(List.of(area.code()));
        }
        return recall(java.util.Arrays.asList("force of", area.level(), area.code()),
                () -> store.forceOf(area).map(List::of));
    }

    /** A group narrowed to the forces that hold data; an area is left as it is. */
    private static Place narrowed(Place place, List<String> forces) {
        return place instanceof Place.Forces g ? new Place.Forces(g.name(), forces) : place;
    }

    private MeasureStore.Counting counting(String group) {
        return catalogue().map(c -> c.counting(group))
                .orElseGet(() -> recall(java.util.Arrays.asList("counting", group), () -> store.counting(group)));
    }

    private Optional<Basis> basis(String group, String outcomeGroup, Place place, List<String> forces, Period period,
                                  List<String> reasons) {
        List<MeasureStore.Source> sources = recall(java.util.Arrays.asList("sources", group, outcomeGroup, origin),
                () -> catalogue().map(c -> c.sourcesFor(group, outcomeGroup, origin))
                        .orElseGet(() -> store.sourcesFor(group, outcomeGroup, origin)));
        if (sources.isEmpty()) {
            reasons.add((origin.own() ? "Peel's own records hold no " + groupTitle(group)
                    : "no source Peel holds records " + groupTitle(group))
                    + (outcomeGroup == null ? "" : " with outcomes"));
            catalogue().map(c -> Optional.ofNullable(c.unheld().get(group))).orElseGet(() -> store.unheldNote(group))
                    .ifPresent(reasons::add);
            return Optional.empty();
        }
        for (MeasureStore.Source s : sources) {
            if (!s.speaksFor(place)) {
                reasons.add(s.title() + " does not give figures for a " + levelName(place));
                continue;
            }
            Optional<Basis> b = basisOn(s, group, place, forces, period, reasons);
            if (b.isPresent()) {
                return b;
            }
        }
        return Optional.empty();
    }

    private Optional<Basis> basisOn(MeasureStore.Source s, String group, Place place, List<String> forces,
                                    Period period, List<String> reasons) {
        List<YearMonth> ends = period.spanEnds(s.grainMonths());
        if (ends.isEmpty()) {
            reasons.add(s.title() + " holds " + s.grainMonths() + "-month totals, which cannot make up the "
                    + period.describe());
            return Optional.empty();
        }
        String records = counting(group).records();
        // a report reads the spans of each source and set of forces once, whatever the period: a force's own
        // figures read its own spans only, not every force's
        List<MeasureStore.Covered> covered = memo == null ? store.coverage(s.id(), records, forces, ends)
                : this.<List<MeasureStore.Covered>>recall(java.util.Arrays.asList("coverage", s.id(), records, forces),
                        () -> store.coverage(s.id(), records, forces)).stream()
                .filter(c -> ends.contains(c.spanTo())).toList();
        if (covered.isEmpty()) {
            reasons.add("Nothing in " + s.title() + " for the " + period.describe() + " in " + place.name());
            return Optional.empty();
        }
        Map<String, Set<YearMonth>> byForce = new HashMap<>();
        Place.Level level = place instanceof Place.Area a ? a.level() : Place.Level.FORCE;
        long unlocated = 0;
        long unplaced = 0;
        long noLsoa = 0;
        for (MeasureStore.Covered c : covered) {
            byForce.computeIfAbsent(c.forceCode(), k -> new TreeSet<>()).add(c.spanTo());
            unlocated += c.noBorough();
            unplaced += c.unplacedAt(level);
            noLsoa += c.noLsoa();
        }
        List<String> notes = new ArrayList<>();
        boolean complete = true;
        List<String> used = forces.stream().filter(byForce::containsKey).toList();
        List<String> absent = forces.stream().filter(f -> !byForce.containsKey(f)).toList();
        if (!absent.isEmpty()) {
            complete = false;
            Map<String, String> names = forceNames();
            List<String> absentNames = absent.stream().map(f -> names.getOrDefault(f, f)).sorted().toList();
            String listed = absentNames.size() <= 8 ? String.join(", ", absentNames)
                    : String.join(", ", absentNames.subList(0, 8)) + " and " + (absentNames.size() - 8) + " more";
            if (absent.size() * 2 > forces.size()) {
                // a figure for a handful of forces is not a figure for the group
                reasons.add(s.title() + " holds the " + period.describe() + " for only " + used.size() + " of "
                        + forces.size() + " forces in " + place.name());
                return Optional.empty();
            }
            notes.add(absent.size() + " of " + forces.size() + " forces have no " + s.title() + " data for the period"
                    + " and are left out (with their population): " + listed);
        }
        long held = used.stream().mapToLong(f -> byForce.get(f).size()).sum();
        if (held * 2 < (long) used.size() * ends.size()) {
            // a rate over a few months of a year is not that year's rate, however it is flagged
            reasons.add(s.title() + " holds only " + held + " of the " + used.size() * ends.size()
                    + " force-months of the " + period.describe() + " in " + place.name());
            return Optional.empty();
        }
        Map<String, List<YearMonth>> gaps = new TreeMap<>();
        for (String f : used) {
            List<YearMonth> missing = ends.stream().filter(m -> !byForce.get(f).contains(m)).sorted().toList();
            if (!missing.isEmpty()) {
                gaps.put(forceNames().getOrDefault(f, f), missing);
            }
        }
        if (!gaps.isEmpty()) {
            complete = false;
            Set<String> parts = new LinkedHashSet<>();
            gaps.forEach((f, m) -> parts.add(f + " (" + m.size() + " missing: " + m.stream().map(YearMonth::toString)
                    .collect(Collectors.joining(", ")) + ")"));
            notes.add("months missing: " + String.join("; ", parts));
        }
        if (unplaced > 0 && level != Place.Level.FORCE) {
            complete = false;
            notes.add(unplaced == unlocated
                    ? String.format("%,d rows of the force have no location and are counted for no %s", unplaced,
                    level.key())
                    : String.format("%,d rows of the force have no %s and are counted for none", unplaced,
                    level == Place.Level.LSOA ? "LSOA" : level.key()));
        } else if (unlocated > 0) {
            notes.add(String.format("%,d rows without a location are counted for the force only", unlocated));
        } else if (noLsoa > 0 && level != Place.Level.LSOA) {
            notes.add(String.format("%,d rows have no LSOA: they count for their borough and the force, not for any"
                    + " LSOA", noLsoa));
        }
        return Optional.of(new Basis(s, ends, used, complete, gaps.isEmpty(), notes));
    }

    /** The population (or households) of the place, summed over a group's forces; empty with a note if not held. */
    private Optional<Double> population(Place place, Period period, boolean households, List<String> notes) {
        int year = period.to().getYear();
        String what = households ? "households" : "population";
        Place.Level level = place instanceof Place.Area a ? a.level() : Place.Level.FORCE;
        List<String> codes = place instanceof Place.Area a ? List.of(a.code()) : ((Place.Forces) place).codes();
        Map<String, MeasureStore.Population> rows = recall(java.util.Arrays.asList("population", level, codes, year,
                households), () -> store.populations(level, codes, year, households));
        List<String> missing = codes.stream().filter(c -> !rows.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            Map<String, String> names = forceNames();
            notes.add("no " + what + " held for " + (missing.size() == codes.size() ? place.name()
                    : missing.size() + " of " + codes.size() + " areas (" + missing.stream()
                    .map(c -> names.getOrDefault(c, c)).limit(5).collect(Collectors.joining(", "))
                    + (missing.size() > 5 ? ", …" : "") + ")")
                    + (households ? ": " + householdsHeld(missing.size() == codes.size() ? place.name()
                    : "those areas") : ""));
            return Optional.empty();
        }
        double total = 0;
        Set<String> years = new TreeSet<>();
        boolean derived = false;
        for (MeasureStore.Population p : rows.values()) {
            total += households ? p.households() : p.population();
            years.add(String.valueOf(households && p.householdsYear() != null ? p.householdsYear() : p.year()));
            derived |= p.derivedFrom() != null;
        }
        notes.add(what + (households ? " (census " : " (mid-") + String.join(", ", years) + ")"
                + (derived ? ", summed from LSOAs" : ""));
        return Optional.of(total);
    }

    /**
     * What the population files loaded say about households, and the file that would supply them: the public
     * population estimates for forces leave households empty, and only London's atlas counts them.
     */
    private String householdsHeld(String where) {
        List<MeasureStore.PopulationFile> files = recall(List.of("population files"), store::populationFiles);
        List<String> parts = new ArrayList<>();
        for (MeasureStore.PopulationFile f : files) {
            parts.add(f.withHouseholds() == 0 ? f.name() + " leaves households empty"
                    : String.format("%s gives households for %,d areas, not these", f.name(), f.withHouseholds()));
        }
        String held = files.isEmpty() ? "no population file is loaded"
                : "of the population files loaded, " + String.join("; ", parts);
        return held + ". A population file in the simple CSV format (area_code,area_name,year,population,households)"
                + " with the households column filled for " + where + " would supply them";
    }

    private String groupTitle(String id) {
        return catalogue().map(c -> Optional.ofNullable(c.titles().get(id)))
                .orElseGet(() -> store.offenceGroups().stream().filter(g -> g.id().equals(id))
                        .map(MeasureStore.Group::title).findFirst())
                .map(t -> t.toLowerCase(java.util.Locale.UK)).orElse(id);
    }

    private static String levelName(Place place) {
        return place instanceof Place.Area a ? a.level().key() : "group of forces";
    }
}
