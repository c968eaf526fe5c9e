package org.peel.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Need to know, as a pure rule: a user may do what they ask only if their role covers the section, the
 * borough, every sensitivity involved, any duty reserved to certain roles, and (for read-only roles) makes no
 * change; roles that must state a purpose must have stated one before they see personal data.
 */
public final class AccessPolicy {

    public static final String VERSION = "access-3";

    private AccessPolicy() {
    }

    public static AccessDecision decide(User user, AccessRequest request) {
        Role role = user.role();
        List<String> refusals = new ArrayList<>();
        List<String> grounds = new ArrayList<>();

        if (leads(user, request.leadOfficer())) {
            // named to lead against this record: its section, borough, sensitivities and duties come with the lead
            grounds.add("user is the lead responsible officer");
            if (request.change() && role.readOnly()) {
                refusals.add(role.title() + " is read-only");
            }
            if (request.personalData() && role.statesPurpose()
                    && (request.purpose() == null || request.purpose().isBlank())) {
                refusals.add("a purpose must be stated before opening personal data");
            }
            return refusals.isEmpty() ? AccessDecision.allow(grounds) : AccessDecision.refuse(refusals);
        }

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

        if (request.duty() != null && !request.dutyRoles().contains(role)) {
            refusals.add(capitalised(request.duty()) + " is for " + titles(request.dutyRoles()) + ", not for "
                    + article(role.title()));
        } else if (request.duty() != null) {
            grounds.add(role.title() + " holds the duty of " + request.duty());
        }

        if (request.personalData() && role.statesPurpose()
                && (request.purpose() == null || request.purpose().isBlank())) {
            refusals.add("a purpose must be stated before opening personal data");
        }

        return refusals.isEmpty() ? AccessDecision.allow(grounds) : AccessDecision.refuse(refusals);
    }

    /** The fields of a multi-agency case action a partner agency may change on its own actions. */
    public static final Set<String> PARTNER_ACTION_FIELDS = Set.of("status", "note", "completed_on");

    /**
     * A change asked for on one action of a multi-agency case (ASB MARAC, complex case panel, case review).
     *
     * @param userOrganisation   the partner organisation the account belongs to, or null when it belongs to none
     *                           (a member of staff)
     * @param actionOrganisation the agency the action is for, null for the police
     * @param caseParties        the organisations the case is shared with
     * @param agreementActive    whether the case's agreement is active today and names the user's organisation
     * @param fields             the fields the change would write
     */
    public record ActionChange(String userOrganisation, String actionOrganisation, Collection<String> caseParties,
                               boolean agreementActive, Set<String> fields) {
        public ActionChange {
            caseParties = List.copyOf(caseParties);
            fields = Set.copyOf(fields);
        }
    }

    /**
     * Whether a user may change an action on a multi-agency case. An account that belongs to no partner organisation
     * (staff) is decided as for any change, so a read-only role is refused. An account of a partner organisation is
     * read-only everywhere else; here, where the force allows it ({@code partnersUpdateOwnActions}), it may change
     * the status, note and completed date of an action for its own organisation, on a case its organisation is a
     * party to under an agreement active today, and nothing else.
     */
    public static AccessDecision decideActionChange(User user, AccessRequest request, ActionChange change,
                                                    boolean partnersUpdateOwnActions) {
        String org = change.userOrganisation();
        if (org == null) {
            return decide(user, request.changing());
        }
        AccessDecision seen = decide(user, request);
        if (!seen.allowed()) {
            return seen;
        }
        List<String> refusals = new ArrayList<>();
        if (!partnersUpdateOwnActions) {
            return AccessDecision.refuse(List.of("this force does not let partner agencies update their actions"
                    + " (PEEL_PARTNER_UPDATES_OWN_ACTIONS)"));
        }
        if (!change.caseParties().contains(org)) {
            refusals.add("the case is not shared with " + org);
        } else if (!change.agreementActive()) {
            refusals.add("the case's agreement is not active for " + org);
        }
        if (!org.equals(change.actionOrganisation())) {
            refusals.add("the action is for " + (change.actionOrganisation() == null ? "the police"
                    : change.actionOrganisation()) + ", not for " + org);
        }
        Set<String> others = new TreeSet<>(change.fields());
        others.removeAll(PARTNER_ACTION_FIELDS);
        if (!others.isEmpty()) {
            refusals.add("a partner may change only an action's status, note and completed date, not "
                    + String.join(", ", others));
        }
        if (!refusals.isEmpty()) {
            return AccessDecision.refuse(refusals);
        }
        List<String> grounds = new ArrayList<>(seen.reasons());
        grounds.add("the action is for the user's own organisation " + org + " on a case shared with it");
        return AccessDecision.allow(grounds);
    }

    /** The agency a member of the force's staff belongs to, for {@link #decideAgencyActionDone}. */
    public static final String POLICE = "POLICE";

    /**
     * The agency an account acts for, for {@link #decideAgencyActionDone}: the police for a member of the force's
     * staff who may change records; none (null) for a read-only account (a partner agency's, an inspector's), which
     * marks nothing done on a police record.
     */
    public static String agencyOf(User user) {
        return user.role().readOnly() ? null : POLICE;
    }

    /**
     * Whether a user may mark done an action a multi-agency meeting set for one agency on a record of a police section
     * (a MAPP meeting's action for the police, probation, housing …). The user must be allowed the change itself as
     * any change to the record is decided (section, borough, sensitivities, duty; a read-only role is refused). The
     * police close their own actions; another agency's action is recorded done by the police on that agency's word,
     * as the meeting's record keeper (the note says who confirmed it): partner agencies hold no accounts that change
     * police records, and an action nobody could close would stay overdue for ever. A partner's account is read-only,
     * so it is refused here as on every police record (partners update their own actions only on multi-agency cases,
     * {@link #decideActionChange}).
     *
     * @param userAgency   the agency the account belongs to: {@link #POLICE} for staff, null when it is no agency's
     * @param actionAgency the agency the meeting set the action for
     * @param agencyName   the action's agency in words, for the refusal
     */
    public static AccessDecision decideAgencyActionDone(User user, AccessRequest request, String userAgency,
                                                        String actionAgency, String agencyName) {
        AccessDecision asChange = decide(user, request.changing());
        if (!asChange.allowed()) {
            return asChange;
        }
        if (userAgency == null) {
            return AccessDecision.refuse(List.of("the account belongs to no agency that keeps the meeting's record"));
        }
        List<String> grounds = new ArrayList<>(asChange.reasons());
        grounds.add(userAgency.equals(actionAgency) ? "the action is for the user's own agency, " + agencyName
                : "the action is " + agencyName + "'s, recorded done on its word by the meeting's record keeper");
        return AccessDecision.allow(grounds);
    }

    /**
     * Whether a role may be named to lead against a record (an organised crime group's lead responsible officer): a
     * serving officer or analyst of the force: not a read-only role (which partner agencies' accounts are) and not an
     * administrator.
     */
    public static boolean mayLead(Role role) {
        return !role.readOnly() && role != Role.ADMINISTRATOR;
    }

    /** Whether the user is the lead officer named (null: none) and their role may lead. */
    public static boolean leads(User user, String leadOfficer) {
        return leadOfficer != null && leadOfficer.equals(user.username()) && mayLead(user.role());
    }

    /** How much of a set of records a local role must reach for a request over all of them. */
    public enum Reach {
        /** At least one record in the user's borough: the user may see the records in it, and only those. */
        ANY,
        /** Every record in the user's borough: needed to change anything that ties the records together. */
        EVERY
    }

    /**
     * A request over a set of records in several boroughs, such as a person's records: the request itself (made
     * without a borough) must be allowed, and a local role must reach the records as {@code reach} says. A record
     * whose borough is not known (null) is in no local role's reach. Force-wide roles reach every record.
     */
    public static AccessDecision decideOverRecords(User user, AccessRequest request,
                                                   Collection<String> recordBoroughs, Reach reach) {
        AccessDecision asked = decide(user, request);
        if (!asked.allowed()) {
            return asked;
        }
        List<String> grounds = new ArrayList<>(asked.reasons());
        if (!user.role().isLocal()) {
            grounds.add("role is force-wide");
            return AccessDecision.allow(grounds);
        }
        if (user.boroughCode() == null) {
            return AccessDecision.refuse(List.of("no borough is set for this local user"));
        }
        long inReach = recordBoroughs.stream().filter(b -> reaches(user, b)).count();
        long outside = recordBoroughs.size() - inReach;
        if (inReach == 0) {
            return AccessDecision.refuse(List.of("none of the records is in the user's borough " + user.boroughCode()));
        }
        if (reach == Reach.EVERY && outside > 0) {
            return AccessDecision.refuse(List.of(outside + " of " + recordBoroughs.size()
                    + " records are outside the user's borough " + user.boroughCode()));
        }
        grounds.add(reach == Reach.EVERY ? "every record is in the user's borough"
                : inReach + " of " + recordBoroughs.size() + " records are in the user's borough");
        return AccessDecision.allow(grounds);
    }

    /**
     * The borough a list page shows this user: a local role always sees its own borough, whatever it asked for; a
     * force-wide role sees the borough it asked for, or the whole force (null) when it asked for none.
     */
    public static String boroughInView(User user, String requested) {
        if (user.role().isLocal()) {
            return user.boroughCode();
        }
        return requested == null || requested.isBlank() ? null : requested;
    }

    /** Whether a record of this borough (null: not known) is within the user's reach: force-wide, or their own. */
    public static boolean reaches(User user, String recordBorough) {
        if (!user.role().isLocal()) {
            return true;
        }
        return recordBorough != null && recordBorough.equals(user.boroughCode());
    }

    private static String titles(Set<Role> roles) {
        List<String> words = new ArrayList<>();
        for (Role r : Role.values()) {
            if (roles.contains(r)) {
                words.add(article(r.title()));
            }
        }
        if (words.size() <= 1) {
            return words.isEmpty() ? "no role" : words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String article(String title) {
        String lower = title.toLowerCase(java.util.Locale.ROOT);
        return ("aeiou".indexOf(lower.charAt(0)) >= 0 ? "an " : "a ") + lower;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String describe(Set<Sensitivity> kinds) {
        List<String> words = new ArrayList<>();
        for (Sensitivity s : kinds) {
            words.add(s.name().toLowerCase().replace('_', ' '));
        }
        return String.join(", ", words);
    }
}
