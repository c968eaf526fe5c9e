package org.peel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The most heap a benchmark run used: the JVM's own peak of each heap memory pool since the last reset, added up.
 * The pools peak at slightly different moments, so the sum is at most a little above the true peak, never below.
 */
final class HeapPeak {

    private HeapPeak() {
    }

    /** Collects what earlier work left behind, then starts counting afresh. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The peak since {@link #reset()}, in megabytes. */
    static long megabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    /** The heap the JVM may use at most (-Xmx), in megabytes. */
    static long limitMegabytes() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }
}
