package org.peel.access;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps an audit trail sealed while a process runs: it seals once when started (entries left by a crash),
 * then every {@value #PERIOD_MS} ms on one daemon thread shared by the whole process, and once more when
 * closed, so a command or a server leaves nothing unsealed behind it.
 */
public final class AuditSealer implements AutoCloseable {

    static final long PERIOD_MS = 100;
    private static final Set<AuditSealer> RUNNING = ConcurrentHashMap.newKeySet();
    private static ScheduledExecutorService thread;

    private final AuditTrail trail;
    private boolean warned;
    private boolean closed;

    private AuditSealer(AuditTrail trail) {
        this.trail = trail;
    }

    /** Seals what is there now and keeps sealing in the background until closed. */
    public static AuditSealer start(AuditTrail trail) {
        AuditSealer sealer = new AuditSealer(trail);
        sealer.sealNow(true);
        RUNNING.add(sealer);
        ensureThread();
        return sealer;
    }

    private static synchronized void ensureThread() {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "peel-audit-sealer");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(() -> RUNNING.forEach(s -> s.sealNow(false)), PERIOD_MS, PERIOD_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void sealNow(boolean wait) {
        if (closed) {
            return;
        }
        try {
            if (wait) {
                trail.seal();
            } else {
                trail.sealIfFree();
            }
        } catch (RuntimeException ex) {
            // entries stay in the trail, unsealed, and are sealed on a later attempt; say so once
            if (!warned) {
                warned = true;
                System.err.println("peel: the audit trail could not be sealed: " + ex.getMessage());
            }
        }
    }

    /** Stops background sealing for this trail after sealing once more. */
    @Override
    public void close() {
        RUNNING.remove(this);
        sealNow(true);
        synchronized (this) {
            closed = true;
        }
    }
}
