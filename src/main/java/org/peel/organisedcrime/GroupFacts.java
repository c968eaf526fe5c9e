package org.peel.organisedcrime;

import java.util.List;
import java.util.Locale;

/**
 * What a group is scored on: its activities (the first is the predominant one), how many members and principals
 * are known, its capability, violence and reach. Nothing here names the group: identical facts score identically
 * whatever the group is called.
 */
public record GroupFacts(List<String> activities, int members, int principals, boolean firearms, Violence violence,
                         boolean corruption, boolean moneyLaundering, Reach reach) {

    public GroupFacts {
        activities = activities.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).filter(a -> !a.isEmpty())
                .distinct().toList();
        if (members < 0 || principals < 0) {
            throw new IllegalArgumentException("members and principals are counts of 0 or more");
        }
        if (principals > members) {
            throw new IllegalArgumentException("principals are members: " + principals + " principals but "
                    + members + " members");
        }
        if (violence == null || reach == null) {
            throw new IllegalArgumentException("violence and reach are required");
        }
    }

    /** The predominant activity, or null when none is recorded. */
    public String predominantActivity() {
        return activities.isEmpty() ? null : activities.get(0);
    }
}
