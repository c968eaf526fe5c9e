package org.peel.investigation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.web.Attention;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Caseloads over HTTP: "My caseload" for a signed-in investigator, one investigator's caseload and the borough's
 * caseloads side by side for their supervisor, and the administrator's page linking investigators to accounts.
 * Every view is access-checked in the investigator's borough and audited.
 */
public final class CaseloadRoutes {

    private final Web web;
    private final InvestigatorStore store;
    private final InvestigatorAccounts accounts;
    private final InvestigatorCaseload.ReviewIntervals intervals;
    private final Supplier<Map<String, String>> boroughs;
    private final Clock clock;

    public CaseloadRoutes(Web web, InvestigatorStore store, InvestigatorAccounts accounts,
                          InvestigatorCaseload.ReviewIntervals intervals, Supplier<Map<String, String>> boroughs, Clock clock) {
        this.web = web;
        this.store = store;
        this.accounts = accounts;
        this.intervals = intervals;
        this.boroughs = boroughs;
        this.clock = clock;
    }

    /** One investigator's caseload beside who they are, for the caseload page. */
    public record Line(InvestigatorStore.InvestigatorLink investigator, InvestigatorCaseload.View view) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/investigation/caseload", this::mine);
        routes.get("/investigation/caseload/{investigator}", this::one);
        routes.get("/investigation/caseloads", this::borough);
        routes.get("/investigation/investigators", this::investigators);
        routes.post("/investigation/investigators/link", this::link);
    }

    private void mine(Context ctx) {
        User user = web.authorize(ctx, AccessRequest.view(Section.INVESTIGATION), "caseload", null);
        var linked = store.investigatorOf(user.username());
        if (linked.isEmpty() && isSupervisor(user)) {
            ctx.redirect("/investigation/caseloads");
            return;
        }
        if (linked.isEmpty()) {
            Web.noStore(ctx);
            web.render(ctx, "investigation/unlinked.jte", web.page(ctx, "My caseload", Section.INVESTIGATION), Map.of());
            return;
        }
        show(ctx, user, linked.get(), true);
    }

    private void one(Context ctx) {
        User user = Web.signedIn(ctx);
        String id = ctx.pathParam("investigator");
        InvestigatorStore.InvestigatorLink inv = store.investigatorLink(id)
                .orElseThrow(() -> new NotFoundResponse("No investigator " + id));
        boolean own = user.username().equals(inv.username());
        show(ctx, user, inv, own);
    }

    private void show(Context ctx, User user, InvestigatorStore.InvestigatorLink inv, boolean own) {
        LocalDate today = LocalDate.now(clock);
        List<InvestigatorCaseload.OpenCrime> crimes = store.openCrimesOf(List.of(inv.investigatorId()));
        AccessRequest request = AccessRequest.view(Section.INVESTIGATION).inBorough(inv.boroughCode())
                .touching(sensitivities(crimes));
        web.authorize(ctx, own ? request : request.dutyOf("seeing another investigator's caseload", supervisors()),
                "caseload", inv.investigatorId());
        InvestigatorCaseload.View view = InvestigatorCaseload.of(crimes,
                store.openDeadlinesOf(List.of(inv.investigatorId()), horizon(today)), today, intervals);
        web.audit(ctx, AuditEvent.by(user, "view", "caseload", inv.investigatorId(), AuditEvent.SUCCESS));
        Web.noStore(ctx);
        web.render(ctx, "investigation/caseload.jte", web.page(ctx, own ? "My caseload" : "Caseload of " + inv.name(),
                Section.INVESTIGATION), Map.of("line", new Line(inv, view), "own", own, "today", today,
                "boroughs", boroughs.get(), "actions", store.dueActionsOf(inv.investigatorId(), inv.username(), horizon(today))));
    }

    /** The supervisor's view: each investigator of the borough with their open crimes, reviews and deadlines. */
    private void borough(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        web.authorize(ctx, boroughCaseloads().inBorough(borough), "caseloads", borough);
        LocalDate today = LocalDate.now(clock);
        List<Line> lines = new ArrayList<>();
        if (borough != null) {
            List<InvestigatorStore.InvestigatorLink> team = store.investigatorLinks(borough);
            List<String> ids = team.stream().map(InvestigatorStore.InvestigatorLink::investigatorId).toList();
            Map<String, List<InvestigatorCaseload.OpenCrime>> crimes = new HashMap<>();
            store.openCrimesOf(ids).forEach(c -> crimes.computeIfAbsent(c.investigatorId(), k -> new ArrayList<>()).add(c));
            Map<String, List<InvestigatorCaseload.OpenDeadline>> deadlines = new HashMap<>();
            store.openDeadlinesOf(ids, horizon(today))
                    .forEach(d -> deadlines.computeIfAbsent(d.investigatorId(), k -> new ArrayList<>()).add(d));
            for (InvestigatorStore.InvestigatorLink inv : team) {
                lines.add(new Line(inv, InvestigatorCaseload.of(crimes.getOrDefault(inv.investigatorId(), List.of()),
                        deadlines.getOrDefault(inv.investigatorId(), List.of()), today, intervals)));
            }
            web.audit(ctx, AuditEvent.by(user, "view", "caseloads", borough, AuditEvent.SUCCESS));
        }
        boolean reviewsOnly = "overdue".equals(ctx.queryParam("review"));
        if (reviewsOnly) {
            // the home page's "reviews due" lands here: only those with a review overdue, the most first
            lines.removeIf(l -> l.view().reviewsOverdue() == 0);
            lines.sort(java.util.Comparator.comparingLong((Line l) -> l.view().reviewsOverdue()).reversed());
        } else {
            // the investigators most in need of the supervisor first: deadlines overdue, then reviews, then load
            lines.sort(java.util.Comparator.comparingLong((Line l) -> l.view().overdueDeadlines())
                    .thenComparingLong(l -> l.view().reviewsOverdue())
                    .thenComparingInt(l -> l.view().crimes().size()).reversed());
        }
        String specialism = ctx.queryParam("specialism") == null ? "" : ctx.queryParam("specialism").strip();
        List<String> specialisms = lines.stream().map(l -> l.investigator().specialism()).distinct().sorted().toList();
        if (!specialism.isEmpty()) {
            lines.removeIf(l -> !specialism.equals(l.investigator().specialism()));
        }
        org.peel.web.Paging paging = org.peel.web.Paging.requested(ctx, "page", PAGE).of(lines.size());
        List<Line> shown = lines.subList(Math.min(paging.offset(), lines.size()),
                (int) Math.min(paging.last(), lines.size()));
        Web.noStore(ctx);
        Map<String, Object> model = new HashMap<>(Map.of("lines", shown, "borough", borough == null ? "" : borough,
                "boroughs", boroughs.get(), "local", user.role().isLocal(), "reviewsOnly", reviewsOnly));
        model.put("paging", paging);
        model.put("specialism", specialism);
        model.put("specialisms", specialisms);
        web.render(ctx, "investigation/caseloads.jte", web.page(ctx, "Caseloads by investigator", Section.INVESTIGATION),
                model);
    }

    /** Investigators on one page of the caseloads and of the investigators' accounts. */
    static final int PAGE = 50;

    private User admin(Context ctx, boolean change) {
        AccessRequest request = AccessRequest.view(Section.ADMINISTRATION);
        return web.authorize(ctx, change ? request.changing() : request, "investigator", null);
    }

    private void investigators(Context ctx) {
        admin(ctx, false);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("borough", ctx.queryParam("borough") == null ? "" : ctx.queryParam("borough").strip());
        showInvestigators(ctx, 200, FormErrors.none(), values, "");
    }

    private void showInvestigators(Context ctx, int status, FormErrors errors, Map<String, String> values, String linked) {
        String borough = blankToNull(values.get("borough"));
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "investigation/investigators.jte", web.page(ctx, "Investigators and their accounts", Section.ADMINISTRATION),
                investigatorsModel(ctx, borough, values, errors, linked));
    }

    /** The borough's investigators, filtered by specialism and whether linked, a page at a time. */
    private Map<String, Object> investigatorsModel(Context ctx, String borough, Map<String, String> values,
                                                   FormErrors errors, String linked) {
        List<InvestigatorStore.InvestigatorLink> all = borough == null ? List.of() : store.investigatorLinks(borough);
        String specialism = ctx.queryParam("specialism") == null ? "" : ctx.queryParam("specialism").strip();
        String account = ctx.queryParam("account") == null ? "" : ctx.queryParam("account").strip();
        List<InvestigatorStore.InvestigatorLink> chosen = all.stream()
                .filter(i -> specialism.isEmpty() || specialism.equals(i.specialism()))
                .filter(i -> !account.equals("unlinked") || i.username() == null)
                .filter(i -> !account.equals("linked") || i.username() != null)
                .toList();
        org.peel.web.Paging paging = org.peel.web.Paging.requested(ctx, "page", PAGE).of(chosen.size());
        Map<String, Object> model = new HashMap<>(Map.of("investigators",
                chosen.subList(Math.min(paging.offset(), chosen.size()), (int) Math.min(paging.last(), chosen.size())),
                "boroughs", boroughs.get(), "values", values, "errors", errors, "linked", linked));
        model.put("paging", paging);
        model.put("specialism", specialism);
        model.put("account", account);
        model.put("specialisms", all.stream().map(InvestigatorStore.InvestigatorLink::specialism).distinct().sorted().toList());
        return model;
    }

    private void link(Context ctx) {
        User admin = admin(ctx, true);
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : List.of("borough", "investigator", "user")) {
            values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f).strip());
        }
        try {
            InvestigatorStore.InvestigatorLink linked = accounts.link(values.get("investigator"), values.get("user"), admin,
                    "web", ctx.ip());
            values.put("borough", linked.boroughCode());
            values.remove("investigator");
            values.remove("user");
            showInvestigators(ctx, 200, FormErrors.none(), values, linked.investigatorId() + " is linked to " + linked.username());
        } catch (BadInput bad) {
            showInvestigators(ctx, 400, FormErrors.of(bad.field(), bad.getMessage().replaceFirst("^.*?: ", "")), values, "");
        }
    }

    /**
     * What waits for the user on their home page. A crime management supervisor: the borough's crimes waiting for an
     * owner, overdue Victims' Code deadlines, supervisory reviews due and screened-out crimes to review, each linking
     * to the list narrowed to it; a force-wide role the same across the force, without the reviews (which are the
     * supervisors'). A linked investigator: their caseload, its overdue deadlines, reviews and actions due.
     */
    public Attention.Source attention() {
        return user -> {
            if (!Web.mayView(user, Section.INVESTIGATION)) {
                return List.of();
            }
            List<Attention> items = new ArrayList<>();
            // the supervisor's items for those the borough's caseloads page would open for
            if (AccessPolicy.decide(user, boroughCaseloads().inBorough(AccessPolicy.boroughInView(user, null)))
                    .allowed()) {
                items.addAll(supervisorItems(user));
            }
            items.addAll(investigatorItems(user));
            return items;
        };
    }

    private List<Attention> supervisorItems(User user) {
        String borough = AccessPolicy.boroughInView(user, null);
        String where = borough == null ? "" : "&borough=" + borough;
        LocalDate today = LocalDate.now(clock);
        AllocationStore allocation = new AllocationStore(store.jdbi());
        List<Attention> items = new ArrayList<>();
        Map<String, Long> queued = allocation.queuedByPriority(borough);
        long waiting = queued.values().stream().mapToLong(Long::longValue).sum();
        long high = queued.getOrDefault(Priority.HIGH.name(), 0L);
        if (waiting > 0) {
            items.add(new Attention(waiting + (waiting == 1 ? " crime waits" : " crimes wait") + " for an investigator",
                    high + " high priority; nobody qualified could take " + (waiting == 1 ? "it" : "them")
                            + " when recorded", high > 0 ? "/investigation/queue?priority=HIGH" + where
                            : "/investigation/queue?" + where.replaceFirst("^&", ""),
                    high > 0 ? Attention.Urgency.NOW : Attention.Urgency.SOON));
        }
        long overdue = new VictimsCodeStore(store.jdbi()).overdueCount(borough, today);
        if (overdue > 0) {
            items.add(new Attention(overdue + " Victims' Code deadline" + (overdue == 1 ? "" : "s") + " overdue",
                    "Victims waiting for the contact the Code entitles them to",
                    "/investigation/queue?" + where.replaceFirst("^&", "") + "#overdue", Attention.Urgency.NOW));
        }
        if (borough != null) {
            List<InvestigatorStore.InvestigatorLink> team = store.investigatorLinks(borough);
            List<String> ids = team.stream().map(InvestigatorStore.InvestigatorLink::investigatorId).toList();
            long reviews = ids.isEmpty() ? 0 : InvestigatorCaseload.of(store.openCrimesOf(ids), List.of(), today, intervals)
                    .reviewsOverdue();
            if (reviews > 0) {
                items.add(new Attention(reviews + " supervisory review" + (reviews == 1 ? "" : "s") + " due",
                        "Open crimes whose review date has passed", "/investigation/caseloads?review=overdue",
                        Attention.Urgency.SOON));
            }
        }
        if (borough == null) {
            items.addAll(forceReviewsOverdue(today));
        }
        long screenedOut = allocation.screenedOutForReview(borough, 0, 1).total();
        if (screenedOut > 0) {
            items.add(new Attention(screenedOut + " screened-out crime" + (screenedOut == 1 ? "" : "s") + " to review",
                    user.role().readOnly() ? "Check the decisions not to investigate further, and whether a supervisor agreed"
                            : "Agree or overturn the decision not to investigate further",
                    "/investigation/queue?" + where.replaceFirst("^&", "") + "#review", Attention.Urgency.ROUTINE));
        }
        return items;
    }

    /**
     * For a force-wide reviewer (an inspector, a force-wide supervisor): open crimes past their supervisory review
     * date across the force, linked to the borough with the most, since the caseloads page is a borough's.
     */
    private List<Attention> forceReviewsOverdue(LocalDate today) {
        Map<String, String> boroughOf = new HashMap<>();
        store.investigatorLinks(null).forEach(l -> boroughOf.put(l.investigatorId(), l.boroughCode()));
        if (boroughOf.isEmpty()) {
            return List.of();
        }
        Map<String, List<InvestigatorCaseload.OpenCrime>> byBorough = new HashMap<>();
        store.openCrimesOf(List.copyOf(boroughOf.keySet())).forEach(c -> byBorough
                .computeIfAbsent(String.valueOf(boroughOf.get(c.investigatorId())), k -> new ArrayList<>()).add(c));
        Map<String, Long> overdue = new HashMap<>();
        byBorough.forEach((b, crimes) -> overdue.put(b, InvestigatorCaseload.of(crimes, List.of(), today, intervals)
                .reviewsOverdue()));
        long total = overdue.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return List.of();
        }
        Map.Entry<String, Long> most = overdue.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return List.of(new Attention(total + " investigation" + (total == 1 ? "" : "s") + " past the supervisory review date",
                "Across the force; most in " + boroughs.get().getOrDefault(most.getKey(), most.getKey()) + " ("
                        + most.getValue() + ")", "/investigation/caseloads?review=overdue&borough=" + most.getKey(),
                Attention.Urgency.SOON));
    }

    private List<Attention> investigatorItems(User user) {
        {
            return store.investigatorOf(user.username()).map(inv -> {
                LocalDate today = LocalDate.now(clock);
                InvestigatorCaseload.View view = InvestigatorCaseload.of(store.openCrimesOf(List.of(inv.investigatorId())),
                        store.openDeadlinesOf(List.of(inv.investigatorId()), horizon(today)), today, intervals);
                List<Attention> items = new ArrayList<>();
                long overdue = view.overdueDeadlines();
                long soon = view.dueSoonDeadlines();
                items.add(new Attention(view.crimes().size() + " open crime" + (view.crimes().size() == 1 ? "" : "s")
                        + " in your caseload", overdue + " Victims' Code deadline" + (overdue == 1 ? "" : "s") + " overdue, "
                        + soon + " due soon", "/investigation/caseload",
                        overdue > 0 ? Attention.Urgency.NOW : soon > 0 ? Attention.Urgency.SOON : Attention.Urgency.ROUTINE));
                long reviews = view.reviewsOverdue();
                if (reviews > 0) {
                    items.add(new Attention(reviews + " of your crimes " + (reviews == 1 ? "is" : "are") + " past the review date",
                            "Bring the plan up to date for your supervisor", "/investigation/caseload#crimes",
                            Attention.Urgency.SOON));
                }
                List<InvestigatorStore.DueAction> actions = store.dueActionsOf(inv.investigatorId(), user.username(),
                        horizon(today));
                long late = actions.stream().filter(a -> a.dueDate().isBefore(today)).count();
                if (!actions.isEmpty()) {
                    items.add(new Attention(actions.size() + " investigative action" + (actions.size() == 1 ? "" : "s")
                            + " due", late + " overdue, the rest due within " + intervals.dueSoonWorkingDays() + " working days",
                            "/investigation/caseload#actions", late > 0 ? Attention.Urgency.NOW : Attention.Urgency.SOON));
                }
                return items;
            }).orElse(List.of());
        }
    }

    private LocalDate horizon(LocalDate today) {
        return WorkingDays.add(today, intervals.dueSoonWorkingDays());
    }

    private static Sensitivity[] sensitivities(List<InvestigatorCaseload.OpenCrime> crimes) {
        Set<Sensitivity> s = new LinkedHashSet<>();
        for (InvestigatorCaseload.OpenCrime c : crimes) {
            s.addAll(List.of(InvestigationRoutes.sensitivities(c.domesticAbuse(), c.offenceGroup())));
        }
        return s.toArray(Sensitivity[]::new);
    }

    /** What the supervisor's view of a borough's caseloads asks of the access policy, before its borough. */
    static AccessRequest boroughCaseloads() {
        return AccessRequest.view(Section.INVESTIGATION).dutyOf("seeing the borough's caseloads", supervisors());
    }

    /** Who supervises investigators' caseloads: the borough's crime management supervisor and force-wide roles. */
    private static Set<Role> supervisors() {
        Set<Role> roles = EnumSet.of(Role.CRIME_MANAGEMENT_SUPERVISOR);
        roles.addAll(Role.forceWide());
        return roles;
    }

    private static boolean isSupervisor(User user) {
        return user.role() == Role.CRIME_MANAGEMENT_SUPERVISOR;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
