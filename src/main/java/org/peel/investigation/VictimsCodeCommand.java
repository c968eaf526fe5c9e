package org.peel.investigation;

import org.peel.module.CommandGroup;
import org.peel.module.CommandOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel victims-code …}: the Victims' Code rules, runnable on their own. */
@Command(name = "victims-code", mixinStandardHelpOptions = true,
        description = "Victims' Code of Practice rules: working-day deadlines in England and Wales.",
        subcommands = VictimsCodeCommand.AddWorkingDays.class)
public final class VictimsCodeCommand extends CommandGroup {

    @Command(name = "add-working-days", mixinStandardHelpOptions = true,
            description = "The date N working days after a date (weekends and England and Wales bank holidays"
                    + " skipped), as a Victims' Code deadline counts them.")
    static final class AddWorkingDays implements Callable<Integer> {
        @Mixin CommandOutput output;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "The day counting starts from")
        String from;

        @Option(names = "--days", required = true, paramLabel = "N", description = "Working days to add (0 or more)")
        int days;

        @Override
        public Integer call() {
            LocalDate start;
            try {
                start = LocalDate.parse(from);
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("--from must be a date as YYYY-MM-DD, not '" + from + "'");
            }
            LocalDate due = WorkingDays.add(start, days);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("from", start.toString());
            json.put("working_days", days);
            json.put("date", due.toString());
            output.print(System.out, due.toString(), json);
            return 0;
        }
    }
}
