package org.peel.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Moments read from {@code timestamptz} columns. The database holds instants; where a capability still works in
 * wall-clock {@link LocalDateTime}s, this is the one place that turns an instant into the wall-clock time of the
 * application's zone (the zone its sessions run in, so a value bound as a {@code LocalDateTime} reads back
 * unchanged).
 */
public final class Moments {

    private Moments() {
    }

    /** The column's instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The column's instant as wall-clock time in the application's zone, or null. */
    public static LocalDateTime local(ResultSet rs, String column) throws SQLException {
        Instant i = instant(rs, column);
        return i == null ? null : LocalDateTime.ofInstant(i, ZoneId.systemDefault());
    }
}
