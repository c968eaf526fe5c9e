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

    /** What an administrator may change about a user. */
    public enum Change {
        EDIT("user-edit"), DISABLE("user-disable"), ENABLE("user-enable"), UNLOCK("user-unlock"),
        PASSWORD_RESET("user-password-reset");

        private final String action;

        Change(String action) {
            this.action = action;
        }

        /** The audit trail's action for the change. */
        public String action() {
            return action;
        }
    }

    /**
     * Changes a user's name, role and borough, audited in the same transaction with what changed. The last enabled
     * administrator keeps the role, so Peel is never left without one.
     *
     * @throws BadInput naming the form field at fault
     */
    public User edit(User by, long id, String displayName, Role role, String boroughCode, java.time.Instant now) {
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
        String keptBorough = role.isLocal() ? borough : null;
        return store.jdbi().inTransaction(h -> {
            AccessStore.UserStatus before = existing(h, id);
            if (keptBorough != null && !store.boroughExists(h, keptBorough)) {
                throw BadInput.field("borough", "No borough with code " + keptBorough);
            }
            if (before.user().role() == Role.ADMINISTRATOR && role != Role.ADMINISTRATOR && !before.disabled()
                    && store.otherAdministrators(h, id) == 0) {
                throw BadInput.field("role", "This is the only administrator: make another before changing this role");
            }
            store.updateUser(h, id, displayName.trim(), role, keptBorough);
            java.util.List<String> changed = new java.util.ArrayList<>();
            if (!before.user().displayName().equals(displayName.trim())) {
                changed.add("name");
            }
            if (before.user().role() != role) {
                changed.add("role " + before.user().role().slug() + " to " + role.slug());
            }
            if (!java.util.Objects.equals(before.user().boroughCode(), keptBorough)) {
                changed.add("borough " + (before.user().boroughCode() == null ? "force-wide" : before.user().boroughCode())
                        + " to " + (keptBorough == null ? "force-wide" : keptBorough));
            }
            audit.record(h, AuditEvent.by(by, Change.EDIT.action(), "user", String.valueOf(id), AuditEvent.SUCCESS)
                    .detail(changed.isEmpty() ? "nothing changed" : String.join("; ", changed)));
            return new User(id, before.user().username(), displayName.trim(), role, keptBorough);
        });
    }

    /**
     * Disables a user (their sessions and tokens end; nothing is deleted) or enables them again, audited in the same
     * transaction with the reason. An administrator cannot disable themselves or the last administrator.
     */
    public void setDisabled(User by, long id, boolean disable, String reason, java.time.Instant now) {
        if (reason == null || reason.isBlank()) {
            throw BadInput.field("reason", disable ? "Give the reason for disabling the account"
                    : "Give the reason for enabling the account again");
        }
        store.jdbi().useTransaction(h -> {
            AccessStore.UserStatus before = existing(h, id);
            if (disable && by != null && by.id() == id) {
                throw BadInput.field("reason", "You cannot disable your own account");
            }
            if (disable && before.user().role() == Role.ADMINISTRATOR && store.otherAdministrators(h, id) == 0) {
                throw BadInput.field("reason", "This is the only administrator: make another before disabling it");
            }
            store.setDisabled(h, id, now, disable);
            audit.record(h, AuditEvent.by(by, (disable ? Change.DISABLE : Change.ENABLE).action(), "user",
                    String.valueOf(id), AuditEvent.SUCCESS).detail("because: " + reason.strip()));
        });
    }

    /** Lifts a lock after failed sign-ins, audited in the same transaction. */
    public void unlock(User by, long id) {
        store.jdbi().useTransaction(h -> {
            existing(h, id);
            store.unlock(h, id);
            audit.record(h, AuditEvent.by(by, Change.UNLOCK.action(), "user", String.valueOf(id), AuditEvent.SUCCESS));
        });
    }

    /**
     * Sets a new password (generated when {@code password} is blank, and returned so it can be shown once), lifts
     * any lock and ends the user's sessions, audited in the same transaction (never with the password).
     */
    public String resetPassword(User by, long id, String password, java.time.Instant now) {
        String chosen = password == null || password.isBlank() ? Passwords.generate() : password;
        String weakness = Passwords.weakness(chosen);
        if (weakness != null) {
            throw BadInput.field("password", weakness);
        }
        String hash = Passwords.hash(chosen);
        store.jdbi().useTransaction(h -> {
            existing(h, id);
            store.setPassword(h, id, hash, now);
            audit.record(h, AuditEvent.by(by, Change.PASSWORD_RESET.action(), "user", String.valueOf(id), AuditEvent.SUCCESS)
                    .detail(password == null || password.isBlank() ? "generated" : "set by the administrator"));
        });
        return chosen;
    }

    private AccessStore.UserStatus existing(org.jdbi.v3.core.Handle h, long id) {
        return store.userForUpdate(h, id).orElseThrow(() -> BadInput.field("user", "No user with id " + id));
    }
}
