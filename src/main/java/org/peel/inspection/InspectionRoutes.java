package org.peel.inspection;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inspection's pages: the inspection at a glance with the evidence per sub-question, recording a judgement,
 * raising and closing an area for improvement, drawing a case-file sample, notes of interviews and focus groups,
 * and the report. Anyone who may see Measure may read them; recording is
 * the duty of inspectors and the force's performance (assurance) team. An inspector's role is read-only over the
 * force's records, and stays so: a judgement is the inspection's own record, not a change to the force's.
 */
public final class InspectionRoutes {

    static final Set<Role> RECORDERS = Set.of(Role.INSPECTOR, Role.PERFORMANCE_ANALYST);
    static final String DUTY = "recording the inspection's judgements, areas for improvement and samples";

    private final Web web;
    private final InspectionStore store;
    private final InspectionReports reports;
    private final ForceFigures figures;
    private final InspectionSettings settings;
    private final Clock clock;
    private final String css = InspectionDocument.css();

    public InspectionRoutes(Web web, InspectionStore store, InspectionReports reports, ForceFigures figures,
                            InspectionSettings settings, Clock clock) {
        this.web = web;
        this.store = store;
        this.reports = reports;
        this.figures = figures;
        this.settings = settings;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/inspection", this::home);
        routes.get("/inspection/judge", this::judgeForm);
        routes.post("/inspection/judge", this::judge);
        routes.get("/inspection/improvements/new", this::improvementForm);
        routes.post("/inspection/improvements", this::raise);
        routes.post("/inspection/improvements/{id}/close", this::close);
        routes.post("/inspection/sample", this::sample);
        routes.get("/inspection/review", this::reviewForm);
        routes.post("/inspection/review", this::review);
        routes.get("/inspection/report", this::report);
        routes.get("/inspection/notes", this::notes);
        routes.post("/inspection/notes", this::recordNote);
        routes.get(InspectionDocument.STYLESHEET, ctx -> ctx.contentType("text/css; charset=utf-8").result(css));
    }

    /** The force and period a page is about: asked for, else the configured force and its newest period. */
    private record Scope(String forceCode, String forceName, YearMonth yearTo) {
        String query() {
            return "force=" + forceCode + "&to=" + yearTo;
        }
    }

    private Scope scope(Context ctx) {
        String force = param(ctx, "force");
        String code = force.isEmpty() ? settings.forceCode() : force.toUpperCase(java.util.Locale.ROOT);
        String name = figures.forceName(code)
                .orElseThrow(() -> BadInput.field("force", "'" + code + "' is not one of the 43 territorial forces"));
        String to = param(ctx, "to");
        YearMonth yearTo;
        if (to.isEmpty()) {
            List<YearMonth> held = store.periods(code);
            yearTo = held.isEmpty() ? YearMonth.now(clock).minusMonths(1) : held.get(0);
        } else {
            try {
                yearTo = YearMonth.parse(to);
            } catch (DateTimeParseException ex) {
                throw BadInput.field("to", "'" + to + "' is not a month YYYY-MM");
            }
        }
        return new Scope(code, name, yearTo);
    }

    private static String param(Context ctx, String name) {
        String v = ctx.formParam(name) != null ? ctx.formParam(name) : ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    private User view(Context ctx, String recordType) {
        return web.authorize(ctx, AccessRequest.view(Section.MEASURE), recordType, null);
    }

    private User recorder(Context ctx, String recordType) {
        return web.authorize(ctx, AccessRequest.view(Section.MEASURE).dutyOf(DUTY, RECORDERS), recordType, null);
    }

    private void home(Context ctx) {
        User user = view(ctx, "inspection");
        Scope s = scope(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("framework", Framework.PEEL_2015);
        params.put("forceCode", s.forceCode());
        params.put("forceName", s.forceName());
        params.put("to", s.yearTo().toString());
        params.put("query", s.query());
        params.put("judgements", store.judgements(s.forceCode(), s.yearTo()));
        params.put("improvements", store.improvements(s.forceCode(), s.yearTo()));
        params.put("sample", store.latestSample(s.forceCode(), s.yearTo()).orElse(null));
        params.put("sheet", figures.sheet(s.forceCode(), s.yearTo()));
        params.put("evidence", store.evidence(s.forceCode(), s.yearTo()));
        params.put("notes", store.notes(s.forceCode(), s.yearTo()));
        params.put("today", LocalDate.now(clock));
        params.put("mayRecord", RECORDERS.contains(user.role()));
        params.put("errors", FormErrors.none());
        Web.noStore(ctx);
        web.render(ctx, "inspection/home.jte", web.page(ctx, "PEEL inspection", Section.MEASURE), params);
    }

    private void judgeForm(Context ctx) {
        recorder(ctx, "inspection-judgement");
        Scope s = scope(ctx);
        String question = param(ctx, "question");
        showJudge(ctx, 200, s, FormErrors.none(), Map.of("question", question.isEmpty() ? "overall" : question,
                "grade", "", "reasons", "", "evidence", ""));
    }

    private void showJudge(Context ctx, int status, Scope s, FormErrors errors, Map<String, String> values) {
        ctx.status(status);
        Web.noStore(ctx);
        web.render(ctx, "inspection/judge.jte", web.page(ctx, "Record a judgement", Section.MEASURE),
                Map.of("framework", Framework.PEEL_2015, "forceCode", s.forceCode(), "forceName", s.forceName(),
                        "to", s.yearTo().toString(), "errors", errors, "values", values,
                        "history", store.history(s.forceCode(), s.yearTo(), values.get("question"))));
    }

    private void judge(Context ctx) {
        User user = recorder(ctx, "inspection-judgement");
        Scope s = scope(ctx);
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("question", "grade", "reasons", "evidence")) {
            values.put(f, param(ctx, f));
        }
        FormErrors errors = FormErrors.none();
        String question = values.get("question");
        if (!question.equals("overall") && Framework.PEEL_2015.question(question).isEmpty()) {
            errors.add("question", "Choose the question judged, or the force overall");
            values.put("question", "overall");
        }
        var grade = Grade.of(values.get("grade"));
        if (grade.isEmpty()) {
            errors.add("grade", "Choose a grade: outstanding, good, requires improvement or inadequate");
        }
        if (values.get("reasons").isEmpty()) {
            errors.add("reasons", "Give the reasons for the judgement");
        }
        if (values.get("evidence").isEmpty()) {
            errors.add("evidence", "Name the evidence the judgement rests on");
        }
        if (errors.any()) {
            showJudge(ctx, 400, s, errors, values);
            return;
        }
        store.jdbi().useTransaction(h -> {
            String id = store.judge(h, s.forceCode(), s.yearTo(), question, grade.get(), values.get("reasons"),
                    values.get("evidence"), user.username(), clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "inspection.judge", "inspection-judgement", id, AuditEvent.SUCCESS)
                    .detail(s.forceCode() + " " + s.yearTo() + " " + question + ": " + grade.get().key()));
        });
        ctx.redirect("/inspection?" + s.query() + "#" + question);
    }

    private void improvementForm(Context ctx) {
        recorder(ctx, "inspection-improvement");
        Scope s = scope(ctx);
        String question = param(ctx, "question");
        showImprovement(ctx, 200, s, FormErrors.none(), Map.of("question", question.isEmpty() ? "q1" : question,
                "area", "", "action", "", "owner", "", "due", ""));
    }

    private void showImprovement(Context ctx, int status, Scope s, FormErrors errors, Map<String, String> values) {
        ctx.status(status);
        Web.noStore(ctx);
        web.render(ctx, "inspection/improvement.jte", web.page(ctx, "Add an area for improvement", Section.MEASURE),
                Map.of("framework", Framework.PEEL_2015, "forceCode", s.forceCode(), "forceName", s.forceName(),
                        "to", s.yearTo().toString(), "errors", errors, "values", values));
    }

    private void raise(Context ctx) {
        User user = recorder(ctx, "inspection-improvement");
        Scope s = scope(ctx);
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("question", "area", "action", "owner", "due")) {
            values.put(f, param(ctx, f));
        }
        FormErrors errors = FormErrors.none();
        if (Framework.PEEL_2015.question(values.get("question")).isEmpty()) {
            errors.add("question", "Choose the question the area for improvement falls under");
            values.put("question", "q1");
        }
        if (values.get("area").isEmpty()) {
            errors.add("area", "Say what needs to improve");
        }
        if (values.get("action").isEmpty()) {
            errors.add("action", "Say what will be done");
        }
        if (values.get("owner").isEmpty()) {
            errors.add("owner", "Name who owns it");
        }
        LocalDate due = null;
        try {
            due = LocalDate.parse(values.get("due"));
            if (due.isBefore(LocalDate.now(clock))) {
                errors.add("due", "The due date must be today or later");
            }
        } catch (DateTimeParseException ex) {
            errors.add("due", "Enter the due date as YYYY-MM-DD, for example 2027-03-31");
        }
        if (errors.any()) {
            showImprovement(ctx, 400, s, errors, values);
            return;
        }
        LocalDate dueOn = due;
        store.jdbi().useTransaction(h -> {
            String id = store.raise(h, s.forceCode(), s.yearTo(), values.get("question"), values.get("area"),
                    values.get("action"), values.get("owner"), dueOn, user.username(), clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "inspection.improvement.raise", "inspection-improvement", id,
                    AuditEvent.SUCCESS).detail(s.forceCode() + " " + s.yearTo() + " " + values.get("question")));
        });
        ctx.redirect("/inspection?" + s.query() + "#improvements");
    }

    private void close(Context ctx) {
        User user = recorder(ctx, "inspection-improvement");
        String id = ctx.pathParam("id");
        store.improvement(id).orElseThrow(() -> new NotFoundResponse("No area for improvement " + id));
        String evidence = param(ctx, "evidence");
        if (evidence.isEmpty()) {
            throw BadInput.field("evidence", "Name the evidence that closes the area for improvement");
        }
        boolean closed = store.jdbi().inTransaction(h -> {
            boolean done = store.close(h, id, evidence, user.username(), clock.instant());
            if (done) {
                web.audit(h, ctx, AuditEvent.by(user, "inspection.improvement.close", "inspection-improvement", id,
                        AuditEvent.SUCCESS));
            }
            return done;
        });
        if (!closed) {
            throw BadInput.field("evidence", "This area for improvement is already closed");
        }
        ctx.redirect("/inspection?" + scope(ctx).query() + "#improvements");
    }

    private void sample(Context ctx) {
        User user = recorder(ctx, "inspection-case-sample");
        Scope s = scope(ctx);
        long seed;
        int perStratum;
        try {
            seed = Long.parseLong(param(ctx, "seed"));
        } catch (NumberFormatException ex) {
            throw BadInput.field("seed", "is a whole number, written down so that the sample can be drawn again");
        }
        try {
            perStratum = Integer.parseInt(param(ctx, "perStratum"));
        } catch (NumberFormatException ex) {
            throw BadInput.field("perStratum", "is a whole number of files of each kind, 1 to 100");
        }
        if (perStratum < 1 || perStratum > 100) {
            throw BadInput.field("perStratum", "is a whole number of files of each kind, 1 to 100");
        }
        List<CaseFileSample.Drawn> drawn = CaseFileSample.draw(store.candidates(s.forceCode(), s.yearTo()), seed,
                perStratum);
        store.jdbi().useTransaction(h -> {
            String id = store.keepSample(h, s.forceCode(), s.yearTo(), seed, perStratum, drawn, user.username(),
                    clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "inspection.sample", "inspection-case-sample", id,
                    AuditEvent.SUCCESS).detail("seed " + seed + ", " + drawn.size() + " crimes"));
        });
        ctx.redirect("/inspection?" + s.query() + "#sample");
    }

    /** The sampled crime named by the form, in the force and period's latest sample. */
    private InspectionStore.Sample sampled(Scope s, String crimeId) {
        InspectionStore.Sample sample = store.latestSample(s.forceCode(), s.yearTo())
                .orElseThrow(() -> new NotFoundResponse("No case-file sample drawn for this period"));
        if (sample.crimes().stream().noneMatch(d -> d.crimeId().equals(crimeId))) {
            throw new NotFoundResponse("Crime " + crimeId + " is not in the sample");
        }
        return sample;
    }

    private void reviewForm(Context ctx) {
        recorder(ctx, "inspection-case-review");
        Scope s = scope(ctx);
        String crime = param(ctx, "crime");
        InspectionStore.Sample sample = sampled(s, crime);
        Map<String, String> values = new HashMap<>();
        store.reviews(sample.id()).stream().filter(r -> r.crimeId().equals(crime)).findFirst().ifPresent(r -> {
            r.answers().forEach((p, a) -> values.put(p.key(), a.key()));
            values.put("notes", r.notes());
        });
        showReview(ctx, 200, s, crime, FormErrors.none(), values);
    }

    private void showReview(Context ctx, int status, Scope s, String crime, FormErrors errors,
                            Map<String, String> values) {
        ctx.status(status);
        Web.noStore(ctx);
        web.render(ctx, "inspection/review.jte", web.page(ctx, "Review a case file", Section.MEASURE),
                Map.of("forceCode", s.forceCode(), "forceName", s.forceName(), "to", s.yearTo().toString(),
                        "crime", crime, "errors", errors, "values", values));
    }

    private void review(Context ctx) {
        User user = recorder(ctx, "inspection-case-review");
        Scope s = scope(ctx);
        String crime = param(ctx, "crime");
        InspectionStore.Sample sample = sampled(s, crime);
        Map<String, String> values = new HashMap<>();
        Map<CaseFileReview.Point, CaseFileReview.Answer> answers = new java.util.EnumMap<>(CaseFileReview.Point.class);
        FormErrors errors = FormErrors.none();
        for (CaseFileReview.Point p : CaseFileReview.Point.values()) {
            values.put(p.key(), param(ctx, p.key()));
            CaseFileReview.Answer.of(param(ctx, p.key())).ifPresentOrElse(a -> answers.put(p, a),
                    () -> errors.add(p.key(), "Answer \"" + p.title() + "\": yes, partly, no or not applicable"));
        }
        values.put("notes", param(ctx, "notes"));
        if (errors.any()) {
            showReview(ctx, 400, s, crime, errors, values);
            return;
        }
        CaseFileReview r = new CaseFileReview(crime, answers, values.get("notes"));
        store.jdbi().useTransaction(h -> {
            store.review(h, sample.id(), r, user.username(), clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "inspection.review", "inspection-case-review",
                    sample.id() + "/" + crime, AuditEvent.SUCCESS));
        });
        ctx.redirect("/inspection?" + s.query() + "#sample");
    }

    private void report(Context ctx) {
        User user = view(ctx, "inspection-report");
        Scope s = scope(ctx);
        String html = InspectionDocument.page(reports.report(s.forceCode(), s.yearTo()));
        web.audit(ctx, AuditEvent.by(user, "inspection.report", "inspection-report", s.forceCode() + " " + s.yearTo(),
                AuditEvent.SUCCESS));
        Web.noStore(ctx);
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private void notes(Context ctx) {
        User user = view(ctx, "inspection-note");
        Scope s = scope(ctx);
        web.audit(ctx, AuditEvent.by(user, "inspection.notes.view", "inspection-note", s.forceCode() + " " + s.yearTo(),
                AuditEvent.SUCCESS));
        showNotes(ctx, 200, s, user, FormErrors.none(), Map.of("kind", "", "heldOn", "", "roleGroup", "",
                "summary", ""), List.of());
    }

    private void showNotes(Context ctx, int status, Scope s, User user, FormErrors errors, Map<String, String> values,
                           List<String> tagged) {
        ctx.status(status);
        Web.noStore(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("framework", Framework.PEEL_2015);
        params.put("forceCode", s.forceCode());
        params.put("forceName", s.forceName());
        params.put("to", s.yearTo().toString());
        params.put("notes", store.noteList(s.forceCode(), s.yearTo()));
        params.put("mayRecord", RECORDERS.contains(user.role()));
        params.put("errors", errors);
        params.put("values", values);
        params.put("tagged", tagged);
        web.render(ctx, "inspection/notes.jte", web.page(ctx, "Interviews and focus groups", Section.MEASURE), params);
    }

    private void recordNote(Context ctx) {
        User user = recorder(ctx, "inspection-note");
        Scope s = scope(ctx);
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("kind", "heldOn", "roleGroup", "summary")) {
            values.put(f, param(ctx, f));
        }
        List<String> tags = ctx.formParams("tags").stream().map(String::strip).distinct().toList();
        FormErrors errors = FormErrors.none();
        if (!InspectionNote.KINDS.contains(values.get("kind"))) {
            errors.add("kind", "Choose interview, focus group or reality testing");
        }
        LocalDate heldOn = null;
        try {
            heldOn = LocalDate.parse(values.get("heldOn"));
            if (heldOn.isAfter(LocalDate.now(clock))) {
                errors.add("heldOn", "The day it was held cannot be in the future");
            }
        } catch (DateTimeParseException ex) {
            errors.add("heldOn", "Enter the day it was held as YYYY-MM-DD, for example 2016-05-09");
        }
        if (values.get("roleGroup").isEmpty()) {
            errors.add("roleGroup", "Say who was heard, as a role group");
        }
        if (values.get("summary").isEmpty()) {
            errors.add("summary", "Summarise what was said");
        }
        Set<String> known = new java.util.HashSet<>(Framework.PEEL_2015.subQuestions()
                .map(Framework.SubQuestion::id).toList());
        if (tags.isEmpty() || !known.containsAll(tags)) {
            errors.add("tags", "Choose at least one sub-question the note speaks to");
        }
        if (errors.any()) {
            showNotes(ctx, 400, s, user, errors, values, tags.stream().filter(known::contains).toList());
            return;
        }
        LocalDate held = heldOn;
        store.jdbi().useTransaction(h -> {
            String id = store.note(h, s.forceCode(), s.yearTo(), values.get("kind"), held, values.get("roleGroup"),
                    values.get("summary"), tags, user.username(), clock.instant());
            web.audit(h, ctx, AuditEvent.by(user, "inspection.note", "inspection-note", id, AuditEvent.SUCCESS)
                    .detail(s.forceCode() + " " + s.yearTo() + " " + String.join(",", tags)));
        });
        ctx.redirect("/inspection/notes?" + s.query());
    }
}
