package org.peel.investigation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.people.IdentifiedPerson;
import org.peel.people.PersonIndex;
import org.peel.people.SharedName;
import org.peel.web.ApiJson;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Crime recording and allocation over HTTP: the recording form (whose answer shows the allocation and the Victims'
 * Code deadlines), a crime's page, the supervisor's queue and review list with reallocation, and
 * {@code POST /api/v1/crimes}. Handlers only parse, check access and render; {@link RecordCrime} decides.
 */
public final class InvestigationRoutes {

    /** The JSON API's name for each field the report's checks name by its form field. */
    private static final Map<String, String> JSON_FIELDS = Map.of("offence", "offence_group", "committed", "committed_at",
            "borough", "borough_code", "victim_surname", "victims", "victim_dob", "victims", CrimeReport.RAPE_FIELD, "flags");

    /** A victim's fields in the body of {@code POST /api/v1/crimes}, which has no postcode for a victim. */
    private static final IdentifiedPerson.Fields API_VICTIM = new IdentifiedPerson.Fields("forenames", "surname",
            "date_of_birth", "age", null, "not_given");

    private final Web web;
    private final CrimeStore crimes;
    private final AllocationStore allocation;
    private final VictimsCodeStore victimsCode;
    private final InvestigatorStore investigators;
    private final InvestigationPlanStore plans;
    private final InvestigationMetricsStore metrics;
    private final ForensicStore forensic;
    private final RecordCrime recordCrime;
    private final CaseProgress progress;
    private final Supplier<Map<String, String>> boroughs;
    private final Clock clock;
    private InvestigatorCaseload.ReviewIntervals reviewIntervals = InvestigatorCaseload.ReviewIntervals.defaults();

    private final IdentifiedPerson identified;

    public InvestigationRoutes(Web web, Jdbi jdbi, RecordCrime recordCrime, CaseProgress progress,
                               Supplier<Map<String, String>> boroughs, Clock clock, PersonIndex personIndex) {
        this.web = web;
        this.crimes = new CrimeStore(jdbi);
        this.allocation = new AllocationStore(jdbi);
        this.victimsCode = new VictimsCodeStore(jdbi);
        this.investigators = new InvestigatorStore(jdbi);
        this.plans = new InvestigationPlanStore(jdbi);
        this.metrics = new InvestigationMetricsStore(jdbi);
        this.forensic = new ForensicStore(jdbi);
        this.recordCrime = recordCrime;
        this.progress = progress;
        this.boroughs = boroughs;
        this.clock = clock;
        this.identified = new IdentifiedPerson(jdbi, web.auditTrail(), personIndex);
    }

    /** The review intervals the crime's page uses to show when a review recorded today would next fall due. */
    public InvestigationRoutes reviewIntervals(InvestigatorCaseload.ReviewIntervals intervals) {
        this.reviewIntervals = intervals;
        return this;
    }

    public void register(RoutesConfig routes) {
        routes.get("/investigation/crimes/new", this::form);
        routes.post("/investigation/crimes", this::recordFromForm);
        routes.get("/investigation/crimes/{id}", this::crime);
        routes.get("/investigation/queue", this::queue);
        routes.post("/investigation/crimes/{id}/reallocate", this::reallocate);
        routes.post("/investigation/crimes/{id}/outcome", this::outcome);
        routes.post("/investigation/crimes/{id}/events", this::caseEvent);
        routes.post("/investigation/crimes/{id}/deadlines/{deadline}/kept", this::deadlineKept);
        routes.get("/investigation/metrics", this::metrics);
        routes.post("/investigation/crimes/{id}/review", this::review);
        routes.post("/api/v1/crimes", this::recordFromJson);
        routes.get("/api/v1/crimes/{id}", this::crimeJson);
        routes.post("/api/v1/crimes/{id}/outcome", this::outcomeJson);
    }

    private void form(Context ctx) {
        User user = web.authorize(ctx, AccessRequest.view(Section.INVESTIGATION).changing(), "crime", null);
        Map<String, String> values = new LinkedHashMap<>();
        String own = AccessPolicy.boroughInView(user, null);
        if (own != null) {
            values.put("borough", own);
        }
        Web.noStore(ctx);
        renderForm(ctx, FormErrors.none(), values, Set.of());
    }

    private void renderForm(Context ctx, FormErrors errors, Map<String, String> values, Set<String> checked) {
        ctx.status(errors.any() ? 400 : 200);
        web.render(ctx, "investigation/record.jte", web.page(ctx, "Record a crime", Section.INVESTIGATION), Map.of(
                "errors", errors, "values", values, "checked", checked, "boroughs", boroughs.get(),
                "offences", List.of(OffenceGroup.values()), "factors", List.of(SolvabilityFactor.values()),
                "serious", List.of(SeriousOffence.values()), "flags", List.of(CrimeFlag.values())));
    }

    private void recordFromForm(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            // a browser sends every field, filled in or not: a blank one counts as not given
            if (!v.isEmpty() && !v.get(0).isBlank() && !k.equals("_csrf")) {
                values.put(k, v.get(0).strip());
            }
        });
        Set<String> checked = new java.util.HashSet<>();
        ctx.formParamMap().forEach((k, v) -> checked.addAll(v.stream().map(x -> k + "=" + x).toList()));
        FormErrors errors = FormErrors.none();
        CrimeReport report = fromForm(ctx, values, errors);
        try {
            report = recordCrime.located(report);
        } catch (BadInput bad) {
            errors.add(bad.field(), bad.getMessage().replaceFirst("^.*?: ", ""));
        }
        report.problems(LocalDateTime.now(clock)).forEach(errors::add);
        if (!values.containsKey("victim_business")) {
            // a victim recorded as someone new, from a name many share, needs the question that tells them apart
            identified.problemsWithSomeoneNew(values.get("victim_person_id"),
                    IdentifiedPerson.Fields.snakeWithoutPostcode("victim"), values::get, LocalDate.now(clock))
                    .forEach((field, message) -> {
                        if (!errors.has(field)) {
                            errors.add(field, message);
                        }
                    });
        }
        if (errors.any()) {
            web.authorize(ctx, AccessRequest.view(Section.INVESTIGATION).changing(), "crime", null);
            renderForm(ctx, errors, values, checked);
            return;
        }
        User user = authorizeRecording(ctx, report);
        Map<Integer, SharedName.WithoutDetail> withoutDetail = new java.util.HashMap<>();
        if (!values.containsKey("victim_business")) {
            identified.withoutDetail(values.get("victim_person_id"), IdentifiedPerson.Fields.snakeWithoutPostcode("victim"),
                    values::get, LocalDate.now(clock)).ifPresent(w -> withoutDetail.put(0, w));
        }
        List<RecordCrime.Recorded> recorded = recordCrime.record(report, user, "web", ctx.ip(),
                identified.chosenBy(user, Section.INVESTIGATION, values.get("victim_person_id"), "victim_person_id",
                        ctx.ip()), withoutDetail);
        List<CrimeStore.CrimeView> views = recorded.stream()
                .map(r -> crimes.crime(r.crimeId()).orElseThrow()).toList();
        Web.noStore(ctx);
        ctx.status(201);
        web.render(ctx, "investigation/recorded.jte", web.page(ctx, "Crime recorded", Section.INVESTIGATION),
                Map.of("crimes", views, "boroughs", boroughs.get()));
    }

    private void crime(Context ctx) {
        String id = ctx.pathParam("id");
        CrimeStore.CrimeView view = crimes.crime(id).orElseThrow(() -> new NotFoundResponse("No crime " + id));
        if (web.authorizePage(ctx, reading(ctx, view), "crime", id).isEmpty()) {
            return;
        }
        Web.noStore(ctx);
        renderCrime(ctx, view, FormErrors.none());
    }

    /** The crime's page, with errors beside the fields of whichever of its forms was sent. */
    void renderCrime(Context ctx, CrimeStore.CrimeView view, FormErrors errors) {
        User user = Web.signedIn(ctx);
        Map<String, Object> model = new java.util.HashMap<>(Map.of(
                "crime", view, "boroughs", boroughs.get(), "supervisor", isSupervisor(user),
                "investigators", isSupervisor(user) ? investigators.investigatorsIn(view.boroughCode()) : Map.of(),
                "errors", errors, "outcomes", List.of(OutcomeType.values()),
                "events", List.of(VictimsCodeDeadlines.CaseEvent.values()), "today", LocalDate.now(clock).toString(),
                "contacts", victimsCode.contacts(view.id()),
                "forensic", forensic.forCrime(view.id(), LocalDateTime.now(clock))));
        model.put("involved", crimes.involved(view.id()));
        model.put("place", crimes.place(view.id()));
        model.put("account", crimes.account(view.id()).orElse(""));
        model.put("plan", plans.plan(view.id()));
        model.put("nextReview", SupervisoryReview.nextDue(LocalDate.now(clock), InvestigationPlanRoutes.priority(view),
                reviewIntervals).toString());
        web.render(ctx, "investigation/crime.jte", web.page(ctx, "Crime " + view.id(), Section.INVESTIGATION), model);
    }

    /** A read of the crime: its victims, suspects and witnesses are personal data, so the read is audited. */
    private static AccessRequest reading(Context ctx, CrimeStore.CrimeView view) {
        return AccessRequest.view(Section.INVESTIGATION).inBorough(view.boroughCode())
                .touching(sensitivities(view.domesticAbuse(), view.offenceGroup()))
                .withPersonalData(Web.statedPurpose(ctx));
    }

    /** A change to the crime, in its borough, touching its sensitivities. */
    static AccessRequest changing(CrimeStore.CrimeView view) {
        return AccessRequest.view(Section.INVESTIGATION).inBorough(view.boroughCode()).changing()
                .touching(sensitivities(view.domesticAbuse(), view.offenceGroup()));
    }

    /** A duty of the borough's crime management supervisor. */
    static AccessRequest supervising(CrimeStore.CrimeView view, String duty) {
        return changing(view).dutyOf(duty, Set.of(Role.CRIME_MANAGEMENT_SUPERVISOR));
    }

    private CrimeStore.CrimeView changeable(Context ctx) {
        return changeable(ctx, null);
    }

    /** The crime named in the path, once the user may change it (and, when {@code duty} is given, holds it). */
    private CrimeStore.CrimeView changeable(Context ctx, String duty) {
        String id = ctx.pathParam("id");
        CrimeStore.CrimeView view = crimes.crime(id).orElseThrow(() -> new NotFoundResponse("No crime " + id));
        web.authorize(ctx, duty == null ? changing(view) : supervising(view, duty), "crime", id);
        return view;
    }

    private void outcome(Context ctx) {
        CrimeStore.CrimeView view = changeable(ctx);
        FormErrors errors = FormErrors.none();
        OutcomeType type = null;
        try {
            type = OutcomeType.ofCode(Integer.parseInt(String.valueOf(ctx.formParam("outcome")).strip())).orElse(null);
        } catch (NumberFormatException ex) {
            type = null;
        }
        if (type == null) {
            errors.add("outcome", "Choose the outcome type");
        }
        LocalDate on = date(ctx.formParam("outcome_date"), "outcome_date", errors);
        if (on == null && !errors.has("outcome_date")) {
            errors.add("outcome_date", "Enter the outcome date as YYYY-MM-DD");
        }
        if (!errors.any()) {
            try {
                OutcomeValidation.Result r = progress.outcome(view.id(), type, on, Web.signedIn(ctx), ctx.ip());
                if (r.valid()) {
                    ctx.redirect("/investigation/crimes/" + view.id());
                    return;
                }
                errors.add("outcome", String.join("; ", r.problems()));
            } catch (BadInput bad) {
                errors.add("outcome", bad.getMessage().replaceFirst("^.*?: ", ""));
            }
        }
        ctx.status(400);
        renderCrime(ctx, crimes.crime(view.id()).orElseThrow(), errors);
    }

    private void caseEvent(Context ctx) {
        CrimeStore.CrimeView view = changeable(ctx);
        FormErrors errors = FormErrors.none();
        var event = parseEnum(VictimsCodeDeadlines.CaseEvent.class, ctx.formParam("event"));
        if (event.isEmpty()) {
            errors.add("event", "Choose what happened");
        }
        LocalDate on = date(ctx.formParam("event_date"), "event_date", errors);
        if (on == null && !errors.has("event_date")) {
            errors.add("event_date", "Enter the date as YYYY-MM-DD");
        }
        if (!errors.any()) {
            try {
                progress.caseEvent(view.id(), event.get(), on, Web.signedIn(ctx), ctx.ip());
                ctx.redirect("/investigation/crimes/" + view.id());
                return;
            } catch (BadInput bad) {
                errors.add("event", bad.getMessage().replaceFirst("^.*?: ", ""));
            }
        }
        ctx.status(400);
        renderCrime(ctx, view, errors);
    }

    private void review(Context ctx) {
        CrimeStore.CrimeView view = changeable(ctx, "reviewing a screened-out crime");
        User user = Web.signedIn(ctx);
        try {
            progress.reviewScreenedOut(view.id(), ctx.formParam("note"), user, ctx.ip());
        } catch (BadInput bad) {
            ctx.status(400);
            renderCrime(ctx, view, FormErrors.of("note", bad.getMessage().replaceFirst("^.*?: ", "")));
            return;
        }
        ctx.redirect("/investigation/queue");
    }

    private void deadlineKept(Context ctx) {
        CrimeStore.CrimeView view = changeable(ctx);
        long deadline = Web.pathId(ctx, "deadline", "deadline");
        String result = ctx.formParam("result");
        progress.contact(view.id(), deadline, result == null || result.isBlank() ? "done" : result.strip(), null,
                Web.signedIn(ctx), ctx.ip());
        ctx.redirect("/investigation/crimes/" + view.id());
    }

    private void metrics(Context ctx) {
        User user = web.authorize(ctx, AccessRequest.view(Section.INVESTIGATION), "allocation_metrics", null);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        LocalDateTime now = LocalDateTime.now(clock);
        int target = 24;
        try {
            target = ctx.queryParam("target") == null ? 24 : Math.max(1, Integer.parseInt(ctx.queryParam("target")));
        } catch (NumberFormatException ex) {
            target = 24;
        }
        web.render(ctx, "investigation/metrics.jte", web.page(ctx, "Allocation and Victims' Code", Section.INVESTIGATION), Map.of(
                "rows", metrics.allocationTimes(borough, target, now), "caseloads", metrics.caseloads(borough),
                "compliance", metrics.victimsCodeCompliance(borough, now.toLocalDate()), "target", target,
                "boroughs", boroughs.get(), "borough", borough == null ? "" : borough));
    }

    /** How long a crime has waited, in words a supervisor reads at a glance: minutes, hours, or days and hours. */
    public static String waited(java.time.Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes / (24 * 60) + " days " + minutes / 60 % 24 + " h";
    }

    /** Rows on a page of the allocation queue and of its other lists. */
    static final int QUEUE_PAGE = 25;

    private void queue(Context ctx) {
        User user = web.authorize(ctx, AccessRequest.view(Section.INVESTIGATION), "allocation_queue", null);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        LocalDateTime now = LocalDateTime.now(clock);
        String priority = java.util.Arrays.stream(Priority.values()).map(Enum::name)
                .filter(p -> p.equals(ctx.queryParam("priority"))).findFirst().orElse(null);
        String specialism = Specialism.fromLabel(ctx.queryParam("specialism")).map(Specialism::label).orElse(null);
        org.peel.web.Paging queuePage = org.peel.web.Paging.requested(ctx, "page", QUEUE_PAGE);
        AllocationStore.Slice<AllocationStore.QueuedCrime> queue = allocation.queuePage(new AllocationStore.QueueFilter(
                borough, priority, specialism, queuePage.offset(), queuePage.size()), now);
        queuePage = queuePage.of(queue.total());
        if (queue.rows().isEmpty() && queue.total() > 0) {
            queue = allocation.queuePage(new AllocationStore.QueueFilter(borough, priority, specialism, queuePage.offset(),
                    queuePage.size()), now);
        }
        org.peel.web.Paging reviewPage = org.peel.web.Paging.requested(ctx, "review-page", QUEUE_PAGE);
        AllocationStore.Slice<AllocationStore.ScreenedOutCrime> review = allocation.screenedOutForReview(borough,
                reviewPage.offset(), reviewPage.size());
        reviewPage = reviewPage.of(review.total());
        org.peel.web.Paging overduePage = org.peel.web.Paging.requested(ctx, "overdue-page", QUEUE_PAGE);
        AllocationStore.Slice<VictimsCodeStore.Overdue> overdue = victimsCode.overdue(borough,
                ctx.queryParam("investigator"), now.toLocalDate(), overduePage.offset(), overduePage.size());
        overduePage = overduePage.of(overdue.total());
        Map<String, Long> byPriority = allocation.queuedByPriority(borough);
        Web.noStore(ctx);
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("queue", queue.rows());
        model.put("queuePage", queuePage);
        model.put("review", review.rows());
        model.put("reviewPage", reviewPage);
        model.put("overdue", overdue.rows());
        model.put("overduePage", overduePage);
        model.put("byPriority", byPriority);
        model.put("priority", priority == null ? "" : priority);
        model.put("specialism", specialism == null ? "" : specialism);
        model.put("specialisms", java.util.Arrays.stream(Specialism.values()).map(Specialism::label).toList());
        model.put("boroughs", boroughs.get());
        model.put("borough", borough == null ? "" : borough);
        model.put("local", user.role().isLocal());
        web.render(ctx, "investigation/queue.jte", web.page(ctx, "Allocation queue", Section.INVESTIGATION), model);
    }

    private void reallocate(Context ctx) {
        String id = ctx.pathParam("id");
        CrimeStore.CrimeView view = changeable(ctx, "reallocating a crime");
        User user = Web.signedIn(ctx);
        String investigator = ctx.formParam("investigator");
        String reason = ctx.formParam("reason");
        FormErrors errors = FormErrors.none();
        if (investigator == null || investigator.isBlank()) {
            errors.add("investigator", "Choose the investigator to take the crime");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "Give the reason for the reallocation");
        }
        if (!errors.any()) {
            try {
                recordCrime.reallocate(id, investigator, reason, user, ctx.ip());
                ctx.redirect("/investigation/crimes/" + id);
                return;
            } catch (BadInput bad) {
                errors.add(bad.field() == null ? "investigator" : bad.field(), bad.getMessage().replaceFirst("^.*?: ", ""));
            }
        }
        ctx.status(400);
        renderCrime(ctx, view, errors);
    }

    private void recordFromJson(Context ctx) {
        CrimeRequest body = ApiJson.body(ctx, CrimeRequest.class);
        CrimeReport report = recordCrime.located(fromJson(body));
        Map<String, String> problems = report.problems(LocalDateTime.now(clock));
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw BadInput.field(JSON_FIELDS.getOrDefault(first.getKey(), first.getKey()), first.getValue());
        }
        // every victim the API names is someone new: one whose name many records share needs a date of birth, an
        // age that tells them apart, or a reason, as on the form, and the first that does not is named by its field
        Map<Integer, SharedName.WithoutDetail> withoutDetail = new java.util.HashMap<>();
        for (int i = 0; i < body.victims().size(); i++) {
            CrimeRequest.VictimRequest v = body.victims().get(i);
            if (Boolean.TRUE.equals(v.business())) {
                continue;
            }
            Function<String, String> given = field -> switch (field) {
                case "forenames" -> v.forenames();
                case "surname" -> v.surname();
                case "date_of_birth" -> v.dateOfBirth();
                case "age" -> v.age();
                case "not_given" -> v.notGiven();
                default -> null;
            };
            Map<String, String> refused = identified.problemsWithSomeoneNew(null, API_VICTIM, given,
                    LocalDate.now(clock));
            if (!refused.isEmpty()) {
                Map.Entry<String, String> first = refused.entrySet().iterator().next();
                throw BadInput.field("victims[" + i + "]." + first.getKey(), first.getValue());
            }
            int victim = i;
            identified.withoutDetail(null, API_VICTIM, given, LocalDate.now(clock))
                    .ifPresent(w -> withoutDetail.put(victim, w));
        }
        User user = authorizeRecording(ctx, report);
        List<RecordCrime.Recorded> recorded = recordCrime.record(report, user, "api", ctx.ip(), null, withoutDetail);
        ctx.status(201).json(new RecordedCrimeAnswer.Recorded(recorded.stream()
                .map(r -> RecordedCrimeAnswer.of(r, report.flags())).toList()));
    }

    private void crimeJson(Context ctx) {
        String id = ctx.pathParam("id");
        CrimeStore.CrimeView view = crimes.crime(id).orElseThrow(() -> new NotFoundResponse("No crime " + id));
        web.authorize(ctx, reading(ctx, view), "crime", id);
        Web.noStore(ctx);
        ctx.json(view);
    }

    /** {@code {"outcome_type": 1, "outcome_date": "2024-03-05"}}: 200 with the crime when it closes, 400 with the problems. */
    private void outcomeJson(Context ctx) {
        CrimeStore.CrimeView view = changeable(ctx);
        CrimeRequest.Outcome body = ApiJson.body(ctx, CrimeRequest.Outcome.class);
        OutcomeType type = OutcomeType.ofCode(body.outcomeType() == null ? -1 : body.outcomeType())
                .orElseThrow(() -> BadInput.field("outcome_type", "Give a Home Office outcome type from 1 to 22"));
        LocalDate on;
        try {
            on = LocalDate.parse(String.valueOf(blankToNull(body.outcomeDate())));
        } catch (DateTimeParseException ex) {
            throw BadInput.field("outcome_date", "Give the outcome date as YYYY-MM-DD");
        }
        OutcomeValidation.Result r = progress.outcome(view.id(), type, on, Web.signedIn(ctx), ctx.ip());
        if (!r.valid()) {
            throw BadInput.field("outcome_type", String.join("; ", r.problems()));
        }
        ctx.json(crimes.crime(view.id()).orElseThrow());
    }

    private User authorizeRecording(Context ctx, CrimeReport report) {
        return web.authorize(ctx, AccessRequest.view(Section.INVESTIGATION).inBorough(report.boroughCode()).changing()
                        .touching(sensitivities(report.domesticAbuse(), report.offence().label()))
                        .withPersonalData(Web.statedPurpose(ctx) == null ? "recording a reported crime" : Web.statedPurpose(ctx)),
                "crime", null);
    }

    private static boolean isSupervisor(User user) {
        return user.role() == Role.CRIME_MANAGEMENT_SUPERVISOR;
    }

    static Sensitivity[] sensitivities(boolean domesticAbuse, String offenceGroup) {
        List<Sensitivity> s = new ArrayList<>();
        if (domesticAbuse) {
            s.add(Sensitivity.DOMESTIC_ABUSE);
        }
        if (OffenceGroup.SEXUAL_OFFENCES.label().equals(offenceGroup)) {
            s.add(Sensitivity.SEXUAL_OFFENCE);
        }
        return s.toArray(Sensitivity[]::new);
    }

    // ---- parsing

    private static CrimeReport fromForm(Context ctx, Map<String, String> v, FormErrors errors) {
        OffenceGroup offence = null;
        if (v.containsKey("offence")) {
            offence = OffenceGroup.fromLabel(v.get("offence")).orElse(null);
        }
        LocalDateTime committed = dateTime(v.get("committed"), "committed", errors);
        Double lat = number(v.get("latitude"), "latitude", errors);
        Double lon = number(v.get("longitude"), "longitude", errors);
        Set<SeriousOffence> serious = EnumSet.noneOf(SeriousOffence.class);
        ctx.formParams("serious").forEach(s -> parseEnum(SeriousOffence.class, s).ifPresent(serious::add));
        Set<SolvabilityFactor> factors = EnumSet.noneOf(SolvabilityFactor.class);
        ctx.formParams("solvability").forEach(s -> parseEnum(SolvabilityFactor.class, s).ifPresent(factors::add));
        Set<CrimeFlag> flags = EnumSet.noneOf(CrimeFlag.class);
        ctx.formParams("flag").forEach(s -> CrimeFlag.parse(s).ifPresent(flags::add));
        List<CrimeReport.Victim> victims = new ArrayList<>();
        if (v.containsKey("victim_surname") || v.containsKey("victim_forenames")) {
            LocalDate dob = date(v.get("victim_dob"), "victim_dob", errors);
            CrimeReport.PersonalStatement vps = parseEnum(CrimeReport.PersonalStatement.class, v.get("personal_statement"))
                    .orElse(CrimeReport.PersonalStatement.NOT_YET_OFFERED);
            victims.add(new CrimeReport.Victim(new CrimeReport.Party(v.get("victim_forenames"), v.get("victim_surname"), dob),
                    on(v, "victim_business"), on(v, "victim_evidence_affected"), on(v, "victim_fear"),
                    on(v, "victim_persistent"), on(v, "victim_bereaved"), on(v, "victim_declines_referral"), vps));
        }
        List<CrimeReport.Party> suspects = new ArrayList<>();
        if (v.containsKey("suspect_surname") || v.containsKey("suspect_forenames")) {
            suspects.add(new CrimeReport.Party(v.get("suspect_forenames"), v.get("suspect_surname"),
                    date(v.get("suspect_dob"), "suspect_dob", errors)));
        }
        List<CrimeReport.Party> witnesses = new ArrayList<>();
        if (v.containsKey("witness_surname") || v.containsKey("witness_forenames")) {
            witnesses.add(new CrimeReport.Party(v.get("witness_forenames"), v.get("witness_surname"), null));
        }
        return new CrimeReport(offence, committed, v.get("borough"), v.get("ward"), v.get("lsoa"), lat, lon,
                on(v, "domestic_abuse"), on(v, "hate"), serious, factors, victims, suspects, witnesses, flags,
                v.get("address"), v.get("account"));
    }

    private static CrimeReport fromJson(CrimeRequest b) {
        String offenceText = blankToNull(b.offenceGroup());
        OffenceGroup offence = offenceText == null ? null : OffenceGroup.fromLabel(offenceText)
                .orElseThrow(() -> BadInput.field("offence_group", "Unknown offence group '" + offenceText + "'"));
        LocalDateTime committed = null;
        if (blankToNull(b.committedAt()) != null) {
            try {
                committed = LocalDateTime.parse(b.committedAt().strip());
            } catch (DateTimeParseException ex) {
                throw BadInput.field("committed_at", "Use an ISO date and time, e.g. 2015-12-23T22:30:00");
            }
        }
        Set<SeriousOffence> serious = EnumSet.noneOf(SeriousOffence.class);
        b.seriousOffences().forEach(n -> serious.add(parseEnum(SeriousOffence.class, n)
                .orElseThrow(() -> BadInput.field("serious_offences", "Unknown serious offence '" + n + "'"))));
        Set<SolvabilityFactor> factors = EnumSet.noneOf(SolvabilityFactor.class);
        b.solvability().forEach(n -> factors.add(parseEnum(SolvabilityFactor.class, n)
                .orElseThrow(() -> BadInput.field("solvability", "Unknown solvability factor '" + n + "'"))));
        Set<CrimeFlag> flags = EnumSet.noneOf(CrimeFlag.class);
        b.flags().forEach(n -> flags.add(CrimeFlag.parse(n)
                .orElseThrow(() -> BadInput.field("flags", "Unknown flag '" + n + "'; flags are "
                        + java.util.Arrays.stream(CrimeFlag.values()).map(Enum::name).collect(java.util.stream.Collectors.joining(", "))))));
        List<CrimeReport.Victim> victims = new ArrayList<>();
        for (int i = 0; i < b.victims().size(); i++) {
            CrimeRequest.VictimRequest n = present(b.victims().get(i), "victims", i);
            String statement = blankToNull(n.personalStatement());
            victims.add(new CrimeReport.Victim(party(n.forenames(), n.surname(), n.dateOfBirth(), "victims"),
                    on(n.business()), on(n.evidenceAffected()), on(n.inFearOfTestifying()), on(n.persistentlyTargeted()),
                    on(n.bereavedCloseRelative()), on(n.declinesReferral()),
                    statement == null ? null : parseEnum(CrimeReport.PersonalStatement.class, statement)
                            .orElseThrow(() -> BadInput.field("personal_statement", "Use OFFERED, DECLINED, TAKEN or NOT_YET_OFFERED"))));
        }
        return new CrimeReport(offence, committed, blankToNull(b.boroughCode()), blankToNull(b.wardCode()),
                blankToNull(b.lsoaCode()), b.latitude(), b.longitude(), on(b.domesticAbuse()), on(b.hate()), serious,
                factors, victims, parties(b.suspects(), "suspects"), parties(b.witnesses(), "witnesses"), flags,
                b.address(), b.account());
    }

    private static List<CrimeReport.Party> parties(List<CrimeRequest.PartyRequest> given, String field) {
        List<CrimeReport.Party> parties = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            CrimeRequest.PartyRequest p = present(given.get(i), field, i);
            parties.add(party(p.forenames(), p.surname(), p.dateOfBirth(), field));
        }
        return parties;
    }

    private static <T> T present(T item, String field, int index) {
        if (item == null) {
            throw BadInput.field(field + "[" + index + "]", "Expected a JSON object, not null");
        }
        return item;
    }

    private static CrimeReport.Party party(String forenames, String surname, String dateOfBirth, String field) {
        LocalDate dob = null;
        if (blankToNull(dateOfBirth) != null) {
            try {
                dob = LocalDate.parse(dateOfBirth.strip());
            } catch (DateTimeParseException ex) {
                throw BadInput.field(field, "date_of_birth must be YYYY-MM-DD");
            }
        }
        return new CrimeReport.Party(blankToNull(forenames), blankToNull(surname), dob);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static boolean on(Map<String, String> v, String name) {
        return v.containsKey(name);
    }

    private static <E extends Enum<E>> java.util.Optional<E> parseEnum(Class<E> type, String s) {
        if (s == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException ex) {
            return java.util.Optional.empty();
        }
    }

    private static LocalDateTime dateTime(String s, String field, FormErrors errors) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T').length() == 16 ? s.replace(' ', 'T') + ":00" : s.replace(' ', 'T'));
        } catch (DateTimeParseException ex) {
            errors.add(field, "Enter the date and time as YYYY-MM-DD HH:MM, for example 2015-12-23 22:30");
            return null;
        }
    }

    private static LocalDate date(String s, String field, FormErrors errors) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException ex) {
            errors.add(field, "Enter the date as YYYY-MM-DD, for example 1950-05-05");
            return null;
        }
    }

    private static Double number(String s, String field, FormErrors errors) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException ex) {
            errors.add(field, "Enter a decimal number, for example 51.5080");
            return null;
        }
    }
}
