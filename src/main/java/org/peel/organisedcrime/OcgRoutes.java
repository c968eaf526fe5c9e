package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AccessStore;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.web.FormErrors;
import org.peel.web.ListQuery;
import org.peel.web.Web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The OCG tracker (active groups by current score, stale and due scores flagged), each group's page (facts, score
 * with each dimension's contribution, members, disruptions with the score before and after, significant events)
 * with its two changes (rescore, record a disruption), the comparison of two scoring models over the register, and
 * the force's disruptions by month. The register is intelligence: every page needs that sensitivity, and a group's
 * page names its members, so it is a read of personal data with a stated purpose.
 */
public final class OcgRoutes {

    static final int PAGE_SIZE = 50;

    private final Web web;
    private final OcgRegister register;
    private final Supplier<Map<String, String>> boroughNames;
    private final Clock clock;
    private final IntelligenceStore intelligence;
    private final AccessStore accounts;

    public OcgRoutes(Web web, OcgRegister register, Supplier<Map<String, String>> boroughNames, Clock clock,
                     AccessStore accounts) {
        this.web = web;
        this.accounts = accounts;
        this.register = register;
        this.boroughNames = boroughNames;
        this.clock = clock;
        this.intelligence = new IntelligenceStore(register.store().jdbi());
    }

    public void register(RoutesConfig routes) {
        routes.get("/organised-crime/groups", this::tracker);
        routes.get("/organised-crime/groups/{id}", this::group);
        routes.post("/organised-crime/groups/{id}/assessments", this::rescore);
        routes.post("/organised-crime/groups/{id}/disruptions", this::recordDisruption);
        routes.post("/organised-crime/groups/{id}/members", this::addMember);
        routes.post("/organised-crime/groups/{id}/members/{record}/removal", this::removeMember);
        routes.post("/organised-crime/groups/{id}/archive", this::archive);
        routes.post("/organised-crime/groups/{id}/tasks", this::giveTask);
        routes.post("/organised-crime/groups/{id}/lead-officer", this::setLeadOfficer);
        routes.get("/organised-crime/models", this::models);
        routes.get("/organised-crime/disruptions", this::disruptionMonths);
    }

    private static AccessRequest intelligence() {
        return AccessRequest.view(Section.ORGANISED_CRIME).touching(Sensitivity.INTELLIGENCE);
    }

    private void tracker(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        web.authorize(ctx, intelligence().inBorough(borough), "ocg-tracker", borough);
        ListQuery query = ListQuery.of(ctx, PAGE_SIZE, List.of("borough", "band", "status", "due"), List.of());
        boolean dueOnly = "1".equals(query.filter("due"));
        String band = query.choice("band", register.settings().model().bands().stream()
                .map(ScoringModel.Band::name).toList());
        String status = "all".equals(query.filter("status")) ? null
                : "archived".equals(query.filter("status")) ? "archived" : "active";
        ListQuery.Shown<OcgRegister.TrackerRow> shown = query.fetch(
                () -> register.store().countGroups(register.trackerFilter(borough, band, status, dueOnly)),
                (offset, limit) -> register.tracker(register.trackerFilter(borough, band, status, dueOnly), offset, limit));
        Map<String, String> bands = new java.util.LinkedHashMap<>();
        bands.put("", "Any");
        register.settings().model().bands().forEach(b -> bands.put(b.name(), b.name()));
        List<ListQuery.Field> fields = new java.util.ArrayList<>();
        if (!user.role().isLocal()) {
            Map<String, String> boroughs = new java.util.LinkedHashMap<>();
            boroughs.put("", "Whole force");
            boroughs.putAll(boroughNames.get());
            fields.add(ListQuery.Field.select("borough", "Borough", boroughs));
        }
        fields.add(ListQuery.Field.select("band", "Threat band", bands));
        fields.add(ListQuery.Field.select("status", "Status", ListQuery.options("", "Active", "archived", "Archived",
                "all", "Active and archived")));
        fields.add(ListQuery.Field.select("due", "Reassessment", ListQuery.options("", "Any", "1", "Due only")));
        Map<String, Object> params = new HashMap<>();
        params.put("rows", shown.rows());
        params.put("paging", shown.paging());
        params.put("query", query);
        params.put("fields", fields);
        params.put("firstRank", shown.paging().offset() + 1);
        params.put("total", register.store().countGroups(register.trackerFilter(borough, null, "active", false)));
        params.put("due", register.store().countGroups(register.trackerFilter(borough, null, "active", true)));
        params.put("boroughNames", boroughNames.get());
        params.put("settings", register.settings());
        Web.noStore(ctx);
        web.render(ctx, "organisedcrime/tracker.jte", web.page(ctx, "OCG tracker", Section.ORGANISED_CRIME), params);
    }

    private OcgGroup groupOf(Context ctx) {
        String id = ctx.pathParam("id");
        return register.store().find(id).orElseThrow(() -> new NotFoundResponse("No organised crime group " + id));
    }

    private void group(Context ctx) {
        OcgGroup g = groupOf(ctx);
        if (web.authorizePage(ctx, intelligence().inBorough(g.boroughCode()).ledBy(g.leadOfficerUsername())
                .withPersonalData(Web.statedPurpose(ctx)), "ocg", g.id()).isPresent()) {
            showGroup(ctx, g, 200, FormErrors.none(), Map.of());
        }
    }

    private void showGroup(Context ctx, OcgGroup g, int status, FormErrors errors, Map<String, String> values) {
        Map<String, Object> params = new HashMap<>();
        params.put("g", g);
        params.put("boroughName", boroughNames.get().getOrDefault(g.boroughCode(), g.boroughCode()));
        params.put("due", register.due(g));
        params.put("current", register.store().assessments(g.id()).stream().findFirst().orElse(null));
        params.put("assessments", register.store().assessments(g.id()));
        params.put("pending", register.store().pendingEvents(g.id()));
        params.put("members", register.store().members(g.id()));
        params.put("disruptions", register.store().disruptions(g.id()));
        params.put("intelligence", intelligence.forGroup(g.id()));
        params.put("network", register.store().network(g.id()));
        params.put("tasks", register.store().tasksOf(g.id()));
        params.put("boroughs", boroughNames.get());
        params.put("officers", neighbourhoodOfficers());
        params.put("settings", register.settings());
        params.put("headings", Disruption.HEADINGS);
        params.put("errors", errors);
        params.put("values", values);
        params.put("today", LocalDate.now(clock).toString());
        params.put("purposeQuery", purposeQuery(ctx));
        User user = Web.signedIn(ctx);
        params.put("canChange", AccessPolicy.decide(user, intelligence().inBorough(g.boroughCode()).changing())
                .allowed());
        params.put("canTask", AccessPolicy.decide(user, tasking(g)).allowed());
        params.put("leadName", leadName(g));
        params.put("leadCandidates", leadCandidates());
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "organisedcrime/group.jte", web.page(ctx, g.name(), Section.ORGANISED_CRIME), params);
    }

    private static String purposeQuery(Context ctx) {
        String purpose = Web.statedPurpose(ctx);
        return purpose == null ? "" : "?purpose=" + URLEncoder.encode(purpose, StandardCharsets.UTF_8);
    }

    private void rescore(Context ctx) {
        OcgGroup g = groupOf(ctx);
        User user = web.authorize(ctx, intelligence().inBorough(g.boroughCode()).changing(), "ocg", g.id());
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("activities", "violence", "reach")) {
            values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f).strip());
        }
        FormErrors errors = FormErrors.none();
        List<String> activities = OcgStore.split(values.get("activities"));
        if (activities.isEmpty()) {
            errors.add("activities", "Enter the group's activities, the predominant one first, separated by semicolons");
        }
        Violence violence = Violence.fromCode(values.get("violence"));
        if (violence == null) {
            errors.add("violence", "Choose the most serious violence known");
        }
        Reach reach = Reach.fromCode(values.get("reach"));
        if (reach == null) {
            errors.add("reach", "Choose the group's reach");
        }
        if (errors.any()) {
            for (String f : List.of("firearms", "corruption", "moneyLaundering", "specialistSkills")) {
                values.put(f, "yes".equals(ctx.formParam(f)) ? "yes" : "");
            }
            values.put("reviewing", "yes");
            showGroup(ctx, g, 400, errors, values);
            return;
        }
        register.reassess(user, g.id(), new OcgRegister.Review(activities, "yes".equals(ctx.formParam("firearms")),
                violence, "yes".equals(ctx.formParam("corruption")), "yes".equals(ctx.formParam("moneyLaundering")),
                "yes".equals(ctx.formParam("specialistSkills")), reach), ctx.ip());
        ctx.redirect("/organised-crime/groups/" + g.id() + purposeQuery(ctx));
    }

    private void recordDisruption(Context ctx) {
        OcgGroup g = groupOf(ctx);
        User user = web.authorize(ctx, intelligence().inBorough(g.boroughCode()).changing(), "ocg", g.id());
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("heading", "impact", "occurredOn", "summary", "arrests", "principalArrested", "charges",
                "principalCharged", "cashSeized", "drugsSeized", "firearmsSeized", "scpos", "scpoConditions")) {
            values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f).strip());
        }
        FormErrors errors = FormErrors.none();
        if (!Disruption.HEADINGS.contains(values.get("heading"))) {
            errors.add("heading", "Choose pursue, prevent, protect or prepare");
        }
        if (!register.settings().impactScale().contains(values.get("impact"))) {
            errors.add("impact", "Choose the impact: " + String.join(", ", register.settings().impactScale()));
        }
        LocalDate on = null;
        try {
            on = LocalDate.parse(values.get("occurredOn"));
            if (on.isAfter(LocalDate.now(clock))) {
                errors.add("occurredOn", "The date cannot be in the future");
            }
        } catch (DateTimeParseException ex) {
            errors.add("occurredOn", "Enter the date of the disruption as YYYY-MM-DD");
        }
        if (values.get("summary").isEmpty()) {
            errors.add("summary", "Say what was done, for example: warrant executed at the group's stash address");
        }
        int arrests = count(values, "arrests", "arrests", errors);
        int charges = count(values, "charges", "charges", errors);
        int firearms = count(values, "firearmsSeized", "firearms seized", errors);
        int scpos = count(values, "scpos", "serious crime prevention orders", errors);
        boolean principalArrested = "yes".equals(values.get("principalArrested"));
        boolean principalCharged = "yes".equals(values.get("principalCharged"));
        if (principalArrested && arrests == 0) {
            errors.add("arrests", "A principal arrested is one of the arrests: enter at least 1");
        }
        if (principalCharged && charges == 0) {
            errors.add("charges", "A principal charged is one of the charges: enter at least 1");
        }
        BigDecimal cash = BigDecimal.ZERO;
        if (!values.get("cashSeized").isEmpty()) {
            try {
                cash = new BigDecimal(values.get("cashSeized").replace(",", "").replace("£", ""));
                if (cash.signum() < 0) {
                    errors.add("cashSeized", "Cash seized is 0 or more");
                }
            } catch (NumberFormatException ex) {
                errors.add("cashSeized", "Enter cash seized in pounds, for example 12500");
            }
        }
        if (errors.any()) {
            showGroup(ctx, g, 400, errors, values);
            return;
        }
        Disruption d = new Disruption(values.get("heading"), values.get("impact"), on, values.get("summary"), arrests,
                principalArrested, charges, principalCharged, cash,
                values.get("drugsSeized").isEmpty() ? null : values.get("drugsSeized"), firearms, scpos,
                values.get("scpoConditions").isEmpty() ? null : values.get("scpoConditions"));
        register.recordDisruption(user, g.id(), d, ctx.ip());
        ctx.redirect("/organised-crime/groups/" + g.id() + purposeQuery(ctx));
    }

    private static Map<String, String> form(Context ctx, List<String> fields) {
        Map<String, String> values = new HashMap<>();
        for (String f : fields) {
            values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f).strip());
        }
        return values;
    }

    private void addMember(Context ctx) {
        OcgGroup g = groupOf(ctx);
        User user = web.authorize(ctx, intelligence().inBorough(g.boroughCode()).changing(), "ocg", g.id());
        Map<String, String> values = form(ctx, List.of("memberForenames", "memberSurname", "memberDateOfBirth",
                "memberRole"));
        FormErrors errors = FormErrors.none();
        if (values.get("memberSurname").isEmpty()) {
            errors.add("memberSurname", "Enter the member's surname");
        }
        if (!OcgRegister.ROLES.contains(values.get("memberRole"))) {
            errors.add("memberRole", "Choose the role: principal, significant, peripheral or associate");
        }
        LocalDate dob = null;
        if (!values.get("memberDateOfBirth").isEmpty()) {
            try {
                dob = LocalDate.parse(values.get("memberDateOfBirth"));
            } catch (DateTimeParseException ex) {
                errors.add("memberDateOfBirth", "Enter the date of birth as YYYY-MM-DD, or leave it blank");
            }
        }
        if (errors.any()) {
            showGroup(ctx, g, 400, errors, values);
            return;
        }
        register.addMember(user, g.id(), values.get("memberRole"), values.get("memberForenames"),
                values.get("memberSurname"), dob, ctx.ip());
        ctx.redirect("/organised-crime/groups/" + g.id() + purposeQuery(ctx));
    }

    private void removeMember(Context ctx) {
        OcgGroup g = groupOf(ctx);
        User user = web.authorize(ctx, intelligence().inBorough(g.boroughCode()).changing(), "ocg", g.id());
        Map<String, String> values = form(ctx, List.of("removalReason"));
        FormErrors errors = FormErrors.none();
        if (values.get("removalReason").isEmpty()) {
            errors.add("removalReason", "Say why the person is no longer a member");
            showGroup(ctx, g, 400, errors, values);
            return;
        }
        if (!register.removeMember(user, g.id(), ctx.pathParam("record"), values.get("removalReason"), ctx.ip())) {
            throw new NotFoundResponse("No current member " + ctx.pathParam("record") + " of " + g.id());
        }
        ctx.redirect("/organised-crime/groups/" + g.id() + purposeQuery(ctx));
    }

    private void archive(Context ctx) {
        OcgGroup g = groupOf(ctx);
        User user = web.authorize(ctx, intelligence().inBorough(g.boroughCode()).changing(), "ocg", g.id());
        Map<String, String> values = form(ctx, List.of("archivedOn", "archiveReason"));
        FormErrors errors = FormErrors.none();
        LocalDate on = null;
        try {
            on = LocalDate.parse(values.get("archivedOn"));
            if (on.isAfter(LocalDate.now(clock))) {
                errors.add("archivedOn", "The archive date cannot be in the future");
            } else if (on.isBefore(g.mappedOn())) {
                errors.add("archivedOn", "The archive date cannot be before the group was mapped (" + g.mappedOn() + ")");
            }
        } catch (DateTimeParseException ex) {
            errors.add("archivedOn", "Enter the date the group was archived as YYYY-MM-DD");
        }
        if (values.get("archiveReason").isEmpty()) {
            errors.add("archiveReason", "Say why the group is archived, for example: dismantled after Operation X");
        }
        if (!g.active()) {
            errors.add("archivedOn", "The group is already archived");
        }
        if (errors.any()) {
            showGroup(ctx, g, 400, errors, values);
            return;
        }
        register.archive(user, g.id(), on, values.get("archiveReason"), ctx.ip());
        ctx.redirect("/organised-crime/groups/" + g.id() + purposeQuery(ctx));
    }

    /**
     * Who may task for the group: whoever may change the register in its borough (by role), and the group's lead
     * responsible officer, whatever their role, as the access policy decides.
     */
    static AccessRequest tasking(OcgGroup g) {
        return intelligence().inBorough(g.boroughCode()).changing().ledBy(g.leadOfficerUsername());
    }

    /** The lead responsible officer in words: the user named, or the name as first recorded when no user is. */
    private String leadName(OcgGroup g) {
        if (g.leadOfficerUsername() != null) {
            return accounts.findUser(g.leadOfficerUsername()).map(u -> u.displayName() + " (" + u.username() + ")")
                    .orElse(g.leadOfficerUsername());
        }
        return g.leadOfficer() == null || g.leadOfficer().isBlank() ? "Not assigned"
                : g.leadOfficer() + " (as recorded; not yet a user of Peel)";
    }

    /** Users who may be named to lead against a group, by name. */
    private List<User> leadCandidates() {
        return accounts.listUsers().stream().filter(u -> AccessPolicy.mayLead(u.role()))
                .sorted(java.util.Comparator.comparing(User::displayName)).toList();
    }

    /** Whoever may change the group names its lead responsible officer, picked from the users who may lead. */
    private void setLeadOfficer(Context ctx) {
        OcgGroup g = groupOf(ctx);
        User user = web.authorize(ctx, intelligence().inBorough(g.boroughCode()).changing(), "ocg", g.id());
        String username = java.util.Optional.ofNullable(ctx.formParam("leadOfficer")).orElse("").strip();
        java.util.Optional<User> lead = username.isEmpty() ? java.util.Optional.empty() : accounts.findUser(username);
        if (lead.isEmpty() || !AccessPolicy.mayLead(lead.get().role())) {
            showGroup(ctx, g, 400, FormErrors.of("leadOfficer", "Choose the officer who leads against the group"),
                    Map.of());
            return;
        }
        register.setLeadOfficer(user, g.id(), lead.get(), ctx.ip());
        ctx.redirect("/organised-crime/groups/" + g.id() + purposeQuery(ctx));
    }

    /** Neighbourhood officers who may be tasked, by borough then name. */
    private List<User> neighbourhoodOfficers() {
        return accounts.listUsers().stream().filter(u -> u.role() == Role.NEIGHBOURHOOD_OFFICER)
                .sorted(java.util.Comparator.comparing(User::boroughCode).thenComparing(User::displayName)).toList();
    }

    /**
     * The lead responsible officer tasks a borough's neighbourhood team, or one of its officers, with an action
     * against the group or one member. Whoever may change the group, and its lead responsible officer, may task for
     * it; a named officer must be an enabled neighbourhood officer of the borough tasked.
     */
    private void giveTask(Context ctx) {
        OcgGroup g = groupOf(ctx);
        User user = web.authorize(ctx, tasking(g), "ocg", g.id());
        Map<String, String> values = form(ctx, List.of("taskAgainst", "taskBorough", "taskOfficer", "taskAction",
                "taskReason", "taskDueOn"));
        TaskOrders.Checked checked = TaskOrders.check(register.store(), accounts, boroughNames.get().keySet(), g,
                values, LocalDate.now(clock));
        FormErrors errors = checked.errors();
        if (errors.any()) {
            values.put("tasking", "yes");
            showGroup(ctx, g, 400, errors, values);
            return;
        }
        register.task(user, g.id(), checked.order(), ctx.ip());
        ctx.redirect("/organised-crime/groups/" + g.id() + purposeQuery(ctx));
    }

    private static int count(Map<String, String> values, String field, String words, FormErrors errors) {
        String text = values.get(field);
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ex) {
            // falls through to the error
        }
        errors.add(field, "Enter the number of " + words + " as a whole number, 0 or more");
        return 0;
    }

    private void models(Context ctx) {
        web.authorize(ctx, intelligence(), "ocg-models", null);
        OcgSettings s = register.settings();
        ModelComparison.Result result = ModelComparison.compare(s.model(), s.comparedModel(),
                register.store().activeGroupFacts());
        Map<String, Object> params = new HashMap<>();
        params.put("result", result);
        params.put("from", s.model());
        params.put("to", s.comparedModel());
        Web.noStore(ctx);
        web.render(ctx, "organisedcrime/models.jte", web.page(ctx, "Scoring models compared", Section.ORGANISED_CRIME),
                params);
    }

    private void disruptionMonths(Context ctx) {
        web.authorize(ctx, intelligence(), "ocg-disruptions", null);
        Map<String, Object> params = new HashMap<>();
        params.put("months", register.store().disruptionMonths(24));
        params.put("headings", Disruption.HEADINGS);
        params.put("activeToday", register.store().activeOn(LocalDate.now(clock)));
        Web.noStore(ctx);
        web.render(ctx, "organisedcrime/disruptions.jte", web.page(ctx, "Disruptions by month", Section.ORGANISED_CRIME),
                params);
    }
}
