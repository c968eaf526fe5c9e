package org.peel.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import org.peel.access.AccessStore;
import org.peel.access.Section;
import org.peel.access.AuditTrail;
import org.peel.access.Section;
import org.peel.access.UserAccounts;
import org.peel.investigation.CaseProgress;
import org.peel.investigation.CaseloadRoutes;
import org.peel.investigation.InvestigatorAccounts;
import org.peel.investigation.InvestigatorCaseload;
import org.peel.investigation.CrimeLocator;
import org.peel.investigation.ForensicRequests;
import org.peel.investigation.ForensicRoutes;
import org.peel.investigation.ForensicStore;
import org.peel.investigation.ForensicTriage;
import org.peel.investigation.InvestigationPlanRoutes;
import org.peel.investigation.InvestigationRoutes;
import org.peel.investigation.InvestigationSettings;
import org.peel.investigation.InvestigationStore;
import org.peel.investigation.PersistentTargeting;
import org.peel.investigation.RecordCrime;
import org.peel.investigation.CrimeStore;
import org.peel.investigation.InvestigationSummary;
import org.peel.organisedcrime.OcgStore;
import org.peel.organisedcrime.OrganisedCrimeSummary;
import org.peel.place.PlaceRoutes;
import org.peel.prevention.AsbRiskSettings;
import org.peel.prevention.AsbRoutes;
import org.peel.prevention.AsbStore;
import org.peel.prevention.ExactDetailsVictimHistory;
import org.peel.prevention.HotspotRoutes;
import org.peel.prevention.PoliceUkAsbImport;
import org.peel.prevention.ProblemSolvingRoutes;
import org.peel.prevention.ProblemSolvingStore;
import org.peel.prevention.RecordAsbIncident;
import org.peel.prevention.VictimHistory;
import org.peel.prevention.WardProfileRoutes;
import org.peel.prevention.WardProfileStore;
import org.peel.prevention.PreventionSummary;
import org.peel.vulnerability.VulnerabilityStore;
import org.peel.vulnerability.VulnerabilitySummary;
import org.peel.place.PlaceStore;
import org.peel.common.BadInput;
import org.peel.measure.MeasureRoutes;
import org.peel.measure.MeasureStore;
import org.peel.place.PlaceStore;
import org.peel.web.AdminRoutes;
import org.peel.web.ApiRoutes;
import org.peel.web.Attention;
import org.peel.web.Capability;
import org.peel.web.Gate;
import org.peel.web.HomeRoutes;
import org.peel.web.Problem;
import org.peel.web.ResponseHeaders;
import org.peel.web.SectionSummary;
import org.peel.web.SignInRoutes;
import org.peel.web.Web;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Peel's web server: pages, the JSON API under /api/v1, and the error handling that never shows a stack trace. */
public final class PeelWeb {

    private static final Logger LOG = LoggerFactory.getLogger(PeelWeb.class);
    /** Large enough for any form or JSON batch Peel takes; a 10 MB body is refused with 413. */
    static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024;

    private PeelWeb() {
    }

    /** Builds (does not start) the server on a migrated database. */
    public static Javalin create(Database database, boolean demo) {
        return create(database, demo, victimHistory());
    }

    /** As {@link #create(Database, boolean)}, finding ASB victims' history the given way (for benchmarks). */
    static Javalin create(Database database, boolean demo, VictimHistory victims) {
        TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
        AuditTrail audit = new AuditTrail(database.jdbi());
        AccessStore access = new AccessStore(database.jdbi());
        PlaceStore places = new PlaceStore(database.jdbi());
        Web web = new Web(templates, audit, demo,
                code -> places.borough(code).map(org.peel.place.Borough::name).orElse(code));
        Gate gate = new Gate(access, audit);

        UserAccounts accounts = new UserAccounts(access, audit);
        AdminRoutes admin = new AdminRoutes(web, access, accounts, () -> boroughNames(places));
        List<Attention.Source> attention = new ArrayList<>(List.of(admin.attention()));
        List<Capability> capabilities = new ArrayList<>(List.of(
                new Capability(Section.PREVENTION, "Borough and ward profiles",
                        "The force's boroughs, wards and LSOAs, with maps", "/places"),
                new Capability(Section.PREVENTION, "Hotspot forecasts",
                        "Where crime and ASB are likely next month, and how often each map would have been right",
                        "/prevention/hotspots"),
                new Capability(Section.PREVENTION, "Record an ASB incident",
                        "Take an ASB call: the victim's history, earlier incidents at the place and the risk grade at once",
                        "/prevention/asb/new"),
                new Capability(Section.PREVENTION, "Problem-solving cases",
                        "SARA cases for a person, a place or a ward problem: incidents, partner actions, before and after",
                        "/prevention/cases"),
                new Capability(Section.PREVENTION, "Ward profiles",
                        "Each ward's crime, ASB, repeat victims and cases beside its team's priorities; reviews overdue",
                        "/prevention/wards"),
                new Capability(Section.PREVENTION, "Flagged ASB victims",
                        "High-risk and repeat victims flagged to the neighbourhood team", "/prevention/asb/flags"),
                new Capability(Section.INVESTIGATION, "People",
                        "Find a person across every record; review likely duplicates", "/people/search"),
                new Capability(Section.INVESTIGATION, "Record a crime",
                        "Screened, allocated and the Victims' Code deadlines set as it is saved", "/investigation/crimes/new"),
                new Capability(Section.INVESTIGATION, "Allocation queue",
                        "Crimes waiting for an investigator, screened-out crimes to review, overdue Victims' Code deadlines",
                        "/investigation/queue"),
                new Capability(Section.INVESTIGATION, "Allocation and Victims' Code figures",
                        "Time to allocation by borough and offence group, queue age, caseloads, Victims' Code compliance",
                        "/investigation/metrics"),
                new Capability(Section.INVESTIGATION, "Forensic and digital queues",
                        "Requests by route (kiosk, local hub, central unit) with their ages and the median wait on each",
                        "/investigation/forensic")));

        AsbRiskSettings asbSettings = AsbRiskSettings.from(System.getenv());
        AsbStore asb = new AsbStore(database.jdbi());
        AsbRoutes asbRoutes = new AsbRoutes(web, asb, places,
                new RecordAsbIncident(database.jdbi(), asb, victims, audit, asbSettings),
                new PoliceUkAsbImport(database.jdbi()));
        ProblemSolvingStore problemCases = new ProblemSolvingStore(database.jdbi());
        WardProfileRoutes wardProfiles = new WardProfileRoutes(web, new WardProfileStore(database.jdbi(), problemCases),
                places, asbSettings);
        attention.add(asbRoutes.attention());
        attention.add(wardProfiles.attention());

        List<SectionSummary.Source> summaries = List.of(
                new PreventionSummary(asb),
                new InvestigationSummary(new CrimeStore(database.jdbi())),
                new VulnerabilitySummary(new VulnerabilityStore(database.jdbi())),
                new OrganisedCrimeSummary(new OcgStore(database.jdbi())));
        capabilities.add(new Capability(Section.MEASURE, "Force in numbers",
                "Any force and 12 months to any month, beside England and Wales: crime rates, outcomes, trends,"
                        + " every force compared, and boroughs and wards.", "/measure/force-in-numbers"));
        capabilities.add(new Capability(Section.MEASURE, "Indicator definitions",
                "What each figure counts, exactly, and in which version.", "/measure/indicators"));
        MeasureRoutes measure = new MeasureRoutes(web, new MeasureStore(database.jdbi()), places);
        InvestigationStore caseloadStore = new InvestigationStore(database.jdbi());
        CaseloadRoutes caseloads = new CaseloadRoutes(web, caseloadStore,
                new InvestigatorAccounts(caseloadStore, audit, Clock.systemDefaultZone()),
                InvestigatorCaseload.ReviewIntervals.defaults(), () -> boroughNames(places), Clock.systemDefaultZone());
        attention.add(caseloads.attention());
        capabilities.add(new Capability(Section.INVESTIGATION, "My caseload",
                "Your open crimes with their priority, age and review dates; Victims' Code deadlines overdue or due soon",
                "/investigation/caseload"));
        capabilities.add(new Capability(Section.INVESTIGATION, "Caseloads by investigator",
                "For supervisors: each investigator's open crimes, reviews overdue and Victims' Code deadlines",
                "/investigation/caseloads"));

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(org.peel.web.ApiJson.MAPPER, false));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/assets";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });

            var routes = config.routes;
            routes.before(ctx -> {
                // refuse an oversized body before reading any of it
                if (ctx.contentLength() > MAX_REQUEST_BYTES) {
                    ctx.header("Connection", "close");
                    throw new io.javalin.http.ContentTooLargeResponse("The request is larger than Peel accepts ("
                            + MAX_REQUEST_BYTES / (1024 * 1024) + " MB)");
                }
            });
            routes.beforeMatched(gate::check);
            routes.after(ResponseHeaders::apply);
            routes.get("/health", ctx -> health(ctx, database), Gate.Open.PUBLIC);

            new SignInRoutes(web, access).register(routes);
            new ApiRoutes(web, accounts).register(routes);
            admin.register(routes);
            new PlaceRoutes(web, places).register(routes);
            new org.peel.people.PeopleRoutes(web, database.jdbi()).register(routes);
            new HotspotRoutes(web, places, SharedDataLocation.resolve(null).orElse(null))
                    .register(routes);
            asbRoutes.register(routes);
            new ProblemSolvingRoutes(web, problemCases, places).register(routes);
            wardProfiles.register(routes);
            InvestigationStore investigation = new InvestigationStore(database.jdbi());
            InvestigationSettings investigationSettings = InvestigationSettings.load(database.jdbi());
            InvestigationRoutes investigationRoutes = new InvestigationRoutes(web, investigation, new RecordCrime(investigation,
                    audit, investigationSettings.screening(), investigationSettings.allocation(), Clock.systemDefaultZone(),
                    new CrimeLocator(places), PersistentTargeting.Policy.from(System.getenv())), new CaseProgress(investigation, audit, Clock.systemDefaultZone()),
                    () -> boroughNames(places), Clock.systemDefaultZone());
            investigationRoutes.reviewIntervals(InvestigatorCaseload.ReviewIntervals.defaults()).register(routes);
            new InvestigationPlanRoutes(web, investigation, investigationRoutes, InvestigatorCaseload.ReviewIntervals.defaults(),
                    Clock.systemDefaultZone()).register(routes);
            caseloads.register(routes);
            ForensicStore forensic = new ForensicStore(database.jdbi());
            new ForensicRoutes(web, investigation, forensic, new ForensicRequests(forensic, audit,
                    ForensicTriage.Settings.from(System.getenv()), Clock.systemDefaultZone()), investigationRoutes,
                    () -> boroughNames(places), Clock.systemDefaultZone()).register(routes);
            measure.register(routes);
            new HomeRoutes(web, attention, capabilities, summaries).register(routes);

            routes.exception(HttpResponseException.class, (ex, ctx) -> answer(ctx, web, ex.getStatus(), ex.getMessage()));
            routes.exception(BadInput.class, (ex, ctx) -> badInput(ctx, web, ex));
            routes.exception(JsonProcessingException.class, (ex, ctx) ->
                    answer(ctx, web, 400, "The request body is not valid JSON: " + firstLine(ex.getOriginalMessage())));
            routes.exception(MismatchedInputException.class, (ex, ctx) ->
                    answer(ctx, web, 400, "The request body does not have the expected shape"));
            routes.exception(Exception.class, (ex, ctx) -> {
                Throwable cause = ex;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    if (cause instanceof JsonProcessingException) {
                        break;
                    }
                    cause = cause.getCause();
                }
                if (cause instanceof JsonProcessingException json) {
                    answer(ctx, web, 400, "The request body is not valid JSON: " + firstLine(json.getOriginalMessage()));
                    return;
                }
                String incident = UUID.randomUUID().toString().substring(0, 8);
                // the exception's message may quote personal data from a record: log its type and place only
                LOG.error("incident {}: {} at {}", incident, ex.getClass().getName(),
                        ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : "?");
                answer(ctx, web, 500, "Something went wrong on Peel's side. Incident reference " + incident + ".");
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || !ctx.res().isCommitted()) {
                    if (!"handled".equals(ctx.attribute("peel.error"))) {
                        answer(ctx, web, 404, "There is no page at " + ctx.path());
                    }
                }
            });
            routes.error(413, ctx -> answer(ctx, web, 413, "The request is larger than Peel accepts ("
                    + MAX_REQUEST_BYTES / (1024 * 1024) + " MB)"));
            routes.error(405, ctx -> answer(ctx, web, 405, "That method is not allowed here"));
        });
    }

    /**
     * How the first call finds a victim's history: exact details, widened through the persons identity resolution
     * made (on the demo force, pairwise precision 0.990 and recall 0.991 against the generator's truth), so that
     * one caller recorded five ways is one history. PEEL_ASB_HISTORY=exact narrows it to exact details, for a force
     * that has not yet checked linkage on its own records.
     */
    static ExactDetailsVictimHistory victimHistory() {
        return "exact".equals(System.getenv("PEEL_ASB_HISTORY"))
                ? new ExactDetailsVictimHistory() : ExactDetailsVictimHistory.throughResolvedPersons();
    }

    private static void health(Context ctx, Database database) {
        boolean up = database.isReachable();
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "database unreachable"));
    }

    private static void badInput(Context ctx, Web web, BadInput bad) {
        if (Web.isApi(ctx)) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(bad.field() == null ? "body" : bad.field(), bad.getMessage());
            problem(ctx, 400, bad.getMessage(), errors);
        } else {
            answer(ctx, web, 400, bad.getMessage());
        }
    }

    /** One place decides how an error looks: problem+json for the API, a page (or sign-in) for people. */
    static void answer(Context ctx, Web web, int status, String message) {
        ctx.attribute("peel.error", "handled");
        if (Web.isApi(ctx) || ctx.path().equals("/health")) {
            problem(ctx, status, message, null);
            return;
        }
        if (status == 401) {
            String next = ctx.method().name().equals("GET") ? ctx.path() : "/";
            ctx.redirect("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        ctx.status(status);
        try {
            web.render(ctx, "error.jte", web.page(ctx, titleFor(status), null), Map.of("status", status,
                    "title", titleFor(status), "message", message == null ? "" : message));
        } catch (RuntimeException renderFailed) {
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + titleFor(status));
        }
    }

    private static void problem(Context ctx, int status, String detail, Map<String, String> errors) {
        Problem p = Problem.of(status, titleFor(status), detail, ctx.path());
        if (status == 401) {
            ctx.header("WWW-Authenticate", ResponseHeaders.WWW_AUTHENTICATE);
        }
        if (errors != null) {
            p = p.withErrors(errors);
        }
        ctx.status(status).json(p).contentType("application/problem+json");
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign in required";
            case 403 -> "You do not have access to this";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request too large";
            case 423 -> "Account locked";
            case 500 -> "Sorry, there is a problem with Peel";
            case 503 -> "Service unavailable";
            default -> HttpStatus.forStatus(status).getMessage();
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Map<String, String> boroughNames(PlaceStore places) {
        Map<String, String> names = new java.util.TreeMap<>();
        places.boroughs().forEach(b -> names.put(b.borough().code(), b.borough().name()));
        return names;
    }

}
