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
import org.peel.access.AuditTrail;
import org.peel.common.BadInput;
import org.peel.investigation.InvestigationModule;
import org.peel.inspection.InspectionModule;
import org.peel.measure.MeasureModule;
import org.peel.module.AdministrationModule;
import org.peel.module.Module;
import org.peel.module.ModuleContext;
import org.peel.module.PeopleModule;
import org.peel.module.PlacesModule;
import org.peel.organisedcrime.OrganisedCrimeModule;
import org.peel.people.PeopleStore;
import org.peel.people.PersonIndex;
import org.peel.people.PersonRecordStore;
import org.peel.place.PlaceStore;
import org.peel.partners.PartnersModule;
import org.peel.prevention.PreventionModule;
import org.peel.vulnerability.VulnerabilityModule;
import org.peel.web.Attention;
import org.peel.web.Capability;
import org.peel.web.Gate;
import org.peel.web.HomeRoutes;
import org.peel.web.Problem;
import org.peel.web.ResponseHeaders;
import org.peel.web.SectionSummary;
import org.peel.web.Web;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Peel's web server: pages, the JSON API under /api/v1, and the error handling that never shows a stack trace. */
public final class PeelWeb {

    private static final Logger LOG = LoggerFactory.getLogger(PeelWeb.class);
    /** Large enough for any form or JSON batch Peel takes; a 10 MB body is refused with 413. */
    static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024;
    /** Where GOV.UK Frontend's fonts and images are on the class path (the webjar's version must match the pom's). */
    static final String GOVUK_ASSETS = "/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets";

    /** One of GOV.UK Frontend's fonts or images, from the webjar; 404 for any other name. */
    private static void govukAsset(io.javalin.http.Context ctx, String folder) {
        String file = ctx.pathParam("file");
        java.io.InputStream in = file.matches("[A-Za-z0-9][A-Za-z0-9._-]*")
                ? PeelWeb.class.getResourceAsStream(GOVUK_ASSETS + "/" + folder + "/" + file) : null;
        if (in == null) {
            throw new io.javalin.http.NotFoundResponse("No such asset");
        }
        String type = file.endsWith(".woff2") ? "font/woff2" : file.endsWith(".woff") ? "font/woff"
                : file.endsWith(".svg") ? "image/svg+xml" : file.endsWith(".png") ? "image/png"
                : file.endsWith(".ico") ? "image/x-icon" : "application/octet-stream";
        // the file names carry their version, so a browser may keep them
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(type).result(in);
    }

    private PeelWeb() {
    }

    /** Builds (does not start) the server on a migrated database, configured from the environment, on the system clock. */
    public static Javalin create(Database database, boolean demo) {
        return create(database, demo, Environment.variables(), Environment.clock());
    }

    /**
     * Builds (does not start) the server from configuration read once (the environment, or a map a benchmark or test
     * hands in) and one clock that every module decides time by.
     */
    public static Javalin create(Database database, boolean demo, Map<String, String> environment, Clock clock) {
        return create(database, demo, environment, clock, true);
    }

    /**
     * As above; {@code backgroundWork} false leaves the modules' background work (the person index's build) unstarted
     * until first use, so a benchmark of other requests does not measure a million-record build beside them.
     */
    public static Javalin create(Database database, boolean demo, Map<String, String> environment, Clock clock,
                                 boolean backgroundWork) {
        TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
        AuditTrail audit = new AuditTrail(database.jdbi(), clock);
        AccessStore access = new AccessStore(database.jdbi());
        PlaceStore places = new PlaceStore(database.jdbi());
        Web web = new Web(templates, audit, demo,
                code -> places.borough(code).map(org.peel.place.Borough::name).orElse(code));
        Gate gate = new Gate(access, audit, clock);
        ModuleContext context = new ModuleContext(environment, clock, database.jdbi(), audit, access, places,
                new PeopleStore(database.jdbi(), audit), web, SharedDataLocation.resolve(null, environment),
                new PersonIndex(database.jdbi(), new PersonRecordStore(database.jdbi())));
        List<Module> modules = modules(context);
        List<Capability> menu = modules.stream().flatMap(m -> m.menu().stream()).toList();
        List<Attention.Source> attention = modules.stream().map(m -> (Attention.Source) m::attention).toList();
        List<SectionSummary.Source> summaries = modules.stream().map(m -> (SectionSummary.Source) m::summary).toList();

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            if (backgroundWork) {
                config.events.serverStarted(() -> modules.forEach(Module::start));
            }
            config.events.serverStopped(() -> modules.forEach(Module::stop));
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
            // GOV.UK Frontend's style sheet asks for its fonts and crest at /assets/fonts and /assets/images: served
            // from the webjar Peel ships, so no page depends on a site outside the force
            routes.get("/assets/fonts/{file}", ctx -> govukAsset(ctx, "fonts"), Gate.Open.PUBLIC);
            routes.get("/assets/images/{file}", ctx -> govukAsset(ctx, "images"), Gate.Open.PUBLIC);

            modules.forEach(m -> m.routes(routes));
            new HomeRoutes(web, attention, menu, summaries).register(routes);

            routes.exception(HttpResponseException.class, (ex, ctx) -> answer(ctx, web, ex.getStatus(), ex.getMessage()));
            routes.exception(BadInput.class, (ex, ctx) -> badInput(ctx, web, ex));
            routes.exception(org.peel.web.PurposeRequired.class, (ex, ctx) -> web.askPurpose(ctx, ex));
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
     * Peel's parts, in the order their routes are registered and their entries, home-page items and figures are
     * shown: the kernel's own pages first, then the four questions and Measure. Adding a capability is one line here.
     */
    static List<Module> modules(ModuleContext context) {
        return List.of(
                new AdministrationModule(context),
                new PlacesModule(context),
                new PeopleModule(context),
                new PreventionModule(context),
                new InvestigationModule(context),
                new org.peel.offenders.OffendersModule(context),
                new VulnerabilityModule(context),
                new OrganisedCrimeModule(context),
                new MeasureModule(context),
                new PartnersModule(context),
                new InspectionModule(context, new MeasureForceFigures(context.jdbi())));
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


}
