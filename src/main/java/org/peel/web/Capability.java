package org.peel.web;

import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.User;

/**
 * A piece of Peel a section offers, shown on that section's page with a link to it, to those who may open it.
 *
 * @param opens what the page asks of the access policy before it opens, its borough left to be the user's own: the
 *              section's view unless the page asks more (a sensitivity, a duty, a change)
 */
public record Capability(Section section, String title, String description, String link, AccessRequest opens) {

    /** An entry anyone who may view its section may open. */
    public Capability(Section section, String title, String description, String link) {
        this(section, title, description, link, AccessRequest.view(section));
    }

    /** This entry, for a page that asks the access policy for {@code request} (as its handler does) before opening. */
    public Capability opening(AccessRequest request) {
        return new Capability(section, title, description, link, request);
    }

    /**
     * Whether the page would open for this user: the access policy's decision on what the page asks, in the borough
     * the page would show them. A link that could only be refused is not offered.
     */
    public boolean opensFor(User user) {
        return AccessPolicy.decide(user, opens.inBorough(AccessPolicy.boroughInView(user, null))).allowed();
    }
}
