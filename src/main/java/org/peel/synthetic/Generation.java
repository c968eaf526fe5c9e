package org.peel.synthetic;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The arguments that fully determine a synthetic force. Its key prefixes every record id, so generations
 * with different arguments never collide in one database, and the same arguments always give the same ids.
 */
public record Generation(String forceName, double scale, long seed, YearMonth yearTo) {

    public Generation {
        if (!(scale > 0) || scale > 10) {
            throw new IllegalArgumentException("scale must be above 0 and at most 10, not " + scale);
        }
    }

    /** Scale written with enough digits to tell generations apart, and the same on every machine. */
    public String scaleText() {
        return new BigDecimal(Double.toString(scale)).stripTrailingZeros().toPlainString();
    }

    public String key() {
        String identity = forceName.toLowerCase(Locale.ROOT) + "|" + scaleText() + "|" + seed + "|" + yearTo;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "S" + HexFormat.of().formatHex(digest, 0, 4).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
