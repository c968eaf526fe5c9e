package org.peel.offenders;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.web.Web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The read API for integrated offender management: an offender's membership of the latest cohort (the rule's choice,
 * any borough exception, and so whether they are managed in it) and the tasks sent for them. Both are reads of
 * offender-management records: the access policy decides on the nominal's borough and the sensitivity, and each read
 * is audited, as the pages are.
 */
public final class OffenderApiRoutes {

    private final Web web;
    private final IomStore store;

    public OffenderApiRoutes(Web web, IomStore store) {
        this.web = web;
        this.store = store;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/offenders/{id}/cohort", this::cohort);
        routes.get("/api/v1/offenders/{id}/tasks", this::tasks);
    }

    /** The answer to {@code GET /api/v1/offenders/{id}/cohort}. */
    public record CohortMembership(String offenderId, List<String> offenderIds, String boroughCode, Long runId,
                                   String ruleVersion, LocalDate asOf, Double score, Integer boroughRank,
                                   boolean chosenByRule, String exception, String exceptionReason, boolean inCohort,
                                   List<String> reasons) {
    }

    /** One task as {@code GET /api/v1/offenders/{id}/tasks} lists it. */
    public record TaskAnswer(long id, String offenderId, String boroughCode, String wardCode, String kind,
                             String details, LocalDate dueOn, String requestedBy, boolean completed,
                             String completedBy, String result) {
    }

    private IomStore.Nominal authorized(Context ctx, String recordType) {
        String id = ctx.pathParam("id");
        IomStore.Nominal n = store.nominal(id).orElseThrow(() -> new NotFoundResponse("No offender " + id));
        web.authorize(ctx, IomRoutes.request().inBorough(n.boroughCode()).withPersonalData(Web.statedPurpose(ctx)),
                recordType, id);
        Web.noStore(ctx);
        return n;
    }

    private void cohort(Context ctx) {
        IomStore.Nominal n = authorized(ctx, "offender-cohort");
        Optional<IomStore.Run> run = store.latestRun();
        Optional<IomStore.StoredScore> s = run.flatMap(r -> store.scoreOf(r.id(), n.id()));
        String standing = s.map(IomStore.StoredScore::offenderId).orElse(n.id());
        List<String> nominals = s.map(IomStore.StoredScore::offenderIds).orElse(List.of(n.id()));
        // a borough's exception may name any of the person's nominals
        Optional<CohortException> e = store.exceptions(null).stream()
                .filter(x -> nominals.contains(x.offenderId())).findFirst();
        boolean byRule = s.map(IomStore.StoredScore::inRuleCohort).orElse(false);
        boolean in = e.map(x -> x.kind() == CohortException.Kind.ADD).orElse(byRule);
        ctx.json(new CohortMembership(standing, nominals, s.map(IomStore.StoredScore::boroughCode).orElse(n.boroughCode()),
                run.map(IomStore.Run::id).orElse(null), run.map(IomStore.Run::ruleVersion).orElse(null),
                run.map(IomStore.Run::asOf).orElse(null), s.map(IomStore.StoredScore::score).orElse(null),
                s.map(IomStore.StoredScore::boroughRank).orElse(null), byRule, e.map(x -> x.kind().code()).orElse(null),
                e.map(CohortException::reason).orElse(null), in, s.map(IomStore.StoredScore::reasons).orElse(List.of())));
    }

    private void tasks(Context ctx) {
        IomStore.Nominal n = authorized(ctx, "offender-tasks");
        ctx.json(store.tasksFor(n.id()).stream().map(t -> new TaskAnswer(t.id(), t.offenderId(), t.boroughCode(),
                t.wardCode(), t.kind(), t.details(), t.dueOn(), t.requestedBy(), !t.open(), t.completedBy(), t.result()))
                .toList());
    }
}
