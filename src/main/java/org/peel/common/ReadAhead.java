package org.peel.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stream read on a thread of its own, a few buffers ahead of its reader: what it costs to get the bytes (reading
 * the disk, inflating a gzip, taking a checksum as they pass) is paid beside the work done on them, not before it.
 * The bytes arrive in order and exactly as the source gives them; an error reading the source is thrown by the next
 * read. Closing it stops the thread and closes the source.
 */
public final class ReadAhead extends InputStream {

    private static final int CHUNK = 1 << 16;
    private static final int CHUNKS = 4;

    /** Bytes read, or the end (length -1), or the error that ended the reading. */
    private record Chunk(byte[] bytes, int length, IOException failure) {
    }

    private final InputStream source;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int position;
    private boolean ended;

    /** Starts reading the source at once. */
    public ReadAhead(InputStream source, String name) {
        this.source = source;
        for (int i = 0; i < CHUNKS; i++) {
            empty.add(new byte[CHUNK]);
        }
        thread = new Thread(this::run, "read-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                byte[] b = take(empty);
                if (b == null) {
                    return;
                }
                int n = source.readNBytes(b, 0, b.length);
                if (n == 0) {
                    put(new Chunk(b, -1, null));
                    return;
                }
                put(new Chunk(b, n, null));
            }
        } catch (IOException ex) {
            put(new Chunk(null, -1, ex));
        } catch (RuntimeException ex) {
            put(new Chunk(null, -1, new IOException(ex)));
        }
    }

    /** Waits for a buffer, giving up when the stream is closed (null). */
    private <T> T take(BlockingQueue<T> queue) {
        try {
            while (!closed) {
                T t = queue.poll(100, TimeUnit.MILLISECONDS);
                if (t != null) {
                    return t;
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void put(Chunk c) {
        try {
            while (!closed && !full.offer(c, 100, TimeUnit.MILLISECONDS)) {
                // the reader is behind; wait for it, unless it closes
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** The chunk being read, the next one when it is used up; false at the end. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        if (current != null && position < current.length()) {
            return true;
        }
        if (current != null) {
            empty.add(current.bytes());
            current = null;
        }
        Chunk c;
        try {
            c = full.take();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading ahead");
        }
        if (c.failure() != null) {
            ended = true;
            throw c.failure();
        }
        if (c.length() < 0) {
            ended = true;
            return false;
        }
        current = c;
        position = 0;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current.bytes()[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.bytes(), position, b, off, n);
        position += n;
        return n;
    }

    /** Stops the reading thread, waits for it, and closes the source. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            thread.join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
