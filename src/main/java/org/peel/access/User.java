package org.peel.access;

/** A person who signs in to Peel: a member of staff or of a partner agency. */
public record User(long id, String username, String displayName, Role role, String boroughCode) {

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }
}
