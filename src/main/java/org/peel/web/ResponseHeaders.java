package org.peel.web;

import io.javalin.http.Context;

/**
 * The headers every answer carries. Pages and API answers hold personal data, so none is kept by a browser or
 * a proxy ({@code Cache-Control: no-store}); only Peel's own static files (/assets, /webjars) may be cached. The
 * Content-Security-Policy lets a page load scripts, styles, fonts and images from Peel alone and run no inline
 * script or style, so an injected tag or attribute does nothing; pages are never framed.
 */
public final class ResponseHeaders {

    /** Peel's pages use GOV.UK Frontend's CSS and htmx from /webjars and their own CSS from /assets: all 'self'. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** How a client without credentials learns the two ways in: a bearer token, or the session cookie. */
    public static final String WWW_AUTHENTICATE = "Bearer realm=\"peel\", Cookie realm=\"peel\" cookie-name=\""
            + Gate.SESSION_COOKIE + "\"";

    private ResponseHeaders() {
    }

    /** Runs after every request. */
    public static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (!isStatic(ctx.path())) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    static boolean isStatic(String path) {
        return path.startsWith("/assets/") || path.startsWith("/webjars/");
    }
}
