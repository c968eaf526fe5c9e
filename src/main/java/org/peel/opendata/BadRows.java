package org.peel.opendata;

import org.peel.common.BadInput;

import java.util.ArrayList;
import java.util.List;

/**
 * What to do with a row that cannot be read: stop the import (the file's rows are rolled back, nothing
 * half-written), or skip it and report it. Either way the file, line and field are named.
 */
public final class BadRows {

    /** The operator's choice. */
    public enum Policy { STOP, SKIP }

    private static final int KEPT = 20;

    private final Policy policy;
    private final List<String> examples = new ArrayList<>();
    private long count;

    public BadRows(Policy policy) {
        this.policy = policy;
    }

    /** Throws under {@link Policy#STOP}; otherwise counts the row and keeps the first few for the report. */
    public void reject(BadInput problem) {
        if (policy == Policy.STOP) {
            throw problem;
        }
        count++;
        if (examples.size() < KEPT) {
            examples.add(problem.getMessage());
        }
    }

    public long count() {
        return count;
    }

    /** The first rejections, each naming file, line and field. */
    public List<String> examples() {
        return List.copyOf(examples);
    }
}
