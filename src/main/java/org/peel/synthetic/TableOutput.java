package org.peel.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes rows of one table as CSV that PostgreSQL's {@code COPY … (format csv, header true)} reads unchanged.
 * Every value is formatted by hand, never through the default locale, so the bytes are the same on every
 * machine. A null is an empty unquoted field; empty text is written as null, since no column needs both.
 */
public final class TableOutput {

    private final Table table;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);
    private int field;
    private long rows;

    TableOutput(Table table, Writer out) {
        this.table = table;
        this.out = out;
        try {
            out.write(table.header());
            out.write('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public Table table() {
        return table;
    }

    public long rows() {
        return rows;
    }

    private void separate() {
        if (field++ > 0) {
            line.append(',');
        }
    }

    public TableOutput text(String value) {
        separate();
        if (value == null || value.isEmpty()) {
            return this;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (quote) {
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            line.append(value);
        }
        return this;
    }

    public TableOutput number(long value) {
        separate();
        line.append(value);
        return this;
    }

    public TableOutput bool(boolean value) {
        separate();
        line.append(value ? "true" : "false");
        return this;
    }

    public TableOutput nothing() {
        separate();
        return this;
    }

    /** A decimal with a fixed number of places (at most 9), rounded half up. */
    public TableOutput decimal(double value, int places) {
        separate();
        appendDecimal(line, value, places);
        return this;
    }

    /** A date as days since 1970-01-01, written yyyy-mm-dd; Integer.MIN_VALUE is null. */
    public TableOutput date(int epochDay) {
        separate();
        if (epochDay != Integer.MIN_VALUE) {
            appendDate(line, LocalDate.ofEpochDay(epochDay));
        }
        return this;
    }

    /** A local timestamp as seconds since 1970-01-01T00:00, written yyyy-mm-dd hh:mm:ss; Long.MIN_VALUE is null. */
    public TableOutput time(long epochSecond) {
        separate();
        if (epochSecond != Long.MIN_VALUE) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
            appendDate(line, t.toLocalDate());
            line.append(' ');
            pad2(line, t.getHour()).append(':');
            pad2(line, t.getMinute()).append(':');
            pad2(line, t.getSecond());
        }
        return this;
    }

    /** Ends the row and writes it. */
    public void end() {
        if (field != table.columns().size()) {
            throw new IllegalStateException(table.name() + ": row has " + field + " fields, table has "
                    + table.columns().size());
        }
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        line.setLength(0);
        field = 0;
        rows++;
    }

    static void appendDate(StringBuilder sb, LocalDate d) {
        int y = d.getYear();
        if (y < 1000) {
            sb.append(y < 10 ? "000" : y < 100 ? "00" : "0");
        }
        sb.append(y).append('-');
        pad2(sb, d.getMonthValue()).append('-');
        pad2(sb, d.getDayOfMonth());
    }

    private static StringBuilder pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    static void appendDecimal(StringBuilder sb, double value, int places) {
        long factor = 1;
        for (int i = 0; i < places; i++) {
            factor *= 10;
        }
        long scaled = Math.round(Math.abs(value) * factor);
        if (value < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / factor);
        if (places > 0) {
            sb.append('.');
            String frac = Long.toString(scaled % factor);
            for (int i = frac.length(); i < places; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }
}
