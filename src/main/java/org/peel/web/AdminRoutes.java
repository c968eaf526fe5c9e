package org.peel.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.peel.access.AccessRequest;
import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.access.UserAccounts;
import org.peel.common.BadInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The administrator's pages: users (list and add) and the audit trail (filter by user, record, date). */
public final class AdminRoutes {

    private final Web web;
    private final AccessStore store;
    private final UserAccounts accounts;
    private final BoroughNames boroughs;
    private final Clock clock;

    /** Borough codes and names for the user form, from the place tables. */
    @FunctionalInterface
    public interface BoroughNames {
        Map<String, String> all();
    }

    public AdminRoutes(Web web, AccessStore store, UserAccounts accounts, BoroughNames boroughs, Clock clock) {
        this.web = web;
        this.store = store;
        this.accounts = accounts;
        this.boroughs = boroughs;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin", ctx -> ctx.redirect("/admin/users"));
        routes.get("/admin/users", this::users);
        routes.post("/admin/users", this::addUser);
        routes.get("/admin/audit", this::audit);
        routes.get("/admin/users/{id}", this::user);
        routes.post("/admin/users/{id}", this::editUser);
        routes.post("/admin/users/{id}/disable", ctx -> disable(ctx, true));
        routes.post("/admin/users/{id}/enable", ctx -> disable(ctx, false));
        routes.post("/admin/users/{id}/unlock", this::unlock);
        routes.post("/admin/users/{id}/password", this::resetPassword);
    }

    private static long userId(Context ctx) {
        return Web.pathId(ctx, "id", "user");
    }

    private void user(Context ctx) {
        admin(ctx, false);
        showUser(ctx, 200, userId(ctx), FormErrors.none(), Map.of(), "");
    }

    private void showUser(Context ctx, int status, long id, FormErrors errors, Map<String, String> values, String done) {
        org.peel.access.AccessStore.UserStatus u = store.userStatus(id)
                .orElseThrow(() -> new io.javalin.http.NotFoundResponse("No user " + id));
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "admin/user.jte", web.page(ctx, "User " + u.user().username(), Section.ADMINISTRATION), Map.of(
                "u", u, "locked", u.locked(clock.instant()), "roles", List.of(Role.values()), "boroughs", boroughs.all(),
                "errors", errors, "values", values, "done", done,
                "history", web.auditTrail().search(new AuditTrail.Filter(null, "user", String.valueOf(id), null, null, null), 20)));
    }

    private void editUser(Context ctx) {
        User admin = admin(ctx, true);
        long id = userId(ctx);
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("name", "role", "borough")) {
            values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f).strip());
        }
        Role role = null;
        try {
            role = values.get("role").isEmpty() ? null : Role.valueOf(values.get("role"));
        } catch (IllegalArgumentException ex) {
            showUser(ctx, 400, id, FormErrors.of("role", "Choose a role from the list"), values, "");
            return;
        }
        try {
            accounts.edit(admin, id, values.get("name"), role, values.get("borough"), clock.instant());
            showUser(ctx, 200, id, FormErrors.none(), Map.of(), "Changes saved.");
        } catch (BadInput bad) {
            showUser(ctx, 400, id, FormErrors.of(bad.field(), message(bad)), values, "");
        }
    }

    private void disable(Context ctx, boolean disable) {
        User admin = admin(ctx, true);
        long id = userId(ctx);
        try {
            accounts.setDisabled(admin, id, disable, ctx.formParam("reason"), clock.instant());
            showUser(ctx, 200, id, FormErrors.none(), Map.of(), disable ? "Account disabled: its sessions and tokens have ended."
                    : "Account enabled again.");
        } catch (BadInput bad) {
            showUser(ctx, 400, id, FormErrors.of(bad.field(), message(bad)), Map.of(), "");
        }
    }

    private void unlock(Context ctx) {
        User admin = admin(ctx, true);
        long id = userId(ctx);
        accounts.unlock(admin, id);
        showUser(ctx, 200, id, FormErrors.none(), Map.of(), "Account unlocked.");
    }

    private void resetPassword(Context ctx) {
        User admin = admin(ctx, true);
        long id = userId(ctx);
        try {
            String given = ctx.formParam("password");
            String password = accounts.resetPassword(admin, id, given, clock.instant());
            showUser(ctx, 200, id, FormErrors.none(), Map.of(), given == null || given.isBlank()
                    ? "Password reset. The new password, shown once: " + password : "Password changed.");
        } catch (BadInput bad) {
            showUser(ctx, 400, id, FormErrors.of(bad.field(), message(bad)), Map.of(), "");
        }
    }

    private static String message(BadInput bad) {
        return bad.getMessage().substring(bad.getMessage().indexOf(": ") + 2);
    }

    private User admin(Context ctx, boolean change) {
        AccessRequest request = AccessRequest.view(Section.ADMINISTRATION).withPersonalData(null);
        return web.authorize(ctx, change ? request.changing() : request, "user-list", null);
    }

    private void users(Context ctx) {
        admin(ctx, false);
        showUsers(ctx, 200, FormErrors.none(), Map.of(), null);
    }

    private void showUsers(Context ctx, int status, FormErrors errors, Map<String, String> values, String created) {
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "admin/users.jte", web.page(ctx, "Users", Section.ADMINISTRATION), Map.of(
                "users", store.allUsers(), "now", clock.instant(), "roles", List.of(Role.values()), "boroughs", boroughs.all(),
                "errors", errors, "values", values, "created", created == null ? "" : created,
                "locked", store.lockedUsers(clock.instant())));
    }

    private void addUser(Context ctx) {
        User admin = admin(ctx, true);
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("username", "name", "role", "borough")) {
            values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f).strip());
        }
        Role role = null;
        if (!values.get("role").isEmpty()) {
            try {
                role = Role.valueOf(values.get("role"));
            } catch (IllegalArgumentException ex) {
                showUsers(ctx, 400, FormErrors.of("role", "Choose a role from the list"), values, null);
                return;
            }
        }
        try {
            User created = accounts.create(admin, values.get("username"), values.get("name"), role,
                    values.get("borough"), ctx.formParam("password"), "web");
            showUsers(ctx, 201, FormErrors.none(), Map.of(), created.username());
        } catch (BadInput bad) {
            String message = bad.getMessage().substring(bad.getMessage().indexOf(": ") + 2);
            showUsers(ctx, 400, FormErrors.of(bad.field(), message), values, null);
        }
    }

    /** Entries on a page of the audit trail. */
    static final int AUDIT_PAGE = 50;

    private void audit(Context ctx) {
        admin(ctx, false);
        FormErrors errors = FormErrors.none();
        String username = blankToNull(ctx.queryParam("user"));
        String record = blankToNull(ctx.queryParam("record"));
        String recordType = null;
        String recordId = null;
        if (record != null) {
            int colon = record.indexOf(':');
            if (colon > 0) {
                recordType = record.substring(0, colon);
                recordId = blankToNull(record.substring(colon + 1));
            } else {
                recordType = record;
            }
        }
        Instant from = date(ctx, "from", errors, 0);
        Instant to = date(ctx, "to", errors, 1);
        AuditTrail.Filter filter = new AuditTrail.Filter(username, recordType, recordId, from, to,
                blankToNull(ctx.queryParam("action")));
        Paging paging = Paging.requested(ctx, "page", AUDIT_PAGE).of(errors.any() ? 0 : web.auditTrail().count(filter));
        List<AuditTrail.Entry> entries = errors.any() ? new ArrayList<>()
                : web.auditTrail().search(filter, paging.offset(), paging.size());
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("user", "record", "from", "to", "action")) {
            values.put(f, ctx.queryParam(f) == null ? "" : ctx.queryParam(f));
        }
        ctx.status(errors.any() ? 400 : 200);
        web.render(ctx, "admin/audit.jte", web.page(ctx, "Audit trail", Section.ADMINISTRATION), Map.of(
                "entries", entries, "errors", errors, "values", values, "actions", web.auditTrail().actions(),
                "paging", paging));
    }

    private static Instant date(Context ctx, String field, FormErrors errors, int plusDays) {
        String text = blankToNull(ctx.queryParam(field));
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ex) {
            errors.add(field, "Enter a date as YYYY-MM-DD, for example 2026-11-26");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What an administrator sees on their home page. */
    public Attention.Source attention() {
        return user -> {
            if (!user.isAdministrator()) {
                return List.of();
            }
            List<Attention> items = new ArrayList<>();
            int locked = store.lockedUsers(clock.instant()).size();
            if (locked > 0) {
                items.add(new Attention(locked + " locked account" + (locked == 1 ? "" : "s"),
                        "Locked after repeated failed sign-ins", "/admin/users", Attention.Urgency.SOON));
            }
            long denied = web.auditTrail().countSince("access-denied", clock.instant().minusSeconds(86_400));
            items.add(new Attention(denied + " refused request" + (denied == 1 ? "" : "s") + " in the last 24 hours",
                    "Requests outside a user's role or borough", "/admin/audit?action=access-denied",
                    denied > 0 ? Attention.Urgency.SOON : Attention.Urgency.ROUTINE));
            return items;
        };
    }

}
