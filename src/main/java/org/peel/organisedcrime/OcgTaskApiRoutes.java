package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AccessStore;
import org.peel.access.AuditEvent;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.web.ApiJson;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The API of organised crime tasks, with bearer tokens as the rest of {@code /api/v1}, under the same rules as the
 * pages: analysts read every open task of a borough (or the force); a neighbourhood officer reads the tasks given to
 * them or their borough's team; a group's lead responsible officer reads those on the groups they lead. A task names
 * the member it is against, so each read is an audited read of personal data with its stated purpose. Whoever may
 * task for a group (by role, or as its lead responsible officer) gives a task; the officer tasked, their team, or the
 * lead responsible officer completes it. Each change is audited in its own transaction; refusals are audited.
 */
public final class OcgTaskApiRoutes {

    private final Web web;
    private final OcgRegister register;
    private final AccessStore accounts;
    private final Supplier<Map<String, String>> boroughNames;
    private final Clock clock;

    public OcgTaskApiRoutes(Web web, OcgRegister register, AccessStore accounts,
                            Supplier<Map<String, String>> boroughNames, Clock clock) {
        this.web = web;
        this.register = register;
        this.accounts = accounts;
        this.boroughNames = boroughNames;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/ocg-tasks", this::list);
        routes.get("/api/v1/ocg-tasks/{id}", this::one);
        routes.post("/api/v1/ocg-tasks/{id}/complete", this::complete);
        routes.post("/api/v1/ocg-groups/{id}/tasks", this::give);
    }

    /** A task as the API gives it. */
    public record TaskAnswer(long id, String ocgId, String groupName, String memberRecordId, String against,
                             String boroughCode, String officer, String action, String reason, LocalDate dueOn,
                             boolean overdue, String status, String result, String taskedBy, Instant taskedAt,
                             String closedBy, Instant closedAt) {
        static TaskAnswer of(OcgTask t, LocalDate today) {
            return new TaskAnswer(t.id(), t.ocgId(), t.groupName(), t.memberRecordId(), t.against(), t.boroughCode(),
                    t.officer(), t.action(), t.reason(), t.dueOn(), t.overdue(today), t.status(), t.result(),
                    t.taskedBy(), t.taskedAt(), t.closedBy(), t.closedAt());
        }
    }

    /** A task to give, as {@code POST /api/v1/ocg-groups/{id}/tasks} takes it. */
    public record NewTask(String against, String borough, String officer, String action, String reason,
                          String dueOn) {
    }

    /** The result of a task, as {@code POST /api/v1/ocg-tasks/{id}/complete} takes it. */
    public record Completion(String result) {
    }

    private static AccessRequest analyst() {
        return AccessRequest.view(Section.ORGANISED_CRIME).touching(Sensitivity.INTELLIGENCE);
    }

    private static boolean isAnalyst(User user) {
        return AccessPolicy.decide(user, analyst()).allowed();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void list(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        boolean analyst = isAnalyst(user);
        AccessRequest request = analyst ? analyst().inBorough(borough)
                : AccessRequest.view(Section.PREVENTION).inBorough(borough);
        if (!analyst && !AccessPolicy.decide(user, request).allowed()
                && !register.store().ledBy(user.username()).isEmpty()) {
            request = request.ledBy(user.username());
        }
        web.authorize(ctx, request.withPersonalData(Web.statedPurpose(ctx)), "ocg-task-list",
                borough == null ? "force" : borough);
        LocalDate today = today();
        Web.noStore(ctx);
        ctx.json(register.store().openTasks(borough, analyst ? null : user.username()).stream()
                .map(t -> TaskAnswer.of(t, today)).toList());
    }

    private OcgTask taskOf(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            return register.store().task(id).orElseThrow(() -> new NotFoundResponse("No task " + id));
        } catch (NumberFormatException ex) {
            throw new NotFoundResponse("No task " + ctx.pathParam("id"));
        }
    }

    /** One task: to analysts of its borough, the officer or team tasked, and the group's lead responsible officer. */
    private void one(Context ctx) {
        OcgTask task = taskOf(ctx);
        User user = Web.signedIn(ctx);
        String id = Long.toString(task.id());
        AccessRequest request = isAnalyst(user) ? analyst().inBorough(task.boroughCode())
                : AccessRequest.view(Section.PREVENTION).inBorough(task.boroughCode()).ledBy(task.groupLead());
        web.authorize(ctx, request.withPersonalData(Web.statedPurpose(ctx)), "ocg-task", id);
        if (!isAnalyst(user) && !AccessPolicy.leads(user, task.groupLead())
                && !task.tasks(user.username(), user.boroughCode())) {
            web.audit(ctx, AuditEvent.by(user, "access-denied", "ocg-task", id, AuditEvent.DENIED)
                    .detail("GET " + ctx.path() + ": the task is for " + task.officer()));
            throw new ForbiddenResponse("This task was given to another officer");
        }
        Web.noStore(ctx);
        ctx.json(TaskAnswer.of(task, today()));
    }

    /** JSON field names of the task form's fields, for errors. */
    private static final Map<String, String> FIELDS = Map.of("taskAgainst", "against", "taskBorough", "borough",
            "taskOfficer", "officer", "taskAction", "action", "taskReason", "reason", "taskDueOn", "due_on");

    private void give(Context ctx) {
        String ocgId = ctx.pathParam("id");
        OcgGroup g = register.store().find(ocgId).orElseThrow(() -> new NotFoundResponse(
                "No organised crime group " + ocgId));
        User user = web.authorize(ctx, OcgRoutes.tasking(g), "ocg", g.id());
        NewTask body = ApiJson.body(ctx, NewTask.class);
        Map<String, String> values = new HashMap<>();
        values.put("taskAgainst", body.against() == null ? "" : body.against());
        values.put("taskBorough", body.borough() == null ? g.boroughCode() : body.borough());
        values.put("taskOfficer", body.officer() == null ? "" : body.officer());
        values.put("taskAction", body.action() == null ? "" : body.action());
        values.put("taskReason", body.reason() == null ? "" : body.reason());
        values.put("taskDueOn", body.dueOn() == null ? "" : body.dueOn());
        TaskOrders.Checked checked = TaskOrders.check(register.store(), accounts, boroughNames.get().keySet(), g,
                values, today());
        firstError(checked.errors());
        if (!g.active()) {
            throw BadInput.field("id", "the group is archived: it is no longer tasked");
        }
        long id = register.task(user, g.id(), checked.order(), ctx.ip());
        ctx.status(201);
        ctx.json(TaskAnswer.of(register.store().task(id).orElseThrow(), today()));
    }

    private static void firstError(FormErrors errors) {
        if (errors.any()) {
            Map.Entry<String, String> first = errors.all().entrySet().iterator().next();
            throw BadInput.field(FIELDS.getOrDefault(first.getKey(), first.getKey()), first.getValue());
        }
    }

    private void complete(Context ctx) {
        OcgTask task = taskOf(ctx);
        String id = Long.toString(task.id());
        User user = web.authorize(ctx, OcgTaskRoutes.completing(task).withPersonalData(Web.statedPurpose(ctx)),
                "ocg-task", id);
        if (!AccessPolicy.leads(user, task.groupLead()) && !task.tasks(user.username(), user.boroughCode())) {
            web.audit(ctx, AuditEvent.by(user, "access-denied", "ocg-task", id, AuditEvent.DENIED)
                    .detail("POST " + ctx.path() + ": the task is for " + task.officer()));
            throw new ForbiddenResponse("This task was given to another officer");
        }
        Completion body = ApiJson.body(ctx, Completion.class);
        String result = body.result() == null ? "" : body.result().strip();
        if (result.isEmpty()) {
            throw BadInput.field("result", "say what was found or done");
        }
        if (!register.closeTask(user, task.id(), true, result, ctx.ip())) {
            throw new ConflictResponse("This task is no longer open");
        }
        ctx.json(TaskAnswer.of(register.store().task(task.id()).orElseThrow(), today()));
    }
}
