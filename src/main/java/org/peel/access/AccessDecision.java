package org.peel.access;

import java.util.List;

/** The answer to an {@link AccessRequest}, with the reasons a supervisor or auditor can read. */
public record AccessDecision(boolean allowed, List<String> reasons, String ruleVersion) {

    public static AccessDecision allow(List<String> reasons) {
        return new AccessDecision(true, List.copyOf(reasons), AccessPolicy.VERSION);
    }

    public static AccessDecision refuse(List<String> reasons) {
        return new AccessDecision(false, List.copyOf(reasons), AccessPolicy.VERSION);
    }

    public String summary() {
        return String.join("; ", reasons);
    }
}
