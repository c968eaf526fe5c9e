package org.peel.investigation;

import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandOutput;
import org.peel.module.Under;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code peel import duty-rota}: investigators' shifts from a CSV file, all or nothing. */
@Under("import")
@Command(name = "duty-rota", mixinStandardHelpOptions = true,
        description = "Load investigators' shifts from CSV (investigator_id,date,shift_start,shift_end; YYYY-MM-DD"
                + " and HH:MM; a shift ending before it starts runs past midnight). Allocation then counts an"
                + " investigator with a rota on duty only during a shift. All or nothing; loading it again changes nothing.")
public final class DutyRotaCommand implements Callable<Integer> {
    @Mixin CommandDatabase db;
    @Mixin CommandOutput output;

    @Parameters(index = "0", paramLabel = "FILE", description = "The rota CSV")
    Path file;

    @Override
    public Integer call() {
        try (CommandContext context = db.openContext()) {
            DutyRotaImport.Summary s = new DutyRotaImport(new InvestigatorStore(context.jdbi()), context.clock())
                    .importFrom(file);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", file.toString());
            json.put("rows", s.rows());
            json.put("changed", s.changed());
            output.print(System.out, "Loaded " + s.rows() + " shifts from " + file + ": " + s.changed()
                    + " added or changed", json);
            return 0;
        }
    }
}
