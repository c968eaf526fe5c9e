package org.peel.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.peel.access.AccessRequest;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.access.UserAccounts;
import org.peel.common.BadInput;


/**
 * The JSON API's own endpoints: its OpenAPI 3.1 description ({@code openapi.json} beside this class, kept
 * whole by a test against the routes the server registers), who am I, and adding a user.
 */
public final class ApiRoutes {

    private final Web web;
    private final UserAccounts accounts;

    public ApiRoutes(Web web, UserAccounts accounts) {
        this.web = web;
        this.accounts = accounts;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/openapi.json", this::openapi);
        routes.get("/api/v1/me", this::me);
        routes.post("/api/v1/users", this::createUser);
    }

    /** The body of POST /api/v1/users. */
    public record NewUser(String username, String name, String role, String borough, String password) {
    }

    /** The answer to POST /api/v1/users. */
    public record CreatedUser(long id, String username, String role, String borough) {
    }

    /** The answer to GET /api/v1/me. */
    public record Me(String username, String name, String role, String roleTitle, String borough,
                     java.util.List<String> sections) {
    }

    private void createUser(Context ctx) {
        User admin = web.authorize(ctx, AccessRequest.view(Section.ADMINISTRATION).changing().withPersonalData(null),
                "user", null);
        NewUser body = ApiJson.body(ctx, NewUser.class);
        Role role;
        try {
            role = body.role() == null ? null : Role.fromSlug(body.role());
        } catch (IllegalArgumentException ex) {
            throw BadInput.field("role", ex.getMessage());
        }
        User created = accounts.create(admin, body.username(), body.name() == null ? body.username() : body.name(),
                role, body.borough(), body.password(), "api");
        ctx.status(201).json(new CreatedUser(created.id(), created.username(), created.role().slug(),
                created.boroughCode()));
    }

    private void openapi(Context ctx) {
        Web.signedIn(ctx);
        ctx.contentType("application/json").result(OPENAPI);
    }

    /** The API's description, read once: it is part of the build, not of the data. */
    private static final String OPENAPI = readOpenApi();

    private static String readOpenApi() {
        try (var in = ApiRoutes.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private void me(Context ctx) {
        User user = Web.signedIn(ctx);
        ctx.json(new Me(user.username(), user.displayName(), user.role().slug(), user.role().title(), user.boroughCode(),
                user.role().sections().stream().map(s -> s.name().toLowerCase()).sorted().toList()));
    }
}
