package org.peel.prevention;

import java.util.EnumSet;
import java.util.Set;

/**
 * The call handler's short risk questionnaire, asked of the victim at the first call. It follows the three kinds of
 * vulnerability to ASB harm in Innes &amp; Innes (2013, reference/standards.md §3.2): personal (who the victim is:
 * the vulnerability factors), situational (targeting) and incidental (how long it has gone on, how it affects them).
 *
 * @param impact        how much the behaviour affects the victim's daily life
 * @param vulnerability what makes the victim more vulnerable to harm (none is an answer)
 * @param targeted      whether the victim considers themselves targeted
 * @param duration      how long the behaviour has been going on
 */
public record AsbQuestionnaire(Impact impact, Set<Vulnerability> vulnerability, boolean targeted, Duration duration) {

    public AsbQuestionnaire {
        if (impact == null || duration == null) {
            throw new IllegalArgumentException("impact and duration are both required");
        }
        vulnerability = vulnerability == null || vulnerability.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(vulnerability));
    }

    /** How the behaviour affects the victim's daily life. */
    public enum Impact {
        LITTLE("Little or none"),
        SOME("Some: upset, changing routines"),
        SEVERE("Severe: afraid at home, health suffering, thinking of moving");

        private final String label;

        Impact(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Personal vulnerability factors. */
    public enum Vulnerability {
        DISABILITY("Disability"),
        ILLNESS("Long-term illness"),
        MENTAL_HEALTH("Mental health condition"),
        AGE("Elderly, or a child"),
        ALONE("Lives alone or isolated"),
        HATE("Behaviour motivated by hostility to who they are");

        private final String label;

        Vulnerability(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How long the behaviour has been going on. */
    public enum Duration {
        ONCE("This once"),
        WEEKS("Less than a month"),
        MONTHS("One to six months"),
        LONGER("More than six months");

        private final String label;

        Duration(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
