package org.peel.place;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.peel.common.CopyWriter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for the place tables: force areas, boroughs, wards and LSOAs, with boundaries stored as WKB (WGS84,
 * x = longitude). Writes are upserts that leave unchanged rows untouched, so an import run twice changes nothing the
 * second time, and they load through {@code COPY} so all of England and Wales takes seconds.
 */
public final class PlaceStore {

    /** WGS84; the factory every boundary Peel reads or builds is made with. */
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private static final RowMapper<Borough> BOROUGH = (rs, ctx) ->
            new Borough(rs.getString("code"), rs.getString("name"), rs.getString("force_code"));
    private static final RowMapper<Ward> WARD = (rs, ctx) ->
            new Ward(rs.getString("code"), rs.getString("name"), rs.getString("borough_code"));
    private static final RowMapper<Lsoa> LSOA = (rs, ctx) -> new Lsoa(rs.getString("code"), rs.getString("name"),
            rs.getString("ward_code"), rs.getString("borough_code"));

    private final Jdbi jdbi;

    public PlaceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** What an upsert did: rows added, rows changed; the rest of those offered were already as given. */
    public record Upserted(int offered, int inserted, int updated) {
        public int unchanged() {
            return offered - inserted - updated;
        }
    }

    // ---- writes: each must run inside the caller's transaction -------------------------------------------------

    public Upserted upsertForceAreas(Handle h, Collection<ForceArea> forces) {
        List<Object[]> rows = new ArrayList<>(forces.size());
        for (ForceArea f : forces) {
            rows.add(new Object[]{f.code(), f.name()});
        }
        return upsert(h, "force_area", List.of("code", "name"), rows);
    }

    /** Boroughs, with their boundary where {@code boundaries} has one (none clears a boundary held before). */
    public Upserted upsertBoroughs(Handle h, Collection<Borough> boroughs, Map<String, Geometry> boundaries) {
        List<Object[]> rows = new ArrayList<>(boroughs.size());
        for (Borough b : boroughs) {
            rows.add(new Object[]{b.code(), b.name(), b.forceCode(), wkb(boundaries.get(b.code()))});
        }
        return upsert(h, "borough", List.of("code", "name", "force_code", "boundary"), rows);
    }

    /**
     * Wards, with their boundary where {@code boundaries} has one, and {@code boundarySource} saying how it was
     * made (for example {@code dissolved-lsoa}) on those that have one.
     */
    public Upserted upsertWards(Handle h, Collection<Ward> wards, Map<String, Geometry> boundaries,
                                String boundarySource) {
        List<Object[]> rows = new ArrayList<>(wards.size());
        for (Ward w : wards) {
            Geometry boundary = boundaries.get(w.code());
            rows.add(new Object[]{w.code(), w.name(), w.boroughCode(), wkb(boundary),
                    boundary == null ? null : boundarySource});
        }
        return upsert(h, "ward", List.of("code", "name", "borough_code", "boundary", "boundary_source"), rows);
    }

    /** LSOAs with their boundary (where known) and centroid. The population column is left as it is. */
    public Upserted upsertLsoas(Handle h, Collection<LsoaArea> lsoas) {
        List<Object[]> rows = new ArrayList<>(lsoas.size());
        for (LsoaArea a : lsoas) {
            Lsoa l = a.lsoa();
            rows.add(new Object[]{l.code(), l.name(), l.wardCode(), l.boroughCode(), wkb(a.boundary()),
                    Double.isNaN(a.centroidLat()) ? null : a.centroidLat(),
                    Double.isNaN(a.centroidLon()) ? null : a.centroidLon()});
        }
        return upsert(h, "lsoa", List.of("code", "name", "ward_code", "borough_code", "boundary",
                "centroid_lat", "centroid_lon"), rows);
    }

    /**
     * COPY the rows into a temporary table shaped like the target, then one insert … on conflict that only touches
     * rows whose values differ, and reports (by {@code xmax = 0}) which rows were new.
     */
    private static Upserted upsert(Handle h, String table, List<String> columns, List<Object[]> rows) {
        if (!h.isInTransaction()) {
            throw new IllegalStateException("place upserts run inside a transaction");
        }
        String staging = "place_in_" + table;
        String cols = String.join(", ", columns);
        h.execute("drop table if exists " + staging);
        h.execute("create temporary table " + staging + " on commit drop as select " + cols + " from " + table
                + " with no data");
        copyIn(h, staging, columns, rows);
        List<String> updatable = columns.subList(1, columns.size());
        String set = String.join(", ", updatable.stream().map(c -> c + " = excluded." + c).toList());
        String mine = String.join(", ", updatable.stream().map(c -> table + "." + c).toList());
        String theirs = String.join(", ", updatable.stream().map(c -> "excluded." + c).toList());
        String sql = "with up as (insert into " + table + " (" + cols + ") select " + cols + " from " + staging
                + " on conflict (code) do update set " + set
                + " where (" + mine + ") is distinct from (" + theirs + ")"
                + " returning (xmax = 0) as inserted)"
                + " select count(*) filter (where inserted) as inserted,"
                + " count(*) filter (where not inserted) as updated from up";
        return h.createQuery(sql).map((rs, ctx) ->
                new Upserted(rows.size(), rs.getInt("inserted"), rs.getInt("updated"))).one();
    }

    private static void copyIn(Handle h, String table, List<String> columns, List<Object[]> rows) {
        try (CopyWriter copy = CopyWriter.open(h, table, columns)) {
            for (Object[] row : rows) {
                copy.row(row);
            }
            copy.finish();
        }
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    public List<ForceArea> forceAreas() {
        return jdbi.withHandle(h -> h.createQuery("select code, name from force_area order by code")
                .map((rs, ctx) -> new ForceArea(rs.getString("code"), rs.getString("name"))).list());
    }

    /** Every borough, by code, with how many wards and LSOAs it holds. */
    public List<BoroughSummary> boroughs() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select b.code, b.name, b.force_code,
                               (select count(*) from ward w where w.borough_code = b.code) as wards,
                               (select count(*) from lsoa l where l.borough_code = b.code) as lsoas
                        from borough b order by b.code""")
                .map((rs, ctx) -> new BoroughSummary(BOROUGH.map(rs, ctx), rs.getInt("wards"), rs.getInt("lsoas")))
                .list());
    }

    /**
     * The boroughs of the force Peel serves, by name, code to name: those of the force whose boroughs Peel holds most
     * of (as the ward list and the hotspot map choose it); every borough held when none has a force. For choosing a
     * borough on a list or form, so that a force-wide user is not offered all of England and Wales.
     */
    public Map<String, String> ownForceBoroughNames() {
        return jdbi.withHandle(h -> {
            Map<String, String> names = new LinkedHashMap<>();
            h.createQuery("""
                            with own as (select force_code from borough where force_code is not null
                                         group by force_code order by count(*) desc, force_code limit 1)
                            select b.code, b.name from borough b
                            where b.force_code = (select force_code from own) or not exists (select 1 from own)
                            order by b.name, b.code""")
                    .map((rs, ctx) -> Map.entry(rs.getString("code"), rs.getString("name")))
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
            return names;
        });
    }

    public Optional<Borough> borough(String code) {
        return jdbi.withHandle(h -> h.createQuery("select code, name, force_code from borough where code = :c")
                .bind("c", code).map(BOROUGH).findOne());
    }

    public List<Ward> wardsIn(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select code, name, borough_code from ward where borough_code = :b order by name, code")
                .bind("b", boroughCode).map(WARD).list());
    }

    public Optional<Ward> ward(String code) {
        return jdbi.withHandle(h -> h.createQuery("select code, name, borough_code from ward where code = :c")
                .bind("c", code).map(WARD).findOne());
    }

    public List<Lsoa> lsoasIn(String wardCode) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select code, name, ward_code, borough_code from lsoa where ward_code = :w order by code")
                .bind("w", wardCode).map(LSOA).list());
    }

    public Optional<Lsoa> lsoa(String code) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select code, name, ward_code, borough_code from lsoa where code = :c")
                .bind("c", code).map(LSOA).findOne());
    }

    /** The ward's boundary, if Peel holds one. */
    public Optional<Geometry> wardBoundary(String code) {
        return jdbi.withHandle(h -> h.createQuery("select boundary from ward where code = :c and boundary is not null")
                .bind("c", code).map((rs, ctx) -> geometry(rs.getBytes(1))).findOne());
    }

    /** The borough's boundary, if Peel holds one. */
    public Optional<Geometry> boroughBoundary(String code) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select boundary from borough where code = :c and boundary is not null")
                .bind("c", code).map((rs, ctx) -> geometry(rs.getBytes(1))).findOne());
    }

    /**
     * Which boroughs share a border: from the borough boundaries Peel holds, with London's built-in table for
     * boroughs that have none ({@link BoroughAdjacency#withBuiltIn}).
     */
    public BoroughAdjacency boroughAdjacency() {
        return jdbi.withHandle(this::boroughAdjacency);
    }

    /** As {@link #boroughAdjacency()}, on the caller's handle. */
    public BoroughAdjacency boroughAdjacency(Handle h) {
        Map<String, Geometry> boundaries = new java.util.TreeMap<>();
        h.createQuery("select code, boundary from borough where boundary is not null order by code")
                .map((rs, ctx) -> Map.entry(rs.getString(1), geometry(rs.getBytes(2))))
                .forEach(e -> boundaries.put(e.getKey(), e.getValue()));
        return BoroughAdjacency.withBuiltIn(boundaries);
    }

    /** Boundaries of the wards of a borough that has them, by ward code (for its map). */
    public Map<String, Geometry> wardBoundariesIn(String boroughCode) {
        Map<String, Geometry> out = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "select code, boundary from ward where borough_code = :b and boundary is not null order by code")
                .bind("b", boroughCode)
                .map((rs, ctx) -> Map.entry(rs.getString(1), geometry(rs.getBytes(2))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Boundaries of the LSOAs of a ward that has them, by LSOA code (for its map). */
    public Map<String, Geometry> lsoaBoundariesIn(String wardCode) {
        Map<String, Geometry> out = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "select code, boundary from lsoa where ward_code = :w and boundary is not null order by code")
                .bind("w", wardCode)
                .map((rs, ctx) -> Map.entry(rs.getString(1), geometry(rs.getBytes(2))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    public PlaceCounts counts() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select (select count(*) from force_area) as forces,
                               (select count(*) from borough) as boroughs,
                               (select count(*) from borough where boundary is not null) as boroughs_bounded,
                               (select count(*) from ward) as wards,
                               (select count(*) from ward where boundary is not null) as wards_bounded,
                               (select count(*) from lsoa) as lsoas,
                               (select count(*) from lsoa where boundary is not null) as lsoas_bounded,
                               (select count(*) from lsoa where centroid_lat is not null) as lsoas_centroid""")
                .map((rs, ctx) -> new PlaceCounts(rs.getInt("forces"), rs.getInt("boroughs"),
                        rs.getInt("boroughs_bounded"), rs.getInt("wards"), rs.getInt("wards_bounded"),
                        rs.getInt("lsoas"), rs.getInt("lsoas_bounded"), rs.getInt("lsoas_centroid")))
                .one());
    }

    /** Every LSOA Peel can place a point in: those with a boundary or a centroid. Builds an {@link AreaIndex}. */
    public List<LsoaArea> lsoaAreas() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select code, name, ward_code, borough_code, boundary, centroid_lat, centroid_lon
                        from lsoa where boundary is not null or centroid_lat is not null order by code""")
                .setFetchSize(5_000)
                .map((rs, ctx) -> {
                    Geometry boundary = geometry(rs.getBytes("boundary"));
                    double lat = rs.getDouble("centroid_lat");
                    boolean noCentroid = rs.wasNull();
                    double lon = rs.getDouble("centroid_lon");
                    if (noCentroid) {
                        org.locationtech.jts.geom.Point c = boundary.getInteriorPoint();
                        lat = c.getY();
                        lon = c.getX();
                    }
                    return new LsoaArea(LSOA.map(rs, ctx), boundary, lat, lon);
                })
                .list());
    }

    static byte[] wkb(Geometry g) {
        return g == null ? null : new WKBWriter(2).write(g);
    }

    static Geometry geometry(byte[] wkb) {
        if (wkb == null) {
            return null;
        }
        try {
            return new WKBReader(WGS84).read(wkb);
        } catch (ParseException ex) {
            throw new IllegalStateException("a stored boundary is not valid WKB: " + ex.getMessage(), ex);
        }
    }

    // ---- postcodes ---------------------------------------------------------------------------------------------

    private static final java.util.regex.Pattern POSTCODE =
            java.util.regex.Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}");

    /**
     * A UK postcode as the lookup holds it (upper case, one space before the inward code, {@code sw1a2aa} →
     * {@code SW1A 2AA}), or null when the text is not shaped like a full postcode.
     */
    public static String normalisePostcode(String text) {
        if (text == null) {
            return null;
        }
        String compact = text.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
        if (!POSTCODE.matcher(compact).matches()) {
            return null;
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    /**
     * The ward a postcode lies in, when the postcode directory holds it (any spacing or case); a terminated postcode
     * still finds its ward, as an address recorded before it ended still lies there.
     */
    public Optional<Ward> wardOfPostcode(String postcode) {
        String pc = normalisePostcode(postcode);
        if (pc == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select w.code, w.name, w.borough_code from place_postcode p join ward w on w.code = p.ward_code
                        where p.postcode = :pc""")
                .bind("pc", pc).map((rs, ctx) -> new Ward(rs.getString(1), rs.getString(2), rs.getString(3)))
                .findOne());
    }

    /** A postcode as the directory holds it: its ward, and the month it was terminated (null while live). */
    public record Postcode(String postcode, Ward ward, String lsoaCode, java.time.LocalDate terminatedOn) {
        public boolean terminated() {
            return terminatedOn != null;
        }
    }

    /** A postcode (any spacing or case) as the directory holds it, live or terminated. */
    public Optional<Postcode> postcode(String text) {
        String pc = normalisePostcode(text);
        if (pc == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select p.postcode, w.code, w.name, w.borough_code, p.lsoa_code, p.terminated_on
                        from place_postcode p join ward w on w.code = p.ward_code where p.postcode = :pc""")
                .bind("pc", pc).map((rs, ctx) -> new Postcode(rs.getString(1),
                        new Ward(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getString(5),
                        rs.getObject(6, java.time.LocalDate.class)))
                .findOne());
    }

    private static final java.util.regex.Pattern POSTCODE_IN_TEXT =
            java.util.regex.Pattern.compile("\\b([A-Z]{1,2}[0-9][0-9A-Z]?)\\s*([0-9][A-Z]{2})\\b");

    /** The last thing shaped like a full postcode in an address as typed ({@code 10 High St, sw1a 2aa}), normalised; or null. */
    public static String postcodeIn(String address) {
        if (address == null) {
            return null;
        }
        java.util.regex.Matcher m = POSTCODE_IN_TEXT.matcher(address.toUpperCase(java.util.Locale.ROOT));
        String found = null;
        while (m.find()) {
            found = normalisePostcode(m.group(1) + m.group(2));
        }
        return found;
    }

    /**
     * Where a postcode lies: its ward, LSOA and borough, and a point (the directory's own, else its LSOA's centroid,
     * else the mean of its ward's LSOA centroids), when the postcode directory holds it.
     */
    public Optional<PostcodePlace> placeOfPostcode(String postcode) {
        String pc = normalisePostcode(postcode);
        if (pc == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select p.postcode, w.code as ward, w.name as ward_name, p.lsoa_code, w.borough_code,
                               coalesce(p.latitude, l.centroid_lat,
                                        (select avg(x.centroid_lat) from lsoa x where x.ward_code = w.code)) as lat,
                               coalesce(p.longitude, l.centroid_lon,
                                        (select avg(x.centroid_lon) from lsoa x where x.ward_code = w.code)) as lon
                        from place_postcode p join ward w on w.code = p.ward_code
                        left join lsoa l on l.code = p.lsoa_code
                        where p.postcode = :pc""")
                .bind("pc", pc)
                .map((rs, ctx) -> new PostcodePlace(rs.getString("postcode"), rs.getString("ward"),
                        rs.getString("ward_name"), rs.getString("lsoa_code"), rs.getString("borough_code"),
                        rs.getObject("lat") == null ? null : ((Number) rs.getObject("lat")).doubleValue(),
                        rs.getObject("lon") == null ? null : ((Number) rs.getObject("lon")).doubleValue()))
                .findOne());
    }

    /**
     * Adds a postcode to the directory (a postcode directory's row, or a synthetic force's address); a postcode
     * already held keeps its ward. False when it was held or is not a postcode.
     */
    public boolean addPostcode(Handle h, String postcode, String wardCode, String lsoaCode, String source) {
        String pc = normalisePostcode(postcode);
        return pc != null && h.createUpdate("""
                        insert into place_postcode (postcode, ward_code, lsoa_code, source) values (:pc, :w, :l, :s)
                        on conflict (postcode) do nothing""")
                .bind("pc", pc).bind("w", wardCode).bind("l", lsoaCode).bind("s", source).execute() == 1;
    }
}
