package org.peel.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import org.peel.access.AccessStore;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.User;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The door every matched request passes: finds the signed-in user from the session cookie or a bearer token,
 * turns away anyone not signed in (except on public routes), and checks the CSRF token on every form post.
 */
public final class Gate {

    /** Marks a route anyone may reach without signing in. */
    public enum Open implements RouteRole { PUBLIC }

    public static final String SESSION_COOKIE = "peel_session";
    static final String SIGN_IN_CSRF_COOKIE = "peel_signin_csrf";
    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private final AccessStore store;
    private final AuditTrail audit;
    private final Clock clock;

    /** A gate that decides whether a session or token has expired by the given clock (the one Peel is given). */
    public Gate(AccessStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs before every matched endpoint. */
    public void check(Context ctx) {
        if (ctx.path().startsWith("/webjars/") || ctx.path().startsWith("/assets/")) {
            return;
        }
        boolean viaSession = identify(ctx);
        boolean open = ctx.routeRoles().contains(Open.PUBLIC);
        if (!open && ctx.attribute(Web.USER) == null) {
            // API refusals are audited; a person's browser is simply sent to sign in
            if (Web.isApi(ctx)) {
                audit.record(AuditEvent.by(null, "access-denied", null, null, AuditEvent.DENIED).from(ctx.ip())
                        .detail(ctx.method() + " " + ctx.path() + ": not signed in"));
            }
            throw new UnauthorizedResponse("Sign in to use Peel");
        }
        if (viaSession && CHANGES.contains(ctx.method()) && !open) {
            String sent = Web.isApi(ctx) ? ctx.header("X-CSRF-Token") : ctx.formParam("_csrf");
            if (!constantTimeEquals(sent, ctx.attribute(Web.CSRF))) {
                throw new ForbiddenResponse("The form has expired or did not come from Peel. Reload the page and try again.");
            }
        }
    }

    /** Sets the user (and, for a session, its CSRF token); returns whether a session cookie identified them. */
    private boolean identify(Context ctx) {
        Instant now = clock.instant();
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<User> user = store.userForToken(authorization.substring(7).strip(), now);
            if (user.isEmpty()) {
                audit.record(AuditEvent.by(null, "access-denied", null, null, AuditEvent.DENIED).from(ctx.ip())
                        .detail(ctx.method() + " " + ctx.path() + ": bearer token not valid"));
                throw new UnauthorizedResponse("The bearer token is not valid");
            }
            ctx.attribute(Web.USER, user.get());
            return false;
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie == null) {
            return false;
        }
        return store.findSession(cookie, now).map(session -> {
            ctx.attribute(Web.USER, session.user());
            ctx.attribute(Web.CSRF, session.csrfToken());
            return true;
        }).orElse(false);
    }

    static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets a cookie the browser sends only to Peel, only over HTTPS (or localhost), never to scripts. */
    static void setCookie(Context ctx, String name, String value, int maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; Secure; SameSite=Strict");
    }
}
