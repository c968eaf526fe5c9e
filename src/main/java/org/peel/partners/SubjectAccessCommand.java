package org.peel.partners;

import org.peel.access.ShareDecision;
import org.peel.access.ShareRequest;
import org.peel.access.SharedRecord;
import org.peel.access.SharingStore;
import org.peel.access.StatutoryBasis;
import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandGroup;
import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code peel sar …}: subject access requests under the Data Protection Act 2018 s45. */
@Command(name = "sar", mixinStandardHelpOptions = true,
        description = "Subject access requests: every record Peel holds about a person, third parties redacted.",
        subcommands = SubjectAccessCommand.Export.class)
public final class SubjectAccessCommand extends CommandGroup {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Finds the person, gathers their records across Peel and writes subject-access.pdf and"
                    + " records.json into DIR; the request and its one-month deadline are kept.")
    static final class Export implements Callable<Integer> {
        @Mixin CommandDatabase database;
        @Mixin CommandOutput output;

        @Option(names = "--name", paramLabel = "\"GIVEN SURNAME\"", description = "The requester's name as given")
        String name;

        @Option(names = "--birth-date", paramLabel = "YYYY-MM-DD", description = "The requester's date of birth")
        String birthDate;

        @Option(names = "--person", paramLabel = "ID", description = "The person's reference, where already known")
        String person;

        @Option(names = "--received", paramLabel = "YYYY-MM-DD", description = "When the request was received (default: today)")
        String received;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the answer into")
        Path out;

        @Override
        public Integer call() {
            if (person == null && (name == null || birthDate == null)) {
                throw new IllegalArgumentException("give --name and --birth-date, or --person");
            }
            LocalDate dob = null;
            String given = null;
            String surname = null;
            if (person == null) {
                dob = date("--birth-date", birthDate);
                String[] parts = name.trim().split("\\s+");
                if (parts.length < 2) {
                    throw new IllegalArgumentException("--name must be the given name and surname, e.g. \"Jane Smith\"");
                }
                given = parts[0];
                surname = parts[parts.length - 1];
            }
            try (CommandContext context = database.openContext()) {
                SubjectAccessStore store = new SubjectAccessStore(context.jdbi(), context.audit());
                LocalDate today = LocalDate.now(context.clock());
                LocalDate receivedOn = received == null ? today : date("--received", received);
                int months = SubjectAccessSettings.from(context.environment()).months();
                Optional<SubjectAccessStore.Subject> subject = person != null ? store.person(person)
                        : store.find(given, surname, dob);
                if (subject.isEmpty()) {
                    throw new IllegalArgumentException(person != null ? "there is no person " + person
                            : "Peel holds no record of a person with these details");
                }
                SubjectAccess.Answer answer = SubjectAccess.answer(store.gather(subject.get()));
                Map<String, Object> who = new LinkedHashMap<>();
                who.put("person_ref", subject.get().personRef());
                if (person == null) {
                    who.put("given_name", given);
                    who.put("surname", surname);
                    who.put("birth_date", dob.toString());
                } else {
                    subject.get().records().stream().findFirst().ifPresent(r -> {
                        who.put("name", r.name());
                        who.put("birth_date", r.dateOfBirth() == null ? null : r.dateOfBirth().toString());
                    });
                }
                LocalDate due = SubjectAccess.dueOn(receivedOn, months);
                // the answer leaves the force through the share gate like every share: logged, audited, its statute named
                ShareDecision disclosed = new SharingStore(context.jdbi(), context.audit(), context.clock())
                        .disclose(null, StatutoryBasis.SUBJECT_ACCESS, new ShareRequest(
                                "data subject " + subject.get().personRef(), null,
                                "subject access request received " + receivedOn, "subject access export",
                                SubjectAccess.offered(answer)));
                if (!disclosed.allowed()) {
                    throw new IllegalStateException("Not disclosed: " + disclosed.summary());
                }
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("person", who);
                json.put("request", Map.of("received_on", receivedOn.toString(), "due_on", due.toString()));
                SubjectAccess.Answer sent = new SubjectAccess.Answer(
                        disclosed.records().stream().map(SharedRecord::flat).toList(), answer.exemptions());
                json.put("records", sent.records());
                json.put("exemptions", answer.exemptions().entrySet().stream()
                        .map(e -> Map.of("ground", e.getKey(), "records", e.getValue())).toList());
                Files.createDirectories(out);
                Path jsonFile = out.resolve("records.json");
                Path pdfFile = out.resolve("subject-access.pdf");
                CommandOutput.JSON.writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), json);
                Files.write(pdfFile, SubjectAccessPdf.pdf(who, receivedOn, due, sent));
                long id = store.recordRequest(null, receivedOn, due, subject.get().personRef(),
                        person != null ? "person reference" : "name and date of birth", answer.records().size(),
                        answer.exemptions().keySet(), today);
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("request", id);
                summary.put("records", answer.records().size());
                summary.put("withheld", answer.exemptions().getOrDefault(SubjectAccess.PREVENTION, 0));
                summary.put("due_on", due.toString());
                summary.put("files", List.of(pdfFile.toString(), jsonFile.toString()));
                summary.put("pdf_bytes", Files.size(pdfFile));
                summary.put("json_bytes", Files.size(jsonFile));
                output.print(System.out, "Subject access request " + id + ": " + answer.records().size()
                        + " records written to " + out + " (due " + due + ")", summary);
                return 0;
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot write the answer into " + out, ex);
            }
        }
    }

    static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException(option + " must be a date as YYYY-MM-DD, not '" + text + "'");
        }
    }
}
