package org.peel.organisedcrime;

import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;
import org.peel.common.Adapter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The Strategic Policing Requirement threats and the force's preparedness record: SQL, and recording an entry. */
@Adapter
public final class ThreatStore {

    public static final List<String> KINDS = List.of("exercise", "debrief", "lesson", "capability review");
    public static final List<String> ASSESSMENTS = List.of("prepared", "partly prepared", "not prepared");

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;
    private final int testDays;

    public ThreatStore(Jdbi jdbi, AuditTrail audit, Clock clock, int testDays) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.testDays = testDays;
    }

    public int testDays() {
        return testDays;
    }

    /** A threat with its record, newest first, and its status today. */
    public record Threat(String id, String title, List<Preparedness.Entry> entries, Preparedness.Status status) {
    }

    public List<Threat> threats() {
        LocalDate today = LocalDate.now(clock);
        return jdbi.withHandle(h -> {
            List<Threat> out = new ArrayList<>();
            for (var t : h.createQuery("select id, title from spr_threat order by ordinal")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list()) {
                List<Preparedness.Entry> entries = h.createQuery("""
                                select kind, held_on, title, assessment from spr_preparedness where threat_id = :t
                                order by held_on desc, id desc""")
                        .bind("t", t[0]).map((rs, ctx) -> new Preparedness.Entry(rs.getString(1),
                                rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4))).list();
                out.add(new Threat(t[0], t[1], entries, Preparedness.of(entries, today, testDays)));
            }
            return out;
        });
    }

    public void record(User user, String threatId, Preparedness.Entry e, String summary, String clientAddress) {
        jdbi.useTransaction(h -> {
            insert(h, threatId, e, summary, user.username(), clock.instant());
            audit.record(h, AuditEvent.by(user, "spr.preparedness", "spr_threat", threatId, AuditEvent.SUCCESS)
                    .from(clientAddress).detail(e.kind() + " on " + e.heldOn()
                            + (e.assessment() == null ? "" : ": " + e.assessment())));
        });
    }

    /** Records an entry in the caller's transaction, as recorded by {@code by} at {@code at}. */
    static void insert(Handle h, String threatId, Preparedness.Entry e, String summary, String by, Instant at) {
        h.createUpdate("""
                        insert into spr_preparedness (threat_id, kind, held_on, title, assessment, summary,
                            recorded_by, recorded_at)
                        values (:t, :k, :on, :title, :a, :s, :by, :at)""")
                .bind("t", threatId).bind("k", e.kind()).bind("on", e.heldOn()).bind("title", e.title())
                .bind("a", e.assessment()).bind("s", summary == null ? "" : summary).bind("by", by)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).execute();
    }

    /** The configured period within which each threat must be exercised ({@code PEEL_SPR_TEST_DAYS}), in days. */
    public static int testDaysFrom(String text) {
        if (text == null || text.isBlank()) {
            return Preparedness.DEFAULT_TEST_DAYS;
        }
        try {
            int days = Integer.parseInt(text.strip());
            if (days >= 1) {
                return days;
            }
        } catch (NumberFormatException ex) {
            // falls through to the error
        }
        throw new IllegalArgumentException("PEEL_SPR_TEST_DAYS must be a whole number of days, at least 1, not '"
                + text + "'");
    }
}
