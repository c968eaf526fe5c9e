package org.peel.people;

import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Person records as stored: each record's id and its details exactly as recorded. Reads the {@code person_record}
 * table (or another with the same columns) and nothing else; resolution never writes to it.
 */
public final class PersonRecordSource {

    /** The table Peel keeps person records in. */
    public static final String STANDARD_TABLE = "person_record_for_linkage";
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /** One stored person record. */
    public record Stored(long id, PersonDetails details) {
    }

    private final Jdbi jdbi;
    private final String table;

    public PersonRecordSource(Jdbi jdbi, String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbi = jdbi;
        this.table = table;
    }

    public boolean exists() {
        return jdbi.withHandle(h -> h.createQuery("select to_regclass(:t) is not null").bind("t", table)
                .mapTo(Boolean.class).one());
    }

    public String table() {
        return table;
    }

    /** Every record, in id order. */
    public List<Stored> all() {
        return after(0);
    }

    /** The records with an id above {@code id} (those stored since), in id order. */
    public List<Stored> after(long afterId) {
        return jdbi.withHandle(h -> h.createQuery("select id, forenames, surname, dob, sex, address, postcode, phone"
                        + " from " + table + " where id > :after order by id")
                .bind("after", afterId)
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    LocalDate dob = rs.getObject("dob", LocalDate.class);
                    return new Stored(id, new PersonDetails(Long.toString(id), rs.getString("forenames"),
                            rs.getString("surname"), null, dob, rs.getString("sex"), rs.getString("address"),
                            rs.getString("postcode"), null, null, rs.getString("phone")));
                })
                .list());
    }
}
