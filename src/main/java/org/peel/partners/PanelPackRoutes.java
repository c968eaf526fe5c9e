package org.peel.partners;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessRequest;
import org.peel.access.DataCategory;
import org.peel.access.Section;
import org.peel.access.SharedRecord;
import org.peel.access.User;
import org.peel.web.FormErrors;
import org.peel.web.PackRelease;
import org.peel.web.Web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pack for one meeting of an ASB MARAC, complex case panel or ASB case review: every case of that kind heard on
 * that day in the borough, each with its summary, subject, risk and the actions per agency, as PDF or CSV, released
 * only through the share gate under an active agreement with the receiving agency.
 */
public final class PanelPackRoutes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Map<String, String> KINDS = Map.of("asb-marac", "ASB MARAC",
            "complex-case-panel", "Complex case panel", "asb-case-review", "ASB case review");

    private final Web web;
    private final PartnerCaseStore cases;
    private final PackRelease packs;

    public PanelPackRoutes(Web web, PartnerCaseStore cases, PackRelease packs) {
        this.web = web;
        this.cases = cases;
        this.packs = packs;
    }

    public void register(RoutesConfig routes) {
        routes.get("/partners/panels/{kind}/meetings/{date}/pack", this::form);
        routes.post("/partners/panels/{kind}/meetings/{date}/pack", this::release);
    }

    /** One meeting: the panel, its day, the borough (null: every borough a force-wide user reaches). */
    record Meeting(String kind, LocalDate on, String borough) {
    }

    private Meeting meeting(Context ctx) {
        String kind = ctx.pathParam("kind");
        if (!KINDS.containsKey(kind)) {
            throw new NotFoundResponse("No such panel " + kind);
        }
        try {
            String borough = ctx.queryParam("borough");
            return new Meeting(kind, LocalDate.parse(ctx.pathParam("date")),
                    borough == null || borough.isBlank() ? null : borough);
        } catch (DateTimeParseException ex) {
            throw new NotFoundResponse("No meeting on " + ctx.pathParam("date"));
        }
    }

    private static AccessRequest releasing(String borough, String purpose) {
        AccessRequest request = AccessRequest.view(Section.PARTNERSHIP).inBorough(borough)
                .dutyOf("releasing a panel's meeting pack", PartnerHarmRoutes.READERS);
        return purpose == null || purpose.isBlank() ? request : request.withPersonalData(purpose);
    }

    private List<PartnerCaseStore.PartnerCase> heard(Meeting m, User user) {
        String borough = org.peel.access.AccessPolicy.boroughInView(user, m.borough());
        return cases.all(borough).stream()
                .filter(c -> c.kind().equals(m.kind()) && m.on().equals(c.meetingOn())).toList();
    }

    private PackRelease.Pack pack(Meeting m, int listed) {
        String panel = KINDS.get(m.kind());
        return new PackRelease.Pack("Partnership", panel + " meeting pack, " + DAY.format(m.on()),
                "/partners/panels/" + m.kind() + "/meetings/" + m.on() + "/pack"
                        + (m.borough() == null ? "" : "?borough=" + m.borough()),
                List.of(listed + (listed == 1 ? " case" : " cases") + " heard at the " + panel + " on "
                                + DAY.format(m.on()),
                        "For each: the summary, the person it is about, the risk, and the actions agreed per agency"),
                panel + " pack", m.kind() + "-" + m.on());
    }

    private void form(Context ctx) {
        Meeting m = meeting(ctx);
        User user = web.authorize(ctx, releasing(m.borough(), null), "partner_case", null);
        List<PartnerCaseStore.PartnerCase> heard = heard(m, user);
        if (heard.isEmpty()) {
            throw new NotFoundResponse("No " + KINDS.get(m.kind()) + " cases were heard on " + m.on());
        }
        packs.form(ctx, pack(m, heard.size()));
    }

    private void release(Context ctx) {
        Meeting m = meeting(ctx);
        User signedIn = Web.signedIn(ctx);
        String borough = org.peel.access.AccessPolicy.boroughInView(signedIn, m.borough());
        User user = web.authorize(ctx, releasing(borough, FormErrors.text(ctx, "purpose")), "partner_case", null);
        List<PartnerCaseStore.PartnerCase> heard = heard(m, user);
        if (heard.isEmpty()) {
            throw new NotFoundResponse("No " + KINDS.get(m.kind()) + " cases were heard on " + m.on());
        }
        packs.release(ctx, user, pack(m, heard.size()), () -> heard.stream().map(PanelPackRoutes::offered).toList());
    }

    /** A case as the pack offers it: the case's own fields, and its actions per agency with the incident. */
    static SharedRecord offered(PartnerCaseStore.PartnerCase c) {
        SharedRecord r = c.offered();
        Map<String, Object> incident = new LinkedHashMap<>(r.fields().getOrDefault(DataCategory.INCIDENT, Map.of()));
        List<String> actions = new ArrayList<>();
        c.actions().stream()
                .sorted(java.util.Comparator.comparing((PartnerCaseStore.Action a) -> a.organisationId() == null
                        ? "" : a.organisationId()))
                .forEach(a -> actions.add(line(a)));
        incident.put("actions_by_agency", actions);
        return r.with(DataCategory.INCIDENT, incident);
    }

    /** "WCC-HOUSING: Visit the tenant (due 2026-12-01, open)". */
    static String line(PartnerCaseStore.Action a) {
        List<String> when = new ArrayList<>();
        if (a.dueOn() != null) {
            when.add("due " + a.dueOn());
        }
        when.add(a.doneOn() == null ? "open" : "done " + a.doneOn());
        return (a.organisationId() == null ? "Police" : a.organisationId()) + ": " + a.action() + " ("
                + String.join(", ", when) + ")";
    }
}
