package org.peel.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peel.testing.StandardStreams;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Modules contribute their own commands under peel, with the platform's database and output options")
class ModuleCommandsTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    @DisplayName("peel alone lists the modules' commands beside the platform's")
    void bareUsage() {
        assertThat(PeelCommand.execute()).isZero();
        assertThat(streams.out().toString()).contains("  investigator  ", "  victims-code  ", "  hotspots  ",
                "  import  ", "  help  ");
    }

    @Test
    @DisplayName("every module's command is a subcommand of peel, beside the platform's own")
    void modulesCommandsUnderPeel() {
        CommandLine peel = PeelCommand.commandLine();
        assertThat(PeelCommand.moduleCommands()).isNotEmpty();
        for (Class<?> command : PeelCommand.moduleCommands()) {
            String name = command.getAnnotation(Command.class).name();
            org.peel.module.Under group = command.getAnnotation(org.peel.module.Under.class);
            CommandLine parent = group == null ? peel : peel.getSubcommands().get(group.value());
            assertThat((Object) parent.getSubcommands().get(name).getCommand()).as(name).isInstanceOf(command);
        }
        assertThat(peel.getSubcommands()).containsKeys("hotspots", "victims-code", "investigator", "import", "simulate");
        assertThat(peel.getSubcommands().get("import").getSubcommands()).containsKeys("duty-rota", "police-uk-asb",
                "geography");
        assertThat(peel.getSubcommands().get("simulate").getSubcommands()).containsKey("allocation");
    }

    @Test
    @DisplayName("a module command's --data-dir, --db-url and --format read exactly as a platform command's")
    void sameOptions() {
        CommandLine peel = PeelCommand.commandLine();
        CommandLine moduleCommand = peel.getSubcommands().get("investigator").getSubcommands().get("link");
        CommandLine platformCommand = peel.getSubcommands().get("audit").getSubcommands().get("verify");
        for (String option : List.of("--data-dir", "--db-url")) {
            assertThat(describe(moduleCommand.getCommandSpec().findOption(option)))
                    .isEqualTo(describe(platformCommand.getCommandSpec().findOption(option)));
        }
        assertThat(describe(moduleCommand.getCommandSpec().findOption("--format")))
                .isEqualTo(describe(peel.getSubcommands().get("victims-code").getSubcommands().get("add-working-days")
                        .getCommandSpec().findOption("--format")))
                .contains("text, json");
    }

    @Command(name = "orphan")
    static final class Orphan implements Callable<Integer> {
        @Mixin CommandDatabase db;
        @Mixin CommandOutput output;

        @Override
        public Integer call() {
            db.openContext().close();
            return 0;
        }
    }

    @Test
    @DisplayName("a module command run outside peel cannot open a database, and says so instead of guessing")
    void outsidePeel() {
        CommandLine orphan = new CommandLine(new Orphan());
        java.io.StringWriter err = new java.io.StringWriter();
        orphan.setErr(new java.io.PrintWriter(err));
        assertThat(orphan.execute("--db-url", "postgresql://nowhere/peel")).isEqualTo(1);
        assertThat(err.toString()).contains("runs under Peel's command line");
    }

    private static String describe(OptionSpec option) {
        return option.paramLabel() + " " + Arrays.toString(option.description());
    }

}
