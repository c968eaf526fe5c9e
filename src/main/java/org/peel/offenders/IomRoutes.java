package org.peel.offenders;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.people.EthnicityAnswer;
import org.peel.people.PersonEthnicityStore;
import org.peel.place.PlaceStore;
import org.peel.place.Ward;
import org.peel.web.FormErrors;
import org.peel.web.ListQuery;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Integrated offender management pages under Investigation: the force's view (each borough's capacity, the rule's
 * cohort, the borough's exceptions with their reasons and its departure from the rule, task completion), a borough's
 * cohort with its exceptions form, the cases whose manager is absent, and an offender's page (score and reasons,
 * history, case with lead, deputy and partner lead, contacts and drug tests, tasks to the neighbourhood team). Every
 * page touches offender management records: the access policy decides on section, borough and the
 * offender-management sensitivity; changes are audited in their own transaction.
 */
public final class IomRoutes {

    /** The force's IOM lead: runs the rule and sets capacities. */
    static final Set<Role> IOM_LEAD = Set.of(Role.PUBLIC_PROTECTION_OFFICER);
    /** Borough offender managers: record exceptions, manage cases. */
    static final Set<Role> BOROUGH_MANAGERS = Set.of(Role.OFFENDER_MANAGER);
    /** Who may send tasks to a neighbourhood team. */
    static final Set<Role> TASKING = Set.of(Role.OFFENDER_MANAGER, Role.PUBLIC_PROTECTION_OFFICER);

    private final Web web;
    private final IomStore store;
    private final CohortRunPass pass;
    private final Clock clock;
    private final Supplier<Map<String, String>> boroughNames;
    private final PlaceStore places;
    private final WardOfficers officers;
    private final PersonEthnicityStore ethnicity;

    public IomRoutes(Web web, IomStore store, CohortRunPass pass, Clock clock, Supplier<Map<String, String>> boroughNames,
                     PlaceStore places, WardOfficers officers) {
        this.places = places;
        this.officers = officers;
        this.web = web;
        this.store = store;
        this.pass = pass;
        this.clock = clock;
        this.boroughNames = boroughNames;
        this.ethnicity = new PersonEthnicityStore(store.jdbi(), web.auditTrail());
    }

    public void register(RoutesConfig routes) {
        routes.get("/investigation/offenders", this::overview);
        routes.post("/investigation/offenders/run", this::run);
        routes.get("/investigation/offenders/boroughs/{code}", this::borough);
        routes.post("/investigation/offenders/boroughs/{code}/capacity", this::capacity);
        routes.post("/investigation/offenders/boroughs/{code}/exceptions", this::recordException);
        routes.post("/investigation/offenders/exceptions/{id}/withdraw", this::withdrawException);
        routes.get("/investigation/offenders/absent", this::absent);
        routes.post("/investigation/offenders/absences", this::recordAbsence);
        routes.get("/investigation/offenders/nominals/{id}", this::nominal);
        routes.post("/investigation/offenders/nominals/{id}/case", this::saveCase);
        routes.post("/investigation/offenders/nominals/{id}/contacts", this::recordContact);
        routes.post("/investigation/offenders/nominals/{id}/tasks", this::setTask);
        routes.post("/investigation/offenders/nominals/{id}/address", this::recordAddress);
    }

    static AccessRequest request() {
        return AccessRequest.view(Section.INVESTIGATION).touching(Sensitivity.OFFENDER_MANAGEMENT);
    }

    /** One borough's line on the force's view. */
    public record BoroughLine(String code, String name, int capacity, int ruleCohort, int managed, int added,
                              int removed, double departure, boolean overCapacity) {
        public String departurePercent() {
            return String.format(java.util.Locale.ROOT, "%.0f%%", 100 * departure);
        }
    }

    /** An exception as the IOM lead reads it. */
    public record ExceptionLine(CohortException exception, String boroughName, String offenderName, Double score,
                                Integer rank) {
    }

    private List<BoroughCohort> boroughCohorts(Optional<IomStore.Run> run, String borough) {
        Map<String, Integer> caps = store.capacities();
        List<OffenderScore> rule = run.map(r -> store.ruleCohort(r.id())).orElse(List.of());
        if (borough != null) {
            rule = rule.stream().filter(s -> s.boroughCode().equals(borough)).toList();
        }
        return BoroughCohort.of(rule, store.exceptions(borough), b -> pass.capacity(caps, b));
    }

    private void overview(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        if (web.authorizePage(ctx, request().inBorough(borough).withPersonalData(Web.statedPurpose(ctx)),
                "iom-cohort", borough == null ? "force" : borough).isEmpty()) {
            return;
        }
        Optional<IomStore.Run> run = store.latestRun();
        Map<String, String> names = boroughNames.get();
        Map<String, Integer> caps = store.capacities();
        List<BoroughLine> lines = new ArrayList<>();
        Map<String, BoroughCohort> byCode = new LinkedHashMap<>();
        boroughCohorts(run, borough).forEach(b -> byCode.put(b.boroughCode(), b));
        for (String code : borough == null ? names.keySet() : List.of(borough)) {
            BoroughCohort b = byCode.get(code);
            int cap = pass.capacity(caps, code);
            lines.add(b == null ? new BoroughLine(code, names.getOrDefault(code, code), cap, 0, 0, 0, 0, 0, false)
                    : new BoroughLine(code, names.getOrDefault(code, code), cap, b.ruleChoice().size(),
                    b.managed().size(), b.added().size(), b.removed().size(), b.departure(), b.overCapacity()));
        }
        List<CohortException> exceptions = store.exceptions(borough);
        Map<String, IomStore.Nominal> nominals = store.nominals(exceptions.stream().map(CohortException::offenderId).toList());
        List<ExceptionLine> exceptionLines = new ArrayList<>();
        for (CohortException e : exceptions) {
            Optional<IomStore.StoredScore> s = run.flatMap(r -> store.scoreOf(r.id(), e.offenderId()));
            IomStore.Nominal n = nominals.get(e.offenderId());
            exceptionLines.add(new ExceptionLine(e, names.getOrDefault(e.boroughCode(), e.boroughCode()),
                    n == null ? "" : n.name(), s.map(IomStore.StoredScore::score).orElse(null),
                    s.map(IomStore.StoredScore::boroughRank).orElse(null)));
        }
        Web.noStore(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("run", run.orElse(null));
        params.put("boroughs", lines);
        params.put("exceptions", exceptionLines);
        params.put("completion", store.completion(borough));
        params.put("isLead", IOM_LEAD.contains(user.role()));
        params.put("ruleVersion", pass == null ? "" : pass.ruleVersion());
        params.put("defaultCapacity", pass.defaultCapacity());
        web.render(ctx, "offenders/overview.jte", web.page(ctx, "Integrated offender management", Section.INVESTIGATION),
                params);
    }

    private void run(Context ctx) {
        User user = web.authorize(ctx, request().changing().withPersonalData(Web.statedPurpose(ctx))
                .dutyOf("running the force's IOM cohort rule", IOM_LEAD), "iom-cohort-run", null);
        LocalDate asOf = LocalDate.now(clock);
        store.jdbi().useTransaction(h -> {
            CohortRunPass.Result r = pass.run(h, asOf, clock.instant(), user.username());
            web.audit(h, ctx, AuditEvent.by(user, "iom-cohort.run", "iom-cohort-run", Long.toString(r.runId()),
                    AuditEvent.SUCCESS).detail(r.ruleVersion() + " as of " + asOf + ": " + r.scored() + " scored"));
        });
        ctx.redirect("/investigation/offenders");
    }

    private void capacity(Context ctx) {
        String code = ctx.pathParam("code");
        User user = web.authorize(ctx, request().inBorough(code).changing().withPersonalData(Web.statedPurpose(ctx))
                .dutyOf("setting a borough's IOM capacity", IOM_LEAD), "iom-borough-capacity", code);
        int capacity;
        try {
            capacity = Integer.parseInt(Optional.ofNullable(ctx.formParam("capacity")).orElse("").strip());
        } catch (NumberFormatException ex) {
            throw BadInput.field("capacity", "Enter the number of cohort places, for example 30");
        }
        if (capacity < 0 || capacity > 10_000) {
            throw BadInput.field("capacity", "Enter a number of places from 0 to 10000");
        }
        store.jdbi().useTransaction(h -> {
            store.setCapacity(h, code, capacity, user.username(), clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "iom-capacity.set", "iom-borough-capacity", code, AuditEvent.SUCCESS)
                    .detail("capacity " + capacity));
        });
        ctx.redirect("/investigation/offenders/boroughs/" + code);
    }

    /** Rows a page of a borough's scored offenders holds. */
    static final int SCORES_PAGE = 50;

    /** Score bands of the scored list, from (inclusive) and below (NaN: no bound), in harm-days. */
    static final Map<String, double[]> SCORE_BANDS = bands();

    private static Map<String, double[]> bands() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("1,000 or more", new double[]{1000, Double.NaN});
        m.put("100 to 999", new double[]{100, 1000});
        m.put("10 to 99", new double[]{10, 100});
        m.put("Under 10", new double[]{Double.NaN, 10});
        return m;
    }

    /** A member of a borough's cohort as its page lists them. */
    public record Member(String offenderId, String name, String wardCode, Double score, Integer rank, boolean byRule,
                         CohortException addedBy, String lead, String activeManager, String coverNote) {
    }

    private void borough(Context ctx) {
        String code = ctx.pathParam("code");
        if (!boroughNames.get().containsKey(code)) {
            throw new NotFoundResponse("No borough " + code);
        }
        if (web.authorizePage(ctx, request().inBorough(code).withPersonalData(Web.statedPurpose(ctx)),
                "iom-cohort", code).isEmpty()) {
            return;
        }
        showBorough(ctx, code, 200, FormErrors.none(), Map.of());
    }

    private void showBorough(Context ctx, String code, int status, FormErrors errors, Map<String, String> values) {
        User user = Web.signedIn(ctx);
        Optional<IomStore.Run> run = store.latestRun();
        BoroughCohort cohort = boroughCohorts(run, code).stream().filter(b -> b.boroughCode().equals(code)).findFirst()
                .orElse(new BoroughCohort(code, pass.capacity(store.capacities(), code), List.of(), List.of(),
                        List.of(), List.of()));
        Map<String, IomStore.Nominal> nominals = store.nominals(cohort.managed());
        Map<String, IomStore.Case> cases = new HashMap<>();
        store.cases(code).forEach(c -> cases.put(c.offenderId(), c));
        LocalDate today = LocalDate.now(clock);
        List<ManagerCover.Absence> absences = store.absencesOn(today);
        Map<String, CohortException> additions = new HashMap<>();
        cohort.added().forEach(e -> additions.put(e.offenderId(), e));
        List<Member> members = new ArrayList<>();
        for (String id : cohort.managed()) {
            Optional<IomStore.StoredScore> s = run.flatMap(r -> store.scoreOf(r.id(), id));
            IomStore.Nominal n = nominals.get(id);
            IomStore.Case c = cases.get(id);
            ManagerCover.Cover cover = c == null ? null : ManagerCover.on(today, c.leadOfficer(), c.deputyOfficer(), absences);
            members.add(new Member(id, n == null ? "" : n.name(), n == null ? null : n.wardCode(),
                    s.map(IomStore.StoredScore::score).orElse(null), s.map(IomStore.StoredScore::boroughRank).orElse(null),
                    !additions.containsKey(id), additions.get(id), c == null ? null : c.leadOfficer(),
                    cover == null ? null : cover.activeManager().orElse(null), cover == null ? "No case opened yet" : cover.reason()));
        }
        ListQuery query = ListQuery.of(ctx, SCORES_PAGE, List.of("cohort", "band"), List.of());
        String cohortFilter = query.choice("cohort", List.of("in", "out"));
        String band = query.choice("band", SCORE_BANDS.keySet());
        double[] bounds = band == null ? new double[]{Double.NaN, Double.NaN} : SCORE_BANDS.get(band);
        IomStore.ScoreFilter filter = new IomStore.ScoreFilter(run.map(IomStore.Run::id).orElse(-1L), code,
                cohortFilter == null ? null : cohortFilter.equals("in"),
                Double.isNaN(bounds[0]) ? null : bounds[0], Double.isNaN(bounds[1]) ? null : bounds[1]);
        ListQuery.Shown<IomStore.StoredScore> scored = query.fetch(() -> store.countScores(filter),
                (offset, limit) -> store.scores(filter, offset, limit));
        Map<String, String> bands = new LinkedHashMap<>();
        bands.put("", "Any");
        SCORE_BANDS.keySet().forEach(b -> bands.put(b, b));
        List<ListQuery.Field> fields = List.of(
                ListQuery.Field.select("cohort", "The rule's cohort", ListQuery.options("", "In or out", "in",
                        "In the rule's cohort", "out", "Outside it")),
                ListQuery.Field.select("band", "Score", bands));
        Web.noStore(ctx);
        ctx.status(status);
        Map<String, Object> params = new HashMap<>();
        params.put("code", code);
        params.put("boroughName", boroughNames.get().getOrDefault(code, code));
        params.put("cohort", cohort);
        params.put("members", members);
        params.put("removed", cohort.removed());
        params.put("scored", scored.rows());
        params.put("scoredPaging", scored.paging());
        params.put("query", query);
        params.put("fields", fields);
        params.put("run", run.orElse(null));
        params.put("errors", errors);
        params.put("values", values);
        params.put("canRecord", BOROUGH_MANAGERS.contains(user.role()) && code.equals(user.boroughCode()));
        params.put("isLead", IOM_LEAD.contains(user.role()));
        web.render(ctx, "offenders/borough.jte", web.page(ctx, "IOM cohort: " + params.get("boroughName"),
                Section.INVESTIGATION), params);
    }

    private void recordException(Context ctx) {
        String code = ctx.pathParam("code");
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("offenderId", "kind", "reason")) {
            values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("").strip());
        }
        User user = web.authorize(ctx, request().inBorough(code).changing().withPersonalData(Web.statedPurpose(ctx))
                .dutyOf("recording an exception to the borough's IOM cohort", BOROUGH_MANAGERS), "iom-cohort-exception", code);
        Optional<IomStore.Nominal> nominal = values.get("offenderId").isEmpty() ? Optional.empty()
                : store.nominal(values.get("offenderId"));
        FormErrors errors = CohortException.check(values.get("offenderId"), nominal.isPresent(), values.get("kind"),
                values.get("reason"));
        if (errors.any()) {
            showBorough(ctx, code, 400, errors, values);
            return;
        }
        CohortException.Kind kind = CohortException.Kind.of(values.get("kind"));
        CohortException.Kind k = kind;
        try {
            store.jdbi().useTransaction(h -> {
                long id = store.recordException(h, code, values.get("offenderId"), k, values.get("reason"),
                        user.username(), clock.instant());
                web.audit(h, ctx, AuditEvent.by(user, "iom-exception." + k.code(), "iom-cohort-exception",
                        Long.toString(id), AuditEvent.SUCCESS).detail("offender " + values.get("offenderId")));
            });
        } catch (BadInput ex) {
            showBorough(ctx, code, 400, FormErrors.of(ex.field(), ex.getMessage().replaceFirst("^request, field '[^']*': ", "")),
                    values);
            return;
        }
        ctx.redirect("/investigation/offenders/boroughs/" + code);
    }

    private void withdrawException(Context ctx) {
        long id = Web.pathId(ctx, "id", "exception");
        CohortException e = store.exception(id).orElseThrow(() -> new NotFoundResponse("No live exception " + id));
        User user = web.authorize(ctx, request().inBorough(e.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx))
                .dutyOf("withdrawing an exception to the borough's IOM cohort", BOROUGH_MANAGERS),
                "iom-cohort-exception", Long.toString(id));
        store.jdbi().useTransaction(h -> {
            store.withdrawException(h, id, user.username(), clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "iom-exception.withdraw", "iom-cohort-exception", Long.toString(id),
                    AuditEvent.SUCCESS));
        });
        ctx.redirect("/investigation/offenders/boroughs/" + e.boroughCode());
    }

    /** A case whose lead officer is absent today, with who covers it. */
    public record AbsentLine(IomStore.Case c, String name, ManagerCover.Cover cover) {
    }

    private void absent(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        if (web.authorizePage(ctx, request().inBorough(borough).withPersonalData(Web.statedPurpose(ctx)),
                "iom-case-list", borough == null ? "force" : borough).isEmpty()) {
            return;
        }
        showAbsent(ctx, borough, 200, FormErrors.none(), Map.of());
    }

    private void showAbsent(Context ctx, String borough, int status, FormErrors errors, Map<String, String> values) {
        LocalDate today = LocalDate.now(clock);
        List<ManagerCover.Absence> absences = store.absencesOn(today);
        List<IomStore.Case> cases = store.cases(borough);
        Map<String, IomStore.Nominal> names = store.nominals(cases.stream().map(IomStore.Case::offenderId).toList());
        List<AbsentLine> lines = new ArrayList<>();
        for (IomStore.Case c : cases) {
            ManagerCover.Cover cover = ManagerCover.on(today, c.leadOfficer(), c.deputyOfficer(), absences);
            if (cover.leadAbsent()) {
                IomStore.Nominal n = names.get(c.offenderId());
                lines.add(new AbsentLine(c, n == null ? "" : n.name(), cover));
            }
        }
        // uncovered cases first
        lines.sort(java.util.Comparator.comparing((AbsentLine l) -> !l.cover().uncovered())
                .thenComparing(l -> l.c().offenderId()));
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "offenders/absent.jte", web.page(ctx, "IOM cases whose manager is absent", Section.INVESTIGATION),
                Map.of("lines", lines, "absences", absences, "today", today, "errors", errors, "values", values,
                        "canRecord", !Web.signedIn(ctx).role().readOnly()));
    }

    private void recordAbsence(Context ctx) {
        User user = web.authorize(ctx, request().inBorough(AccessPolicy.boroughInView(Web.signedIn(ctx), null))
                .changing().dutyOf("recording an offender manager's absence", TASKING), "iom-officer-absence", null);
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("officer", "startsOn", "endsOn", "reason")) {
            values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("").strip());
        }
        FormErrors errors = FormErrors.none();
        if (values.get("officer").isEmpty()) {
            errors.add("officer", "Enter the officer who will be absent");
        }
        LocalDate from = date(values.get("startsOn"), "startsOn", "the first day of absence", errors);
        LocalDate to = date(values.get("endsOn"), "endsOn", "the last day of absence", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("endsOn", "The last day of absence must be on or after the first");
        }
        if (values.get("reason").isEmpty()) {
            errors.add("reason", "Say why: leave, sickness, a course");
        }
        if (errors.any()) {
            showAbsent(ctx, AccessPolicy.boroughInView(user, null), 400, errors, values);
            return;
        }
        store.jdbi().useTransaction(h -> {
            store.recordAbsence(h, values.get("officer"), from, to, values.get("reason"), user.username(), clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "iom-absence.record", "iom-officer-absence", values.get("officer"),
                    AuditEvent.SUCCESS).detail(from + " to " + to));
        });
        ctx.redirect("/investigation/offenders/absent");
    }

    private static LocalDate date(String text, String field, String what, FormErrors errors) {
        if (text.isEmpty()) {
            errors.add(field, "Enter " + what);
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException ex) {
            errors.add(field, "Enter " + what + " as a date, for example 2025-03-31");
            return null;
        }
    }

    // ---- an offender's page --------------------------------------------------------------------------------

    private IomStore.Nominal nominalOf(Context ctx) {
        String id = ctx.pathParam("id");
        return store.nominal(id).orElseThrow(() -> new NotFoundResponse("No offender " + id));
    }

    private void nominal(Context ctx) {
        IomStore.Nominal n = nominalOf(ctx);
        if (web.authorizePage(ctx, request().inBorough(n.boroughCode()).withPersonalData(Web.statedPurpose(ctx)),
                "offender", n.id()).isEmpty()) {
            return;
        }
        showNominal(ctx, n, 200, FormErrors.none(), Map.of());
    }

    private void showNominal(Context ctx, IomStore.Nominal n, int status, FormErrors errors, Map<String, String> values) {
        User user = Web.signedIn(ctx);
        Optional<IomStore.Run> run = store.latestRun();
        Optional<IomStore.Case> c = store.caseOf(n.id());
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new HashMap<>();
        params.put("nominal", n);
        params.put("boroughName", boroughNames.get().getOrDefault(n.boroughCode(), n.boroughCode()));
        params.put("score", run.flatMap(r -> store.scoreOf(r.id(), n.id())).orElse(null));
        params.put("history", store.history(n.id()));
        params.put("theCase", c.orElse(null));
        params.put("cover", c.map(x -> ManagerCover.on(today, x.leadOfficer(), x.deputyOfficer(), store.absencesOn(today)))
                .orElse(null));
        params.put("contacts", store.contacts(n.id()));
        params.put("tasks", store.tasksFor(n.id()));
        params.put("address", store.address(n.id()).orElse(null));
        // the offender's person records hold their ethnicity; a nominal has one, and any others agree with it
        params.put("ethnicity", ethnicity.recorded(ethnicity.recordsOf("offender", n.id())).values().stream()
                .filter(e -> !e.none()).findFirst().orElse(null));
        Optional<Ward> ward = n.wardCode() == null ? Optional.empty() : places.ward(n.wardCode());
        params.put("wardName", ward.map(Ward::name).orElse(""));
        params.put("wardOfficers", officers.officersOf(n.wardCode()));
        params.put("boroughWards", places.wardsIn(n.boroughCode()));
        params.put("errors", errors);
        params.put("values", values);
        params.put("canManage", BOROUGH_MANAGERS.contains(user.role()) && n.boroughCode().equals(user.boroughCode()));
        params.put("canTask", TASKING.contains(user.role()) && AccessPolicy.reaches(user, n.boroughCode()));
        params.put("today", today);
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "offenders/nominal.jte", web.page(ctx, "Offender " + n.id(), Section.INVESTIGATION), params);
    }

    private Map<String, String> form(Context ctx, String... fields) {
        Map<String, String> values = new HashMap<>();
        for (String f : fields) {
            values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("").strip());
        }
        return values;
    }

    private void saveCase(Context ctx) {
        IomStore.Nominal n = nominalOf(ctx);
        User user = web.authorize(ctx, request().inBorough(n.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx)).dutyOf("managing an IOM case", BOROUGH_MANAGERS),
                "iom-case", n.id());
        Map<String, String> v = form(ctx, "lead", "deputy", "partnerLead", "plan", "ethnicity", "ethnicityDefinedBy");
        FormErrors errors = ManagerCover.checkManagers(v.get("lead"), v.get("deputy"));
        Optional<EthnicityAnswer> answer = EthnicityAnswer.parse("ethnicity", v.get("ethnicity"), "ethnicityDefinedBy",
                v.get("ethnicityDefinedBy"), errors::add);
        List<String> personRecords = ethnicity.recordsOf("offender", n.id());
        if (answer.isPresent() && personRecords.isEmpty()) {
            errors.add("ethnicity", "Peel holds no person record for offender " + n.id()
                    + ", so their ethnicity cannot be recorded");
        }
        if (errors.any()) {
            showNominal(ctx, n, 400, errors, v);
            return;
        }
        Map<String, PersonEthnicityStore.Recorded> held = ethnicity.recorded(personRecords);
        LocalDate opened = store.caseOf(n.id()).map(IomStore.Case::openedOn).orElse(LocalDate.now(clock));
        store.jdbi().useTransaction(h -> {
            store.saveCase(h, new IomStore.Case(n.id(), n.boroughCode(), v.get("lead"), v.get("deputy"),
                    v.get("partnerLead").isEmpty() ? null : v.get("partnerLead"),
                    v.get("plan").isEmpty() ? null : v.get("plan"), opened), user.username(), clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "iom-case.save", "iom-case", n.id(), AuditEvent.SUCCESS));
            // saving the case again with the ethnicity shown unchanged records nothing new
            answer.ifPresent(a -> held.forEach((r, e) -> {
                if (!e.holds(a)) {
                    ethnicity.record(h, user, r, a);
                }
            }));
        });
        ctx.redirect("/investigation/offenders/nominals/" + n.id());
    }

    static final List<String> CONTACT_KINDS = List.of("home-visit", "office", "phone", "drug-test", "partner");
    static final List<String> DRUG_TESTS = List.of("negative", "positive-opiates", "positive-cocaine", "positive-both",
            "refused");

    private void recordContact(Context ctx) {
        IomStore.Nominal n = nominalOf(ctx);
        User user = web.authorize(ctx, request().inBorough(n.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx)).dutyOf("recording an IOM contact", TASKING),
                "iom-contact", n.id());
        Map<String, String> v = form(ctx, "contactOn", "kind", "outcome", "drugTest");
        FormErrors errors = FormErrors.none();
        LocalDate on = date(v.get("contactOn"), "contactOn", "the day of the contact", errors);
        if (on != null && on.isAfter(LocalDate.now(clock))) {
            errors.add("contactOn", "The contact cannot be in the future");
        }
        if (!CONTACT_KINDS.contains(v.get("kind"))) {
            errors.add("kind", "Choose the kind of contact");
        }
        if (v.get("outcome").isEmpty()) {
            errors.add("outcome", "Say what came of the contact");
        }
        String drug = v.get("drugTest").isEmpty() ? null : v.get("drugTest");
        if (drug != null && !DRUG_TESTS.contains(drug)) {
            errors.add("drugTest", "Choose the drug test result");
        }
        if ("drug-test".equals(v.get("kind")) && drug == null) {
            errors.add("drugTest", "A drug test contact needs its result");
        }
        if (errors.any()) {
            showNominal(ctx, n, 400, errors, v);
            return;
        }
        store.jdbi().useTransaction(h -> {
            store.recordContact(h, n.id(), on, v.get("kind"), v.get("outcome"), drug, user.username(), clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "iom-contact.record", "iom-contact", n.id(), AuditEvent.SUCCESS));
        });
        ctx.redirect("/investigation/offenders/nominals/" + n.id());
    }

    private void setTask(Context ctx) {
        IomStore.Nominal n = nominalOf(ctx);
        User user = web.authorize(ctx, request().inBorough(n.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx)).dutyOf("tasking a neighbourhood team", TASKING),
                "iom-task", n.id());
        Map<String, String> v = form(ctx, "kind", "details", "dueOn");
        FormErrors errors = FormErrors.none();
        if (!IomStore.TASK_KINDS.contains(v.get("kind"))) {
            errors.add("kind", "Choose check address, gather intelligence or visit");
        }
        if (v.get("details").isEmpty()) {
            errors.add("details", "Say what the neighbourhood team should do and look for");
        }
        LocalDate due = date(v.get("dueOn"), "dueOn", "the day the task is due", errors);
        if (due != null && due.isBefore(LocalDate.now(clock))) {
            errors.add("dueOn", "The task cannot be due in the past");
        }
        if (n.wardCode() == null) {
            errors.add("kind", "Where the offender lives is not recorded to a ward, so no neighbourhood team can be tasked");
        }
        if (errors.any()) {
            showNominal(ctx, n, 400, errors, v);
            return;
        }
        store.jdbi().useTransaction(h -> {
            // the task goes to the team of the ward the offender lives in, in whichever borough that ward is
            String wardBorough = places.ward(n.wardCode()).map(Ward::boroughCode).orElse(n.boroughCode());
            long id = store.createTask(h, n.id(), wardBorough, n.wardCode(), v.get("kind"), v.get("details"), due,
                    user.username(), clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "iom-task.set", "iom-task", Long.toString(id), AuditEvent.SUCCESS)
                    .detail("offender " + n.id() + " ward " + n.wardCode()));
        });
        ctx.redirect("/investigation/offenders/nominals/" + n.id());
    }

    /**
     * The offender's home address: the postcode is looked up in the place capability's postcode directory, and the
     * ward it lies in becomes where the offender lives, so that the next task goes to that ward's team. A postcode the
     * directory does not hold takes the ward chosen from the list of the offender's borough's wards; a withdrawn
     * (terminated) postcode is refused, as a current address does not have one.
     */
    private void recordAddress(Context ctx) {
        IomStore.Nominal n = nominalOf(ctx);
        User user = web.authorize(ctx, request().inBorough(n.boroughCode()).changing()
                .withPersonalData(Web.statedPurpose(ctx)).dutyOf("recording an offender's home address", TASKING),
                "offender-address", n.id());
        Map<String, String> v = form(ctx, "address", "postcode", "ward");
        FormErrors errors = FormErrors.none();
        if (v.get("address").length() < 5) {
            errors.add("address", "Enter the home address: house or flat, and street");
        }
        String postcode = PlaceStore.normalisePostcode(v.get("postcode"));
        Optional<Ward> chosen = v.get("ward").isEmpty() ? Optional.empty()
                : places.wardsIn(n.boroughCode()).stream().filter(w -> w.code().equals(v.get("ward"))).findFirst();
        if (!v.get("ward").isEmpty() && chosen.isEmpty()) {
            errors.add("ward", "Choose a ward of the offender's borough from the list");
        }
        Optional<Ward> ward = Optional.empty();
        if (postcode == null) {
            errors.add("postcode", "Enter a full UK postcode, for example SW1A 2AA");
        } else {
            Optional<PlaceStore.Postcode> held = places.postcode(postcode);
            if (held.isPresent() && held.get().terminated()) {
                errors.add("postcode", "The postcode " + postcode + " was withdrawn in "
                        + held.get().terminatedOn().toString().substring(0, 7) + ": enter the address's current postcode");
            } else if (held.isPresent()) {
                ward = Optional.of(held.get().ward());
                if (chosen.isPresent() && !chosen.get().code().equals(held.get().ward().code())) {
                    errors.add("ward", "The postcode " + postcode + " lies in " + held.get().ward().name()
                            + ": choose that ward, or leave the ward unchosen");
                }
            } else if (chosen.isPresent()) {
                ward = chosen;
            } else if (!errors.has("ward")) {
                errors.add("ward", "The postcode " + postcode + " is not in the force's postcode directory: choose the"
                        + " ward the address lies in");
            }
        }
        if (errors.any()) {
            showNominal(ctx, n, 400, errors, v);
            return;
        }
        Ward w = ward.orElseThrow();
        store.jdbi().useTransaction(h -> {
            store.recordAddress(h, n.id(), v.get("address"), postcode, w.code(), w.boroughCode(), user.username(),
                    clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "offender-address.record", "offender", n.id(), AuditEvent.SUCCESS)
                    .detail("ward " + w.code()));
        });
        ctx.redirect("/investigation/offenders/nominals/" + n.id());
    }
}
