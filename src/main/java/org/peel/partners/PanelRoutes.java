package org.peel.partners;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.Section;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.access.User;
import org.peel.place.PlaceStore;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ASB MARAC and complex case panels as the force's officer works them: open a case shared with the agencies on the
 * panel under an active agreement, set actions for each agency (or the police) and mark them done. Partners see the
 * case and its actions through the share gate on the multi-agency cases page.
 */
public final class PanelRoutes {

    private static final Map<String, String> KINDS = Map.of("asb-marac", "ASB MARAC",
            "complex-case-panel", "Complex case panel");

    private final Web web;
    private final SharingStore sharing;
    private final PartnerCaseStore cases;
    private final PanelStore panels;
    private final PlaceStore places;
    private final Clock clock;

    public PanelRoutes(Web web, SharingStore sharing, PartnerCaseStore cases, PanelStore panels, PlaceStore places,
                       Clock clock) {
        this.web = web;
        this.sharing = sharing;
        this.cases = cases;
        this.panels = panels;
        this.places = places;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/partners/panels/new", this::form);
        routes.post("/partners/panels", this::open);
        routes.get("/partners/panels/{id}", this::show);
        routes.post("/partners/panels/{id}/actions", this::addAction);
        routes.post("/partners/panels/{id}/actions/{aid}/done", this::done);
    }

    static AccessRequest working(String borough) {
        return AccessRequest.view(Section.PARTNERSHIP).inBorough(borough)
                .dutyOf("working multi-agency panels", PartnerHarmRoutes.READERS);
    }

    private void form(Context ctx) {
        User user = Web.signedIn(ctx);
        web.authorize(ctx, working(user.boroughCode()).changing(), "partner_case", null);
        showForm(ctx, 200, FormErrors.none(), Map.of("openedOn", LocalDate.now(clock).toString()), user);
    }

    private void showForm(Context ctx, int status, FormErrors errors, Map<String, String> values, User user) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new HashMap<>();
        params.put("errors", errors);
        params.put("values", values);
        params.put("kinds", KINDS);
        params.put("wards", user.boroughCode() == null ? List.of() : places.wardsIn(user.boroughCode()));
        params.put("agreements", sharing.agreements().stream().filter(a -> a.activeOn(today)).toList());
        params.put("organisations", sharing.organisations());
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "partners/panelform.jte", web.page(ctx, "Open a multi-agency panel case", Section.PARTNERSHIP),
                params);
    }

    private void open(Context ctx) {
        User user = Web.signedIn(ctx);
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("kind", "title", "ward", "summary", "subjectName", "risk", "openedOn", "meetingOn",
                "agreement")) {
            values.put(f, FormErrors.text(ctx, f));
        }
        FormErrors errors = FormErrors.none();
        if (!KINDS.containsKey(values.get("kind"))) {
            errors.add("kind", "Choose ASB MARAC or complex case panel");
        }
        if (values.get("title").isEmpty()) {
            errors.add("title", "Give the case a short title");
        }
        if (values.get("summary").isEmpty()) {
            errors.add("summary", "Say why the case comes to the panel");
        }
        LocalDate opened = errors.requiredDate(values.get("openedOn"), "openedOn", "the day the case was referred");
        LocalDate meeting = values.get("meetingOn").isEmpty() ? null
                : errors.requiredDate(values.get("meetingOn"), "meetingOn", "the panel meeting's day");
        LocalDate today = LocalDate.now(clock);
        SharingAgreement agreement = sharing.agreement(values.get("agreement")).filter(a -> a.activeOn(today))
                .orElse(null);
        if (agreement == null) {
            errors.add("agreement", "Choose the active information-sharing agreement the case is shared under");
        }
        List<String> parties = ctx.formParams("party").stream().filter(p -> !p.isBlank()).toList();
        if (parties.isEmpty()) {
            errors.add("party", "Choose the agencies on the panel");
        } else if (agreement != null && !agreement.parties().containsAll(parties)) {
            errors.add("party", "Only agencies named in agreement " + agreement.id() + " can be on the case: "
                    + String.join(", ", agreement.parties()));
        }
        String borough = user.boroughCode();
        if (!values.get("ward").isEmpty()) {
            var ward = places.ward(values.get("ward"));
            if (ward.isEmpty() || (borough != null && !ward.get().boroughCode().equals(borough))) {
                errors.add("ward", "Choose a ward in your borough");
            } else {
                borough = ward.get().boroughCode();
            }
        } else if (borough == null) {
            errors.add("ward", "Choose the ward");
        }
        if (errors.any()) {
            web.authorize(ctx, working(null).changing(), "partner_case", null);
            showForm(ctx, 400, errors, values, user);
            return;
        }
        web.authorize(ctx, working(borough).changing().withPersonalData(Web.statedPurpose(ctx)), "partner_case", null);
        String id = panels.nextId(values.get("kind"), opened.getYear());
        cases.open(user, new PartnerCaseStore.PartnerCase(id, values.get("kind"), values.get("title"), borough,
                values.get("ward").isEmpty() ? null : values.get("ward"), values.get("summary"),
                blankToNull(values.get("subjectName")), null, blankToNull(values.get("risk")), agreement.id(), opened,
                meeting, null, null, null, parties, List.of()));
        ctx.redirect("/partners/panels/" + id);
    }

    private PartnerCaseStore.PartnerCase panel(Context ctx, boolean change) {
        String id = ctx.pathParam("id");
        PartnerCaseStore.PartnerCase c = cases.find(id).orElseThrow(() -> new NotFoundResponse("No case " + id));
        AccessRequest request = working(c.boroughCode());
        web.authorize(ctx, change ? request.changing() : request.withPersonalData(Web.statedPurpose(ctx)),
                "partner_case", id);
        return c;
    }

    private void show(Context ctx) {
        showCase(ctx, 200, panel(ctx, false), FormErrors.none(), Map.of());
    }

    private void showCase(Context ctx, int status, PartnerCaseStore.PartnerCase c, FormErrors errors,
                          Map<String, String> values) {
        Map<String, Object> params = new HashMap<>();
        params.put("c", c);
        params.put("organisations", sharing.organisations().stream().filter(o -> c.parties().contains(o.id())).toList());
        params.put("errors", errors);
        params.put("values", values);
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "partners/panel.jte", web.page(ctx, c.title(), Section.PARTNERSHIP), params);
    }

    private void addAction(Context ctx) {
        PartnerCaseStore.PartnerCase c = panel(ctx, true);
        User user = Web.signedIn(ctx);
        FormErrors errors = FormErrors.none();
        String action = FormErrors.text(ctx, "action");
        String agency = FormErrors.text(ctx, "agency");
        if (action.isEmpty()) {
            errors.add("action", "Say what the agency will do");
        }
        if (!agency.isEmpty() && !c.parties().contains(agency)) {
            errors.add("agency", "The action must be for the police or an agency on the case");
        }
        LocalDate due = errors.requiredDate(FormErrors.text(ctx, "dueOn"), "dueOn", "the day it is due");
        if (errors.any()) {
            showCase(ctx, 400, c, errors, Map.of("action", action, "agency", agency, "dueOn", FormErrors.text(ctx, "dueOn")));
            return;
        }
        panels.addAction(c.id(), agency.isEmpty() ? null : agency, action, due, user.username(), h -> web.audit(h, ctx,
                AuditEvent.by(user, "partner-case-action", "partner_case", c.id(), AuditEvent.SUCCESS)
                        .detail("for " + (agency.isEmpty() ? "police" : agency))));
        ctx.redirect("/partners/panels/" + c.id());
    }

    private void done(Context ctx) {
        PartnerCaseStore.PartnerCase c = panel(ctx, true);
        User user = Web.signedIn(ctx);
        long aid = Web.pathId(ctx, "aid", "action");
        if (!panels.actionDone(c.id(), aid, LocalDate.now(clock), h -> web.audit(h, ctx,
                AuditEvent.by(user, "partner-case-action-done", "partner_case", c.id(), AuditEvent.SUCCESS)
                        .detail("action " + aid)))) {
            throw new BadRequestResponse("That action is not open on this case");
        }
        ctx.redirect("/partners/panels/" + c.id());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
