package org.peel.platform;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Where Peel's PostgreSQL lives: an embedded server in a data directory, or an external server by URL. */
public sealed interface DatabaseLocation {

    /** A PostgreSQL server Peel starts itself, whose files live under {@code dataDir/postgres}. */
    record Embedded(Path dataDir) implements DatabaseLocation {
        @Override
        public String describe() {
            return "embedded PostgreSQL in " + dataDir;
        }
    }

    /** An existing PostgreSQL server reached by JDBC URL. */
    record External(String jdbcUrl) implements DatabaseLocation {
        @Override
        public String describe() {
            // never print a password that may sit in the URL
            return "external PostgreSQL at " + jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
        }
    }

    String describe();

    /**
     * Accepts {@code jdbc:postgresql://…} as is, and the libpq form {@code postgresql://user:pass@host:port/db}
     * that operators usually have to hand.
     */
    static External external(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new External(url);
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            URI uri = URI.create(url);
            StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
            if (uri.getPort() > 0) {
                jdbc.append(':').append(uri.getPort());
            }
            jdbc.append(uri.getPath() == null || uri.getPath().isEmpty() ? "/postgres" : uri.getPath());
            String sep = "?";
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                jdbc.append(sep).append("user=").append(decode(parts[0]));
                sep = "&";
                if (parts.length == 2) {
                    jdbc.append("&password=").append(decode(parts[1]));
                }
            }
            if (uri.getRawQuery() != null) {
                jdbc.append(sep).append(uri.getRawQuery());
            }
            return new External(jdbc.toString());
        }
        throw new IllegalArgumentException("--db-url must start with jdbc:postgresql:// or postgresql:// (got '"
                + url.replaceAll("//[^@/]*@", "//***@") + "')");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
