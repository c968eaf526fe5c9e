package org.peel.partners;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessDecision;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.DataCategory;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.ShareDecision;
import org.peel.access.ShareRequest;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.access.User;
import org.peel.web.FormErrors;
import org.peel.web.ListQuery;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Partnership pages: the agreements register, and the multi-agency cases. A partner's account sees only the cases
 * its organisation is party to whose agreement is active, and opens one only through the share gate: the case
 * reduced to the agreement's categories, the share logged and audited.
 */
public final class PartnersRoutes {

    private final Web web;
    private final SharingStore sharing;
    private final PartnerCaseStore cases;
    private final PanelStore panels;
    private final PartnersSettings settings;
    private final Clock clock;

    public PartnersRoutes(Web web, SharingStore sharing, PartnerCaseStore cases, PanelStore panels,
                          PartnersSettings settings, Clock clock) {
        this.web = web;
        this.sharing = sharing;
        this.cases = cases;
        this.panels = panels;
        this.settings = settings;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/partners/cases", this::list);
        routes.get("/partners/cases/{id}", this::show);
        routes.post("/partners/cases/{id}/actions/{aid}", this::updateAction);
        routes.get("/partners/agreements", this::agreements);
    }

    /** Rows a page of the case and agreement lists holds. */
    static final int PAGE = 50;

    private void list(Context ctx) {
        User user = web.authorize(ctx, AccessRequest.view(Section.PARTNERSHIP), "partner_case", null);
        LocalDate today = LocalDate.now(clock);
        ListQuery query = ListQuery.of(ctx, PAGE, List.of("agency", "kind", "status"), List.of());
        String partyOf = null;
        List<String> agreements = null;
        if (user.role() == Role.PARTNER) {
            // a partner sees the cases its organisation is party to, under agreements naming it that are active today
            Optional<String> org = sharing.organisationOf(user.username());
            partyOf = org.orElse("");
            agreements = org.map(o -> sharing.activeFor(o).stream().map(SharingAgreement::id).toList())
                    .orElse(List.of());
        }
        Map<String, String> agencies = new LinkedHashMap<>();
        agencies.put("", "Any");
        sharing.organisations().forEach(o -> agencies.put(o.id(), o.name()));
        String status = query.choice("status", List.of("open", "closed"));
        PartnerCaseStore.CaseFilter filter = new PartnerCaseStore.CaseFilter(
                user.role() == Role.PARTNER ? null : AccessPolicy.boroughInView(user, ctx.queryParam("borough")),
                agencies.containsKey(query.filter("agency")) ? query.filterOrNull("agency") : null,
                query.choice("kind", List.of("asb-case-review", "asb-marac", "complex-case-panel")),
                status == null ? null : status.equals("open"), partyOf, agreements, today);
        ListQuery.Shown<PartnerCaseStore.PartnerCase> shown = query.fetch(() -> cases.count(filter),
                (offset, limit) -> cases.page(filter, offset, limit));
        List<ListQuery.Field> fields = List.of(
                ListQuery.Field.select("agency", "Agency", agencies),
                ListQuery.Field.select("kind", "Kind", ListQuery.options("", "Any", "asb-case-review", "ASB case review",
                        "asb-marac", "ASB MARAC", "complex-case-panel", "Complex case panel")),
                ListQuery.Field.select("status", "Status", ListQuery.options("", "Any", "open", "Open", "closed",
                        "Closed")));
        web.render(ctx, "partners/cases.jte", web.page(ctx, "Multi-agency cases", Section.PARTNERSHIP),
                Map.of("cases", shown.rows(), "paging", shown.paging(), "query", query, "fields", fields));
    }

    private void show(Context ctx) {
        String id = ctx.pathParam("id");
        PartnerCaseStore.PartnerCase c = cases.find(id)
                .orElseThrow(() -> new NotFoundResponse("No multi-agency case " + id));
        String purpose = Web.statedPurpose(ctx);
        Optional<User> asked = web.authorizePage(ctx, AccessRequest.view(Section.PARTNERSHIP)
                .inBorough(c.boroughCode()).withPersonalData(purpose), "partner_case", id);
        if (asked.isEmpty()) {
            return;
        }
        User user = asked.get();
        Map<String, Object> fields;
        List<String> withheld = List.of();
        if (user.role() == Role.PARTNER) {
            Optional<String> org = sharing.organisationOf(user.username());
            if (org.isEmpty() || !c.parties().contains(org.get())) {
                web.audit(ctx, AuditEvent.by(user, "access-denied", "partner_case", id, AuditEvent.DENIED)
                        .because(purpose).detail("organisation is not a party to the case"));
                throw new ForbiddenResponse("Your organisation is not a party to this case");
            }
            ShareDecision d = sharing.share(user, new ShareRequest(org.get(), c.agreementId(),
                    purpose == null ? "" : purpose, "partner view", List.of(c.offered())));
            if (!d.allowed()) {
                throw new ForbiddenResponse("Not shared: " + d.summary());
            }
            fields = d.records().get(0).flat();
            withheld = d.withheld().stream().sorted().map(DataCategory::description).toList();
        } else {
            fields = c.offered().flat();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("c", c);
        params.put("fields", fields);
        params.put("withheld", withheld);
        params.put("updatable", c.actions().stream()
                .filter(a -> mayChange(user, c, a, AccessPolicy.PARTNER_ACTION_FIELDS).allowed())
                .map(PartnerCaseStore.Action::id).toList());
        params.put("statuses", PartnerCaseStore.Action.STATUSES);
        params.put("errors", FormErrors.none());
        web.render(ctx, "partners/case.jte", web.page(ctx, c.title(), Section.PARTNERSHIP), params);
    }

    /** The access policy's answer for this user changing these fields of one action of the case. */
    private AccessDecision mayChange(User user, PartnerCaseStore.PartnerCase c, PartnerCaseStore.Action a,
                                     Set<String> fields) {
        Optional<String> org = user.role() == Role.PARTNER ? sharing.organisationOf(user.username()) : Optional.empty();
        LocalDate today = LocalDate.now(clock);
        boolean active = org.isPresent() && sharing.agreement(c.agreementId())
                .map(ag -> ag.activeOn(today) && ag.covers(org.get())).orElse(false);
        return AccessPolicy.decideActionChange(user, AccessRequest.view(Section.PARTNERSHIP).inBorough(c.boroughCode()),
                new AccessPolicy.ActionChange(org.orElse(null), a.organisationId(), c.parties(), active, fields),
                settings.partnersUpdateOwnActions());
    }

    /** Form fields and the action fields they write: anything else posted asks to change what a partner may not. */
    private static final Map<String, String> ACTION_FORM = Map.of("status", "status", "note", "note",
            "completedOn", "completed_on", "action", "action", "dueOn", "due_on", "agency", "organisation_id");

    private void updateAction(Context ctx) {
        String id = ctx.pathParam("id");
        User user = Web.signedIn(ctx);
        PartnerCaseStore.PartnerCase c = cases.find(id)
                .orElseThrow(() -> new NotFoundResponse("No multi-agency case " + id));
        long aid;
        try {
            aid = Long.parseLong(ctx.pathParam("aid"));
        } catch (NumberFormatException ex) {
            throw new NotFoundResponse("No such action");
        }
        PartnerCaseStore.Action action = c.actions().stream().filter(a -> a.id() == aid).findFirst()
                .orElseThrow(() -> new NotFoundResponse("No action " + aid + " on case " + id));
        Set<String> fields = new TreeSet<>();
        ctx.formParamMap().keySet().forEach(f -> {
            if (!f.equals("_csrf")) {
                fields.add(ACTION_FORM.getOrDefault(f, f));
            }
        });
        AccessDecision decision = mayChange(user, c, action, fields);
        if (!decision.allowed()) {
            web.audit(ctx, AuditEvent.by(user, "access-denied", "partner_case_action", Long.toString(aid),
                    AuditEvent.DENIED).detail("POST " + ctx.path() + ": " + decision.summary()));
            throw new ForbiddenResponse(decision.summary());
        }
        FormErrors errors = FormErrors.none();
        String status = FormErrors.text(ctx, "status");
        if (!PartnerCaseStore.Action.STATUSES.contains(status)) {
            errors.add("status", "Choose the action's status");
        }
        String note = FormErrors.text(ctx, "note");
        String completedText = FormErrors.text(ctx, "completedOn");
        LocalDate completed = null;
        if (status.equals("completed")) {
            completed = errors.requiredDate(completedText, "completedOn", "the day the action was completed");
            if (completed != null && completed.isAfter(LocalDate.now(clock))) {
                errors.add("completedOn", "The completed date cannot be in the future");
            }
        } else if (!completedText.isEmpty()) {
            errors.add("completedOn", "Give a completed date only for a completed action");
        }
        if (errors.any()) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("c", c);
            params.put("fields", Map.of());
            params.put("withheld", List.of());
            params.put("updatable", List.of(aid));
            params.put("statuses", PartnerCaseStore.Action.STATUSES);
            params.put("errors", errors);
            ctx.status(400);
            web.render(ctx, "partners/case.jte", web.page(ctx, c.title(), Section.PARTNERSHIP), params);
            return;
        }
        // the action's text and the agency's name are its own record's; the audit carries ids and the status only
        panels.updateAction(c.id(), aid, action.organisationId(), status, note.isEmpty() ? null : note, completed,
                user.username(), clock.instant(), h -> web.audit(h, ctx, AuditEvent.by(user, "partner-case-action-update",
                        "partner_case_action", Long.toString(aid), AuditEvent.SUCCESS)
                        .detail("case " + c.id() + ", status " + status + "; " + decision.summary())));
        ctx.redirect("/partners/cases/" + c.id());
    }

    private void agreements(Context ctx) {
        User user = web.authorize(ctx, AccessRequest.view(Section.PARTNERSHIP), "sharing_agreement", null);
        LocalDate today = LocalDate.now(clock);
        ListQuery query = ListQuery.of(ctx, PAGE, List.of("organisation", "status"), List.of());
        Map<String, String> organisations = new LinkedHashMap<>();
        organisations.put("", "Any");
        sharing.organisations().forEach(o -> organisations.put(o.id(), o.name()));
        // a partner sees only the agreements naming its own organisation, whatever it asks
        String organisation = user.role() == Role.PARTNER ? sharing.organisationOf(user.username()).orElse("")
                : organisations.containsKey(query.filter("organisation")) ? query.filterOrNull("organisation") : null;
        SharingStore.AgreementFilter filter = new SharingStore.AgreementFilter(organisation,
                query.choice("status", List.of("active", "lapsed", "withdrawn", "not-started")), today);
        ListQuery.Shown<SharingAgreement> shown = query.fetch(() -> sharing.countAgreements(filter),
                (offset, limit) -> sharing.agreements(filter, offset, limit));
        List<ListQuery.Field> fields = new java.util.ArrayList<>();
        if (user.role() != Role.PARTNER) {
            fields.add(ListQuery.Field.select("organisation", "Organisation", organisations));
        }
        fields.add(ListQuery.Field.select("status", "Status", ListQuery.options("", "Any", "active", "Active",
                "lapsed", "Lapsed", "withdrawn", "Withdrawn", "not-started", "Not yet started")));
        List<Map<String, Object>> rows = shown.rows().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agreement", a);
            m.put("status", switch (a.statusOn(today)) {
                case ACTIVE -> a.renewalDue(today, settings.renewalWarningDays())
                        ? "Lapses in " + a.daysToLapse(today) + " days" : "Active";
                case LAPSED -> "Lapsed";
                case WITHDRAWN -> "Withdrawn";
                case NOT_STARTED -> "Not yet started";
            });
            m.put("categories", String.join(", ", a.categories().stream().sorted().map(DataCategory::description).toList()));
            return m;
        }).toList();
        web.render(ctx, "partners/agreements.jte", web.page(ctx, "Information-sharing agreements", Section.PARTNERSHIP),
                Map.of("rows", rows, "paging", shown.paging(), "query", query, "fields", fields));
    }
}
