package org.peel.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The most heap a benchmark run had in use at one moment. Heap in use only grows between collections, so its peak
 * is the heap in use just before some collection, or at the end: the JVM reports, with every collection, each pool's
 * use just before it began, all taken at the same instant. (Adding up each pool's own peak overstates the figure,
 * because the young and old generations peak at different moments; it could even exceed {@code -Xmx}.)
 */
final class HeapPeak {

    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private static final AtomicLong PEAK = new AtomicLong();
    private static volatile boolean listening;

    private HeapPeak() {
    }

    /** Collects what earlier work left behind, then starts counting afresh. */
    static void reset() {
        listen();
        System.gc();
        PEAK.set(inUse());
    }

    /** The peak since {@link #reset()}, in megabytes. */
    static long megabytes() {
        return Math.max(PEAK.get(), inUse()) >> 20;
    }

    /** The heap the JVM may use at most (-Xmx), in megabytes. */
    static long limitMegabytes() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    private static long inUse() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getUsage().getUsed();
            }
        }
        return bytes;
    }

    private static synchronized void listen() {
        if (listening) {
            return;
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        PEAK.accumulateAndGet(beforeCollection(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                    }
                }, null, null);
            }
        }
        listening = true;
    }

    private static long beforeCollection(Map<String, MemoryUsage> pools) {
        long bytes = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (HEAP_POOLS.contains(pool.getKey())) {
                bytes += pool.getValue().getUsed();
            }
        }
        return bytes;
    }
}
