package org.peel.prevention;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.people.IdentifiedPerson;
import org.peel.people.PersonIndex;
import org.peel.people.SharedName;
import org.peel.place.AreaIndex;
import org.peel.place.PlaceMatch;
import org.peel.place.PlaceStore;
import org.peel.place.Ward;
import org.peel.web.ApiJson;
import org.peel.web.Attention;
import org.peel.web.FormErrors;
import org.peel.web.Problem;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP for ASB incidents taken as calls: the call handler's form and the answer shown the moment it is saved
 * (history, grade and reasons), the same as JSON at {@code POST /api/v1/asb-incidents}, and the list of flagged
 * victims for the neighbourhood team; {@code GET /api/v1/asb-incidents/{id}} reads an incident back. A force-wide
 * user loads the ASB rows of a police.uk street file with {@code POST /api/v1/asb-incidents/police-uk?file=NAME}
 * and the CSV as the body.
 */
public final class AsbRoutes {

    private static final String RECORD_TYPE = "asb-incident";

    private final Web web;
    private final AsbStore store;
    private final PlaceStore places;
    private final RecordAsbIncident recorder;
    private final PoliceUkAsbImport policeUk;
    private final Clock clock;
    private volatile AreaIndex index;

    private final IdentifiedPerson identified;

    public AsbRoutes(Web web, AsbStore store, PlaceStore places, RecordAsbIncident recorder, PoliceUkAsbImport policeUk,
                     Clock clock, PersonIndex personIndex) {
        this.web = web;
        this.clock = clock;
        this.store = store;
        this.places = places;
        this.recorder = recorder;
        this.policeUk = policeUk;
        this.identified = new IdentifiedPerson(store.jdbi(), web.auditTrail(), personIndex);
    }

    public void register(RoutesConfig routes) {
        routes.get("/prevention/asb/new", this::form);
        routes.post("/prevention/asb", this::recordFromForm);
        routes.get("/prevention/asb/flags", this::flags);
        routes.post("/prevention/asb/flags/{id}/clear", this::clearFlag);
        routes.post("/api/v1/asb-incidents", this::recordFromJson);
        routes.post("/api/v1/asb-incidents/police-uk", this::importPoliceUk);
        routes.get("/api/v1/asb-incidents/{id}", this::incidentJson);
    }

    /** The incident the POST created (its Location): checked against the incident's borough, the read audited. */
    private void incidentJson(Context ctx) {
        String id = ctx.pathParam("id");
        String borough = store.incidentBorough(id)
                .orElseThrow(() -> new io.javalin.http.NotFoundResponse("No ASB incident " + id));
        web.authorize(ctx, AccessRequest.view(Section.PREVENTION).inBorough(borough)
                .withPersonalData(Web.statedPurpose(ctx)), RECORD_TYPE, id);
        Web.noStore(ctx);
        ctx.json(store.incident(id).orElseThrow(() -> new io.javalin.http.NotFoundResponse("No ASB incident " + id)));
    }

    private void importPoliceUk(Context ctx) {
        // a police.uk file spans the force, so a borough's user would write into other boroughs
        User user = web.authorize(ctx, AccessRequest.view(Section.PREVENTION).changing()
                .dutyOf("importing police.uk files", Role.forceWide()), "asb-import", null);
        String file = Optional.ofNullable(ctx.queryParam("file")).filter(f -> !f.isBlank()).orElse("upload.csv");
        PoliceUkAsbImport.Result result;
        try (java.io.InputStream in = ctx.bodyInputStream()) {
            result = policeUk.importFile(file, in, false, (h, imported) -> web.audit(h, ctx,
                    org.peel.access.AuditEvent.by(user, "import", "asb-incident", file, org.peel.access.AuditEvent.SUCCESS)
                            .detail(imported.inserted() + " police.uk ASB rows added")));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        ctx.status(201).json(result);
    }

    private void form(Context ctx) {
        web.authorize(ctx, AccessRequest.view(Section.PREVENTION).changing(), "asb-incident-form", null);
        Web.noStore(ctx);
        showForm(ctx, 200, FormErrors.none(), Map.of(), List.of());
    }

    private void showForm(Context ctx, int status, FormErrors errors, Map<String, String> values,
                          List<String> vulnerability) {
        User user = Web.signedIn(ctx);
        List<Ward> wards = user.boroughCode() == null ? List.of() : places.wardsIn(user.boroughCode());
        Map<String, String> boroughs = places.ownForceBoroughNames();
        ctx.status(status);
        web.render(ctx, "prevention/asb/new.jte", web.page(ctx, "Record an ASB incident", Section.PREVENTION), Map.of(
                "errors", errors, "values", values, "vulnerability", vulnerability, "subTypes", AsbSubTypes.ALL,
                "wards", wards, "boroughs", boroughs, "ownBorough", user.boroughCode() == null ? "" : user.boroughCode(),
                "statesPurpose", user.role().statesPurpose()));
    }

    private void recordFromForm(Context ctx) {
        User user = Web.signedIn(ctx);
        Map<String, String> values = new HashMap<>();
        for (String f : AsbCallForm.FIELDS) {
            String v = ctx.formParam(f);
            values.put(f, v == null ? "" : v);
        }
        values.put("purpose", Optional.ofNullable(ctx.formParam("purpose")).orElse(""));
        IdentifiedPerson.Fields victim = IdentifiedPerson.Fields.camel("victim");
        for (String f : List.of(victim.age(), victim.notGiven())) {
            values.put(f, Optional.ofNullable(ctx.formParam(f)).orElse(""));
        }
        List<String> vulnerability = ctx.formParams("vulnerability");
        AsbCallForm.Parsed parsed = AsbCallForm.parse(values::get, vulnerability, user.boroughCode(), now());
        // a victim recorded as someone new, from a name many share, needs the question that tells them apart
        identified.problemsWithSomeoneNew(ctx.formParam("victimPersonId"), victim, values::get, now().toLocalDate())
                .forEach((field, message) -> {
                    if (!parsed.errors().has(field)) {
                        parsed.errors().add(field, message);
                    }
                });
        if (parsed.errors().any()) {
            web.authorize(ctx, AccessRequest.view(Section.PREVENTION).changing(), "asb-incident-form", null);
            Web.noStore(ctx);
            showForm(ctx, 400, parsed.errors(), values, vulnerability);
            return;
        }
        String purpose = values.get("purpose").isBlank() ? null : values.get("purpose").strip();
        AsbFirstCall call = record(ctx, parsed, purpose,
                identified.chosenBy(user, Section.PREVENTION, ctx.formParam("victimPersonId"), "victimPersonId", ctx.ip()),
                identified.withoutDetail(ctx.formParam("victimPersonId"), victim, values::get, now().toLocalDate())
                        .orElse(null));
        Web.noStore(ctx);
        ctx.status(201);
        web.render(ctx, "prevention/asb/recorded.jte", web.page(ctx, "Incident " + call.incidentId() + " recorded",
                Section.PREVENTION), Map.of("call", call, "wardName", wardName(call.location().wardCode()),
                "boroughName", places.borough(call.location().boroughCode()).map(b -> b.name())
                        .orElse(call.location().boroughCode())));
    }

    private void recordFromJson(Context ctx) {
        User user = Web.signedIn(ctx);
        AsbCallRequest body = ApiJson.body(ctx, AsbCallRequest.class);
        AsbCallForm.Parsed parsed = AsbCallForm.parse(body.fields(), body.vulnerability(), user.boroughCode(), now());
        // the API records a victim as someone new on the same terms as the form: a name many share needs a detail
        // or a reason, named by the body's field
        IdentifiedPerson.Fields victim = IdentifiedPerson.Fields.camel("victim");
        identified.problemsWithSomeoneNew(body.victimPersonId(), victim, body.fields(), now().toLocalDate())
                .forEach((field, message) -> {
                    if (!parsed.errors().has(field)) {
                        parsed.errors().add(field, message);
                    }
                });
        if (parsed.errors().any()) {
            web.authorize(ctx, AccessRequest.view(Section.PREVENTION).changing(), RECORD_TYPE, null);
            ctx.status(400).json(Problem.of(400, "Bad request", "The incident was not recorded: "
                    + parsed.errors().all().size() + " field(s) need correcting", ctx.path())
                    .withErrors(AsbCallRequest.jsonNames(parsed.errors().all()))).contentType("application/problem+json");
            return;
        }
        AsbFirstCall call = record(ctx, parsed, Web.statedPurpose(ctx),
                identified.chosenBy(user, Section.PREVENTION, body.victimPersonId(), "victim_person_id", ctx.ip()),
                identified.withoutDetail(body.victimPersonId(), victim, body.fields(), now().toLocalDate())
                        .orElse(null));
        Web.noStore(ctx);
        ctx.status(201).header("Location", "/api/v1/asb-incidents/" + call.incidentId()).json(call);
    }

    /** Places the incident, checks access for its borough with the incident's number, and records it. */
    private AsbFirstCall record(Context ctx, AsbCallForm.Parsed parsed, String purpose, Long identifiedPerson,
                                SharedName.WithoutDetail victimWithoutDetail) {
        AsbLocation where = placed(parsed.location());
        String id = store.nextIncidentId();
        User user = web.authorize(ctx, AccessRequest.view(Section.PREVENTION).inBorough(where.boroughCode()).changing()
                .withPersonalData(purpose), RECORD_TYPE, id);
        return recorder.record(user, id, parsed.report(), where, purpose, ctx.ip(), identifiedPerson,
                parsed.victimEthnicity(), victimWithoutDetail);
    }

    /** With a point, the LSOA, ward and borough it falls in; without, the borough (and ward) the handler chose. */
    private AsbLocation placed(AsbLocation given) {
        if (!given.hasPoint()) {
            return given;
        }
        AreaIndex areas = index;
        if (areas == null) {
            areas = AreaIndex.load(places);
            index = areas;
        }
        Optional<PlaceMatch> match = areas.locate(given.latitude(), given.longitude());
        if (match.isEmpty()) {
            if (given.boroughCode() == null) {
                throw new BadRequestResponse("Peel holds no areas to place that point in; choose the borough");
            }
            return given;
        }
        PlaceMatch m = match.get();
        return new AsbLocation(given.text(), given.latitude(), given.longitude(), m.boroughCode(), m.wardCode(),
                m.lsoaCode());
    }

    /** Flags on a page of the flagged victims' list. */
    static final int FLAGS_PAGE = 25;

    private void flags(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, null);
        if (web.authorizePage(ctx, AccessRequest.view(Section.PREVENTION).inBorough(borough)
                .withPersonalData(Web.statedPurpose(ctx)), "neighbourhood-flags", borough).isEmpty()) {
            return;
        }
        Web.noStore(ctx);
        String reason = "high-risk".equals(ctx.queryParam("kind")) || "repeat-victim".equals(ctx.queryParam("kind"))
                ? ctx.queryParam("kind") : null;
        Map<String, Long> counts = store.countOpenFlags(borough);
        long total = reason == null ? counts.values().stream().mapToLong(Long::longValue).sum() : counts.getOrDefault(reason, 0L);
        org.peel.web.Paging paging = org.peel.web.Paging.requested(ctx, "page", FLAGS_PAGE).of(total);
        web.render(ctx, "prevention/asb/flags.jte", web.page(ctx, "Flagged ASB victims", Section.PREVENTION),
                Map.of("flags", store.openFlags(borough, reason, paging.offset(), paging.size()), "paging", paging,
                        "kind", reason == null ? "" : reason, "counts", counts));
    }

    private void clearFlag(Context ctx) {
        long id = Web.pathId(ctx, "id", "flag");
        String borough = store.flagBorough(id)
                .orElseThrow(() -> new io.javalin.http.NotFoundResponse("No open flag " + id));
        User user = web.authorize(ctx, AccessRequest.view(Section.PREVENTION).inBorough(borough).changing()
                .withPersonalData(Web.statedPurpose(ctx)), "neighbourhood-flag", Long.toString(id));
        String because = ctx.formParam("because") == null ? "" : ctx.formParam("because").strip();
        if (because.isEmpty()) {
            throw BadInput.field("because", "Say what the team did before clearing the flag");
        }
        store.jdbi().useTransaction(h -> {
            if (store.clearFlag(h, id, borough, user.username(), because)) {
                web.audit(h, ctx, org.peel.access.AuditEvent.by(user, "clear", "neighbourhood-flag", Long.toString(id),
                        org.peel.access.AuditEvent.SUCCESS).because(Web.statedPurpose(ctx)));
            }
        });
        ctx.redirect("/prevention/asb/flags");
    }

    private String wardName(String code) {
        return code == null ? "" : places.ward(code).map(Ward::name).orElse(code);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** For a neighbourhood officer's home page: the victims flagged to the team in their borough. */
    public Attention.Source attention() {
        return user -> {
            if (user.role() != Role.NEIGHBOURHOOD_OFFICER || user.boroughCode() == null) {
                return List.of();
            }
            Map<String, Long> open = store.countOpenFlags(user.boroughCode());
            long high = open.getOrDefault("high-risk", 0L);
            long repeat = open.getOrDefault("repeat-victim", 0L);
            if (high + repeat == 0) {
                return List.of();
            }
            List<Attention> items = new java.util.ArrayList<>();
            if (high > 0) {
                items.add(new Attention(high + " high-risk ASB caller" + (high == 1 ? "" : "s") + " to contact",
                        "Graded high risk at the call (vulnerable, or badly affected): flagged for the neighbourhood team",
                        "/prevention/asb/flags?kind=high-risk", Attention.Urgency.NOW));
            }
            if (repeat > 0) {
                items.add(new Attention(repeat + " repeat ASB caller" + (repeat == 1 ? "" : "s") + " to contact",
                        "Called about ASB again within the period the force counts as repeat: flagged for the neighbourhood team",
                        "/prevention/asb/flags?kind=repeat-victim", Attention.Urgency.SOON));
            }
            return items;
        };
    }
}
