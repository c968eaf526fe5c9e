package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.web.Web;

import java.time.LocalDate;
import java.util.List;

/**
 * The read API of the gangs matrix, under the same safeguards as its pages: only people on the matrix now (included
 * after a harm assessment that never scores victims, corroborated, review not lapsed) are served; people never
 * included or removed are not found here. A person's involvements come in two lists, as perpetrator and as victim,
 * so that no victim involvement is ever given as harm. The access policy decides on the borough, the intelligence
 * sensitivity and the stated purpose, and each read is audited; partners hold no organised crime section and are
 * refused, so the matrix leaves the force only through the share gate, under an active agreement, as on the pages.
 */
public final class GangApiRoutes {

    private final Web web;
    private final GangMatrix matrix;

    public GangApiRoutes(Web web, GangMatrix matrix) {
        this.web = web;
        this.matrix = matrix;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/gangs-matrix", this::list);
        routes.get("/api/v1/gangs-matrix/{id}", this::entry);
    }

    /** One person on the matrix as {@code GET /api/v1/gangs-matrix} lists them. */
    public record MatrixEntry(String id, String name, LocalDate dateOfBirth, String gangName, String ocgId,
                              String boroughCode, int harmScore, int sources, LocalDate reviewDue,
                              LocalDate lastReviewed) {
    }

    /** One involvement: what, when, and the source it came from. */
    public record InvolvementAnswer(String kind, LocalDate on, String source) {
    }

    /** A person on the matrix with the reasons for their score and their involvements, perpetrator and victim apart. */
    public record MatrixPerson(String id, String name, LocalDate dateOfBirth, String gangName, String ocgId,
                               String boroughCode, int harmScore, int sources, List<String> reasons,
                               LocalDate reviewDue, LocalDate lastReviewed, String dpiaReference,
                               List<InvolvementAnswer> asPerpetrator, List<InvolvementAnswer> asVictim) {
    }

    private static AccessRequest intelligence() {
        return AccessRequest.view(Section.ORGANISED_CRIME).touching(Sensitivity.INTELLIGENCE);
    }

    /** On the matrix today: included, and the review date not passed. */
    private boolean onMatrix(GangStore.Nominal n) {
        return n.included() && !n.reviewLapsed(matrix.today());
    }

    private void list(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        web.authorize(ctx, intelligence().inBorough(borough).withPersonalData(Web.statedPurpose(ctx)), "gang-matrix",
                borough == null ? "force" : borough);
        Web.noStore(ctx);
        ctx.json(matrix.store().withStatus("included", borough).stream().filter(this::onMatrix)
                .map(n -> new MatrixEntry(n.id(), n.name(), n.dateOfBirth(), n.gangName(), n.ocgId(), n.boroughCode(),
                        n.score(), n.sources(), n.reviewDue(), n.lastReviewed())).toList());
    }

    private void entry(Context ctx) {
        String id = ctx.pathParam("id");
        GangStore.Nominal n = matrix.store().find(id).orElseThrow(() -> new NotFoundResponse(
                "No one on the gangs matrix is " + id));
        web.authorize(ctx, intelligence().inBorough(n.boroughCode()).withPersonalData(Web.statedPurpose(ctx)),
                "gang_nominal", n.id());
        if (!onMatrix(n)) {
            // considered but not on the matrix (never included, removed, or review lapsed): nothing is served
            throw new NotFoundResponse("No one on the gangs matrix is " + id);
        }
        List<GangStore.Involvement> all = matrix.store().involvements(n.id());
        Web.noStore(ctx);
        ctx.json(new MatrixPerson(n.id(), n.name(), n.dateOfBirth(), n.gangName(), n.ocgId(), n.boroughCode(),
                n.score(), n.sources(), n.reasons(), n.reviewDue(), n.lastReviewed(), n.dpiaReference(),
                answers(all, GangHarmAssessment.Role.PERPETRATOR), answers(all, GangHarmAssessment.Role.VICTIM)));
    }

    private static List<InvolvementAnswer> answers(List<GangStore.Involvement> all, GangHarmAssessment.Role role) {
        return all.stream().filter(i -> i.role() == role).map(i -> new InvolvementAnswer(i.kind(), i.on(), i.source()))
                .toList();
    }
}
