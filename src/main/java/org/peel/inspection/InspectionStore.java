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

    /** Crimes recorded in the force in the 12 months, as investigation publishes them: the sample's frame. */
    public List<CaseFileSample.Candidate> candidates(String forceCode, YearMonth yearTo) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select c.id, c.offence_group from investigation_crime_published c
                        join borough b on b.code = c.borough_code
                        where b.force_code = :f and c.recorded_at >= :from and c.recorded_at < :to
                        order by c.id""")
                .bind("f", forceCode)
                .bind("from", yearTo.minusMonths(11).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                .bind("to", yearTo.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                .map((rs, ctx) -> new CaseFileSample.Candidate(rs.getString(1), rs.getString(2))).list());
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

    public String note(Handle h, String forceCode, YearMonth yearTo, String subQuestion, String kind, String note,
                       String by, Instant at) {
        String id = "N-" + UUID.randomUUID().toString().substring(0, 8);
        h.createUpdate("""
                        insert into inspection_note (id, force_code, year_to, sub_question, kind, note, recorded_by,
                                                     recorded_at)
                        values (:id, :f, :y, :sq, :k, :n, :by, :at)""")
                .bind("id", id).bind("f", forceCode).bind("y", day(yearTo)).bind("sq", subQuestion).bind("k", kind)
                .bind("n", note).bind("by", by).bind("at", Timestamp.from(at)).execute();
        return id;
    }

    /** Notes by sub-question. */
    public Map<String, List<InspectionNote>> notes(String forceCode, YearMonth yearTo) {
        Map<String, List<InspectionNote>> m = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        select * from inspection_note where force_code = :f and year_to = :y
                        order by sub_question, recorded_at""")
                .bind("f", forceCode).bind("y", day(yearTo))
                .map((rs, ctx) -> new InspectionNote(rs.getString("id"), rs.getString("sub_question"),
                        rs.getString("kind"), rs.getString("note"), rs.getString("recorded_by"),
                        instant(rs, "recorded_at")))
                .forEach(n -> m.computeIfAbsent(n.subQuestion(), k -> new ArrayList<>()).add(n)));
        return m;
    }

    /** The periods the force has inspection records for, newest first. */
    public List<YearMonth> periods(String forceCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select year_to from inspection_judgement where force_code = :f
                        union select year_to from inspection_improvement where force_code = :f
                        union select year_to from inspection_case_sample where force_code = :f
                        order by 1 desc""")
                .bind("f", forceCode).mapTo(LocalDate.class).list().stream().map(YearMonth::from).toList());
    }
}
