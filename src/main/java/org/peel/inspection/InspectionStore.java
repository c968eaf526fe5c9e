package org.peel.inspection;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The inspection's own tables: judgements, areas for improvement, case-file samples and reviews, and notes. Crimes
 * are read only through investigation's published view.
 */
public final class InspectionStore {

    private final Jdbi jdbi;

    public InspectionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    private static java.sql.Date day(YearMonth yearTo) {
        return java.sql.Date.valueOf(yearTo.atEndOfMonth());
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Records a judgement; the latest of a question is its judgement, the earlier ones its history. */
    public String judge(Handle h, String forceCode, YearMonth yearTo, String question, Grade grade, String reasons,
                        String evidence, String by, Instant at) {
        String id = "J-" + UUID.randomUUID();
        h.createUpdate("""
                        insert into inspection_judgement (id, force_code, year_to, question, grade, reasons, evidence,
                                                          recorded_by, recorded_at)
                        values (:id, :f, :y, :q, :g, :r, :e, :by, :at)""")
                .bind("id", id).bind("f", forceCode).bind("y", day(yearTo)).bind("q", question)
                .bind("g", grade.key()).bind("r", reasons).bind("e", evidence).bind("by", by)
                .bind("at", Timestamp.from(at)).execute();
        return id;
    }

    /** The current judgement of each question judged (and "overall"), by question. */
    public Map<String, Judgement> judgements(String forceCode, YearMonth yearTo) {
        Map<String, Judgement> m = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select distinct on (question) * from inspection_judgement
                        where force_code = :f and year_to = :y
                        order by question, recorded_at desc, id""")
                .bind("f", forceCode).bind("y", day(yearTo))
                .map((rs, ctx) -> new Judgement(rs.getString("id"), rs.getString("question"),
                        Grade.of(rs.getString("grade")).orElseThrow(), rs.getString("reasons"),
                        rs.getString("evidence"), rs.getString("recorded_by"), instant(rs, "recorded_at")))
                .forEach(j -> m.put(j.question(), j)));
        return m;
    }

    /** Every judgement of a question, newest first: how the current one was reached. */
    public List<Judgement> history(String forceCode, YearMonth yearTo, String question) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from inspection_judgement where force_code = :f and year_to = :y and question = :q
                        order by recorded_at desc, id""")
                .bind("f", forceCode).bind("y", day(yearTo)).bind("q", question)
                .map((rs, ctx) -> new Judgement(rs.getString("id"), rs.getString("question"),
                        Grade.of(rs.getString("grade")).orElseThrow(), rs.getString("reasons"),
                        rs.getString("evidence"), rs.getString("recorded_by"), instant(rs, "recorded_at")))
                .list());
    }

    public String raise(Handle h, String forceCode, YearMonth yearTo, String question, String area, String action,
                        String owner, LocalDate due, String by, Instant at) {
        String id = "AFI-" + UUID.randomUUID().toString().substring(0, 8);
        h.createUpdate("""
                        insert into inspection_improvement (id, force_code, year_to, question, area, action, owner,
                                                            due_on, raised_by, raised_at)
                        values (:id, :f, :y, :q, :area, :action, :owner, :due, :by, :at)""")
                .bind("id", id).bind("f", forceCode).bind("y", day(yearTo)).bind("q", question).bind("area", area)
                .bind("action", action).bind("owner", owner).bind("due", due).bind("by", by)
                .bind("at", Timestamp.from(at)).execute();
        return id;
    }

    /** Closes an open area for improvement on the evidence given; false when it is not open (or not there). */
    public boolean close(Handle h, String id, String evidence, String by, Instant at) {
        return h.createUpdate("""
                        update inspection_improvement set closing_evidence = :e, closed_by = :by, closed_at = :at
                        where id = :id and closed_at is null""")
                .bind("id", id).bind("e", evidence).bind("by", by).bind("at", Timestamp.from(at)).execute() == 1;
    }

    public Optional<Improvement> improvement(String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from inspection_improvement where id = :id")
                .bind("id", id).map((rs, ctx) -> improvement(rs)).findOne());
    }

    /** The force's areas for improvement for the period, open first, then by due date. */
    public List<Improvement> improvements(String forceCode, YearMonth yearTo) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from inspection_improvement where force_code = :f and year_to = :y
                        order by closed_at is not null, due_on, raised_at""")
                .bind("f", forceCode).bind("y", day(yearTo)).map((rs, ctx) -> improvement(rs)).list());
    }

    private static Improvement improvement(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Improvement(rs.getString("id"), rs.getString("question"), rs.getString("area"),
                rs.getString("action"), rs.getString("owner"), rs.getDate("due_on").toLocalDate(),
                rs.getString("raised_by"), instant(rs, "raised_at"), rs.getString("closing_evidence"),
                rs.getString("closed_by"), instant(rs, "closed_at"));
    }

    /**
     * Crimes recorded in the force in the 12 months, as investigation publishes them (version 2, which says which are
     * rape): the sample's frame.
     */
    public List<CaseFileSample.Candidate> candidates(String forceCode, YearMonth yearTo) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select c.id, c.offence_group, c.rape from investigation_crime_v2_published c
                        join borough b on b.code = c.borough_code
                        where b.force_code = :f and c.recorded_at >= :from and c.recorded_at < :to
                        order by c.id""")
                .bind("f", forceCode)
                .bind("from", yearTo.minusMonths(11).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                .bind("to", yearTo.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                .map((rs, ctx) -> new CaseFileSample.Candidate(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list());
    }

    /** Keeps a sample drawn, with its seed. */
    public String keepSample(Handle h, String forceCode, YearMonth yearTo, long seed, int perStratum,
                             List<CaseFileSample.Drawn> drawn, String by, Instant at) {
        String id = "S-" + UUID.randomUUID().toString().substring(0, 8);
        h.createUpdate("""
                        insert into inspection_case_sample (id, force_code, year_to, seed, per_stratum, drawn_by, drawn_at)
                        values (:id, :f, :y, :seed, :n, :by, :at)""")
                .bind("id", id).bind("f", forceCode).bind("y", day(yearTo)).bind("seed", seed).bind("n", perStratum)
                .bind("by", by).bind("at", Timestamp.from(at)).execute();
        for (CaseFileSample.Drawn d : drawn) {
            h.createUpdate("""
                            insert into inspection_case_sample_crime (sample_id, stratum, position, crime_id)
                            values (:s, :stratum, :p, :c)""")
                    .bind("s", id).bind("stratum", d.stratum().name()).bind("p", d.position()).bind("c", d.crimeId())
                    .execute();
        }
        return id;
    }

    /** A sample kept: its seed, size and crimes. */
    public record Sample(String id, long seed, int perStratum, String drawnBy, Instant drawnAt,
                         List<CaseFileSample.Drawn> crimes) {
    }

    /** The latest sample drawn for the force and period. */
    public Optional<Sample> latestSample(String forceCode, YearMonth yearTo) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from inspection_case_sample where force_code = :f and year_to = :y
                        order by drawn_at desc limit 1""")
                .bind("f", forceCode).bind("y", day(yearTo))
                .map((rs, ctx) -> new Sample(rs.getString("id"), rs.getLong("seed"), rs.getInt("per_stratum"),
                        rs.getString("drawn_by"), instant(rs, "drawn_at"), List.of()))
                .findOne()
                .map(s -> new Sample(s.id(), s.seed(), s.perStratum(), s.drawnBy(), s.drawnAt(),
                        h.createQuery("""
                                        select stratum, position, crime_id from inspection_case_sample_crime
                                        where sample_id = :s""")
                                .bind("s", s.id())
                                .map((rs, ctx) -> new CaseFileSample.Drawn(
                                        CaseFileSample.Stratum.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3)))
                                .list().stream()
                                .sorted(java.util.Comparator.comparing((CaseFileSample.Drawn d) -> d.stratum())
                                        .thenComparing(CaseFileSample.Drawn::position))
                                .toList())));
    }

    /** Records (or corrects, keeping the former version) a review of a sampled crime's file. */
    public void review(Handle h, String sampleId, CaseFileReview review, String by, Instant at) {
        Map<CaseFileReview.Point, CaseFileReview.Answer> a = review.answers();
        h.createUpdate("""
                        insert into inspection_case_review (sample_id, crime_id, vulnerability_identified,
                            opportunities_prompt, supervision, victim_contact, outcome_appropriate, notes, reviewed_by,
                            reviewed_at)
                        values (:s, :c, :v, :o, :sup, :vc, :oa, :notes, :by, :at)
                        on conflict (sample_id, crime_id) do update set
                            vulnerability_identified = excluded.vulnerability_identified,
                            opportunities_prompt = excluded.opportunities_prompt, supervision = excluded.supervision,
                            victim_contact = excluded.victim_contact, outcome_appropriate = excluded.outcome_appropriate,
                            notes = excluded.notes, reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at""")
                .bind("s", sampleId).bind("c", review.crimeId())
                .bind("v", a.get(CaseFileReview.Point.VULNERABILITY_IDENTIFIED).key())
                .bind("o", a.get(CaseFileReview.Point.OPPORTUNITIES_PROMPT).key())
                .bind("sup", a.get(CaseFileReview.Point.SUPERVISION).key())
                .bind("vc", a.get(CaseFileReview.Point.VICTIM_CONTACT).key())
                .bind("oa", a.get(CaseFileReview.Point.OUTCOME_APPROPRIATE).key())
                .bind("notes", review.notes()).bind("by", by).bind("at", Timestamp.from(at)).execute();
    }

    /** The reviews of a sample's files. */
    public List<CaseFileReview> reviews(String sampleId) {
        return jdbi.withHandle(h -> h.createQuery("select * from inspection_case_review where sample_id = :s order by crime_id")
                .bind("s", sampleId)
                .map((rs, ctx) -> {
                    Map<CaseFileReview.Point, CaseFileReview.Answer> a = new EnumMap<>(CaseFileReview.Point.class);
                    for (CaseFileReview.Point p : CaseFileReview.Point.values()) {
                        a.put(p, CaseFileReview.Answer.of(rs.getString(p.key())).orElseThrow());
                    }
                    return new CaseFileReview(rs.getString("crime_id"), a, rs.getString("notes"));
                }).list());
    }

    /** Records a note; its first tag is kept as its sub-question too. */
    public String note(Handle h, String forceCode, YearMonth yearTo, String kind, LocalDate heldOn, String roleGroup,
                       String summary, List<String> tags, String by, Instant at) {
        String id = "N-" + UUID.randomUUID().toString().substring(0, 8);
        h.createUpdate("""
                        insert into inspection_note (id, force_code, year_to, sub_question, kind, note, held_on,
                                                     role_group, tags, recorded_by, recorded_at)
                        values (:id, :f, :y, :sq, :k, :n, :held, :rg, :tags, :by, :at)""")
                .bind("id", id).bind("f", forceCode).bind("y", day(yearTo)).bind("sq", tags.get(0)).bind("k", kind)
                .bind("n", summary).bind("held", heldOn).bind("rg", roleGroup)
                .bind("tags", tags.toArray(new String[0])).bind("by", by).bind("at", Timestamp.from(at)).execute();
        return id;
    }

    /** Every note of the force and period, newest held first. */
    public List<InspectionNote> noteList(String forceCode, YearMonth yearTo) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select * from inspection_note where force_code = :f and year_to = :y
                        order by held_on desc, recorded_at desc, id""")
                .bind("f", forceCode).bind("y", day(yearTo))
                .map((rs, ctx) -> new InspectionNote(rs.getString("id"), rs.getString("kind"),
                        rs.getDate("held_on").toLocalDate(), rs.getString("role_group"), rs.getString("note"),
                        List.of((String[]) rs.getArray("tags").getArray()), rs.getString("recorded_by"),
                        instant(rs, "recorded_at")))
                .list());
    }

    /** Notes by each sub-question they are tagged to, oldest held first. */
    public Map<String, List<InspectionNote>> notes(String forceCode, YearMonth yearTo) {
        Map<String, List<InspectionNote>> m = new LinkedHashMap<>();
        List<InspectionNote> all = new ArrayList<>(noteList(forceCode, yearTo));
        java.util.Collections.reverse(all);
        for (InspectionNote n : all) {
            for (String tag : n.tags()) {
                m.computeIfAbsent(tag, k -> new ArrayList<>()).add(n);
            }
        }
        return m;
    }

    /** The periods the force has inspection records for, newest first. */
    public List<YearMonth> periods(String forceCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select year_to from inspection_judgement where force_code = :f
                        union select year_to from inspection_improvement where force_code = :f
                        union select year_to from inspection_case_sample where force_code = :f
                        union select year_to from inspection_note where force_code = :f
                        order by 1 desc""")
                .bind("f", forceCode).mapTo(LocalDate.class).list().stream().map(YearMonth::from).toList());
    }

    /** The first moment of the inspection's 12 months and the first moment after them. */
    private static java.time.LocalDateTime start(YearMonth yearTo) {
        return yearTo.minusMonths(11).atDay(1).atStartOfDay();
    }

    private static java.time.LocalDateTime end(YearMonth yearTo) {
        return yearTo.plusMonths(1).atDay(1).atStartOfDay();
    }

    /**
     * The evidence Peel's records give each sub-question over the 12 months, read through the other capabilities'
     * published views only, for the force's boroughs.
     */
    public List<Evidence> evidence(String forceCode, YearMonth yearTo) {
        var from = start(yearTo);
        var to = end(yearTo);
        List<Evidence> out = new ArrayList<>();
        jdbi.useHandle(h -> {
            out.add(h.createQuery("""
                            select count(*) filter (where v.met_in_time), count(*)
                            from investigation_victims_code_deadline_published v
                            join borough b on b.code = v.borough_code
                            where b.force_code = :f and v.due_date >= :from and v.due_date < :to""")
                    .bind("f", forceCode).bind("from", from.toLocalDate()).bind("to", to.toLocalDate())
                    .map((rs, ctx) -> new Evidence.Compliance("q2.2", "Victims' Code contact within its deadlines",
                            "deadlines due in the period met by their due date", rs.getLong(1), rs.getLong(2)))
                    .one());
            out.add(h.createQuery("""
                            select count(*) filter (where a.first_allocated_at < :to),
                                   percentile_cont(0.5) within group (order by extract(epoch from a.first_allocated_at - a.recorded_at) / 86400.0)
                                       filter (where a.first_allocated_at < :to),
                                   percentile_cont(0.9) within group (order by extract(epoch from a.first_allocated_at - a.recorded_at) / 86400.0)
                                       filter (where a.first_allocated_at < :to),
                                   count(*) filter (where a.first_allocated_at is null or a.first_allocated_at >= :to)
                            from investigation_allocation_published a
                            join borough b on b.code = a.borough_code
                            where b.force_code = :f and a.recorded_at >= :from and a.recorded_at < :to""")
                    .bind("f", forceCode).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> new Evidence.Delay("q2.2", "Allocation: days from recording to an investigator",
                            "crimes screened in and allocated", rs.getLong(1), (Double) rs.getObject(2),
                            (Double) rs.getObject(3), null, rs.getLong(4)))
                    .one());
            out.add(h.createQuery("""
                            select count(*) filter (where r.completed_at < :to),
                                   percentile_cont(0.5) within group (order by extract(epoch from r.completed_at - r.requested_at) / 86400.0)
                                       filter (where r.completed_at < :to),
                                   percentile_cont(0.9) within group (order by extract(epoch from r.completed_at - r.requested_at) / 86400.0)
                                       filter (where r.completed_at < :to),
                                   count(*) filter (where r.completed_at < :to
                                                    and r.completed_at <= r.requested_at + make_interval(days => r.target_days)),
                                   count(*) filter (where r.status <> 'cancelled'
                                                    and (r.completed_at is null or r.completed_at >= :to))
                            from investigation_forensic_request_published r
                            join borough b on b.code = r.borough_code
                            where b.force_code = :f and r.requested_at >= :from and r.requested_at < :to""")
                    .bind("f", forceCode).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> new Evidence.Delay("q2.2", "Forensic and digital examination queue: days from"
                            + " request to result", "examinations completed", rs.getLong(1), (Double) rs.getObject(2),
                            (Double) rs.getObject(3), rs.getLong(4), rs.getLong(5)))
                    .one());
            out.add(new Evidence.Spread("q2.3", "IOM cohort departures by borough",
                    "Cases leaving the IOM cohort in the period, of those managed in it",
                    h.createQuery("""
                                    select b.name, count(*) filter (where c.closed_on >= :from and c.closed_on < :to),
                                           count(*)
                                    from offenders_iom_case_published c
                                    join borough b on b.code = c.borough_code
                                    where b.force_code = :f and c.opened_on < :to
                                      and (c.closed_on is null or c.closed_on >= :from)
                                    group by b.name""")
                            .bind("f", forceCode).bind("from", from.toLocalDate()).bind("to", to.toLocalDate())
                            .map((rs, ctx) -> new Evidence.BoroughRate(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                            .list()));
            out.add(h.createQuery("""
                            select count(*) filter (where d.reviewed_in_time), count(*)
                            from vulnerability_domestic_abuse_published d
                            join borough b on b.code = d.borough_code
                            where b.force_code = :f and d.reported_at >= :from and d.reported_at < :to""")
                    .bind("f", forceCode).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> new Evidence.Compliance("q3.0", "Domestic abuse risk assessments supervised"
                            + " within 24 hours", "incidents reported whose risk assessment a supervisor reviewed by"
                            + " its deadline", rs.getLong(1), rs.getLong(2)))
                    .one());
            out.add(h.createQuery("""
                            select count(*) filter (where m.return_interview_in_time), count(*)
                            from vulnerability_missing_episode_published m
                            join borough b on b.code = m.borough_code
                            where b.force_code = :f and m.child and m.found_at >= :from and m.found_at < :to""")
                    .bind("f", forceCode).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> new Evidence.Compliance("q3.0", "Missing children offered a return interview"
                            + " within 72 hours", "children found in the period offered a return home interview"
                            + " within 72 hours", rs.getLong(1), rs.getLong(2)))
                    .one());
            out.add(new Evidence.Spread("q3.0", "Domestic abuse risk graded high, by borough",
                    "Incidents graded high risk",
                    h.createQuery("""
                                    select b.name, count(*) filter (where d.grade = 'high'), count(*)
                                    from vulnerability_domestic_abuse_published d
                                    join borough b on b.code = d.borough_code
                                    where b.force_code = :f and d.reported_at >= :from and d.reported_at < :to
                                    group by b.name""")
                            .bind("f", forceCode).bind("from", from).bind("to", to)
                            .map((rs, ctx) -> new Evidence.BoroughRate(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                            .list()));
            out.addAll(prevention(h, forceCode, from.toLocalDate(), to.toLocalDate()));
            out.addAll(governance(h, from.toLocalDate(), to.toLocalDate().minusDays(1)));
            out.addAll(organisedCrime(h, forceCode, from.toLocalDate(), to.toLocalDate()));
            out.add(h.createQuery("""
                            select coalesce(sum(disruptions), 0), coalesce(sum(major), 0)
                            from organisedcrime_disruption_month_published
                            where month >= :from and month < :to""")
                    .bind("from", from.toLocalDate()).bind("to", to.toLocalDate())
                    .map((rs, ctx) -> new Evidence.Tally("q4.2", "Disruptions of organised crime recorded",
                            rs.getLong(1), String.format(java.util.Locale.UK,
                            "Disruptions recorded in the period, %,d of them major (force-wide).", rs.getLong(2))))
                    .one());
        });
        return out;
    }

    /**
     * Q1.2 and Q1.3: problem-solving cases taken through to assessment; information-sharing agreements in force at the
     * period's end rather than lapsed; multi-agency cases opened with partners.
     */
    private static List<Evidence> prevention(Handle h, String forceCode, LocalDate from, LocalDate to) {
        List<Evidence> out = new ArrayList<>();
        out.add(h.createQuery("""
                        select count(*) filter (where p.assessed), count(*)
                        from prevention_problem_case_published p
                        join borough b on b.code = p.borough_code
                        where b.force_code = :f and p.opened_on >= :from and p.opened_on < :to""")
                .bind("f", forceCode).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Evidence.Compliance("q1.2", "Problem-solving cases taken to assessment",
                        "problem-solving cases opened in the period that reached the assessment stage of SARA"
                                + " (scan, analyse, respond, assess)", rs.getLong(1), rs.getLong(2)))
                .one());
        // in force on the period's last day: started, not withdrawn, and not past the review day on which it lapses
        out.add(h.createQuery("""
                        select count(*) filter (where a.review_on > :last), count(*)
                        from partners_sharing_agreement_published a
                        where a.starts_on <= :last and (a.withdrawn_on is null or a.withdrawn_on > :last)""")
                .bind("last", to.minusDays(1))
                .map((rs, ctx) -> new Evidence.Compliance("q1.3", "Information-sharing agreements in force",
                        "agreements with partners, started and not withdrawn by the period's end, still within their"
                                + " review date then rather than lapsed (force-wide)", rs.getLong(1), rs.getLong(2)))
                .one());
        out.add(h.createQuery("""
                        select count(*), count(*) filter (where c.kind = 'asb-case-review'),
                               count(*) filter (where c.kind = 'asb-marac'),
                               count(*) filter (where c.kind = 'complex-case-panel'),
                               count(*) filter (where c.agencies >= 2)
                        from partners_case_published c
                        join borough b on b.code = c.borough_code
                        where b.force_code = :f and c.opened_on >= :from and c.opened_on < :to""")
                .bind("f", forceCode).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Evidence.Tally("q1.3", "Multi-agency cases opened with partners", rs.getLong(1),
                        String.format(java.util.Locale.UK, "Opened in the period: %,d ASB case reviews, %,d ASB MARAC"
                                        + " cases and %,d complex case panel cases; %,d worked with two or more partner"
                                        + " organisations.", rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5))))
                .one());
        return out;
    }

    /**
     * Q4.1 and Q4.3: whether the groups active at the period's end are scored under one model (the newest used by
     * then), whether a group is scored again after a major disruption, and the disruptions under the headings worked
     * with partners.
     */
    private static List<Evidence> organisedCrime(Handle h, String forceCode, LocalDate from, LocalDate to) {
        LocalDate last = to.minusDays(1);
        List<Evidence> out = new ArrayList<>();
        out.add(h.createQuery("""
                        with newest as (
                            select model_version from organisedcrime_assessment_published
                            where assessed_on <= :last order by assessed_on desc, model_version desc limit 1),
                        latest as (
                            select distinct on (ocg_id) ocg_id, model_version from organisedcrime_assessment_published
                            where assessed_on <= :last order by ocg_id, assessed_on desc, model_version desc)
                        select count(*) filter (where l.model_version = (select model_version from newest)), count(*),
                               (select model_version from newest)
                        from organisedcrime_ocg_published g
                        join borough b on b.code = g.borough_code
                        left join latest l on l.ocg_id = g.ocg_id
                        where b.force_code = :f and g.active_from <= :last
                          and (g.active_to is null or g.active_to > :last)""")
                .bind("f", forceCode).bind("last", last)
                .map((rs, ctx) -> new Evidence.Compliance("q4.1", "Active groups scored under the newest model",
                        "organised crime groups active at the period's end whose latest assessment used "
                                + (rs.getString(3) == null ? "the newest model" : "model " + rs.getString(3))
                                + ", the newest in use then", rs.getLong(1), rs.getLong(2)))
                .one());
        out.add(h.createQuery("""
                        select count(*) filter (where exists (
                                   select 1 from organisedcrime_assessment_published a
                                   where a.ocg_id = d.ocg_id and a.assessed_on > d.occurred_on
                                     and a.assessed_on <= :last)),
                               count(*)
                        from organisedcrime_disruption_published d
                        join borough b on b.code = d.borough_code
                        where b.force_code = :f and d.impact = 'major' and d.occurred_on >= :from
                          and d.occurred_on < :to""")
                .bind("f", forceCode).bind("from", from).bind("to", to).bind("last", last)
                .map((rs, ctx) -> new Evidence.Compliance("q4.1", "Groups scored again after a major disruption",
                        "major disruptions in the period after which the group was assessed again (after the day, as"
                                + " an assessment that day cannot show it took the disruption in; by the period's end)",
                        rs.getLong(1), rs.getLong(2)))
                .one());
        out.add(h.createQuery("""
                        select count(*), count(*) filter (where d.heading = 'prevent'),
                               count(*) filter (where d.heading = 'protect')
                        from organisedcrime_disruption_published d
                        join borough b on b.code = d.borough_code
                        where b.force_code = :f and d.heading in ('prevent', 'protect') and d.occurred_on >= :from
                          and d.occurred_on < :to""")
                .bind("f", forceCode).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Evidence.Tally("q4.3", "Disruptions under Prevent and Protect", rs.getLong(1),
                        String.format(java.util.Locale.UK, "Disruptions of organised crime groups recorded in the"
                                + " period under Prevent (%,d) and Protect (%,d), the headings worked with partners;"
                                + " Peel does not record which partner agencies took part.", rs.getLong(2),
                                rs.getLong(3))))
                .one());
        return out;
    }

    /** Governance meetings within cadence: organised crime's groups to Q4, every other area's to Q3. */
    private static List<Evidence> governance(Handle h, LocalDate from, LocalDate toInclusive) {
        record Group(long id, String area, int cadence, LocalDate setUp) {
        }
        Map<Group, List<LocalDate>> groups = new LinkedHashMap<>();
        h.createQuery("""
                        select group_id, area, cadence_days, set_up_on, met_on
                        from vulnerability_governance_meeting_published order by group_id, met_on""")
                .map((rs, ctx) -> {
                    Group g = new Group(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDate(4).toLocalDate());
                    java.sql.Date met = rs.getDate(5);
                    return Map.entry(g, Optional.ofNullable(met).map(java.sql.Date::toLocalDate));
                })
                .forEach(row -> {
                    List<LocalDate> days = groups.computeIfAbsent(row.getKey(), k -> new ArrayList<>());
                    row.getValue().ifPresent(days::add);
                });
        List<Evidence> out = new ArrayList<>();
        for (String q : List.of("q3.0", "q4.4")) {
            int held = 0;
            int within = 0;
            int overdue = 0;
            int count = 0;
            for (var e : groups.entrySet()) {
                boolean organised = e.getKey().area().toLowerCase(java.util.Locale.ROOT).contains("organised");
                if (organised != q.equals("q4.4") || e.getKey().setUp().isAfter(toInclusive)) {
                    continue;
                }
                EvidenceRules.Cadence c = EvidenceRules.cadence(e.getValue(), e.getKey().setUp(),
                        e.getKey().cadence(), from, toInclusive);
                count++;
                held += c.held();
                within += c.withinCadence();
                overdue += c.overdueAtEnd() ? 1 : 0;
            }
            if (count > 0) {
                out.add(new Evidence.Compliance(q, "Governance meetings held within cadence",
                        String.format(java.util.Locale.UK, "meetings of %d %s held within their cadence; %d %s overdue"
                                + " at the period's end", count, count == 1 ? "group" : "groups", overdue,
                                overdue == 1 ? "group" : "groups"), within, held));
            }
        }
        return out;
    }
}
