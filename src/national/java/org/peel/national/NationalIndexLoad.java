package org.peel.national;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.peel.platform.PeelException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The national person index into a force's PostgreSQL, and the SQL for it: in one transaction, each row written
 * with the load it came in, so the published views show the newest load and nothing is deleted. An index whose
 * digest is the newest load's is already there and is not loaded again.
 */
public final class NationalIndexLoad {

    /** One force record of a national person. */
    public record Person(String nationalId, String force, String recordId) {
    }

    /** A link that joined two records into a national person, with its explanation. */
    public record Link(String nationalId, String leftForce, String leftRecordId, String rightForce,
                       String rightRecordId, double weight, double probability, String explanation) {
    }

    /** The index as read and checked, in a fixed order, with its digest. */
    public record Index(List<Person> persons, List<Link> links, String digest) {

        /**
         * The index from the persons and links tables (named {@code personsFile}, {@code linksFile} in errors),
         * checked: every field present, no force record twice; with {@code force}, only the national persons that
         * have a record of that force.
         */
        public static Index of(String personsFile, Dataset<Row> personRows, String linksFile, Dataset<Row> linkRows,
                               String force) {
            boolean csv = personsFile.endsWith(".csv");
            List<Person> persons = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int n = 0;
            for (Row r : personRows.select("national_id", "force", "record_id").collectAsList()) {
                n++;
                String where = personsFile + ": " + (csv ? "line " + (n + 1) : "row " + n);
                Person p = new Person(text(r, 0, "national_id", where), text(r, 1, "force", where),
                        text(r, 2, "record_id", where));
                if (!seen.add(p.force() + "\u0000" + p.recordId())) {
                    throw new PeelException(where + ": record_id " + p.recordId() + " of " + p.force()
                            + " is in the index twice");
                }
                persons.add(p);
            }
            boolean linksCsv = linksFile.endsWith(".csv");
            List<Link> links = new ArrayList<>();
            n = 0;
            for (Row r : linkRows.select("national_id", "left_force", "left_record_id", "right_force",
                    "right_record_id", "weight", "probability", "explanation").collectAsList()) {
                n++;
                String where = linksFile + ": " + (linksCsv ? "line " + (n + 1) : "row " + n);
                links.add(new Link(text(r, 0, "national_id", where), text(r, 1, "left_force", where),
                        text(r, 2, "left_record_id", where), text(r, 3, "right_force", where),
                        text(r, 4, "right_record_id", where), number(r, 5, "weight", where),
                        number(r, 6, "probability", where), text(r, 7, "explanation", where)));
            }
            if (force != null) {
                Set<String> theirs = new HashSet<>();
                persons.stream().filter(p -> p.force().equals(force)).forEach(p -> theirs.add(p.nationalId()));
                if (theirs.isEmpty()) {
                    throw new PeelException(personsFile + ": no record of the force '" + force + "' (forces are named"
                            + " as in the exports given to 'peel national link')");
                }
                persons = persons.stream().filter(p -> theirs.contains(p.nationalId())).toList();
                links = links.stream().filter(l -> theirs.contains(l.nationalId())).toList();
            }
            persons = persons.stream().sorted(Comparator.comparing(Person::force).thenComparing(Person::recordId))
                    .toList();
            links = links.stream().sorted(Comparator.comparing(Link::leftForce).thenComparing(Link::leftRecordId)
                    .thenComparing(Link::rightForce).thenComparing(Link::rightRecordId)).toList();
            return new Index(persons, links, digest(persons, links));
        }

        private static String text(Row r, int i, String field, String where) {
            Object v = r.get(i);
            if (v == null || v.toString().isBlank()) {
                throw new PeelException(where + ": field " + field + " is empty");
            }
            return v.toString();
        }

        private static double number(Row r, int i, String field, String where) {
            Object v = r.get(i);
            try {
                return v instanceof Number x ? x.doubleValue() : Double.parseDouble(String.valueOf(v).strip());
            } catch (NumberFormatException bad) {
                throw new PeelException(where + ": field " + field + " is not a number: '" + v + "'");
            }
        }

        private static String digest(List<Person> persons, List<Link> links) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Person p : persons) {
                    sha.update((p.nationalId() + '\t' + p.force() + '\t' + p.recordId() + '\n')
                            .getBytes(StandardCharsets.UTF_8));
                }
                for (Link l : links) {
                    sha.update((l.nationalId() + '\t' + l.leftForce() + '\t' + l.leftRecordId() + '\t' + l.rightForce()
                            + '\t' + l.rightRecordId() + '\t' + l.weight() + '\t' + l.probability() + '\t'
                            + l.explanation() + '\n').getBytes(StandardCharsets.UTF_8));
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What a load did: whether it wrote anything, the load now published, and its counts. */
    public record Result(boolean loaded, long loadId, int persons, long nationalPersons, int links) {
    }

    private final Jdbi jdbi;

    public NationalIndexLoad(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Loads the index in one transaction, or nothing when the newest load is this very index.
     *
     * @param audited writes the load's audit entry inside its transaction
     */
    public Result load(String source, Index index, BiConsumer<Handle, Result> audited) {
        long nationalPersons = index.persons().stream().map(Person::nationalId).distinct().count();
        return jdbi.inTransaction(h -> {
            Optional<Object[]> newest = h.createQuery(
                            "select id, digest from national_index_load order by id desc limit 1")
                    .map((rs, ctx) -> new Object[]{rs.getLong(1), rs.getString(2)}).findOne();
            if (newest.isPresent() && newest.get()[1].equals(index.digest())) {
                return new Result(false, (Long) newest.get()[0], index.persons().size(), nationalPersons,
                        index.links().size());
            }
            long loadId = h.createUpdate("""
                            insert into national_index_load (source, digest, persons, links)
                            values (:source, :digest, :persons, :links)""")
                    .bind("source", source).bind("digest", index.digest()).bind("persons", index.persons().size())
                    .bind("links", index.links().size())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            PreparedBatch persons = h.prepareBatch("""
                    insert into national_person (force, record_id, national_id, load_id)
                    values (:force, :recordId, :nationalId, :load)
                    on conflict (force, record_id) do update
                    set national_id = excluded.national_id, load_id = excluded.load_id""");
            for (Person p : index.persons()) {
                persons.bindMethods(p).bind("load", loadId).add();
            }
            if (!index.persons().isEmpty()) {
                persons.execute();
            }
            PreparedBatch links = h.prepareBatch("""
                    insert into national_person_link (left_force, left_record_id, right_force, right_record_id,
                        national_id, weight, probability, explanation, load_id)
                    values (:leftForce, :leftRecordId, :rightForce, :rightRecordId, :nationalId, :weight,
                        :probability, :explanation, :load)
                    on conflict (left_force, left_record_id, right_force, right_record_id) do update
                    set national_id = excluded.national_id, weight = excluded.weight,
                        probability = excluded.probability, explanation = excluded.explanation,
                        load_id = excluded.load_id""");
            for (Link l : index.links()) {
                links.bindMethods(l).bind("load", loadId).add();
            }
            if (!index.links().isEmpty()) {
                links.execute();
            }
            Result result = new Result(true, loadId, index.persons().size(), nationalPersons, index.links().size());
            audited.accept(h, result);
            return result;
        });
    }
}
