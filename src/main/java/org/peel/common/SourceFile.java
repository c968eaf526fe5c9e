package org.peel.common;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One published file to load: a plain CSV, a gzipped one, or an entry in a zip. Its name (without {@code .gz}) is
 * its identity in the ledger of loaded files, and its checksum is over the uncompressed text, so the same month
 * loaded from a {@code .csv} and later from a {@code .csv.gz} is recognised as the same file.
 */
public record SourceFile(String name, String location, Path path, String zipEntry, long bytes) {

    /** The files under these paths: files as given, folders searched (sorted), zips opened, filtered by name. */
    public static List<SourceFile> expand(List<Path> paths, java.util.function.Predicate<String> wanted) {
        List<SourceFile> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("No such file or folder: " + p);
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        addFile(f, wanted, files);
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException("Cannot read the folder " + p, ex);
                }
            } else if (!addFile(p, wanted, files)) {
                throw new IllegalArgumentException(p + " is not a file this import reads");
            }
        }
        return files;
    }

    /** A single plain or gzipped file. */
    public static SourceFile of(Path path) {
        String n = path.getFileName().toString();
        return new SourceFile(stripGz(n), path.toString(), path, null, size(path));
    }

    private static boolean addFile(Path f, java.util.function.Predicate<String> wanted, List<SourceFile> files) {
        String n = f.getFileName().toString();
        if (n.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            int before = files.size();
            try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
                List<String> entries = new ArrayList<>();
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    String entryName = Path.of(e.getName()).getFileName().toString();
                    if (!e.isDirectory() && wanted.test(stripGz(entryName))) {
                        entries.add(e.getName());
                    }
                }
                entries.sort(null);
                long share = size(f) / Math.max(1, entries.size());
                for (String e : entries) {
                    files.add(new SourceFile(stripGz(Path.of(e).getFileName().toString()), f + "!" + e, f, e, share));
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot read the zip " + f, ex);
            }
            return files.size() > before;
        }
        if (wanted.test(stripGz(n))) {
            files.add(of(f));
            return true;
        }
        return false;
    }

    private static String stripGz(String n) {
        return n.toLowerCase(Locale.ROOT).endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The uncompressed text; {@code progress} hears how many stored (compressed) bytes have been read. */
    public InputStream open(LongConsumer progress) throws IOException {
        InputStream raw = new Counting(new BufferedInputStream(Files.newInputStream(path), 1 << 16), progress);
        if (zipEntry != null) {
            ZipInputStream zip = new ZipInputStream(raw);
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(zipEntry)) {
                    return zipEntry.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(zip, 1 << 16) : zip;
                }
            }
            zip.close();
            throw new IOException(zipEntry + " is no longer in " + path);
        }
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /** SHA-256 of the uncompressed text. */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(open(n -> { }), digest)) {
                in.transferTo(OutputStreamSink.INSTANCE);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + location, ex);
        }
    }

    /** Discards what is written: the digest is all that is wanted. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** Reports stored bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                progress.accept(n);
            }
            return n;
        }
    }
}
