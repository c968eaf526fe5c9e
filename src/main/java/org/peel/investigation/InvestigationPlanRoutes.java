package org.peel.investigation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.User;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * A crime's investigation plan, supervisory reviews and actions over HTTP, from the crime's page: writing a new
 * version of the plan, a supervisor recording a review (the next review falls due by {@link SupervisoryReview#nextDue}),
 * and adding and completing actions. Every write is access-checked as a change to the crime and audited in its own
 * transaction ({@link InvestigationPlans}); a closed
 * crime takes no new plan versions or actions.
 */
public final class InvestigationPlanRoutes {

    private final Web web;
    private final CrimeStore crimes;
    private final InvestigationPlanStore store;
    private final InvestigationPlans plans;
    private final InvestigationRoutes crimePage;
    private final InvestigatorCaseload.ReviewIntervals intervals;
    private final Clock clock;

    public InvestigationPlanRoutes(Web web, Jdbi jdbi, InvestigationRoutes crimePage,
                                   InvestigatorCaseload.ReviewIntervals intervals, Clock clock) {
        this.web = web;
        this.crimes = new CrimeStore(jdbi);
        this.store = new InvestigationPlanStore(jdbi);
        this.plans = new InvestigationPlans(jdbi, web.auditTrail());
        this.crimePage = crimePage;
        this.intervals = intervals;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/investigation/crimes/{id}/plan", this::plan);
        routes.post("/investigation/crimes/{id}/supervisory-reviews", this::review);
        routes.post("/investigation/crimes/{id}/actions", this::addAction);
        routes.post("/investigation/crimes/{id}/actions/{action}/complete", this::completeAction);
    }

    private record Change(CrimeStore.CrimeView view, User user) {
    }

    /** The same check as the crime's other changes: a change to the crime, in its borough, touching its sensitivities. */
    private Change changeable(Context ctx) {
        return changeable(ctx, null);
    }

    /** As {@link #changeable(Context)}, for a duty only a crime management supervisor holds when {@code duty} is given. */
    private Change changeable(Context ctx, String duty) {
        String id = ctx.pathParam("id");
        CrimeStore.CrimeView view = crimes.crime(id).orElseThrow(() -> new NotFoundResponse("No crime " + id));
        User user = web.authorize(ctx, duty == null ? InvestigationRoutes.changing(view)
                : InvestigationRoutes.supervising(view, duty), "crime", id);
        return new Change(view, user);
    }

    private void plan(Context ctx) {
        Change c = changeable(ctx);
        String lines = text(ctx, "lines_of_enquiry");
        String hypotheses = text(ctx, "hypotheses");
        FormErrors errors = FormErrors.none();
        if (c.view().closed()) {
            errors.add("lines_of_enquiry", "The crime is closed with its outcome: its plan can no longer change");
        } else if (lines.isEmpty()) {
            errors.add("lines_of_enquiry", "Enter the lines of enquiry");
        }
        if (errors.any()) {
            refuse(ctx, c, errors);
            return;
        }
        plans.writePlan(c.view().id(), lines, hypotheses, c.user(), ctx.ip(), LocalDateTime.now(clock));
        ctx.redirect("/investigation/crimes/" + c.view().id() + "#plan");
    }

    private void review(Context ctx) {
        Change c = changeable(ctx, "recording a supervisory review");
        String note = text(ctx, "review_note");
        String direction = text(ctx, "direction");
        FormErrors errors = FormErrors.none();
        if (c.view().closed()) {
            errors.add("review_note", "The crime is closed with its outcome: it is no longer reviewed");
        } else if (note.isEmpty()) {
            errors.add("review_note", "Enter what the review found");
        }
        if (errors.any()) {
            refuse(ctx, c, errors);
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate nextDue = SupervisoryReview.nextDue(now.toLocalDate(), priority(c.view()), intervals);
        plans.review(c.view().id(), note, direction, nextDue, c.user(), ctx.ip(), now);
        ctx.redirect("/investigation/crimes/" + c.view().id() + "#reviews");
    }

    private void addAction(Context ctx) {
        Change c = changeable(ctx);
        String description = text(ctx, "action_description");
        String owner = text(ctx, "action_owner");
        FormErrors errors = FormErrors.none();
        if (c.view().closed()) {
            errors.add("action_description", "The crime is closed with its outcome: it takes no new actions");
        } else {
            if (description.isEmpty()) {
                errors.add("action_description", "Describe the action");
            }
            if (owner.isEmpty()) {
                errors.add("action_owner", "Enter the username of the officer who owns the action");
            } else if (!store.userExists(owner)) {
                errors.add("action_owner", "There is no account with the username " + owner);
            }
        }
        LocalDate due = null;
        String dueText = text(ctx, "action_due");
        if (!c.view().closed()) {
            try {
                due = LocalDate.parse(dueText);
            } catch (DateTimeParseException ex) {
                errors.add("action_due", "Enter the due date as YYYY-MM-DD");
            }
        }
        if (errors.any()) {
            refuse(ctx, c, errors);
            return;
        }
        plans.addAction(c.view().id(), description, owner, due, c.user(), ctx.ip(), LocalDateTime.now(clock));
        ctx.redirect("/investigation/crimes/" + c.view().id() + "#actions");
    }

    private void completeAction(Context ctx) {
        Change c = changeable(ctx);
        long action = Web.pathId(ctx, "action", "action");
        if (!plans.completeAction(c.view().id(), action, text(ctx, "completion_note"), c.user(), ctx.ip(),
                LocalDateTime.now(clock))) {
            refuse(ctx, c, FormErrors.of("completion_note", "That action is not open on this crime"));
            return;
        }
        ctx.redirect("/investigation/crimes/" + c.view().id() + "#actions");
    }

    private void refuse(Context ctx, Change c, FormErrors errors) {
        ctx.status(400);
        crimePage.renderCrime(ctx, c.view(), errors);
    }

    /** The crime's screening priority; null (reviewed as routine) when never screened. */
    static Priority priority(CrimeStore.CrimeView view) {
        if (view.screening() == null || view.screening().priority() == null) {
            return null;
        }
        try {
            return Priority.valueOf(view.screening().priority());
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String text(Context ctx, String field) {
        String v = ctx.formParam(field);
        return v == null ? "" : v.strip();
    }
}
