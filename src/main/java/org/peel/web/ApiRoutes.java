package org.peel.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.peel.access.AccessRequest;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.access.UserAccounts;
import org.peel.common.BadInput;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON API's own endpoints: who am I. */
public final class ApiRoutes {

    private final Web web;
    private final UserAccounts accounts;

    public ApiRoutes(Web web, UserAccounts accounts) {
        this.web = web;
        this.accounts = accounts;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/me", this::me);
        routes.post("/api/v1/users", this::createUser);
    }

    /** The body of POST /api/v1/users. */
    public record NewUser(String username, String name, String role, String borough, String password) {
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", created.id());
        out.put("username", created.username());
        out.put("role", created.role().slug());
        out.put("borough", created.boroughCode());
        ctx.status(201).json(out);
    }

    private void me(Context ctx) {
        User user = Web.signedIn(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.username());
        body.put("name", user.displayName());
        body.put("role", user.role().slug());
        body.put("roleTitle", user.role().title());
        body.put("borough", user.boroughCode());
        body.put("sections", user.role().sections().stream().map(s -> s.name().toLowerCase()).sorted().toList());
        ctx.json(body);
    }
}
