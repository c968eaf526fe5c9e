package org.peel.common;

import java.io.PrintStream;

/**
 * A progress bar on the terminal for long imports: bytes read of the total, rows so far, the file in hand. Drawn at
 * most twice a second, and only when someone is watching (a console), so scripts and logs stay clean.
 */
public final class Progress {

    private static final long REDRAW_NANOS = 500_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long totalBytes;
    private final boolean visible;
    private long bytes;
    private long rows;
    private String file = "";
    private long lastDraw;

    public Progress(PrintStream out, long totalBytes, boolean visible) {
        this.out = out;
        this.totalBytes = Math.max(1, totalBytes);
        this.visible = visible;
    }

    /** A bar on standard error when there is a console; silent otherwise. */
    public static Progress onConsole(long totalBytes) {
        return new Progress(System.err, totalBytes, System.console() != null);
    }

    public static Progress silent() {
        return new Progress(System.err, 1, false);
    }

    public void file(String name) {
        file = name;
        draw(true);
    }

    public synchronized void bytes(long n) {
        bytes += n;
        draw(false);
    }

    public void rows(long n) {
        rows += n;
    }

    public void done() {
        if (visible) {
            draw(true);
            out.println();
        }
    }

    // synchronized: the bytes may be counted on the thread that reads a file ahead of the rows counted here
    private synchronized void draw(boolean force) {
        if (!visible) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double share = Math.min(1.0, (double) bytes / totalBytes);
        int filled = (int) Math.round(share * WIDTH);
        out.printf("\r[%s%s] %3.0f%%  %,d rows  %-40.40s", "#".repeat(filled), " ".repeat(WIDTH - filled),
                share * 100, rows, file);
        out.flush();
    }
}
