package org.peel.platform;

import org.peel.people.BatchLinkage;
import org.peel.people.BlockingRule;
import org.peel.people.Clustering;
import org.peel.people.FieldMapping;
import org.peel.people.IdentityResolution;
import org.peel.people.LinkEvaluation;
import org.peel.people.MatchModel;
import org.peel.people.PeopleStore;
import org.peel.people.PersonRecordFile;
import org.peel.people.PersonRecordSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** {@code peel link …}: identity resolution over person records. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Resolve person records into persons (probabilistic record linkage).",
        subcommands = {LinkCommand.Run.class, LinkCommand.Evaluate.class})
final class LinkCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Resolve the stored person records into persons: all of them the first time, then only"
                    + " records that belong to no person yet. Uncertain pairs go to the review queue.")
    static final class Run implements Callable<Integer> {

        @Mixin DatabaseOptions db;
        @Mixin OutputOptions output;

        @Option(names = "--table", paramLabel = "TABLE", hidden = true,
                description = "Table of person records (default: person_record_for_linkage)")
        String table = PersonRecordSource.STANDARD_TABLE;

        @Override
        public Integer call() {
            try (Database database = db.open()) {
                PersonRecordSource source = new PersonRecordSource(database.jdbi(), table);
                if (!source.exists()) {
                    throw new PeelException("no " + table + " table in the database: the person records migration"
                            + " has not been applied");
                }
                BatchLinkage.Report r = new BatchLinkage(IdentityResolution.standard(),
                        new PeopleStore(database.jdbi())).run(source, "peel link run");
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("records", r.records());
                json.put("new_records", r.newRecords());
                json.put("candidate_pairs", r.candidatePairs());
                json.put("records_linked", r.recordsLinked());
                json.put("persons_created", r.personsCreated());
                json.put("review_pairs_queued", r.reviewPairsQueued());
                json.put("seconds", Math.round(r.seconds() * 100) / 100.0);
                String text = r.newRecords() == 0
                        ? String.format("%,d person records, all already resolved: nothing to do", r.records())
                        : String.format("""
                                %,d person records, %,d new since the last run
                                candidate pairs compared: %,d
                                linked %,d records; %,d new persons; %,d pairs queued for review
                                %.2f seconds""", r.records(), r.newRecords(), r.candidatePairs(), r.recordsLinked(),
                        r.personsCreated(), r.reviewPairsQueued(), r.seconds());
                output.print(System.out, text, json);
                return 0;
            }
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Resolve the records of a CSV file and score the result against the true entity of each"
                    + " record: pairwise precision, recall and F1. Needs no database.")
    static final class Evaluate implements Callable<Integer> {

        @Mixin OutputOptions output;

        @Option(names = "--input", required = true, paramLabel = "FILE.csv",
                description = "CSV file with a header row; repeat to resolve several files as one set")
        List<Path> inputs;

        @Option(names = "--id-column", required = true, paramLabel = "COL",
                description = "Column holding each record's id, from which its true entity is taken")
        String idColumn;

        @Option(names = "--id-regex", paramLabel = "REGEX",
                description = "Extracts the entity from the id: the first group, else the whole match"
                        + " (e.g. 'rec-(\\d+)' for FEBRL)")
        String idRegex;

        @Option(names = "--map", required = true, paramLabel = "field=column[,field=column...]",
                description = "Which column holds which field: given_name, surname, full_name, dob, sex, address,"
                        + " postcode, city, email, phone. Join columns with +: address=street_number+address_1")
        List<String> map;

        @Option(names = "--upper", paramLabel = "P", description = "Match probability at or above which records"
                + " are one person (default: ${DEFAULT-VALUE})")
        double upper = Clustering.standard().upper();

        @Option(names = "--lower", paramLabel = "P", description = "Match probability from which a pair goes for"
                + " review (default: ${DEFAULT-VALUE})")
        double lower = Clustering.standard().lower();

        @Option(names = "--show-model", description = "Also print the estimated m and u of every comparison level"
                + " and what each EM session (one per blocking rule) found")
        boolean showModel;

        @Override
        public Integer call() {
            Pattern regex = null;
            if (idRegex != null) {
                try {
                    regex = Pattern.compile(idRegex);
                } catch (PatternSyntaxException ex) {
                    throw new IllegalArgumentException("--id-regex is not a valid regular expression: "
                            + ex.getDescription());
                }
            }
            FieldMapping mapping = FieldMapping.parse(map);
            IdentityResolution engine = new IdentityResolution(BlockingRule.standard(), MatchModel.Training.standard(),
                    new Clustering(upper, lower));
            long start = System.nanoTime();
            PersonRecordFile.Contents contents = PersonRecordFile.readAll(inputs, idColumn, regex, mapping);
            IdentityResolution.Resolution resolution = engine.resolve(contents.records());
            double seconds = (System.nanoTime() - start) / 1e9;
            LinkEvaluation eval = LinkEvaluation.of(resolution.persons().personOf(), contents.entities());

            Map<String, Object> json = new LinkedHashMap<>();
            json.put("records", contents.records().size());
            json.put("candidate_pairs", resolution.candidatePairs());
            json.put("precision", round(eval.precision()));
            json.put("recall", round(eval.recall()));
            json.put("f1", round(eval.f1()));
            json.put("seconds", Math.round(seconds * 100) / 100.0);
            StringBuilder text = new StringBuilder();
            text.append(String.format("%s: %,d records, %,d persons found (%,d true same-person pairs)%n",
                    inputs.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" + ")),
                    contents.records().size(), resolution.persons().persons(), eval.truePairs()));
            text.append(String.format("candidate pairs: %,d%n", resolution.candidatePairs()));
            resolution.pairsPerRule().forEach((rule, n) -> text.append(String.format("  %,10d  %s%n", n, rule)));
            text.append(String.format("prior: %.2f bits (λ = %.3g)%n", resolution.model().priorWeight(),
                    resolution.model().lambda()));
            text.append(String.format("review band (%.2f ≤ p < %.2f): %,d pairs%n", lower, upper,
                    resolution.persons().review().size()));
            if (contents.unreadableDates() > 0) {
                text.append(String.format("dates of birth not read (not a real date): %,d%n", contents.unreadableDates()));
            }
            text.append(String.format("precision %.4f  recall %.4f  F1 %.4f  (%,d pairs predicted, %,d correct)%n",
                    eval.precision(), eval.recall(), eval.f1(), eval.predictedPairs(), eval.correctPairs()));
            text.append(String.format("%.2f seconds", seconds));
            if (showModel) {
                text.append(String.format("%n%nEM sessions (u held at its value from random pairs):%n"));
                for (MatchModel.Session session : resolution.model().sessions()) {
                    text.append(String.format("  %-48s %,9d pairs  λ %.4f  %3d iterations  estimates %s%s%n",
                            session.rule(), session.pairs(), session.lambda(), session.iterations(),
                            String.join(", ", session.estimated()),
                            session.setAside() ? "  (set aside: claimed far more matches than the other sessions)"
                                    : ""));
                }
                text.append(String.format("%n%-12s %-22s %9s %9s %8s%n", "comparison", "level", "m", "u",
                        "bits"));
                resolution.model().parameters().forEach((comparison, levels) -> levels.forEach((level, mu) ->
                        text.append(String.format("%-12s %-22s %9.5f %9.6f %+8.2f%n", comparison, level, mu[0],
                                mu[1], mu[2]))));
            }
            output.print(System.out, text.toString(), json);
            return 0;
        }

        private static double round(double v) {
            return Math.round(v * 10_000) / 10_000.0;
        }
    }
}
