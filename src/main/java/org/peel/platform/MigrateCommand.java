package org.peel.platform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Create or upgrade Peel's database schema.")
final class MigrateCommand implements Callable<Integer> {
    @Mixin DatabaseOptions db;
    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        try (Database database = db.open()) {
            output.print(System.out, "Schema is up to date (" + database.location().describe() + ")",
                    Map.of("status", "ok", "database", database.location().describe()));
        }
        return 0;
    }
}
