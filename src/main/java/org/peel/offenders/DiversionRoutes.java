package org.peel.offenders;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessPolicy;
import org.peel.access.AuditEvent;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Diversion under Investigation: the referrals list with the referral form and each awaiting referral's outcome form,
 * and the reoffending page (after referral, beside the matched comparison group, by scheme). Offender-management
 * records: the access policy decides on section, borough and sensitivity; every list is an audited read, every change
 * audited in its transaction; recording goes through {@link DiversionRecording}, as the synthetic force's does.
 */
public final class DiversionRoutes {

    /** Who refers and records outcomes: borough offender managers and the force's public protection officers. */
    static final Set<Role> RECORDERS = Set.of(Role.OFFENDER_MANAGER, Role.PUBLIC_PROTECTION_OFFICER);
    /** Days after referral in which reoffending is counted, unless the page is asked for another window. */
    public static final int WINDOW_DAYS = 180;
    static final int LIST_LIMIT = 200;

    private final Web web;
    private final DiversionStore store;
    private final IomStore offenders;
    private final DiversionFigures figures;
    private final Clock clock;

    public DiversionRoutes(Web web, DiversionStore store, IomStore offenders, DiversionFigures figures, Clock clock) {
        this.web = web;
        this.store = store;
        this.offenders = offenders;
        this.figures = figures;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/investigation/offenders/diversion", this::list);
        routes.post("/investigation/offenders/diversion", this::refer);
        routes.post("/investigation/offenders/diversion/{id}/outcome", this::outcome);
        routes.get("/investigation/offenders/diversion/reoffending", this::reoffending);
    }

    private void list(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        if (web.authorizePage(ctx, IomRoutes.request().inBorough(borough).withPersonalData(Web.statedPurpose(ctx)),
                "diversion-referral-list", borough == null ? "force" : borough).isEmpty()) {
            return;
        }
        show(ctx, borough, 200, FormErrors.none(), Map.of(), -1);
    }

    private void show(Context ctx, String borough, int status, FormErrors errors, Map<String, String> values,
                      long failed) {
        Web.noStore(ctx);
        ctx.status(status);
        Map<String, Object> params = new HashMap<>();
        params.put("referrals", store.referrals(borough, LIST_LIMIT));
        params.put("outcomes", store.outcomeCounts(borough));
        params.put("errors", errors);
        params.put("values", values);
        params.put("failed", failed);
        params.put("today", LocalDate.now(clock));
        params.put("canRecord", RECORDERS.contains(Web.signedIn(ctx).role()));
        web.render(ctx, "offenders/diversion.jte", web.page(ctx, "Diversion referrals", Section.INVESTIGATION), params);
    }

    private Map<String, String> form(Context ctx, String... fields) {
        Map<String, String> values = new HashMap<>();
        for (String f : fields) {
            values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("").strip());
        }
        return values;
    }

    private static LocalDate date(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    private void refer(Context ctx) {
        Map<String, String> v = form(ctx, "offenderId", "scheme", "referredOn", "reason");
        Optional<IomStore.Nominal> n = v.get("offenderId").isEmpty() ? Optional.empty()
                : offenders.nominal(v.get("offenderId"));
        User user = web.authorize(ctx, IomRoutes.request().inBorough(n.map(IomStore.Nominal::boroughCode).orElse(null))
                .changing().withPersonalData(Web.statedPurpose(ctx)).dutyOf("referring an offender to diversion",
                        RECORDERS), "diversion-referral", v.get("offenderId"));
        String borough = AccessPolicy.boroughInView(user, null);
        if (n.isEmpty()) {
            show(ctx, borough, 400, FormErrors.of("offenderId", v.get("offenderId").isEmpty()
                    ? "Enter the offender's nominal number, for example OF000123"
                    : "No offender " + v.get("offenderId") + " is held"), v, -1);
            return;
        }
        LocalDate on = date(v.get("referredOn"));
        if (on == null && !v.get("referredOn").isEmpty()) {
            show(ctx, borough, 400, FormErrors.of("referredOn", "Enter the day of referral as, for example, 2025-03-31"),
                    v, -1);
            return;
        }
        DiversionRecording.Recorded[] done = new DiversionRecording.Recorded[1];
        store.jdbi().useTransaction(h -> {
            done[0] = new DiversionRecording(store).refer(h, n.get(), v.get("scheme"), on, v.get("reason"),
                    user.username(), clock.instant(), LocalDate.now(clock));
            if (done[0].ok()) {
                web.audit(h, ctx, AuditEvent.by(user, "diversion-referral.record", "diversion-referral",
                        Long.toString(done[0].id()), AuditEvent.SUCCESS).detail("offender " + n.get().id() + " to "
                        + v.get("scheme")));
            }
        });
        if (!done[0].ok()) {
            show(ctx, borough, 400, done[0].errors(), v, -1);
            return;
        }
        ctx.redirect("/investigation/offenders/diversion");
    }

    private void outcome(Context ctx) {
        long id = Web.pathId(ctx, "id", "referral");
        DiversionStore.Referral referral = store.referral(id).orElseThrow(() -> new NotFoundResponse("No referral " + id));
        User user = web.authorize(ctx, IomRoutes.request().inBorough(referral.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx)).dutyOf("recording a diversion outcome", RECORDERS),
                "diversion-referral", Long.toString(id));
        Map<String, String> v = form(ctx, "outcome", "outcomeOn", "notes");
        DiversionRecording.Recorded[] done = new DiversionRecording.Recorded[1];
        store.jdbi().useTransaction(h -> {
            done[0] = new DiversionRecording(store).outcome(h, referral, v.get("outcome"), date(v.get("outcomeOn")),
                    v.get("notes"), user.username(), clock.instant(), LocalDate.now(clock));
            if (done[0].ok()) {
                web.audit(h, ctx, AuditEvent.by(user, "diversion-referral.outcome", "diversion-referral",
                        Long.toString(id), AuditEvent.SUCCESS).detail(v.get("outcome")));
            }
        });
        if (!done[0].ok()) {
            FormErrors errors = FormErrors.none();
            done[0].errors().all().forEach((f, m) -> errors.add(f + "-" + id, m));
            show(ctx, AccessPolicy.boroughInView(user, null), 400, errors, v, id);
            return;
        }
        ctx.redirect("/investigation/offenders/diversion");
    }

    /** One line of the reoffending table: all schemes, or one. */
    public record Line(String label, DiversionComparison.Result result) {
        public String rate(boolean referred) {
            DiversionComparison.Group g = referred ? result.referred() : result.comparison();
            return g.people() == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * g.reoffendingRate());
        }

        public String mean(boolean referred) {
            DiversionComparison.Group g = referred ? result.referred() : result.comparison();
            return g.people() == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.2f", g.meanAfter());
        }
    }

    private void reoffending(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        if (web.authorizePage(ctx, IomRoutes.request().inBorough(borough), "diversion-reoffending",
                borough == null ? "force" : borough).isEmpty()) {
            return;
        }
        int window = WINDOW_DAYS;
        String w = ctx.queryParam("windowDays");
        if (w != null && !w.isBlank()) {
            try {
                window = Integer.parseInt(w.strip());
            } catch (NumberFormatException ex) {
                window = -1;
            }
            if (window < 1 || window > 1095) {
                throw new io.javalin.http.BadRequestResponse("windowDays must be a whole number of days from 1 to 1095");
            }
        }
        LocalDate today = LocalDate.now(clock);
        DiversionFigures.Figures f = figures.compute(borough, today, window);
        List<Line> lines = new java.util.ArrayList<>();
        lines.add(new Line("All schemes", f.all()));
        f.byScheme().forEach((s, r) -> lines.add(new Line(s.label(), r)));
        Web.noStore(ctx);
        web.render(ctx, "offenders/diversion-reoffending.jte", web.page(ctx, "Reoffending after diversion",
                Section.INVESTIGATION), Map.of("lines", lines, "windowDays", window, "today", today,
                "outcomes", f.outcomes()));
    }
}
