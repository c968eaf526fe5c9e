package org.peel.web;

import org.peel.access.Section;
import org.peel.access.User;

import java.util.List;

/**
 * What every page's layout needs: its title, the signed-in user (null on the sign-in page), the section to
 * highlight, the CSRF token for forms, and whether this is a demo.
 */
public record Page(String title, User user, Section section, String csrfToken, boolean demo, List<Section> navigation,
                   String boroughName) {

    public boolean signedIn() {
        return user != null;
    }

    public boolean current(Section s) {
        return s == section;
    }
}
