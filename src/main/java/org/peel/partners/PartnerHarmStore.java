package org.peel.partners;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.DataCategory;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.common.CsvRecords;
import org.peel.place.PlaceStore;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Partner data that finds harm: bulk files of assaults a partner saw, loaded under an active sharing agreement, linked
 * to the police's recorded violence (read through {@code investigation_crime_published} and the people kernel's
 * victim records) by {@link HarmLinkage}, and counted per ward.
 */
public final class PartnerHarmStore {

    /** The offence groups an assault a partner saw would be recorded under. */
    static final List<String> VIOLENCE = List.of("Violence with injury", "Violence without injury", "Homicide");

    /** The kinds of file a partner sends. */
    public enum Source {
        AMBULANCE("ambulance", "Ambulance call-outs for assaults"),
        EMERGENCY_DEPARTMENT("emergency-department", "Emergency department assault attendances");

        private final String slug;
        private final String title;

        Source(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }

        public static Source fromSlug(String text) {
            for (Source s : values()) {
                if (s.slug.equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("the source is ambulance or emergency-department, not '" + text + "'");
        }
    }

    /** One row as read, before it is placed. */
    record Row(long line, String reference, Instant at, String postcode, Double latitude, Double longitude,
               String injury, Integer age, String sex) {
    }

    /** A file's outcome. */
    public record Imported(String file, int rowsRead, int added, int alreadyHeld, int unplaced) {
    }

    /** A ward's line: partner incidents, those matched to a crime, the rest, the police's violence, and the share. */
    public record WardLine(String wardCode, String wardName, String boroughCode, int partnerIncidents, int reported,
                           int unreported, int policeViolence) {
        /** Likely unreported incidents as a share of all violence known: recorded crimes plus these. */
        public double unreportedShare() {
            int all = policeViolence + unreported;
            return all == 0 ? 0 : (double) unreported / all;
        }
    }

    /** The columns a file has; {@code latitude}/{@code longitude} or {@code postcode} place each row. */
    public static final List<String> COLUMNS = List.of("reference", "occurred_at", "postcode", "latitude", "longitude",
            "injury", "age", "sex");

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;

    public PartnerHarmStore(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Loads one file in one transaction: every row is checked first and any bad row stops the file (nothing saved),
     * named by file, line and field; rows whose reference the organisation sent before are left as they are.
     * Refused unless the agreement is active today, names the organisation and covers health data.
     */
    public Imported importFile(User by, String file, InputStream in, Source source, String organisationId,
                               String agreementId) {
        SharingAgreement agreement = new SharingStore(jdbi, audit, clock).agreement(agreementId)
                .orElseThrow(() -> new IllegalArgumentException("there is no information-sharing agreement "
                        + agreementId));
        LocalDate today = LocalDate.now(clock);
        if (!agreement.activeOn(today)) {
            throw new IllegalArgumentException("agreement " + agreementId + " is " + agreement.statusOn(today)
                    .name().toLowerCase(Locale.ROOT).replace('_', ' ') + " on " + today + ": nothing imported");
        }
        if (!agreement.covers(organisationId)) {
            throw new IllegalArgumentException("agreement " + agreementId + " does not name " + organisationId
                    + ": nothing imported");
        }
        if (!agreement.categories().containsAll(Set.of(DataCategory.HEALTH, DataCategory.INCIDENT))) {
            throw new IllegalArgumentException("agreement " + agreementId + " does not cover injuries and health"
                    + " information with incidents: nothing imported");
        }
        List<Row> rows = read(file, in);
        return jdbi.inTransaction(h -> {
            Places places = Places.load(h);
            long fileId = h.createUpdate("""
                            insert into partner_harm_file (file_name, source, organisation_id, agreement_id, rows_read,
                                                           rows_added, imported_at, imported_by)
                            values (:f, :s, :o, :a, :n, 0, :at, :by)""")
                    .bind("f", file).bind("s", source.slug()).bind("o", organisationId).bind("a", agreementId)
                    .bind("n", rows.size()).bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .bind("by", by == null ? "cli" : by.username())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int added = 0;
            int unplaced = 0;
            var insert = h.prepareBatch("""
                    insert into partner_harm_incident (file_id, organisation_id, source, reference, occurred_at,
                                                       postcode, latitude, longitude, ward_code, borough_code, injury,
                                                       age, sex)
                    values (:file, :o, :s, :ref, :at, :pc, :lat, :lon, :ward, :borough, :injury, :age, :sex)
                    on conflict (organisation_id, reference) do nothing""");
            for (Row r : rows) {
                String[] ward = places.wardOf(r);
                if (ward == null) {
                    unplaced++;
                }
                insert.bind("file", fileId).bind("o", organisationId).bind("s", source.slug())
                        .bind("ref", r.reference()).bind("at", OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC))
                        .bind("pc", r.postcode()).bind("lat", r.latitude()).bind("lon", r.longitude())
                        .bind("ward", ward == null ? null : ward[0]).bind("borough", ward == null ? null : ward[1])
                        .bind("injury", r.injury()).bind("age", r.age()).bind("sex", r.sex()).add();
            }
            if (!rows.isEmpty()) {
                for (int n : insert.execute()) {
                    added += n;
                }
            }
            h.createUpdate("update partner_harm_file set rows_added = :n where id = :id")
                    .bind("n", added).bind("id", fileId).execute();
            // counts only: the rows are health data and never enter the audit trail
            audit.record(h, AuditEvent.by(by, "import", "partner_harm_file", Long.toString(fileId), AuditEvent.SUCCESS)
                    .asUser(by == null ? "cli" : by.username())
                    .because("finding violence not reported to the police")
                    .detail(source.slug() + " file from " + organisationId + " under " + agreementId + ": " + rows.size()
                            + " rows, " + added + " added, " + (rows.size() - added) + " already held"));
            return new Imported(file, rows.size(), added, rows.size() - added, unplaced);
        });
    }

    /** Every row checked; the first bad one is thrown, saying how many more there are. */
    static List<Row> read(String file, InputStream in) {
        List<Row> rows = new ArrayList<>();
        List<BadInput> bad = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (CsvRecords csv = new CsvRecords(in, file)) {
            int ref = csv.column("reference");
            int at = csv.column("occurred_at");
            int injury = csv.column("injury");
            int pc = csv.has("postcode") ? csv.column("postcode") : -1;
            int lat = csv.has("latitude") ? csv.column("latitude") : -1;
            int lon = csv.has("longitude") ? csv.column("longitude") : -1;
            int age = csv.has("age") ? csv.column("age") : -1;
            int sex = csv.has("sex") ? csv.column("sex") : -1;
            if (pc < 0 && (lat < 0 || lon < 0)) {
                throw csv.bad(null, "the file needs a postcode column or latitude and longitude columns");
            }
            String[] f;
            while ((f = csv.next()) != null) {
                try {
                    String reference = required(csv, f, ref, "reference");
                    Long earlier = seen.putIfAbsent(reference, csv.line());
                    if (earlier != null) {
                        throw csv.bad("reference", "the same reference as line " + earlier);
                    }
                    Instant when = time(csv, required(csv, f, at, "occurred_at"));
                    String postcode = null;
                    String pcText = value(f, pc);
                    if (pcText != null) {
                        postcode = PlaceStore.normalisePostcode(pcText);
                        if (postcode == null) {
                            throw csv.bad("postcode", CsvRecords.excerpt(pcText) + " is not a postcode");
                        }
                    }
                    Double latitude = decimal(csv, value(f, lat), "latitude", -90, 90);
                    Double longitude = decimal(csv, value(f, lon), "longitude", -180, 180);
                    if ((latitude == null) != (longitude == null)) {
                        throw csv.bad(latitude == null ? "latitude" : "longitude",
                                "a point needs both latitude and longitude");
                    }
                    if (postcode == null && latitude == null) {
                        throw csv.bad("postcode", "the row has neither a postcode nor a latitude and longitude");
                    }
                    String ageText = value(f, age);
                    Integer years = null;
                    if (ageText != null) {
                        try {
                            years = Integer.parseInt(ageText);
                        } catch (NumberFormatException ex) {
                            throw csv.bad("age", CsvRecords.excerpt(ageText) + " is not a whole number of years");
                        }
                        if (years < 0 || years > 120) {
                            throw csv.bad("age", years + " is not an age (0 to 120)");
                        }
                    }
                    String sexText = value(f, sex);
                    String s = null;
                    if (sexText != null) {
                        s = switch (sexText.toUpperCase(Locale.ROOT)) {
                            case "F", "FEMALE" -> "F";
                            case "M", "MALE" -> "M";
                            case "U", "UNKNOWN", "NOT KNOWN" -> null;
                            default -> throw csv.bad("sex", CsvRecords.excerpt(sexText) + " is not F, M or U");
                        };
                    }
                    rows.add(new Row(csv.line(), reference, when, postcode, latitude, longitude,
                            required(csv, f, injury, "injury"), years, s));
                } catch (BadInput b) {
                    bad.add(b);
                }
            }
        }
        if (!bad.isEmpty()) {
            BadInput first = bad.get(0);
            throw new BadInput(first.source(), first.line(), first.field(), first.getMessage()
                    .substring(first.getMessage().indexOf(": ") + 2) + (bad.size() == 1 ? ""
                    : " (and " + (bad.size() - 1) + " more bad rows, the next at line " + bad.get(1).line()
                    + "); nothing imported"));
        }
        return rows;
    }

    private static String value(String[] f, int i) {
        if (i < 0 || i >= f.length) {
            return null;
        }
        String v = f[i].strip();
        return v.isEmpty() ? null : v;
    }

    private static String required(CsvRecords csv, String[] f, int i, String field) {
        String v = value(f, i);
        if (v == null) {
            throw csv.bad(field, "is empty");
        }
        return v;
    }

    private static Instant time(CsvRecords csv, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ex) {
                throw csv.bad("occurred_at", CsvRecords.excerpt(text) + " is not a date and time (YYYY-MM-DDTHH:MM)");
            }
        }
    }

    private static Double decimal(CsvRecords csv, String text, String field, double min, double max) {
        if (text == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(text);
            if (v < min || v > max || Double.isNaN(v)) {
                throw csv.bad(field, text + " is out of range (" + (int) min + " to " + (int) max + ")");
            }
            return v;
        } catch (NumberFormatException ex) {
            throw csv.bad(field, CsvRecords.excerpt(text) + " is not a number");
        }
    }

    /** Postcodes and LSOA centroids, to place each row in a ward: by its postcode, else its nearest LSOA's ward. */
    record Places(Map<String, String[]> postcodes, List<double[]> centroids, List<String[]> centroidWards) {
        static Places load(Handle h) {
            Map<String, String[]> postcodes = new HashMap<>();
            h.createQuery("select p.postcode, w.code, w.borough_code from place_postcode p join ward w on w.code = p.ward_code")
                    .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(r -> postcodes.put(r[0], new String[]{r[1], r[2]}));
            List<double[]> centroids = new ArrayList<>();
            List<String[]> wards = new ArrayList<>();
            h.createQuery("""
                            select l.centroid_lat, l.centroid_lon, w.code, w.borough_code from lsoa l
                            join ward w on w.code = l.ward_code where l.centroid_lat is not null""")
                    .map((rs, ctx) -> new Object[]{rs.getDouble(1), rs.getDouble(2), rs.getString(3), rs.getString(4)})
                    .forEach(r -> {
                        centroids.add(new double[]{(Double) r[0], (Double) r[1]});
                        wards.add(new String[]{(String) r[2], (String) r[3]});
                    });
            return new Places(postcodes, centroids, wards);
        }

        String[] wardOf(Row r) {
            if (r.postcode() != null && postcodes.containsKey(r.postcode())) {
                return postcodes.get(r.postcode());
            }
            if (r.latitude() == null || centroids.isEmpty()) {
                return null;
            }
            int best = -1;
            double bestMetres = Double.MAX_VALUE;
            for (int i = 0; i < centroids.size(); i++) {
                double m = HarmLinkage.metresBetween(r.latitude(), r.longitude(), centroids.get(i)[0], centroids.get(i)[1]);
                if (m < bestMetres) {
                    bestMetres = m;
                    best = i;
                }
            }
            // a point more than 3 km from every LSOA centre Peel holds lies outside the force
            return bestMetres <= 3000 ? centroidWards.get(best) : null;
        }
    }

    /**
     * Links every partner incident to the police's recorded violence by {@link HarmLinkage}, replacing the previous
     * linkage; returns how many incidents were linked and how many were likely unreported.
     */
    public int[] link(HarmLinkage.Settings settings) {
        return jdbi.inTransaction(h -> {
            List<HarmLinkage.PartnerIncident> incidents = h.createQuery("""
                            select id, occurred_at, latitude, longitude, ward_code, age, sex from partner_harm_incident
                            order by occurred_at, id""")
                    .map((rs, ctx) -> new HarmLinkage.PartnerIncident(rs.getLong("id"),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                            rs.getString("ward_code"), (Integer) rs.getObject("age"), rs.getString("sex"))).list();
            if (incidents.isEmpty()) {
                return new int[]{0, 0};
            }
            Instant from = incidents.get(0).at().minus(settings.window());
            Instant to = incidents.get(incidents.size() - 1).at().plus(settings.window());
            Map<String, List<HarmLinkage.Victim>> victims = new HashMap<>();
            // victims' sex and date of birth only, through the people kernel, to compare with the partner's patient
            h.createQuery("""
                            select r.source_id, r.sex, r.date_of_birth from person_record r
                            join investigation_crime_published c on c.id = r.source_id
                            where r.source_type = 'crime' and r.role = 'victim' and c.offence_group in (<groups>)
                              and c.committed_at between :from and :to""")
                    .bindList("groups", VIOLENCE).bind("from", utc(from)).bind("to", utc(to))
                    .map((rs, ctx) -> new Object[]{rs.getString(1), rs.getString(2),
                            rs.getObject(3, LocalDate.class)})
                    .forEach(r -> victims.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                            .add(new HarmLinkage.Victim((String) r[1], (LocalDate) r[2])));
            List<HarmLinkage.PoliceViolence> crimes = h.createQuery("""
                            select id, committed_at, latitude, longitude, ward_code from investigation_crime_published
                            where offence_group in (<groups>) and committed_at between :from and :to
                            order by committed_at, id""")
                    .bindList("groups", VIOLENCE).bind("from", utc(from)).bind("to", utc(to))
                    .map((rs, ctx) -> new HarmLinkage.PoliceViolence(rs.getString("id"),
                            rs.getObject("committed_at", OffsetDateTime.class).toInstant(),
                            (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                            rs.getString("ward_code"), victims.getOrDefault(rs.getString("id"), List.of()))).list();
            var upsert = h.prepareBatch("""
                    insert into partner_harm_link (incident_id, crime_id, reported, reason, rule_version, linked_at)
                    values (:i, :c, :r, :why, :v, :at)
                    on conflict (incident_id) do update set crime_id = excluded.crime_id, reported = excluded.reported,
                        reason = excluded.reason, rule_version = excluded.rule_version, linked_at = excluded.linked_at""");
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            int start = 0;
            int unreported = 0;
            for (HarmLinkage.PartnerIncident i : incidents) {
                // incidents and crimes are both in time order: the window's start only moves forward
                while (start < crimes.size() && crimes.get(start).committedAt().isBefore(i.at().minus(settings.window()))) {
                    start++;
                }
                int end = start;
                Instant last = i.at().plus(settings.window());
                while (end < crimes.size() && !crimes.get(end).committedAt().isAfter(last)) {
                    end++;
                }
                HarmLinkage.Decision d = HarmLinkage.decide(i, crimes.subList(start, end), settings);
                if (!d.reported()) {
                    unreported++;
                }
                upsert.bind("i", i.id()).bind("c", d.crimeId()).bind("r", d.reported())
                        .bind("why", String.join("; ", d.reasons())).bind("v", d.ruleVersion()).bind("at", now).add();
            }
            upsert.execute();
            return new int[]{incidents.size(), unreported};
        });
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    /**
     * Per ward, over partner incidents from {@code from} to {@code to} inclusive: those the partners saw, those
     * matched to a crime, those likely unreported, and the police's recorded violence in the same days; in one
     * borough when {@code borough} is not null. Wards with the most likely unreported first.
     */
    public List<WardLine> byWard(LocalDate from, LocalDate to, String borough) {
        return jdbi.withHandle(h -> h.createQuery("""
                        with partner as (
                            select i.ward_code, count(*) as seen, count(*) filter (where l.reported) as reported,
                                   count(*) filter (where not l.reported) as unreported
                            from partner_harm_incident i join partner_harm_link l on l.incident_id = i.id
                            where i.ward_code is not null and i.occurred_at >= :from and i.occurred_at < :to
                            group by i.ward_code),
                        police as (
                            select ward_code, count(*) as violence from investigation_crime_published
                            where offence_group in (<groups>) and committed_at >= :from and committed_at < :to
                              and ward_code in (select ward_code from partner)
                            group by ward_code)
                        select p.ward_code, w.name, w.borough_code, p.seen, p.reported, p.unreported,
                               coalesce(v.violence, 0) as violence
                        from partner p join ward w on w.code = p.ward_code left join police v on v.ward_code = p.ward_code
                        where (cast(:borough as text) is null or w.borough_code = :borough)
                        order by p.unreported desc, w.name""")
                .bind("from", from.atStartOfDay().atOffset(ZoneOffset.UTC))
                .bind("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .bindList("groups", VIOLENCE).bind("borough", borough)
                .map((rs, ctx) -> new WardLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7))).list());
    }

    /** The span of partner incidents held, or empty when none. */
    public Optional<LocalDate[]> span() {
        return jdbi.withHandle(h -> h.createQuery("select min(occurred_at), max(occurred_at) from partner_harm_incident")
                .map((rs, ctx) -> rs.getObject(1) == null ? null : new LocalDate[]{
                        rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
                        rs.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()})
                .findOne());
    }

    /** Totals over the ward lines, for the page's and the command's summary. */
    public static Map<String, Object> totals(List<WardLine> lines) {
        int seen = lines.stream().mapToInt(WardLine::partnerIncidents).sum();
        int reported = lines.stream().mapToInt(WardLine::reported).sum();
        int unreported = lines.stream().mapToInt(WardLine::unreported).sum();
        int police = lines.stream().mapToInt(WardLine::policeViolence).sum();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partner_incidents", seen);
        m.put("reported", reported);
        m.put("likely_unreported", unreported);
        m.put("police_violence", police);
        m.put("unreported_share", police + unreported == 0 ? 0.0
                : Math.round(1000.0 * unreported / (police + unreported)) / 1000.0);
        return m;
    }
}
