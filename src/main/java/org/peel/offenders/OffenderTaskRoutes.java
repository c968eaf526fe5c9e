package org.peel.offenders;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessDecision;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.place.PlaceStore;
import org.peel.place.Ward;
import org.peel.web.Attention;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The neighbourhood team's side of IOM, under Prevention: the open tasks offender managers sent to the wards of the
 * officer's borough, to complete with a result, and the highest-harm cohort members living in those wards. What a
 * task shows of the offender (nominal number, name, ward, score) is what the team needs to act on it; the access
 * policy decides on the borough and the prevention section, and every page is an audited read of personal data.
 */
public final class OffenderTaskRoutes {

    /** Who completes a task: the neighbourhood team. */
    static final Set<Role> COMPLETERS = Set.of(Role.NEIGHBOURHOOD_OFFICER);
    /** How many of the highest-harm offenders the page lists. */
    static final int HIGHEST_HARM = 20;

    private final Web web;
    private final IomStore store;
    private final PlaceStore places;
    private final Clock clock;
    private final WardOfficers officers;

    private final org.peel.access.AuditTrail audit;

    public OffenderTaskRoutes(Web web, IomStore store, PlaceStore places, Clock clock, WardOfficers officers,
                              org.peel.access.AuditTrail audit) {
        this.audit = audit;
        this.web = web;
        this.store = store;
        this.places = places;
        this.clock = clock;
        this.officers = officers;
    }

    public void register(RoutesConfig routes) {
        routes.get("/prevention/offender-tasks", this::list);
        routes.post("/prevention/offender-tasks/{id}/complete", this::complete);
    }

    static AccessRequest request() {
        return AccessRequest.view(Section.PREVENTION);
    }

    /** A cohort member living in one of the officer's wards. */
    public record Resident(String offenderId, String name, String wardCode, String wardName, double score,
                           List<String> reasons, int openTasks) {
    }

    private void list(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        if (web.authorizePage(ctx, request().inBorough(borough).withPersonalData(Web.statedPurpose(ctx)),
                "iom-task-list", borough == null ? "force" : borough).isEmpty()) {
            return;
        }
        show(ctx, borough, 200, FormErrors.none(), null);
    }

    /**
     * The wards the page shows: one ward when asked for; else the officer's own wards when an administrator assigned
     * them any (unless the whole borough is asked for); else every ward of the borough (null).
     */
    private Set<String> wardsShown(Context ctx, User user, String borough) {
        String ward = Optional.ofNullable(ctx.queryParam("ward")).filter(w -> !w.isBlank()).orElse(null);
        if (ward != null) {
            return Set.of(ward);
        }
        if ("borough".equals(ctx.queryParam("scope"))) {
            return null;
        }
        List<String> own = officers.wardsOf(user.username());
        return own.isEmpty() || borough == null ? null : Set.copyOf(own);
    }

    private void show(Context ctx, String borough, int status, FormErrors errors, Long failedTask) {
        User user = Web.signedIn(ctx);
        Set<String> shown = wardsShown(ctx, user, borough);
        String ward = Optional.ofNullable(ctx.queryParam("ward")).filter(w -> !w.isBlank()).orElse(null);
        List<Ward> wards = borough == null ? List.of() : places.wardsIn(borough);
        Map<String, String> wardNames = new HashMap<>();
        wards.forEach(w -> wardNames.put(w.code(), w.name()));
        List<IomStore.Task> tasks = store.openTasks(borough, null).stream()
                .filter(t -> shown == null || shown.contains(t.wardCode())).toList();
        Web.noStore(ctx);
        ctx.status(status);
        Map<String, Object> params = new HashMap<>();
        params.put("tasks", tasks);
        params.put("wards", wards);
        params.put("wardNames", wardNames);
        params.put("ward", ward == null ? "" : ward);
        params.put("residents", residents(borough, shown, wardNames, tasks));
        params.put("ownWards", shown != null && ward == null
                ? shown.stream().map(w -> wardNames.getOrDefault(w, w)).sorted().toList() : List.of());
        params.put("errors", errors);
        params.put("failedTask", failedTask == null ? -1L : failedTask);
        params.put("canComplete", COMPLETERS.contains(Web.signedIn(ctx).role()));
        params.put("today", LocalDate.now(clock));
        web.render(ctx, "offenders/tasks.jte", web.page(ctx, "Tasks for offenders in your wards", Section.PREVENTION),
                params);
    }

    /** The highest-harm members of the latest cohort living in the borough (in the wards shown, when given). */
    private List<Resident> residents(String borough, Set<String> shown, Map<String, String> wardNames,
                                     List<IomStore.Task> tasks) {
        return residents(borough, shown, wardNames, tasks, HIGHEST_HARM);
    }

    private List<Resident> residents(String borough, Set<String> shown, Map<String, String> wardNames,
                                     List<IomStore.Task> tasks, int most) {
        Optional<IomStore.Run> run = store.latestRun();
        if (run.isEmpty() || borough == null) {
            return List.of();
        }
        List<IomStore.StoredScore> scores = store.scores(run.get().id(), null, 1_000_000).stream()
                .filter(IomStore.StoredScore::inRuleCohort).toList();
        Map<String, IomStore.Nominal> nominals = store.nominals(scores.stream().map(IomStore.StoredScore::offenderId).toList());
        Map<String, Integer> open = new HashMap<>();
        tasks.forEach(t -> open.merge(t.offenderId(), 1, Integer::sum));
        List<Resident> out = new ArrayList<>();
        for (IomStore.StoredScore s : scores) {
            IomStore.Nominal n = nominals.get(s.offenderId());
            if (n == null || n.wardCode() == null || !wardNames.containsKey(n.wardCode())
                    || (shown != null && !shown.contains(n.wardCode()))) {
                continue;
            }
            out.add(new Resident(n.id(), n.name(), n.wardCode(), wardNames.get(n.wardCode()), s.score(), s.reasons(),
                    open.getOrDefault(n.id(), 0)));
        }
        out.sort(java.util.Comparator.comparingDouble(Resident::score).reversed().thenComparing(Resident::offenderId));
        return out.subList(0, Math.min(most, out.size()));
    }

    private void complete(Context ctx) {
        long id = Web.pathId(ctx, "id", "task");
        IomStore.Task task = store.task(id).orElseThrow(() -> new NotFoundResponse("No task " + id));
        User user = web.authorize(ctx, request().inBorough(task.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx)).dutyOf("completing a neighbourhood task", COMPLETERS),
                "iom-task", Long.toString(id));
        String result = Optional.ofNullable(ctx.formParam("result")).orElse("").strip();
        if (result.isEmpty()) {
            show(ctx, task.boroughCode(), 400, FormErrors.of("result-" + id, "Say what you found or did"), id);
            return;
        }
        if (!task.open()) {
            show(ctx, task.boroughCode(), 409, FormErrors.of("result-" + id, "This task was already completed"), id);
            return;
        }
        store.jdbi().useTransaction(h -> {
            if (store.completeTask(h, id, result, user.username(), clock.instant())) {
                web.audit(h, ctx, AuditEvent.by(user, "iom-task.complete", "iom-task", Long.toString(id),
                        AuditEvent.SUCCESS));
            }
        });
        ctx.redirect("/prevention/offender-tasks");
    }

    /** How many of the highest-harm offenders the neighbourhood officer's home page names. */
    static final int ON_HOME_PAGE = 5;

    /**
     * The neighbourhood officer's home page: open tasks in their wards (their borough's, when they have none), and,
     * by name with score, reasons and a link to them on the task list, the highest-harm cohort members living there.
     * Naming them is a read of personal data: the access policy decides, and the read (or its refusal) is audited.
     */
    public Attention.Source attention() {
        return user -> {
            if (!COMPLETERS.contains(user.role()) || user.boroughCode() == null) {
                return List.of();
            }
            List<String> own = officers.wardsOf(user.username());
            List<IomStore.Task> tasks = store.openTasks(user.boroughCode(), null).stream()
                    .filter(t -> own.isEmpty() || own.contains(t.wardCode())).toList();
            List<Attention> items = new ArrayList<>();
            LocalDate today = LocalDate.now(clock);
            if (!tasks.isEmpty()) {
                long overdue = tasks.stream().filter(t -> t.dueOn().isBefore(today)).count();
                items.add(new Attention(tasks.size() + (tasks.size() == 1 ? " offender task" : " offender tasks")
                        + " for your wards",
                        overdue > 0 ? overdue + " overdue; the highest-harm offenders living in your wards are listed with them"
                                : "Check addresses, gather intelligence and visit; the highest-harm offenders living in your"
                                + " wards are listed with them",
                        "/prevention/offender-tasks", overdue > 0 ? Attention.Urgency.NOW : Attention.Urgency.SOON));
            }
            items.addAll(highestHarm(user, own, tasks));
            return items;
        };
    }

    private List<Attention> highestHarm(User user, List<String> own, List<IomStore.Task> tasks) {
        Optional<IomStore.Run> run = store.latestRun();
        if (run.isEmpty()) {
            return List.of();
        }
        String runId = Long.toString(run.get().id());
        AccessDecision decision = AccessPolicy.decide(user, request().inBorough(user.boroughCode()).withPersonalData(null));
        if (!decision.allowed()) {
            audit.record(AuditEvent.by(user, "iom-highest-harm.home", "iom-cohort-run", runId, AuditEvent.DENIED)
                    .detail(String.join("; ", decision.reasons())));
            return List.of();
        }
        Map<String, String> wardNames = new HashMap<>();
        places.wardsIn(user.boroughCode()).forEach(w -> wardNames.put(w.code(), w.name()));
        List<Resident> residents = residents(user.boroughCode(), own.isEmpty() ? null : Set.copyOf(own), wardNames,
                tasks, ON_HOME_PAGE);
        if (residents.isEmpty()) {
            return List.of();
        }
        audit.record(AuditEvent.by(user, "iom-highest-harm.home", "iom-cohort-run", runId, AuditEvent.SUCCESS)
                .detail("named on the home page: " + String.join(", ", residents.stream().map(Resident::offenderId)
                        .toList())));
        List<Attention> items = new ArrayList<>();
        for (Resident r : residents) {
            items.add(new Attention("Highest harm in your wards: " + r.name() + " (" + r.offenderId() + "), score "
                    + String.format("%.2f", r.score()),
                    "Lives in " + r.wardName() + "; " + String.join("; ", r.reasons())
                            + (r.openTasks() > 0 ? "; " + r.openTasks() + " open task" + (r.openTasks() == 1 ? "" : "s")
                            : ""),
                    "/prevention/offender-tasks?ward=" + r.wardCode() + "#offender-" + r.offenderId(),
                    Attention.Urgency.ROUTINE));
        }
        return items;
    }
}
