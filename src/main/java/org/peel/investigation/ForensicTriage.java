package org.peel.investigation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a forensic or digital request goes, and how fast: a self-service kiosk (a logical download of a phone or
 * tablet, done by the officer), a local hub, or the central unit (computers, deleted-data recovery, specialist analysis,
 * and DNA and fingerprints for the central laboratory). The decision gives its reasons, the route's target turnaround
 * and the rule version.
 *
 * <p>The route follows what the examination needs, not the crime's priority: the central unit is the slowest route,
 * so sending every high-priority exhibit there makes the most urgent work wait longest (the delay HMICFRS found in
 * digital forensics, "Policing in the digital age" and the PEEL 2015 effectiveness reports; field notes). Urgency is
 * a separate decision: an exhibit is expedited (the route's urgent target) when the crime is high priority, or when a
 * suspect is in custody — the PACE 1984 s41 detention clock of 24 hours, 36 with a superintendent's authority — or on
 * pre-charge bail awaiting a charging decision (PACE ss47ZA–47ZG, bail periods that lapse), where a slow examination
 * means release without charge or a lapsed bail.
 */
public final class ForensicTriage {

    public static final String RULE_VERSION = "forensic-triage-2";

    private static final Map<Route, Integer> DEFAULTS_URGENT = Map.of(Route.KIOSK, 1, Route.LOCAL_HUB, 2, Route.CENTRAL_UNIT, 7);

    private ForensicTriage() {
    }

    /** What is to be examined. */
    public enum ItemType {
        MOBILE_PHONE("Mobile phone"), COMPUTER("Computer or laptop"), TABLET("Tablet"), STORAGE_MEDIA("Storage media"),
        CCTV("CCTV"), VEHICLE_TELEMATICS("Vehicle telematics"), DNA_SWAB("DNA swab"), FINGERPRINT_LIFT("Fingerprint lift"),
        OTHER_EXHIBIT("Other exhibit");

        private final String label;

        ItemType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** A phone or tablet, which a kiosk can download. */
        public boolean handheld() {
            return this == MOBILE_PHONE || this == TABLET;
        }
    }

    /** Where the work is done. */
    public enum Route {
        KIOSK("Self-service kiosk"), LOCAL_HUB("Local hub"), CENTRAL_UNIT("Central unit");

        private final String label;

        Route(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the examination must do beyond a logical download of what is on the device. */
    public record Needs(boolean fullExtraction, boolean deletedData, boolean specialistAnalysis) {
        public static final Needs NONE = new Needs(false, false, false);
    }

    /** Where the suspect is, which sets a clock on the examination. */
    public enum SuspectStatus {
        NONE("No suspect detained or bailed"), IN_CUSTODY("Suspect in custody"),
        ON_BAIL_AWAITING_CHARGE("Suspect on bail awaiting a charging decision"),
        RELEASED_UNDER_INVESTIGATION("Suspect released under investigation");

        private final String label;

        SuspectStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param priority the crime's screening priority; null when it was screened out, which counts as routine
     * @param suspect  where the suspect is; null counts as none
     */
    public record Facts(ItemType type, Priority priority, Needs needs, SuspectStatus suspect) {
        public Facts(ItemType type, Priority priority, Needs needs) {
            this(type, priority, needs, SuspectStatus.NONE);
        }
    }

    /** Target turnaround in days for each route, ordinary and expedited. */
    public record Settings(Map<Route, Integer> targetDays, Map<Route, Integer> urgentDays) {
        /** Peel's defaults (local practice): kiosk 2 days (1 urgent), hub 14 (2), central unit 30 (7). */
        public static final Settings DEFAULTS = new Settings(Map.of(Route.KIOSK, 2, Route.LOCAL_HUB, 14, Route.CENTRAL_UNIT, 30),
                Map.of(Route.KIOSK, 1, Route.LOCAL_HUB, 2, Route.CENTRAL_UNIT, 7));

        public Settings(Map<Route, Integer> targetDays) {
            this(targetDays, urgentWithin(targetDays));
        }

        private static Map<Route, Integer> urgentWithin(Map<Route, Integer> targets) {
            Map<Route, Integer> urgent = new EnumMap<>(Route.class);
            for (Route r : Route.values()) {
                Integer t = targets.get(r);
                urgent.put(r, t == null ? 1 : Math.max(1, Math.min(t, DEFAULTS_URGENT.get(r))));
            }
            return urgent;
        }

        public Settings {
            urgentDays = Map.copyOf(new EnumMap<>(urgentDays));
            targetDays = Map.copyOf(new EnumMap<>(targetDays));
            for (Route r : Route.values()) {
                Integer d = targetDays.get(r);
                if (d == null || d < 1) {
                    throw new IllegalArgumentException("A target of at least one day is needed for " + r);
                }
            }
        }

        public int target(Route route) {
            return targetDays.get(route);
        }

        public int urgentTarget(Route route) {
            return urgentDays.get(route);
        }

        /**
         * The defaults, each replaced by its environment variable when set: {@code PEEL_FORENSIC_KIOSK_DAYS},
         * {@code PEEL_FORENSIC_LOCAL_HUB_DAYS}, {@code PEEL_FORENSIC_CENTRAL_UNIT_DAYS}.
         */
        public static Settings from(Map<String, String> environment) {
            Map<Route, Integer> days = new EnumMap<>(Route.class);
            for (Route r : Route.values()) {
                String name = "PEEL_FORENSIC_" + r.name() + "_DAYS";
                String text = environment.get(name);
                try {
                    days.put(r, text == null || text.isBlank() ? DEFAULTS.target(r) : Integer.parseInt(text.strip()));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
                }
            }
            return new Settings(days);
        }
    }

    /** The route, its target (urgent when {@code expedited}), the reasons and the rule version. */
    public record Decision(Route route, int targetDays, List<String> reasons, String ruleVersion, boolean expedited) {
    }

    public static Decision triage(Facts f) {
        return triage(f, Settings.DEFAULTS);
    }

    public static Decision triage(Facts f, Settings s) {
        if (f.type() == null) {
            throw new IllegalArgumentException("The item type is needed");
        }
        Needs needs = f.needs() == null ? Needs.NONE : f.needs();
        Priority priority = f.priority() == null ? Priority.ROUTINE : f.priority();
        List<String> reasons = new ArrayList<>();
        if (f.priority() == null) {
            reasons.add("The crime was screened out, so the request counts as routine priority");
        }
        List<String> central = new ArrayList<>();
        if (f.type() == ItemType.DNA_SWAB || f.type() == ItemType.FINGERPRINT_LIFT) {
            central.add(f.type().label() + " goes to the central laboratory");
        }
        if (f.type() == ItemType.COMPUTER) {
            central.add("computers are examined by the central unit");
        }
        if (needs.deletedData()) {
            central.add("recovering deleted data needs the central unit");
        }
        if (needs.specialistAnalysis()) {
            central.add("specialist analysis is done by the central unit");
        }
        Route route;
        if (!central.isEmpty()) {
            route = Route.CENTRAL_UNIT;
            reasons.add("Central unit: " + String.join("; ", central));
        } else if (f.type().handheld() && !needs.fullExtraction()) {
            route = Route.KIOSK;
            reasons.add("Self-service kiosk: a logical download of a " + f.type().label().toLowerCase(java.util.Locale.ROOT)
                    + " on a " + priority.name().toLowerCase(java.util.Locale.ROOT) + " priority crime");
        } else if (f.type().handheld()) {
            route = Route.LOCAL_HUB;
            reasons.add("Local hub: a full extraction of a " + f.type().label().toLowerCase(java.util.Locale.ROOT)
                    + " is beyond a kiosk");
        } else {
            route = Route.LOCAL_HUB;
            reasons.add("Local hub: " + f.type().label() + " on a " + priority.name().toLowerCase(java.util.Locale.ROOT)
                    + " priority crime");
        }
        List<String> urgent = new ArrayList<>();
        if (priority == Priority.HIGH) {
            urgent.add("the crime is high priority");
        }
        ForensicTriage.SuspectStatus suspect = f.suspect() == null ? SuspectStatus.NONE : f.suspect();
        if (suspect == SuspectStatus.IN_CUSTODY) {
            urgent.add("the suspect is in custody (PACE detention limit 24 hours)");
        } else if (suspect == SuspectStatus.ON_BAIL_AWAITING_CHARGE) {
            urgent.add("the suspect is on bail awaiting a charging decision");
        }
        boolean expedited = !urgent.isEmpty();
        if (expedited) {
            reasons.add("Expedited: " + String.join("; ", urgent));
        }
        int target = expedited ? s.urgentTarget(route) : s.target(route);
        reasons.add((expedited ? "Urgent target turnaround " : "Target turnaround ") + target + (target == 1 ? " day" : " days"));
        return new Decision(route, target, List.copyOf(reasons), RULE_VERSION, expedited);
    }
}
