package org.peel.people;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The search index's reads of {@code person_record}: a consistent read of every record with the snapshot it was
 * taken at, the records written since such a snapshot (new or edited), and the few records a search can be answered
 * from before the index is built. A snapshot is PostgreSQL's own ({@code pg_current_snapshot()}), passed around as
 * text; each row carries the transaction that last wrote it ({@code change_xid}), so "written since" is exact even
 * when transactions commit out of order. Reads only.
 */
final class PersonIndexStore {

    private static final String COLUMNS = "seq, forenames, surname, date_of_birth, sex, address, postcode, phone";

    /** What a read at one snapshot offers; valid only inside {@link #atOneSnapshot}. */
    interface Reading {

        /** The snapshot every read here sees, to ask later for what was written since. */
        String snapshot();

        /** The details recorded (not blank) on at least one record. */
        Set<PersonField> present();

        /** The first {@code n} records by linkage number. */
        List<PersonRecordSource.Stored> first(int n);

        /** Every record, by linkage number. */
        List<PersonRecordSource.Stored> all();
    }

    /** The records written since a snapshot, as of a later one. */
    record Changes(String snapshot, List<PersonRecordSource.Stored> records) {
    }

    private final Jdbi jdbi;

    PersonIndexStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs {@code work} over reads that all see one snapshot of person_record. */
    <T> T atOneSnapshot(Function<Reading, T> work) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            // the first statement fixes the transaction's snapshot: this is the one every later read sees
            String snapshot = currentSnapshot(h);
            return work.apply(new Reading() {
                @Override
                public String snapshot() {
                    return snapshot;
                }

                @Override
                public Set<PersonField> present() {
                    return h.createQuery("""
                                    select bool_or(forenames ~ '\\S') as g, bool_or(surname ~ '\\S') as s,
                                           bool_or(date_of_birth is not null) as d, bool_or(sex ~ '\\S') as x,
                                           bool_or(address ~ '\\S') as a, bool_or(postcode ~ '\\S') as p,
                                           bool_or(phone ~ '\\S') as t
                                    from person_record""")
                            .map((rs, ctx) -> {
                                Set<PersonField> present = EnumSet.noneOf(PersonField.class);
                                add(present, rs.getBoolean("g"), PersonField.GIVEN_NAME);
                                add(present, rs.getBoolean("s"), PersonField.SURNAME);
                                add(present, rs.getBoolean("d"), PersonField.DOB);
                                add(present, rs.getBoolean("x"), PersonField.SEX);
                                add(present, rs.getBoolean("a"), PersonField.ADDRESS);
                                add(present, rs.getBoolean("p"), PersonField.POSTCODE);
                                add(present, rs.getBoolean("t"), PersonField.PHONE);
                                return present;
                            }).one();
                }

                @Override
                public List<PersonRecordSource.Stored> first(int n) {
                    return h.createQuery("select " + COLUMNS + " from person_record order by seq limit :n")
                            .bind("n", n).setFetchSize(10_000).map(PersonIndexStore::stored).list();
                }

                @Override
                public List<PersonRecordSource.Stored> all() {
                    return h.createQuery("select " + COLUMNS + " from person_record order by seq")
                            .setFetchSize(10_000).map(PersonIndexStore::stored).list();
                }
            });
        });
    }

    /** Every record written (stored or changed) since {@code snapshot}, as they are now, with the snapshot of now. */
    Changes since(String snapshot) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            String now = currentSnapshot(h);
            return new Changes(now, writtenSince(h, snapshot, Integer.MAX_VALUE));
        });
    }

    /**
     * Up to {@code limit} records written since {@code snapshot}, the most recently written first: what a search
     * adds to an index that has not yet taken them in. One read over the change index; usually nothing.
     */
    List<PersonRecordSource.Stored> latestSince(String snapshot, int limit) {
        return jdbi.withHandle(h -> writtenSince(h, snapshot, limit));
    }

    /**
     * The records a search can be answered from without the index: those with the surname as typed or beginning
     * with it, the date of birth, or the postcode (spaces aside); up to {@code each} of every kind, each over an
     * index of its own.
     */
    List<PersonRecordSource.Stored> matching(PersonDetails typed, int each) {
        String surname = typed.surname() == null || typed.surname().isBlank() ? null
                : typed.surname().strip().toLowerCase(java.util.Locale.ROOT);
        String postcode = typed.postcode() == null || typed.postcode().isBlank() ? null
                : typed.postcode().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (surname == null && typed.dob() == null && postcode == null) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from person_record where seq in ("
                        + "(select seq from person_record where lower(surname) = :s limit :each)"
                        + " union (select seq from person_record where lower(surname) like :prefix limit :each)"
                        + " union (select seq from person_record where date_of_birth = :dob limit :each)"
                        + " union (select seq from person_record where upper(replace(postcode, ' ', '')) = :p"
                        + " limit :each)) order by seq")
                .bind("s", surname)
                .bind("prefix", surname == null ? null : likePrefix(surname))
                .bind("dob", typed.dob())
                .bind("p", postcode)
                .bind("each", each)
                .map(PersonIndexStore::stored).list());
    }

    private static List<PersonRecordSource.Stored> writtenSince(Handle h, String snapshot, int limit) {
        // rows at or above the snapshot's oldest running transaction, less those the snapshot already saw
        return h.createQuery("select " + COLUMNS + " from person_record"
                        + " where change_xid >= pg_snapshot_xmin(cast(:snap as pg_snapshot))"
                        + " and not pg_visible_in_snapshot(change_xid, cast(:snap as pg_snapshot))"
                        + " order by change_xid desc, seq desc limit :limit")
                .bind("snap", snapshot).bind("limit", limit)
                .map(PersonIndexStore::stored).list();
    }

    private static String currentSnapshot(Handle h) {
        return h.createQuery("select pg_current_snapshot()::text").mapTo(String.class).one();
    }

    private static String likePrefix(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static void add(Set<PersonField> present, boolean recorded, PersonField field) {
        if (recorded) {
            present.add(field);
        }
    }

    private static PersonRecordSource.Stored stored(ResultSet rs, StatementContext ctx) throws SQLException {
        long seq = rs.getLong("seq");
        return new PersonRecordSource.Stored(seq, new PersonDetails(Long.toString(seq), rs.getString("forenames"),
                rs.getString("surname"), null, rs.getObject("date_of_birth", LocalDate.class), rs.getString("sex"),
                rs.getString("address"), rs.getString("postcode"), null, null, rs.getString("phone")));
    }
}
