package org.peel.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import org.jdbi.v3.core.Handle;
import org.peel.access.AccessDecision;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.Section;
import org.peel.access.User;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every page and API handler shares: who is signed in, the need-to-know check (with its audit entry),
 * and rendering templates inside the layout. Handlers stay thin by calling these.
 */
public final class Web {

    static final String USER = "peel.user";
    static final String CSRF = "peel.csrf";

    private final TemplateEngine templates;
    private final AuditTrail audit;
    private final boolean demo;
    private final java.util.function.UnaryOperator<String> boroughName;

    /** {@code boroughName} turns a borough's code into its name, for people to read. */
    public Web(TemplateEngine templates, AuditTrail audit, boolean demo,
               java.util.function.UnaryOperator<String> boroughName) {
        this.templates = templates;
        this.audit = audit;
        this.demo = demo;
        this.boroughName = boroughName;
    }

    public boolean demo() {
        return demo;
    }

    public AuditTrail auditTrail() {
        return audit;
    }

    public static Optional<User> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    /** The signed-in user; answers 401 (API) or sends to sign-in (pages) when there is none. */
    /**
     * The numeric record id in the path parameter {@code name}; a 404 naming the record ("No task x1") when the
     * path holds anything but a number, so a mistyped address reads the same as a record that is not there.
     */
    public static long pathId(Context ctx, String name, String what) {
        String raw = ctx.pathParam(name);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException ex) {
            throw new io.javalin.http.NotFoundResponse("No " + what + " " + raw);
        }
    }

    public static User signedIn(Context ctx) {
        return user(ctx).orElseThrow(() -> new UnauthorizedResponse("Sign in to use Peel"));
    }

    public static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /**
     * The purpose a user stated for opening personal data: the {@code X-Purpose} (or older {@code X-Peel-Purpose})
     * header, or the query field {@code purpose}.
     */
    public static String statedPurpose(Context ctx) {
        String p = ctx.header("X-Purpose");
        if (p == null || p.isBlank()) {
            p = ctx.header("X-Peel-Purpose");
        }
        if (p == null || p.isBlank()) {
            p = ctx.queryParam("purpose");
        }
        return p == null || p.isBlank() ? null : p.strip();
    }

    /**
     * Applies the access policy. A refusal is audited and answered 403; an allowed read of personal data is audited
     * with its stated purpose. An allowed change is not audited here: the change writes its own entry in its own
     * transaction once its input has been checked, so a change refused by validation or rolled back leaves none.
     * Returns the user.
     */
    public User authorize(Context ctx, AccessRequest request, String recordType, String recordId) {
        User user = signedIn(ctx);
        AccessDecision decision = AccessPolicy.decide(user, request);
        if (!decision.allowed()) {
            if (needsPurposeOnly(ctx, user, request)) {
                // nothing was shown: the form asks for the purpose and the page is asked for again with it
                noStore(ctx);
                throw new PurposeRequired(ctx.path(), ctx.queryString());
            }
            audit.record(AuditEvent.by(user, "access-denied", recordType, recordId, AuditEvent.DENIED)
                    .because(request.purpose()).from(ctx.ip())
                    .detail(ctx.method() + " " + ctx.path() + ": " + decision.summary()));
            throw new ForbiddenResponse(refusal(ctx, user, request, decision));
        }
        // a page asked for with GET only reads, even when the check is the one for the form it feeds
        if (request.read() || (request.personalData() && isRead(ctx))) {
            audit.record(AuditEvent.by(user, "view", recordType, recordId, AuditEvent.SUCCESS)
                    .because(request.purpose()).from(ctx.ip()));
        }
        return user;
    }

    /**
     * For a page of personal data: when the user's role must state a purpose and has not, answers with a short form
     * asking for it (which comes back to this page with {@code ?purpose=}) and returns empty; otherwise authorizes
     * as {@link #authorize} does. A user who would be refused even with a purpose is refused, not asked.
     */
    public Optional<User> authorizePage(Context ctx, AccessRequest request, String recordType, String recordId) {
        User user = signedIn(ctx);
        if (request.personalData() && request.purpose() == null && user.role().statesPurpose()
                && AccessPolicy.decide(user, request.withPersonalData("to be stated")).allowed()) {
            noStore(ctx);
            render(ctx, "web/purpose.jte", page(ctx, "State your purpose", request.section()),
                    Map.of("action", ctx.path(), "hidden", Map.of()));
            return Optional.empty();
        }
        return Optional.of(authorize(ctx, request, recordType, recordId));
    }

    /** A browser's page read refused only because the purpose is not stated (allowed once it is). */
    private static boolean needsPurposeOnly(Context ctx, User user, AccessRequest request) {
        return isRead(ctx) && !isApi(ctx) && request.personalData() && user.role().statesPurpose()
                && (request.purpose() == null || request.purpose().isBlank())
                && AccessPolicy.decide(user, request.withPersonalData("to be stated")).allowed();
    }

    /** Answers a {@link PurposeRequired} with the form asking for the purpose (403: the page was not shown). */
    public void askPurpose(Context ctx, PurposeRequired ask) {
        Map<String, String> hidden = new java.util.LinkedHashMap<>();
        if (ask.query() != null) {
            for (String pair : ask.query().split("&")) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                if (!name.equals("purpose") && !name.isBlank()) {
                    hidden.put(name, value);
                }
            }
        }
        ctx.status(403);
        noStore(ctx);
        render(ctx, "web/purpose.jte", page(ctx, "State your purpose", null),
                Map.of("action", ask.action(), "hidden", hidden));
    }

    private static boolean isRead(Context ctx) {
        return ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
    }

    private static String refusal(Context ctx, User user, AccessRequest request, AccessDecision decision) {
        boolean purposeMissing = request.personalData() && user.role().statesPurpose()
                && (request.purpose() == null || request.purpose().isBlank());
        if (purposeMissing && isApi(ctx)) {
            return decision.summary() + ". State it with the purpose query parameter (?purpose=...) or the "
                    + "X-Purpose header, e.g. the operation, case or tasking this is for";
        }
        return decision.summary();
    }

    /** Records an event with the request's client address, in its own transaction (reads, sign-ins). */
    public void audit(Context ctx, AuditEvent event) {
        audit.record(event.from(ctx.ip()));
    }

    /** Records a change's event with the request's client address inside the change's own transaction. */
    public void audit(Handle h, Context ctx, AuditEvent event) {
        audit.record(h, event.from(ctx.ip()));
    }

    public Page page(Context ctx, String title, Section section) {
        User user = ctx.attribute(USER);
        List<Section> nav = new ArrayList<>();
        if (user != null) {
            for (Section s : Section.values()) {
                if (user.role().sections().contains(s)) {
                    nav.add(s);
                }
            }
        }
        String borough = user == null || user.boroughCode() == null ? null : boroughName.apply(user.boroughCode());
        return new Page(title, user, section, ctx.attribute(CSRF), demo, nav, borough);
    }

    /** Renders {@code template} with the given parameters plus {@code page}. */
    public void render(Context ctx, String template, Page page, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        StringOutput out = new StringOutput();
        templates.render(template, all, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    public void render(Context ctx, String template, Page page) {
        render(ctx, template, page, Map.of());
    }

    public static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }

    /** For checks outside a handler's own section: whether this user could open it. */
    public static boolean mayView(User user, Section section) {
        return user != null && user.role().sections().contains(section);
    }
}
