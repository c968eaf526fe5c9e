package org.peel.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Need to know, as a pure rule: a user may do what they ask only if their role covers the section, the
 * borough, every sensitivity involved, and (for read-only roles) makes no change; roles that must state a
 * purpose must have stated one before they see personal data.
 */
public final class AccessPolicy {

    public static final String VERSION = "access-1";

    private AccessPolicy() {
    }

    public static AccessDecision decide(User user, AccessRequest request) {
        Role role = user.role();
        List<String> refusals = new ArrayList<>();
        List<String> grounds = new ArrayList<>();

        if (!role.sections().contains(request.section())) {
            refusals.add(role.title() + " has no access to " + request.section().title());
        } else {
            grounds.add(role.title() + " may use " + request.section().title());
        }

        if (request.boroughCode() != null && role.isLocal()) {
            if (user.boroughCode() == null) {
                refusals.add("no borough is set for this local user");
            } else if (!user.boroughCode().equals(request.boroughCode())) {
                refusals.add("record is in borough " + request.boroughCode() + ", user works in " + user.boroughCode());
            } else {
                grounds.add("record is in the user's borough");
            }
        } else if (request.boroughCode() != null) {
            grounds.add("role is force-wide");
        }

        Set<Sensitivity> missing = new TreeSet<>(request.sensitivities());
        missing.removeAll(role.sensitivities());
        if (!missing.isEmpty()) {
            refusals.add("role may not see " + describe(missing) + " records");
        }

        if (request.change() && role.readOnly()) {
            refusals.add(role.title() + " is read-only");
        }

        if (request.personalData() && role.statesPurpose()
                && (request.purpose() == null || request.purpose().isBlank())) {
            refusals.add("a purpose must be stated before opening personal data");
        }

        return refusals.isEmpty() ? AccessDecision.allow(grounds) : AccessDecision.refuse(refusals);
    }

    private static String describe(Set<Sensitivity> kinds) {
        List<String> words = new ArrayList<>();
        for (Sensitivity s : kinds) {
            words.add(s.name().toLowerCase().replace('_', ' '));
        }
        return String.join(", ", words);
    }
}
