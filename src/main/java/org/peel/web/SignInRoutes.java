package org.peel.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.peel.access.AccessStore;
import org.peel.access.AuditEvent;
import org.peel.access.Passwords;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Signing in and out of Peel's pages. */
public final class SignInRoutes {

    private static final java.util.regex.Pattern LOCAL_PATH =
            java.util.regex.Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?]*");

    private final Web web;
    private final AccessStore store;
    /** Held only in memory: attempts are grouped within one run of the server and cannot be reversed from the trail. */
    private final byte[] unknownUsernameKey = new byte[32];

    private final Clock clock;

    /** Sign-in and sign-out, timing sessions and lock-outs by the given clock (the one Peel is given). */
    public SignInRoutes(Web web, AccessStore store, Clock clock) {
        this.web = web;
        this.store = store;
        this.clock = clock;
        new java.security.SecureRandom().nextBytes(unknownUsernameKey);
    }

    public void register(RoutesConfig routes) {
        routes.get("/sign-in", this::form, Gate.Open.PUBLIC);
        routes.post("/sign-in", this::signIn, Gate.Open.PUBLIC);
        routes.post("/sign-out", this::signOut);
    }

    private void form(Context ctx) {
        if (Web.user(ctx).isPresent()) {
            ctx.redirect("/");
            return;
        }
        show(ctx, 200, "", FormErrors.none());
    }

    private void show(Context ctx, int status, String username, FormErrors errors) {
        String csrf = Passwords.secret();
        Gate.setCookie(ctx, Gate.SIGN_IN_CSRF_COOKIE, csrf, 3600);
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "signin.jte", web.page(ctx, "Sign in", null), Map.of(
                "username", username, "errors", errors, "signInCsrf", csrf, "next", safeNext(ctx.queryParam("next"))));
    }

    private void signIn(Context ctx) {
        String username = trim(ctx.formParam("username"));
        String password = ctx.formParam("password");
        if (!Gate.constantTimeEquals(ctx.formParam("_csrf"), ctx.cookie(Gate.SIGN_IN_CSRF_COOKIE))) {
            show(ctx, 403, username, FormErrors.of("username", "The sign-in form expired. Please try again."));
            return;
        }
        FormErrors errors = FormErrors.none();
        if (username.isEmpty()) {
            errors.add("username", "Enter your username");
        }
        if (password == null || password.isEmpty()) {
            errors.add("password", "Enter your password");
        }
        if (errors.any()) {
            show(ctx, 400, username, errors);
            return;
        }
        Instant now = clock.instant();
        var check = store.checkPassword(username, password);
        if (check.isEmpty()) {
            web.audit(ctx, AuditEvent.by(null, "sign-in", "user", null, AuditEvent.FAILURE)
                    .asUser(unknownUsername(username)).detail("no such user"));
            show(ctx, 401, username, FormErrors.of("password", "The username or password is not right"));
            return;
        }
        var found = check.get();
        if (found.locked(now)) {
            web.audit(ctx, AuditEvent.by(found.user(), "sign-in", "user", String.valueOf(found.user().id()),
                    AuditEvent.FAILURE).detail("account locked"));
            show(ctx, 423, username, FormErrors.of("password", "This account is locked after repeated failed sign-ins."
                    + " Try again in " + AccessStore.LOCK_FOR.toMinutes() + " minutes, or ask an administrator."));
            return;
        }
        if (!found.passwordMatches()) {
            boolean lockedNow = store.recordFailure(found.user().id(), now);
            web.audit(ctx, AuditEvent.by(found.user(), "sign-in", "user", String.valueOf(found.user().id()),
                    AuditEvent.FAILURE).detail(lockedNow ? "wrong password; account locked" : "wrong password"));
            show(ctx, 401, username, FormErrors.of("password", lockedNow
                    ? "Too many failed attempts: the account is locked for " + AccessStore.LOCK_FOR.toMinutes() + " minutes"
                    : "The username or password is not right"));
            return;
        }
        store.clearFailures(found.user().id());
        String session = store.startSession(found.user().id(), ctx.ip(), now);
        Gate.setCookie(ctx, Gate.SESSION_COOKIE, session, (int) AccessStore.SESSION_LONGEST.toSeconds());
        Gate.setCookie(ctx, Gate.SIGN_IN_CSRF_COOKIE, "", 0);
        web.audit(ctx, AuditEvent.by(found.user(), "sign-in", "user", String.valueOf(found.user().id()),
                AuditEvent.SUCCESS));
        ctx.redirect(safeNext(ctx.formParam("next")));
    }

    private void signOut(Context ctx) {
        var user = Web.signedIn(ctx);
        store.endSession(ctx.cookie(Gate.SESSION_COOKIE), clock.instant());
        Gate.setCookie(ctx, Gate.SESSION_COOKIE, "", 0);
        web.audit(ctx, AuditEvent.by(user, "sign-out", "user", String.valueOf(user.id()), AuditEvent.SUCCESS));
        ctx.redirect("/sign-in");
    }

    /**
     * Only a plain local path, so a crafted link cannot send a user elsewhere after sign-in: one leading '/',
     * then only the characters of a URL's path and query (no whitespace or control characters, which browsers
     * drop, no backslash, which they read as '/'), and no '//' anywhere. Anything else goes to the home page.
     */
    static String safeNext(String next) {
        if (next == null || next.length() > 2000 || !LOCAL_PATH.matcher(next).matches() || next.contains("//")) {
            return "/";
        }
        return next;
    }

    /**
     * What the audit trail keeps of a username that does not exist: a marker and a short keyed hash, so repeated
     * attempts with one name can be seen together while a password typed into the username field is not kept.
     */
    String unknownUsername(String username) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(unknownUsernameKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(username.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "unknown:" + java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
