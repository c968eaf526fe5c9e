package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.web.Attention;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Organised crime tasks from the neighbourhood officer's side: the open tasks given to them by name or to their
 * borough's team, each with the group, the member it is against, what to do, why and by when, and the form to complete
 * it with the result. Officers reach it through the prevention section they hold; analysts see every open task of a
 * borough and may withdraw one; a group's lead responsible officer sees and may complete the tasks on the groups they
 * lead. A task names a member, so the page is an audited read of personal data.
 */
public final class OcgTaskRoutes {

    /** Who completes a task: the neighbourhood officer tasked, or one of the borough's team. */
    static final Set<Role> COMPLETERS = Set.of(Role.NEIGHBOURHOOD_OFFICER);

    private final Web web;
    private final OcgRegister register;
    private final AuditTrail audit;
    private final Supplier<Map<String, String>> boroughNames;
    private final Clock clock;

    public OcgTaskRoutes(Web web, OcgRegister register, AuditTrail audit, Supplier<Map<String, String>> boroughNames,
                         Clock clock) {
        this.web = web;
        this.register = register;
        this.audit = audit;
        this.boroughNames = boroughNames;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organised-crime/tasks", this::list);
        routes.post("/organised-crime/tasks/{id}/complete", this::complete);
        routes.post("/organised-crime/tasks/{id}/withdraw", this::withdraw);
    }

    private static AccessRequest analyst() {
        return AccessRequest.view(Section.ORGANISED_CRIME).touching(Sensitivity.INTELLIGENCE);
    }

    private static boolean isAnalyst(User user) {
        return AccessPolicy.decide(user, analyst()).allowed();
    }

    /**
     * Analysts through organised crime; neighbourhood officers through the prevention section they work in; a lead
     * responsible officer, whatever their role, for the tasks on the groups they lead.
     */
    private AccessRequest request(User user, String borough) {
        if (isAnalyst(user)) {
            return analyst().inBorough(borough);
        }
        AccessRequest officer = AccessRequest.view(Section.PREVENTION).inBorough(borough);
        if (!AccessPolicy.decide(user, officer).allowed() && !register.store().ledBy(user.username()).isEmpty()) {
            return officer.ledBy(user.username());
        }
        return officer;
    }

    /**
     * Completing a task: the neighbourhood officer tasked (or one of the borough's team), or the group's lead
     * responsible officer, as the access policy decides; whether the task is this officer's own is checked after.
     */
    static AccessRequest completing(OcgTask task) {
        return AccessRequest.view(Section.PREVENTION).inBorough(task.boroughCode()).changing()
                .dutyOf("completing an organised crime task", COMPLETERS).ledBy(task.groupLead());
    }

    /** Whether the user may complete this task: the policy allows it and it is theirs, their team's or they lead. */
    static boolean mayComplete(User user, OcgTask task) {
        return AccessPolicy.decide(user, completing(task).withPersonalData("completing the task")).allowed()
                && (AccessPolicy.leads(user, task.groupLead()) || task.tasks(user.username(), user.boroughCode()));
    }

    private void list(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        if (web.authorizePage(ctx, request(user, borough).withPersonalData(Web.statedPurpose(ctx)), "ocg-task-list",
                borough == null ? "force" : borough).isPresent()) {
            show(ctx, user, borough, 200, FormErrors.none(), -1L);
        }
    }

    private void show(Context ctx, User user, String borough, int status, FormErrors errors, long failedTask) {
        boolean analyst = isAnalyst(user);
        Map<String, Object> params = new HashMap<>();
        List<OcgTask> tasks = register.store().openTasks(borough, analyst ? null : user.username());
        params.put("tasks", tasks);
        params.put("completable", tasks.stream().filter(t -> mayComplete(user, t)).map(OcgTask::id)
                .collect(java.util.stream.Collectors.toSet()));
        params.put("boroughNames", boroughNames.get());
        params.put("borough", borough == null ? "" : borough);
        params.put("analyst", analyst);
        params.put("canWithdraw", analyst && !user.role().readOnly());
        params.put("errors", errors);
        params.put("failedTask", failedTask);
        params.put("today", LocalDate.now(clock));
        params.put("purposeQuery", purposeQuery(ctx));
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "organisedcrime/tasks.jte", web.page(ctx, "Organised crime tasks",
                analyst ? Section.ORGANISED_CRIME : Section.PREVENTION), params);
    }

    private static String purposeQuery(Context ctx) {
        String purpose = Web.statedPurpose(ctx);
        return purpose == null ? "" : "?purpose=" + java.net.URLEncoder.encode(purpose,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private OcgTask taskOf(Context ctx) {
        long id = Web.pathId(ctx, "id", "task");
        return register.store().task(id).orElseThrow(() -> new NotFoundResponse("No task " + id));
    }

    /**
     * The officer tasked (or, for a task to the team, an officer of the borough) completes it with the result; so may
     * the group's lead responsible officer, for a result reported to them.
     */
    private void complete(Context ctx) {
        OcgTask task = taskOf(ctx);
        String id = Long.toString(task.id());
        User user = web.authorize(ctx, completing(task).withPersonalData(Web.statedPurpose(ctx)), "ocg-task", id);
        if (!AccessPolicy.leads(user, task.groupLead()) && !task.tasks(user.username(), user.boroughCode())) {
            audit.record(AuditEvent.by(user, "access-denied", "ocg-task", id, AuditEvent.DENIED).from(ctx.ip())
                    .detail("POST " + ctx.path() + ": the task is for " + task.officer()));
            throw new ForbiddenResponse("This task was given to another officer");
        }
        String result = Optional.ofNullable(ctx.formParam("result")).orElse("").strip();
        if (result.isEmpty()) {
            show(ctx, user, task.boroughCode(), 400, FormErrors.of("result-" + id, "Say what you found or did"),
                    task.id());
            return;
        }
        if (!register.closeTask(user, task.id(), true, result, ctx.ip())) {
            show(ctx, user, task.boroughCode(), 409, FormErrors.of("result-" + id, "This task is no longer open"),
                    task.id());
            return;
        }
        ctx.redirect("/organised-crime/tasks" + purposeQuery(ctx));
    }

    /** Whoever may change the group withdraws a task it no longer needs, saying why. */
    private void withdraw(Context ctx) {
        OcgTask task = taskOf(ctx);
        User user = web.authorize(ctx, analyst().changing(), "ocg-task", Long.toString(task.id()));
        String why = Optional.ofNullable(ctx.formParam("result")).orElse("").strip();
        register.closeTask(user, task.id(), false, why.isEmpty() ? "withdrawn" : "withdrawn: " + why, ctx.ip());
        ctx.redirect("/organised-crime/groups/" + task.ocgId() + purposeQuery(ctx));
    }

    /** The tasked officer's home page: their open organised crime tasks, overdue ones first to say. */
    public List<Attention> attention(User user) {
        if (!COMPLETERS.contains(user.role()) || user.boroughCode() == null) {
            return List.of();
        }
        List<OcgTask> tasks = register.store().openTasks(user.boroughCode(), user.username());
        if (tasks.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        long overdue = tasks.stream().filter(t -> t.overdue(today)).count();
        long named = tasks.stream().filter(t -> user.username().equals(t.officer())).count();
        return List.of(new Attention(tasks.size() + (tasks.size() == 1 ? " organised crime task" : " organised crime"
                + " tasks") + " for you",
                named + " given to you by name, " + (tasks.size() - named) + " to your borough's team"
                        + (overdue > 0 ? "; " + overdue + " overdue" : "") + ": soonest due "
                        + tasks.get(0).dueOn() + " (" + tasks.get(0).groupName() + ")",
                "/organised-crime/tasks", overdue > 0 ? Attention.Urgency.NOW : Attention.Urgency.SOON));
    }
}
