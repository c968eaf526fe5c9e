package org.peel.measure;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for measure: the indicator definitions, sources, offence and outcome groups, and the counts, coverage and
 * populations the engine asks for. Facts are read only through measure's own views ({@code measure_fact},
 * {@code measure_coverage}) and the public population table.
 */
public final class MeasureStore {

    /** A fact source: its grain, the places it can speak for, and its publisher and licence for notes. */
    public record Source(String id, String title, int grainMonths, List<String> places, String publisher,
                         String licence, boolean own) {
        public boolean speaksFor(Place place) {
            String level = place instanceof Place.Area a ? a.level().key() : "force";
            return places.contains(level);
        }
    }

    /** An offence group or outcome group: id, title and exact meaning. */
    public record Group(String id, String title, String meaning) {
    }

    /** A force's coverage of one span, with the rows placed in no borough, no ward and no LSOA. */
    public record Covered(String forceCode, YearMonth spanTo, long noBorough, long noWard, long noLsoa) {

        /** Rows counted for the force but for no area at the level given. */
        public long unplacedAt(Place.Level level) {
            return switch (level) {
                case FORCE -> 0;
                case BOROUGH -> noBorough;
                case WARD -> noWard;
                case LSOA -> noLsoa;
            };
        }
    }

    /**
     * How an offence group is counted: from which records (crime, ASB or OCG), so that a source's months are judged
     * by those; and whether it is a stock, counted on the period's last day, rather than events over the period.
     */
    public record Counting(String records, boolean stock) {
    }

    /** The population row chosen for one area. */
    public record Population(String areaCode, int year, long population, Long households, Integer householdsYear,
                             String derivedFrom) {
    }

    private final Jdbi jdbi;

    public MeasureStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The newest version of every indicator, in display order. */
    public List<IndicatorDefinition> definitions() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from (select distinct on (id) * from measure_indicator order by id, version desc) d
                        order by ordinal""")
                .map((rs, ctx) -> new IndicatorDefinition(rs.getString("id"), rs.getInt("version"),
                        rs.getString("title"), rs.getString("meaning"),
                        IndicatorDefinition.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                        rs.getString("numerator_group"), rs.getString("outcome_group"),
                        rs.getString("denominator") == null ? null
                                : IndicatorDefinition.Denominator.valueOf(rs.getString("denominator").toUpperCase(Locale.ROOT)),
                        rs.getString("denominator_group"), rs.getBigDecimal("factor"), rs.getString("unit"),
                        rs.getInt("decimals"), rs.getInt("period_offset_years"),
                        (Integer) rs.getObject("change_years"), rs.getInt("ordinal"), rs.getString("count_basis"),
                        (Integer) rs.getObject("period_end_month"), rs.getString("status_filter")))
                .list());
    }

    public Optional<IndicatorDefinition> definition(String id) {
        return definitions().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public List<Group> offenceGroups() {
        return jdbi.withHandle(h -> h.createQuery("select id, title, meaning from measure_offence_group order by id")
                .map((rs, ctx) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    public List<Group> outcomeGroups() {
        return jdbi.withHandle(h -> h.createQuery("select id, title, meaning from measure_outcome_group order by ordinal")
                .map((rs, ctx) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    /** Category patterns of each source in an offence group, for the definitions page. */
    public Map<String, List<String>> categories(String groupId) {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select c.source, c.pattern from measure_offence_category c join measure_source s on s.id = c.source
                        where c.group_id = :g order by s.preference, c.pattern""")
                .bind("g", groupId)
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)})
                .forEach(r -> m.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1])));
        return m;
    }

    /** How an offence group is counted. */
    public Counting counting(String offenceGroup) {
        return jdbi.withHandle(h -> h.createQuery("select records, stock from measure_offence_group where id = :g")
                .bind("g", offenceGroup)
                .map((rs, ctx) -> new Counting(rs.getString(1), rs.getBoolean(2)))
                .findOne().orElse(new Counting("crime", false)));
    }

    /** The import (or record-keeping) that fills an offence group, where the definitions say. */
    public Optional<String> filledBy(String offenceGroup) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select filled_by from measure_offence_group where id = :g and filled_by is not null")
                .bind("g", offenceGroup).mapTo(String.class).findOne());
    }

    /**
     * The definitions a report's counts are built from, read at once rather than one small query per figure: every
     * source, the category patterns of each (source, offence group), the outcome codes of each (source, outcome
     * group), and how each offence group is counted and why no source holds it where that is said. They change only
     * with a migration, so one report reads them once.
     */
    public record Catalogue(List<Source> sources, Map<List<String>, List<String>> patterns,
                            Map<List<String>, java.util.Set<String>> outcomes, Map<String, Counting> countings,
                            Map<String, String> unheld, Map<String, String> titles) {

        /** The sources holding the offence group (with outcomes in the outcome group, if one), as {@link #sourcesFor}. */
        public List<Source> sourcesFor(String offenceGroup, String outcomeGroup, Origin origin) {
            return sources.stream().filter(s -> s.own() == origin.own())
                    .filter(s -> patterns.containsKey(List.of(s.id(), offenceGroup)))
                    .filter(s -> outcomeGroup == null || outcomes.containsKey(List.of(s.id(), outcomeGroup)))
                    .toList();
        }

        public Counting counting(String offenceGroup) {
            return countings.getOrDefault(offenceGroup, new Counting("crime", false));
        }
    }

    /** Every definition a report's counts need, in four reads. */
    public Catalogue catalogue() {
        return jdbi.withHandle(h -> {
            List<Source> sources = h.createQuery("""
                            select s.id, s.title, s.grain_months, s.places, s.publisher, s.licence, s.own
                            from measure_source s order by s.preference""")
                    .map((rs, ctx) -> new Source(rs.getString(1), rs.getString(2), rs.getInt(3),
                            List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6),
                            rs.getBoolean(7)))
                    .list();
            Map<List<String>, List<String>> patterns = new HashMap<>();
            h.createQuery("select source, group_id, pattern from measure_offence_category order by pattern")
                    .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(r -> patterns.computeIfAbsent(List.of(r[0], r[1]), k -> new ArrayList<>()).add(r[2]));
            Map<List<String>, java.util.Set<String>> outcomes = new HashMap<>();
            h.createQuery("select source, group_id, outcome from measure_outcome_category")
                    .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(r -> outcomes.computeIfAbsent(List.of(r[0], r[1]), k -> new java.util.HashSet<>())
                            .add(r[2]));
            Map<String, Counting> countings = new HashMap<>();
            Map<String, String> unheld = new HashMap<>();
            Map<String, String> titles = new HashMap<>();
            h.createQuery("select id, records, stock, unheld, title from measure_offence_group")
                    .map((rs, ctx) -> new Object[]{rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                            rs.getString(5)})
                    .forEach(r -> {
                        countings.put((String) r[0], new Counting((String) r[1], (Boolean) r[2]));
                        if (r[3] != null) {
                            unheld.put((String) r[0], (String) r[3]);
                        }
                        titles.put((String) r[0], (String) r[4]);
                    });
            return new Catalogue(sources, patterns, outcomes, countings, unheld, titles);
        });
    }

    /**
     * What fills an offence group: the import (or record-keeping) named, the forces it can fill it for (empty: every
     * force), and why no source holds it where the definitions say.
     */
    public record Filling(String group, String filledBy, List<String> filledFor, String unheld) {

        /** Whether the import named fills the group for this force. */
        public boolean fills(String forceCode) {
            return filledBy != null && (filledFor.isEmpty() || filledFor.contains(forceCode));
        }
    }

    /** What fills each offence group, by group: one read for a whole report. */
    public Map<String, Filling> fillings() {
        Map<String, Filling> m = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select id, filled_by, filled_for, unheld from measure_offence_group")
                .map((rs, ctx) -> new Filling(rs.getString(1), rs.getString(2),
                        rs.getArray(3) == null ? List.of() : List.of((String[]) rs.getArray(3).getArray()),
                        rs.getString(4)))
                .forEach(f -> m.put(f.group(), f)));
        return m;
    }

    /**
     * The newest month with facts for the force in any source of the origin: where a page with no month asked for
     * opens.
     */
    public Optional<YearMonth> newestMonth(String forceCode, Origin origin) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select max(c.span_to) from measure_coverage c join measure_source s on s.id = c.source
                        where c.force_code = :f and s.own = :own""")
                .bind("f", forceCode).bind("own", origin.own())
                .mapTo(java.time.LocalDate.class).findOne()).map(YearMonth::from);
    }

    /** Why no source holds the offence group, where the definitions say. */
    public Optional<String> unheldNote(String offenceGroup) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select unheld from measure_offence_group where id = :g and unheld is not null")
                .bind("g", offenceGroup).mapTo(String.class).findOne());
    }

    /** Sources of the origin holding the offence group (and the outcome group, if one), best first. */
    public List<Source> sourcesFor(String offenceGroup, String outcomeGroup, Origin origin) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select s.id, s.title, s.grain_months, s.places, s.publisher, s.licence, s.own
                        from measure_source s
                        where s.own = :own
                          and exists (select 1 from measure_offence_category c where c.source = s.id and c.group_id = :g)
                          and (cast(:og as text) is null or exists (select 1 from measure_outcome_category o
                                                                   where o.source = s.id and o.group_id = :og))
                        order by s.preference""")
                .bind("g", offenceGroup).bind("og", outcomeGroup).bind("own", origin.own())
                .map((rs, ctx) -> new Source(rs.getString(1), rs.getString(2), rs.getInt(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6),
                        rs.getBoolean(7)))
                .list());
    }

    /** The latest quarter end the Home Office table holds, the natural default period end. */
    public Optional<YearMonth> latestQuarterEnd() {
        return jdbi.withHandle(h -> h.createQuery("select max(year_to) from opendata_prc")
                .mapTo(java.time.LocalDate.class).findOne()).map(YearMonth::from);
    }

    /** Every fact source's id, in order of preference. */
    public List<String> sourceIds() {
        return jdbi.withHandle(h -> h.createQuery("select id from measure_source order by preference, id")
                .mapTo(String.class).list());
    }

    /** The members of a named group of forces ("England and Wales"). */
    public List<String> forceGroup(String name) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select force_code from measure_force_group where name = :n order by force_code")
                .bind("n", name).mapTo(String.class).list());
    }

    /** Territorial forces by code, with their names. */
    public Map<String, String> territorialForces() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("select code, name from opendata_force where territorial order by name")
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).forEach(r -> m.put(r[0], r[1])));
        return m;
    }

    /** The force area an area lies in (itself for a force). */
    public Optional<String> forceOf(Place.Area area) {
        String sql = switch (area.level()) {
            case FORCE -> "select :c";
            case BOROUGH -> "select force_code from borough where code = :c";
            case WARD -> "select b.force_code from ward w join borough b on b.code = w.borough_code where w.code = :c";
            case LSOA -> "select b.force_code from lsoa l join borough b on b.code = l.borough_code where l.code = :c";
        };
        return jdbi.withHandle(h -> h.createQuery(sql).bind("c", area.code()).mapTo(String.class).findOne());
    }

    /** The name Peel holds for an area, if any. */
    public Optional<String> areaName(Place.Level level, String code) {
        String table = switch (level) {
            case FORCE -> "opendata_force";
            case BOROUGH -> "borough";
            case WARD -> "ward";
            case LSOA -> "lsoa";
        };
        return jdbi.withHandle(h -> h.createQuery("select name from " + table + " where code = :c")
                .bind("c", code).mapTo(String.class).findOne());
    }

    /** Spans the source holds, of the records given, for these forces among those asked for. */
    public List<Covered> coverage(String source, String records, List<String> forces, List<YearMonth> spanEnds) {
        if (forces.isEmpty() || spanEnds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select force_code, span_to, no_borough, no_ward, no_lsoa from measure_coverage
                        where source = :s and records in ('all', :records) and force_code in (<forces>)
                          and span_to in (<ends>)""")
                .bind("s", source).bind("records", records).bindList("forces", forces)
                .bindList("ends", dates(spanEnds))
                .map((rs, ctx) -> new Covered(rs.getString(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list());
    }

    /**
     * The sum of facts of the offence group (and outcome group, if one) in the place over the spans ending at
     * {@code spanEnds}, for the forces given (a subset of a group's members, when some hold no data).
     */
    public double count(String source, String offenceGroup, String outcomeGroup, Place place, List<String> forces,
                       List<YearMonth> spanEnds) {
        return sum(filter(source, offenceGroup, outcomeGroup, place, forces, spanEnds));
    }

    /** How many of the offences counted carry any outcome: none means the source published no outcomes here. */
    public long withAnyOutcome(String source, String offenceGroup, Place place, List<String> forces,
                               List<YearMonth> spanEnds) {
        return (long) sum(anyOutcomeFilter(source, offenceGroup, place, forces, spanEnds));
    }

    /**
     * The count of the offence group (and outcome group, if one; only offences whose outcome falls in it, the rate's
     * numerator) in the place, as a definition that SQL here and the national jobs elsewhere both evaluate.
     */
    public FactFilter filter(String source, String offenceGroup, String outcomeGroup, Place place,
                             List<String> forces, List<YearMonth> spanEnds) {
        FactFilter.Outcomes outcomes = outcomeGroup == null ? new FactFilter.Outcomes.Any()
                : new FactFilter.Outcomes.In(java.util.Set.copyOf(jdbi.withHandle(h -> h.createQuery(
                        "select outcome from measure_outcome_category where source = :s and group_id = :og")
                .bind("s", source).bind("og", outcomeGroup).mapTo(String.class).list())));
        return filter(source, offenceGroup, outcomes, place, forces, spanEnds);
    }

    /** The offences of the group in the place that carry any outcome at all. */
    public FactFilter anyOutcomeFilter(String source, String offenceGroup, Place place, List<String> forces,
                                       List<YearMonth> spanEnds) {
        return filter(source, offenceGroup, new FactFilter.Outcomes.Present(), place, forces, spanEnds);
    }

    /** As {@link #filter(String, String, String, Place, List, List)}, from the catalogue rather than the tables. */
    public static FactFilter filter(Catalogue catalogue, String source, String offenceGroup, String outcomeGroup,
                                    Place place, List<String> forces, List<YearMonth> spanEnds) {
        FactFilter.Outcomes outcomes = outcomeGroup == null ? new FactFilter.Outcomes.Any()
                : new FactFilter.Outcomes.In(catalogue.outcomes().getOrDefault(List.of(source, outcomeGroup),
                java.util.Set.of()));
        return filter(catalogue.patterns().getOrDefault(List.of(source, offenceGroup), List.of()), source, outcomes,
                place, forces, spanEnds);
    }

    /** As {@link #anyOutcomeFilter}, from the catalogue. */
    public static FactFilter anyOutcomeFilter(Catalogue catalogue, String source, String offenceGroup, Place place,
                                              List<String> forces, List<YearMonth> spanEnds) {
        return filter(catalogue.patterns().getOrDefault(List.of(source, offenceGroup), List.of()), source,
                new FactFilter.Outcomes.Present(), place, forces, spanEnds);
    }

    private FactFilter filter(String source, String offenceGroup, FactFilter.Outcomes outcomes, Place place,
                              List<String> forces, List<YearMonth> spanEnds) {
        List<String> patterns = jdbi.withHandle(h -> h.createQuery(
                        "select pattern from measure_offence_category where source = :s and group_id = :g order by pattern")
                .bind("s", source).bind("g", offenceGroup).mapTo(String.class).list());
        return filter(patterns, source, outcomes, place, forces, spanEnds);
    }

    private static FactFilter filter(List<String> patterns, String source, FactFilter.Outcomes outcomes, Place place,
                                     List<String> forces, List<YearMonth> spanEnds) {
        List<java.time.LocalDate> ends = spanEnds.stream().map(m -> m.atDay(1)).toList();
        String column = placeColumn(place);
        return column == null
                ? new FactFilter(source, patterns, outcomes, ends, forces, null, null)
                : new FactFilter(source, patterns, outcomes, ends, List.of(), column, ((Place.Area) place).code());
    }

    /** The sum of the facts the count takes, in SQL over {@code measure_fact}: {@link FactFilter#counts} in SQL. */
    public double sum(FactFilter filter) {
        if (filter.patterns().isEmpty() || filter.spanEnds().isEmpty()
                || (filter.areaColumn() == null && filter.forces().isEmpty())
                || (filter.outcomes() instanceof FactFilter.Outcomes.In in && in.codes().isEmpty())) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("""
                select coalesce(sum(f.n), 0) as total
                from measure_fact f
                where f.source = :s and f.span_to in (<ends>) and f.category like any (array[<patterns>])
                """);
        if (filter.outcomes() instanceof FactFilter.Outcomes.Present) {
            sql.append(" and f.outcome <> ''");
        } else if (filter.outcomes() instanceof FactFilter.Outcomes.In) {
            sql.append(" and f.outcome <> '' and f.outcome in (<outcomes>)");
        }
        sql.append(filter.areaColumn() == null ? " and f.grain <> 'area' and f.force_code in (<forces>)"
                : " and f.grain <> 'force' and f." + filter.areaColumn() + " = :code");
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("s", filter.source())
                    .bindList("ends", filter.spanEnds().stream().map(Date::valueOf).toList())
                    .bindList("patterns", filter.patterns());
            if (filter.outcomes() instanceof FactFilter.Outcomes.In in) {
                q.bindList("outcomes", List.copyOf(in.codes()));
            }
            if (filter.areaColumn() == null) {
                q.bindList("forces", filter.forces());
            } else {
                q.bind("code", filter.areaCode());
            }
            return q.mapTo(Double.class).one();
        });
    }

    /**
     * Counts for one report that read each span of facts once: the first count over a source, span ends and place
     * reads those facts summed by category and outcome (a few hundred rows), and every count over the same span is
     * then added up from them by {@link FactFilter#takes}, the rule the SQL of {@link #sum} applies. Many indicators
     * share a span (offences recorded in the 12 months, for the force and for England and Wales), so a report reads
     * the facts a handful of times instead of once per count. Not for keeping: it would not see a later import.
     */
    public FactCounts grouped() {
        Map<List<Object>, List<Object[]>> read = new HashMap<>();
        return filter -> {
            if (nothingTaken(filter)) {
                return 0;
            }
            List<Object[]> rows = read.computeIfAbsent(java.util.Arrays.asList(filter.source(), filter.spanEnds(),
                    filter.forces(), filter.areaColumn(), filter.areaCode()), k -> byCategory(filter));
            double total = 0;
            for (Object[] r : rows) {
                if (filter.takes((String) r[0], (String) r[1])) {
                    total += (Double) r[2];
                }
            }
            return total;
        };
    }

    private static boolean nothingTaken(FactFilter filter) {
        return filter.patterns().isEmpty() || filter.spanEnds().isEmpty()
                || (filter.areaColumn() == null && filter.forces().isEmpty())
                || (filter.outcomes() instanceof FactFilter.Outcomes.In in && in.codes().isEmpty());
    }

    /** The facts of the filter's source, spans and place, summed by category and outcome. */
    private List<Object[]> byCategory(FactFilter filter) {
        String sql = "select f.category, f.outcome, sum(f.n)::float8 from measure_fact f"
                + " where f.source = :s and f.span_to in (<ends>)"
                + (filter.areaColumn() == null ? " and f.grain <> 'area' and f.force_code in (<forces>)"
                : " and f.grain <> 'force' and f." + filter.areaColumn() + " = :code")
                + " group by f.category, f.outcome";
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql).bind("s", filter.source())
                    .bindList("ends", filter.spanEnds().stream().map(Date::valueOf).toList());
            if (filter.areaColumn() == null) {
                q.bindList("forces", filter.forces());
            } else {
                q.bind("code", filter.areaCode());
            }
            return q.map((rs, ctx) -> new Object[]{rs.getString(1), rs.getString(2), rs.getDouble(3)}).list();
        });
    }

    /**
     * Every span the source holds of the records given, for these forces: a report reads it once for a place and
     * picks the spans each figure needs, as {@link #coverage(String, String, List, List)} would.
     */
    public List<Covered> coverage(String source, String records, List<String> forces) {
        if (forces.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select force_code, span_to, no_borough, no_ward, no_lsoa from measure_coverage
                        where source = :s and records in ('all', :records) and force_code in (<forces>)""")
                .bind("s", source).bind("records", records).bindList("forces", forces)
                .map((rs, ctx) -> new Covered(rs.getString(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list());
    }

    /**
     * The generation of the published data and the definitions: it moves on, to a value never used before, with every
     * change to a table a comparison group's figures are made from and with every {@link #refreshPoliceUk()}, in the
     * changing transaction (migration V490). Figures held under one generation are not used under another.
     */
    public long publicGeneration() {
        return jdbi.withHandle(h -> h.createQuery("select generation from measure_public_generation")
                .mapTo(Long.class).one());
    }

    /**
     * Brings the pre-aggregated police.uk facts up to date with the rows loaded, through the owner's function
     * (only a materialized view's owner may refresh it, and the application owns nothing), and moves the
     * {@link #publicGeneration()} on.
     */
    public void refreshPoliceUk() {
        jdbi.useHandle(h -> h.execute("select peel_refresh_police_uk_measures()"));
    }

    /**
     * The fact column that holds an area's code below force level; null for force areas and groups, which are
     * counted from the force totals over the forces given.
     */
    private static String placeColumn(Place place) {
        if (place instanceof Place.Area a) {
            return switch (a.level()) {
                case FORCE -> null;
                case BOROUGH -> "borough_code";
                case WARD -> "ward_code";
                case LSOA -> "lsoa_code";
            };
        }
        return null;
    }

    /**
     * For each area, the population (or, with {@code households}, the households) nearest the year: the latest at or
     * before it, else the earliest after; a figure given directly is preferred to one summed from finer areas.
     */
    public Map<String, Population> populations(Place.Level level, List<String> codes, int year, boolean households) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, Population> m = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select distinct on (area_code) area_code, year, population, households, households_year,
                               derived_from
                        from opendata_population
                        where level = :level and area_code in (<codes>) and (not :hh or households is not null)
                        order by area_code,
                                 (case when :hh then coalesce(households_year, year) else year end) <= :y desc,
                                 abs((case when :hh then coalesce(households_year, year) else year end) - :y),
                                 derived_from nulls first, file_id desc""")
                .bind("level", level.key()).bindList("codes", codes).bind("y", year).bind("hh", households)
                .map((rs, ctx) -> new Population(rs.getString("area_code"), rs.getInt("year"),
                        rs.getLong("population"), (Long) rs.getObject("households", Long.class),
                        (Integer) rs.getObject("households_year", Integer.class), rs.getString("derived_from")))
                .forEach(p -> m.put(p.areaCode(), p)));
        return m;
    }

    /** A population file loaded, with how many of its rows give households. */
    public record PopulationFile(String name, long rows, long withHouseholds) {
    }

    /** The population files loaded, by name. */
    public List<PopulationFile> populationFiles() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select f.name, count(p.*) as rows, count(p.households) as with_households
                        from opendata_file f
                        left join opendata_population p on p.file_id = f.id
                        where f.source = 'population'
                        group by f.name order by f.name""")
                .map((rs, ctx) -> new PopulationFile(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list());
    }

    private static List<Date> dates(List<YearMonth> months) {
        return months.stream().map(m -> Date.valueOf(m.atDay(1))).toList();
    }
}
