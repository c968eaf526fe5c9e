package org.peel.access;

import org.peel.common.BadInput;

import java.util.regex.Pattern;

/** Creating accounts, with the checks an administrator would expect, whether from the CLI or the web form. */
public final class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    private final AccessStore store;
    private final AuditTrail audit;

    public UserAccounts(AccessStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * Creates a user and audits it in one transaction. {@code by} is the administrator, or null for the CLI.
     *
     * @throws BadInput naming the field at fault
     */
    public User create(User by, String username, String displayName, Role role, String boroughCode, String password,
                       String source) {
        String name = username == null ? "" : username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw BadInput.field("username",
                    "Username must be 2 to 40 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        if (displayName == null || displayName.isBlank()) {
            throw BadInput.field("name", "Enter the person's name");
        }
        if (role == null) {
            throw BadInput.field("role", "Choose a role");
        }
        String borough = boroughCode == null || boroughCode.isBlank() ? null : boroughCode.trim().toUpperCase();
        if (role.isLocal() && borough == null) {
            throw BadInput.field("borough", role.title() + " is a local role: choose the borough they work in");
        }
        String weakness = Passwords.weakness(password);
        if (weakness != null) {
            throw BadInput.field("password", weakness);
        }
        String hash = Passwords.hash(password);
        return store.jdbi().inTransaction(h -> {
            if (store.usernameTaken(h, name)) {
                throw BadInput.field("username", "Username '" + name + "' is already taken");
            }
            if (borough != null && !store.boroughExists(h, borough)) {
                throw BadInput.field("borough", "No borough with code " + borough);
            }
            User user = store.createUser(h, name, displayName.trim(), role, borough, hash,
                    by == null ? source : by.username());
            AuditEvent event = AuditEvent.by(by, "user-create", "user", String.valueOf(user.id()), AuditEvent.SUCCESS)
                    .detail("role " + role.slug() + (borough == null ? "" : " in " + borough));
            audit.record(h, by == null ? event.asUser(source) : event);
            return user;
        });
    }
}
