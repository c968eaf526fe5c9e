package org.peel.partners;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ASB case review (community trigger) as the partnership works it: the application with the complaints made to
 * the police, council and housing providers, the threshold decision by {@link CaseReviewThreshold}, the review
 * meeting, and recommendations each owned by an agency; and the figures a force publishes each year.
 */
public final class CaseReviewStore {

    /** An application as recorded on the form. */
    public record Application(String title, String boroughCode, String wardCode, String summary, LocalDate appliedOn,
                              String agreementId, List<String> parties,
                              List<CaseReviewThreshold.Complaint> complaints) {
    }

    /** A recommendation and the agency that owns it (null: the police). */
    public record Recommendation(long id, String recommendation, String ownerId, LocalDate dueOn, LocalDate doneOn) {
    }

    /** The figures for one year, as published. */
    public record Figures(int year, int applications, int thresholdsMet, int reviewsHeld, int recommendations) {
    }

    private final Jdbi jdbi;
    private final AuditTrail audit;

    public CaseReviewStore(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /**
     * Records an application and its threshold decision in one transaction; {@code audited} writes the change's
     * audit entry in it. Returns the new case's id and the decision.
     */
    public Map.Entry<String, CaseReviewThreshold.Decision> apply(User by, Application a,
                                                                 CaseReviewThreshold.Settings settings,
                                                                 java.util.function.BiConsumer<Handle, String> audited) {
        CaseReviewThreshold.Decision decision = CaseReviewThreshold.decide(a.appliedOn(), a.complaints(), settings);
        String id = jdbi.inTransaction(h -> {
            long n = h.createQuery("select count(*) from partner_case where kind = 'asb-case-review' and id like :p")
                    .bind("p", "CR-" + a.appliedOn().getYear() + "-%").mapTo(Long.class).one();
            String caseId = String.format(Locale.ROOT, "CR-%d-%04d", a.appliedOn().getYear(), n + 1);
            h.createUpdate("""
                            insert into partner_case (id, kind, title, borough_code, ward_code, summary, agreement_id,
                                                      opened_on, applied_on, threshold_met, threshold_reason, created_by)
                            values (:id, 'asb-case-review', :title, :borough, :ward, :summary, :agreement, :applied,
                                    :applied, :met, :reason, :by)""")
                    .bind("id", caseId).bind("title", a.title()).bind("borough", a.boroughCode())
                    .bind("ward", a.wardCode()).bind("summary", a.summary()).bind("agreement", a.agreementId())
                    .bind("applied", a.appliedOn()).bind("met", decision.met())
                    .bind("reason", String.join("; ", decision.reasons())).bind("by", actor(by)).execute();
            for (String party : a.parties()) {
                h.createUpdate("insert into partner_case_party (case_id, organisation_id) values (:c, :o)")
                        .bind("c", caseId).bind("o", party).execute();
            }
            for (CaseReviewThreshold.Complaint c : a.complaints()) {
                h.createUpdate("""
                                insert into partner_case_complaint (case_id, behaviour_on, complained_on, made_to)
                                values (:c, :b, :on, :to)""")
                        .bind("c", caseId).bind("b", c.behaviourOn()).bind("on", c.complainedOn())
                        .bind("to", c.to().name().toLowerCase(Locale.ROOT)).execute();
            }
            audited.accept(h, caseId);
            audit.record(h, AuditEvent.by(by, "case-review-threshold", "partner_case", caseId, AuditEvent.SUCCESS)
                    .detail((decision.met() ? "met: " : "not met: ") + decision.qualifying() + " qualifying complaints, "
                            + decision.ruleVersion()));
            return caseId;
        });
        return Map.entry(id, decision);
    }

    public List<CaseReviewThreshold.Complaint> complaints(String caseId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select behaviour_on, complained_on, made_to from partner_case_complaint where case_id = :c
                        order by complained_on, id""")
                .bind("c", caseId)
                .map((rs, ctx) -> new CaseReviewThreshold.Complaint(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class),
                        CaseReviewThreshold.Body.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)))).list());
    }

    /** The applied-for date of a case review, which the case record keeps apart from when it was opened. */
    public LocalDate appliedOn(String caseId) {
        return jdbi.withHandle(h -> h.createQuery("select coalesce(applied_on, opened_on) from partner_case where id = :c")
                .bind("c", caseId).mapTo(LocalDate.class).one());
    }

    public String meetingNotes(String caseId) {
        return jdbi.withHandle(h -> h.createQuery("select meeting_notes from partner_case where id = :c")
                .bind("c", caseId).mapTo(String.class).findOne().orElse(null));
    }

    /** Records the review meeting: when it was held and what it found. */
    public void meeting(User by, String caseId, LocalDate heldOn, String notes, Consumer<Handle> audited) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update partner_case set meeting_on = :on, meeting_notes = :notes where id = :c")
                    .bind("on", heldOn).bind("notes", notes).bind("c", caseId).execute();
            audited.accept(h);
        });
    }

    public void recommend(User by, String caseId, String recommendation, String ownerId, LocalDate dueOn,
                          Consumer<Handle> audited) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into partner_case_recommendation (case_id, recommendation, owner_id, due_on, created_by)
                            values (:c, :r, :o, :due, :by)""")
                    .bind("c", caseId).bind("r", recommendation).bind("o", ownerId).bind("due", dueOn)
                    .bind("by", actor(by)).execute();
            audited.accept(h);
        });
    }

    /** Marks a recommendation done; false when the case has no such recommendation or it is done already. */
    public boolean done(String caseId, long recommendationId, LocalDate on, Consumer<Handle> audited) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                            update partner_case_recommendation set done_on = :on
                            where id = :id and case_id = :c and done_on is null""")
                    .bind("on", on).bind("id", recommendationId).bind("c", caseId).execute();
            if (n == 1) {
                audited.accept(h);
            }
            return n == 1;
        });
    }

    public List<Recommendation> recommendations(String caseId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, recommendation, owner_id, due_on, done_on from partner_case_recommendation
                        where case_id = :c order by id""")
                .bind("c", caseId)
                .map((rs, ctx) -> new Recommendation(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).list());
    }

    /**
     * The year's figures as the 2014 Act's guidance asks each relevant body to publish: applications received,
     * those that met the threshold, reviews held, and recommendations made (each owned recommendation, or a review's
     * recommendations recorded in words as one), by the year applied for; in one borough when it is not null.
     */
    public Figures figures(int year, String borough) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) as applications,
                               count(*) filter (where c.threshold_met) as thresholds_met,
                               count(*) filter (where c.meeting_on is not null) as reviews_held,
                               coalesce(sum((select count(*) from partner_case_recommendation r where r.case_id = c.id)
                                   + case when c.recommendations is not null and not exists
                                         (select 1 from partner_case_recommendation r where r.case_id = c.id)
                                     then 1 else 0 end), 0) as recommendations
                        from partner_case c
                        where c.kind = 'asb-case-review' and extract(year from coalesce(c.applied_on, c.opened_on)) = :y
                          and (cast(:b as text) is null or c.borough_code = :b)""")
                .bind("y", year).bind("b", borough)
                .map((rs, ctx) -> new Figures(year, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).one());
    }

    /** The years with any application, newest first. */
    public List<Integer> years() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select distinct cast(extract(year from coalesce(applied_on, opened_on)) as integer) from partner_case
                        where kind = 'asb-case-review' order by 1 desc""").mapTo(Integer.class).list());
    }

    static Map<String, Object> json(Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", f.year());
        m.put("applications", f.applications());
        m.put("thresholds_met", f.thresholdsMet());
        m.put("reviews_held", f.reviewsHeld());
        m.put("recommendations", f.recommendations());
        return m;
    }

    private static String actor(User by) {
        return by == null ? "system" : by.username();
    }
}
