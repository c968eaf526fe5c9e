package org.peel.partners;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.peel.access.AccessPolicy;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ASB case review as the force's single point of contact works it on the web: record an application with the
 * complaints made to the police, the council and housing providers (the threshold decided as the form is saved),
 * record the review meeting, set recommendations each owned by an agency and mark them done; and the annual figures
 * the force publishes. Multi-agency panels (ASB MARAC, complex case panels) are opened and their actions per agency
 * kept the same way.
 */
public final class CaseReviewRoutes {

    /** How many complaint rows the application form offers. */
    static final int COMPLAINT_ROWS = 6;

    private final Web web;
    private final SharingStore sharing;
    private final PartnerCaseStore cases;
    private final CaseReviewStore reviews;
    private final PlaceStore places;
    private final CaseReviewThreshold.Settings threshold;
    private final Clock clock;

    public CaseReviewRoutes(Web web, SharingStore sharing, PartnerCaseStore cases, CaseReviewStore reviews,
                            PlaceStore places, CaseReviewThreshold.Settings threshold, Clock clock) {
        this.web = web;
        this.sharing = sharing;
        this.cases = cases;
        this.reviews = reviews;
        this.places = places;
        this.threshold = threshold;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/partners/case-reviews", this::list);
        routes.get("/partners/case-reviews/figures", this::figures);
        routes.get("/partners/case-reviews/new", this::form);
        routes.post("/partners/case-reviews", this::apply);
        routes.get("/partners/case-reviews/{id}", this::show);
        routes.post("/partners/case-reviews/{id}/meeting", this::meeting);
        routes.post("/partners/case-reviews/{id}/recommendations", this::recommend);
        routes.post("/partners/case-reviews/{id}/recommendations/{rid}/done", this::done);
    }

    /** What the case reviews' list asks of the access policy, before its borough: not for partner agencies. */
    static AccessRequest working() {
        return AccessRequest.view(Section.PARTNERSHIP).dutyOf("working ASB case reviews", PartnerHarmRoutes.READERS);
    }

    /** What recording an application asks of the access policy: working case reviews, in the user's borough. */
    private static AccessRequest recording(User user) {
        return working().inBorough(user.boroughCode()).changing();
    }

    private void list(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        web.authorize(ctx, working().inBorough(borough), "partner_case", null);
        List<PartnerCaseStore.PartnerCase> shown = cases.all(borough).stream()
                .filter(c -> c.kind().equals("asb-case-review")).toList();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cases", shown);
        params.put("figures", reviews.figures(LocalDate.now(clock).getYear(), borough));
        params.put("mayRecord", AccessPolicy.decide(user, recording(user)).allowed());
        web.render(ctx, "partners/casereviews.jte", web.page(ctx, "ASB case reviews", Section.PARTNERSHIP), params);
    }

    private void figures(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        web.authorize(ctx, AccessRequest.view(Section.PARTNERSHIP).inBorough(borough), "partner_case", null);
        List<Integer> years = new ArrayList<>(reviews.years());
        int thisYear = LocalDate.now(clock).getYear();
        if (!years.contains(thisYear)) {
            years.add(0, thisYear);
        }
        List<CaseReviewStore.Figures> rows = years.stream().map(y -> reviews.figures(y, borough)).toList();
        if ("json".equals(ctx.queryParam("format"))) {
            ctx.json(Map.of("case_reviews", rows.stream().map(CaseReviewStore::json).toList()));
            return;
        }
        web.render(ctx, "partners/casereviewfigures.jte", web.page(ctx, "ASB case review figures",
                Section.PARTNERSHIP), Map.of("rows", rows));
    }

    private void form(Context ctx) {
        User user = Web.signedIn(ctx);
        web.authorize(ctx, recording(user), "partner_case", null);
        showForm(ctx, 200, FormErrors.none(), Map.of("appliedOn", LocalDate.now(clock).toString()), user);
    }

    private void showForm(Context ctx, int status, FormErrors errors, Map<String, String> values, User user) {
        LocalDate today = LocalDate.now(clock);
        List<SharingAgreement> agreements = sharing.agreements().stream().filter(a -> a.activeOn(today)).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("errors", errors);
        params.put("values", values);
        params.put("wards", user.boroughCode() == null ? List.of() : places.wardsIn(user.boroughCode()));
        params.put("agreements", agreements);
        params.put("organisations", sharing.organisations());
        params.put("rows", COMPLAINT_ROWS);
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "partners/casereviewform.jte", web.page(ctx, "Record an ASB case review application",
                Section.PARTNERSHIP), params);
    }

    private void apply(Context ctx) {
        User user = Web.signedIn(ctx);
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("title", "ward", "summary", "appliedOn", "agreement")) {
            values.put(f, FormErrors.text(ctx, f));
        }
        FormErrors errors = FormErrors.none();
        if (values.get("title").isEmpty()) {
            errors.add("title", "Give the application a short title, such as the street and the behaviour");
        }
        if (values.get("summary").isEmpty()) {
            errors.add("summary", "Describe the behaviour the applicant complains of");
        }
        LocalDate applied = errors.requiredDate(values.get("appliedOn"), "appliedOn",
                "the day the application was made");
        if (applied != null && applied.isAfter(LocalDate.now(clock))) {
            errors.add("appliedOn", "The application date cannot be in the future");
        }
        LocalDate today = LocalDate.now(clock);
        SharingAgreement agreement = sharing.agreement(values.get("agreement")).filter(a -> a.activeOn(today))
                .orElse(null);
        if (agreement == null) {
            errors.add("agreement", "Choose the active information-sharing agreement the case is shared under");
        }
        List<String> parties = ctx.formParams("party").stream().filter(p -> !p.isBlank()).toList();
        if (parties.isEmpty()) {
            errors.add("party", "Choose the agencies that work the review");
        } else if (agreement != null && !agreement.parties().containsAll(parties)) {
            errors.add("party", "Only agencies named in agreement " + agreement.id() + " can be parties: "
                    + String.join(", ", agreement.parties()));
        }
        List<CaseReviewThreshold.Complaint> complaints = new ArrayList<>();
        for (int i = 1; i <= COMPLAINT_ROWS; i++) {
            String b = FormErrors.text(ctx, "behaviour" + i);
            String c = FormErrors.text(ctx, "complained" + i);
            String to = FormErrors.text(ctx, "to" + i);
            values.put("behaviour" + i, b);
            values.put("complained" + i, c);
            values.put("to" + i, to);
            if (b.isEmpty() && c.isEmpty()) {
                continue;
            }
            LocalDate behaviour = errors.requiredDate(b, "behaviour" + i, "the day of the behaviour");
            LocalDate complained = errors.requiredDate(c, "complained" + i, "the day the complaint was made");
            CaseReviewThreshold.Body body = null;
            try {
                body = CaseReviewThreshold.Body.valueOf(to.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                errors.add("to" + i, "Choose who complaint " + i + " was made to");
            }
            if (behaviour != null && complained != null && complained.isBefore(behaviour)) {
                errors.add("complained" + i, "Complaint " + i + " cannot be made before the behaviour");
            }
            if (behaviour != null && complained != null && body != null) {
                complaints.add(new CaseReviewThreshold.Complaint(behaviour, complained, body));
            }
        }
        if (complaints.isEmpty() && !errors.any()) {
            errors.add("behaviour1", "Enter each complaint about the behaviour: when it happened, when and to whom it"
                    + " was complained of");
        }
        if (user.boroughCode() == null && values.get("ward").isEmpty()) {
            errors.add("ward", "Choose the ward the behaviour is in");
        }
        String borough = user.boroughCode();
        if (!values.get("ward").isEmpty()) {
            var ward = places.ward(values.get("ward"));
            if (ward.isEmpty() || (borough != null && !ward.get().boroughCode().equals(borough))) {
                errors.add("ward", "Choose a ward in your borough");
            } else {
                borough = ward.get().boroughCode();
            }
        }
        if (errors.any()) {
            web.authorize(ctx, working().changing(), "partner_case", null);
            showForm(ctx, 400, errors, values, user);
            return;
        }
        web.authorize(ctx, working().inBorough(borough).changing(), "partner_case", null);
        var saved = reviews.apply(user, new CaseReviewStore.Application(values.get("title"), borough,
                values.get("ward").isEmpty() ? null : values.get("ward"), values.get("summary"), applied,
                agreement.id(), parties, complaints), threshold, (h, id) -> web.audit(h, ctx,
                AuditEvent.by(user, "case-review-apply", "partner_case", id, AuditEvent.SUCCESS)));
        ctx.redirect("/partners/case-reviews/" + saved.getKey());
    }

    private PartnerCaseStore.PartnerCase review(Context ctx, boolean change) {
        String id = ctx.pathParam("id");
        PartnerCaseStore.PartnerCase c = cases.find(id).filter(x -> x.kind().equals("asb-case-review"))
                .orElseThrow(() -> new NotFoundResponse("No ASB case review " + id));
        AccessRequest request = working().inBorough(c.boroughCode());
        web.authorize(ctx, change ? request.changing() : request, "partner_case", id);
        return c;
    }

    private void show(Context ctx) {
        PartnerCaseStore.PartnerCase c = review(ctx, false);
        showCase(ctx, 200, c, FormErrors.none(), Map.of());
    }

    private void showCase(Context ctx, int status, PartnerCaseStore.PartnerCase c, FormErrors errors,
                          Map<String, String> values) {
        Map<String, Object> params = new HashMap<>();
        params.put("c", c);
        params.put("appliedOn", reviews.appliedOn(c.id()));
        params.put("complaints", reviews.complaints(c.id()));
        params.put("recommendations", reviews.recommendations(c.id()));
        params.put("meetingNotes", reviews.meetingNotes(c.id()) == null ? "" : reviews.meetingNotes(c.id()));
        params.put("organisations", sharing.organisations().stream().filter(o -> c.parties().contains(o.id())).toList());
        params.put("errors", errors);
        params.put("values", values);
        params.put("threshold", threshold.complaints());
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "partners/casereview.jte", web.page(ctx, c.title(), Section.PARTNERSHIP), params);
    }

    private void meeting(Context ctx) {
        PartnerCaseStore.PartnerCase c = review(ctx, true);
        User user = Web.signedIn(ctx);
        FormErrors errors = FormErrors.none();
        LocalDate held = errors.requiredDate(FormErrors.text(ctx, "meetingOn"), "meetingOn",
                "the day the review meeting was held");
        LocalDate applied = reviews.appliedOn(c.id());
        if (held != null && held.isBefore(applied)) {
            errors.add("meetingOn", "The review meeting cannot be before the application of " + applied);
        }
        if (held != null && held.isAfter(LocalDate.now(clock))) {
            errors.add("meetingOn", "Record the meeting once it has been held");
        }
        if (errors.any()) {
            showCase(ctx, 400, c, errors, Map.of("meetingOn", FormErrors.text(ctx, "meetingOn")));
            return;
        }
        String notes = FormErrors.text(ctx, "meetingNotes");
        reviews.meeting(user, c.id(), held, notes.isEmpty() ? null : notes, h -> web.audit(h, ctx,
                AuditEvent.by(user, "case-review-meeting", "partner_case", c.id(), AuditEvent.SUCCESS)));
        ctx.redirect("/partners/case-reviews/" + c.id());
    }

    private void recommend(Context ctx) {
        PartnerCaseStore.PartnerCase c = review(ctx, true);
        User user = Web.signedIn(ctx);
        FormErrors errors = FormErrors.none();
        String text = FormErrors.text(ctx, "recommendation");
        if (text.isEmpty()) {
            errors.add("recommendation", "Write the recommendation");
        }
        String owner = FormErrors.text(ctx, "owner");
        if (!owner.isEmpty() && !c.parties().contains(owner)) {
            errors.add("owner", "The owner must be the police or an agency working the review");
        }
        LocalDate due = FormErrors.text(ctx, "dueOn").isEmpty() ? null
                : errors.requiredDate(FormErrors.text(ctx, "dueOn"), "dueOn", "the day it is due");
        if (c.meetingOn() == null) {
            errors.add("recommendation", "Record the review meeting first: recommendations come from it");
        }
        if (errors.any()) {
            showCase(ctx, 400, c, errors, Map.of("recommendation", text, "owner", owner, "dueOn",
                    FormErrors.text(ctx, "dueOn")));
            return;
        }
        reviews.recommend(user, c.id(), text, owner.isEmpty() ? null : owner, due, h -> web.audit(h, ctx,
                AuditEvent.by(user, "case-review-recommendation", "partner_case", c.id(), AuditEvent.SUCCESS)
                        .detail("owner " + (owner.isEmpty() ? "police" : owner))));
        ctx.redirect("/partners/case-reviews/" + c.id());
    }

    private void done(Context ctx) {
        PartnerCaseStore.PartnerCase c = review(ctx, true);
        User user = Web.signedIn(ctx);
        long rid = Web.pathId(ctx, "rid", "recommendation");
        if (!reviews.done(c.id(), rid, LocalDate.now(clock), h -> web.audit(h, ctx,
                AuditEvent.by(user, "case-review-recommendation-done", "partner_case", c.id(), AuditEvent.SUCCESS)
                        .detail("recommendation " + rid)))) {
            throw new BadRequestResponse("That recommendation is not open on this case review");
        }
        ctx.redirect("/partners/case-reviews/" + c.id());
    }
}
