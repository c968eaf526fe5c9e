package org.peel.access;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The secret key of the audit trail's HMAC chain. It is held outside the database, so that someone who can
 * rewrite the database still cannot recompute the chain. Where it comes from, in order: {@code PEEL_AUDIT_KEY}
 * (at least 32 characters, or 64 hex digits); the file named by {@code PEEL_AUDIT_KEY_FILE}; for an embedded
 * database, {@code audit.key} in its data directory (mode 600, created with a random 256-bit key on first use).
 * The platform decides which applies and {@link #install installs} the key on its {@link Jdbi}.
 */
public final class AuditKey {

    public static final String ENV = "PEEL_AUDIT_KEY";
    public static final String FILE_ENV = "PEEL_AUDIT_KEY_FILE";
    public static final String FILE_NAME = "audit.key";

    private final byte[] secret;

    private AuditKey(byte[] secret) {
        this.secret = secret.clone();
    }

    /**
     * The key for a database: from the environment, or else {@code audit.key} in {@code embeddedDataDir}
     * (null for an external database, which then must have its key named in the environment).
     */
    public static AuditKey resolve(Map<String, String> env, Path embeddedDataDir) {
        String text = env.get(ENV);
        if (text != null && !text.isBlank()) {
            return parse(text, ENV);
        }
        String file = env.get(FILE_ENV);
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(FILE_ENV + " names " + path + ", which does not exist: create it with"
                        + " 'umask 077; openssl rand -hex 32 > " + path + "'");
            }
            return read(path);
        }
        if (embeddedDataDir == null) {
            throw new IllegalArgumentException("The audit trail needs a key kept outside the database: set " + ENV
                    + " (e.g. from 'openssl rand -hex 32') or " + FILE_ENV + " (a file holding one)");
        }
        return readOrCreate(embeddedDataDir.resolve(FILE_NAME));
    }

    /** A key given as text: 64 or more hex digits are taken as bytes, anything else as UTF-8 of 32+ characters. */
    public static AuditKey parse(String text, String source) {
        String t = text.strip();
        if (t.length() >= 64 && t.length() % 2 == 0 && t.matches("[0-9a-fA-F]+")) {
            return new AuditKey(HexFormat.of().parseHex(t));
        }
        if (t.length() < 32) {
            throw new IllegalArgumentException("The audit key in " + source + " is too short: give at least 32"
                    + " characters, e.g. from 'openssl rand -hex 32'");
        }
        return new AuditKey(t.getBytes(StandardCharsets.UTF_8));
    }

    static AuditKey read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the audit key " + file, ex);
        }
    }

    /** Reads the key file, or creates it (mode 600) with a random 256-bit key if there is none yet. */
    static AuditKey readOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(FILE_NAME + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.UTF_8);
            try {
                // a link fails if another process created the key meanwhile; then theirs is the key
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                return read(file);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return new AuditKey(fresh);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the audit key " + file, ex);
        }
    }

    /** A new random 256-bit key, for a scratch database that nobody will verify later. */
    public static AuditKey random() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return new AuditKey(fresh);
    }

    /** A fixed key, for tests and tools that bring their own. */
    public static AuditKey of(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("an audit key has at least 32 bytes");
        }
        return new AuditKey(secret);
    }

    /** HMAC-SHA256 of the message under this key, in hex. */
    public String mac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A short public name for the key (not the key): tells an operator which key signed a checkpoint. */
    public String id() {
        return mac("peel-audit-key-id".getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** Makes the key the one every {@link AuditTrail} on this Jdbi seals and verifies with. */
    public static void install(Jdbi jdbi, AuditKey key) {
        jdbi.getConfig(Installed.class).key = key;
    }

    static AuditKey installedOn(Jdbi jdbi) {
        AuditKey key = jdbi.getConfig(Installed.class).key;
        if (key == null) {
            throw new IllegalStateException("No audit key is installed on this database connection");
        }
        return key;
    }

    static boolean isInstalledOn(Jdbi jdbi) {
        return jdbi.getConfig(Installed.class).key != null;
    }

    @Override
    public String toString() {
        return "AuditKey[" + id() + "]"; // never the secret
    }

    /** Where a Jdbi keeps its audit key. */
    public static final class Installed implements JdbiConfig<Installed> {
        private AuditKey key;

        public Installed() {
        }

        private Installed(Installed other) {
            this.key = other.key;
        }

        @Override
        public Installed createCopy() {
            return new Installed(this);
        }
    }
}
