package org.peel.national;

import org.apache.spark.sql.Row;
import org.peel.people.PersonDetails;
import org.peel.people.PersonRecordFile;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One force's person record on its way through Spark: its position in the national set (which fixes the order of
 * pairs, as the single-machine engine's list order does), the force, and the details as text, so that it travels
 * between machines without depending on how {@link PersonDetails} is built.
 *
 * @param index   position in the national set, from 0
 * @param force   the force whose record it is
 * @param details record id, then the {@link #COLUMNS} details in order; any may be null
 */
public record NationalRecord(long index, String force, String[] details) implements Serializable {

    /** The columns a force's export carries besides {@code record_id}, named as Peel's command line names them. */
    public static final List<String> COLUMNS = List.of("given_name", "surname", "full_name", "dob", "sex", "address",
            "postcode", "city", "email", "phone");

    public static NationalRecord of(long index, String force, PersonDetails d) {
        return new NationalRecord(index, force, new String[]{d.recordId(), d.givenName(), d.surname(), d.fullName(),
                d.dob() == null ? null : d.dob().toString(), d.sex(), d.address(), d.postcode(), d.city(), d.email(),
                d.phone()});
    }

    /**
     * From a row of an export read by Spark: {@code record_id} and whichever of {@link #COLUMNS} the export has.
     * Dates are read as the single-machine linkage reads them ({@link PersonRecordFile#date}).
     */
    public static NationalRecord of(long index, String force, Row row) {
        String[] details = new String[COLUMNS.size() + 1];
        details[0] = text(row, "record_id");
        for (int c = 0; c < COLUMNS.size(); c++) {
            details[c + 1] = text(row, COLUMNS.get(c));
        }
        if (details[4] != null) {
            LocalDate dob = PersonRecordFile.date(details[4]);
            details[4] = dob == null ? null : dob.toString();
        }
        return new NationalRecord(index, force, details);
    }

    private static String text(Row row, String column) {
        int i;
        try {
            i = row.fieldIndex(column);
        } catch (IllegalArgumentException absent) {
            return null;
        }
        Object v = row.get(i);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    public String recordId() {
        return details[0];
    }

    /** The details as the people package holds them. */
    public PersonDetails person() {
        String[] d = details;
        return new PersonDetails(d[0], d[1], d[2], d[3], d[4] == null ? null : LocalDate.parse(d[4]), d[5], d[6], d[7],
                d[8], d[9], d[10]);
    }
}
