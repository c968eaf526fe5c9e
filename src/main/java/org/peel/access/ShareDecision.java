package org.peel.access;

import java.util.List;
import java.util.Set;

/**
 * The answer to a {@link ShareRequest}: allowed or refused with the reasons; when allowed, the records reduced to
 * the agreement's categories, and which categories were withheld.
 */
public record ShareDecision(boolean allowed, List<String> reasons, List<SharedRecord> records,
                            Set<DataCategory> shared, Set<DataCategory> withheld) {

    public ShareDecision {
        reasons = List.copyOf(reasons);
        records = List.copyOf(records);
        shared = Set.copyOf(shared);
        withheld = Set.copyOf(withheld);
    }

    public static ShareDecision refuse(List<String> reasons) {
        return new ShareDecision(false, reasons, List.of(), Set.of(), Set.of());
    }

    public String summary() {
        return String.join("; ", reasons);
    }
}
