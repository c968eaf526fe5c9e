package org.peel.access;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** Password hashing (Argon2id, OWASP's minimum parameters) and the random secrets behind sessions and tokens. */
public final class Passwords {

    /** 19 MiB, 2 passes, 1 lane: OWASP's recommended minimum for Argon2id. */
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong VERIFICATIONS = new AtomicLong();
    public static final int MINIMUM_LENGTH = 12;

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean matches(String password, String storedHash) {
        if (storedHash == null || password == null) {
            return password != null && matchesNothing(password);
        }
        VERIFICATIONS.incrementAndGet();
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }

    /**
     * Does the work of checking a password against a hash no password matches, and answers false: a sign-in
     * for a username that does not exist then takes as long as one for a real account, so the time of the
     * answer does not tell which usernames exist.
     */
    public static boolean matchesNothing(String password) {
        matches(password == null ? "" : password, Unmatchable.HASH);
        return false;
    }

    /** Argon2id verifications done so far in this process (each costs the same, known or unknown user). */
    public static long verifications() {
        return VERIFICATIONS.get();
    }

    /** Made on first use (one hashing, about 0.1 s), not when the class loads for a session id or token. */
    private static final class Unmatchable {
        static final String HASH = hash(secret());
    }

    /** Why a chosen password is too weak, or null when it will do. */
    public static String weakness(String password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return "Password must be at least " + MINIMUM_LENGTH + " characters";
        }
        if (password.chars().distinct().count() < 5) {
            return "Password must not be one or two characters repeated";
        }
        return null;
    }

    /** A password to print once for a new account: 20 characters from an alphabet without look-alikes. */
    public static String generate() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** 32 random bytes, URL-safe: session ids, bearer tokens, CSRF tokens. */
    public static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Secrets are stored only as their SHA-256, so a copy of the database cannot be used to sign in. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
