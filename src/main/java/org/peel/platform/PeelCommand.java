package org.peel.platform;

import org.peel.access.AuditTrail;
import org.peel.investigation.InvestigationModule;
import org.peel.investigation.SyntheticCaseload;
import org.peel.module.CommandContext;
import org.peel.module.CommandDatabase;
import org.peel.module.CommandHost;
import org.peel.module.Under;
import org.peel.organisedcrime.OrganisedCrimeModule;
import org.peel.place.PlaceStore;
import org.peel.partners.PartnersModule;
import org.peel.prevention.PreventionModule;
import org.peel.vulnerability.VulnerabilityModule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.stream.Stream;

/**
 * {@code peel <command>}: the one command line for everything Peel does. The platform's own commands are listed here;
 * each module's come from its {@code commands()}, and this command, at their root, opens the database for them
 * ({@link CommandHost}).
 */
@Command(name = "peel", mixinStandardHelpOptions = true, version = "Peel 0.1",
        description = "Peel: the platform a police force runs to prevent crime, investigate it, protect the"
                + " vulnerable, tackle organised crime, and measure how well it does all four.",
        subcommands = {
                DemoCommand.class,
                ServeCommand.class,
                MigrateCommand.class,
                UserCommand.class,
                TokenCommand.class,
                AuditCommand.class,
                ImportCommand.class,
                GenerateCommand.class,
                LinkCommand.class,
                ReportCommand.class,
                InspectCommand.class
        })
public final class PeelCommand implements Runnable, CommandHost {

    @Spec
    CommandSpec spec;

    /** {@code peel} alone: the usage, listing every command, the modules' included. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** What the platform supplies to modules' commands: the synthetic force for the allocation simulation. */
    @Override
    public <T> java.util.Optional<T> provide(Class<T> type) {
        return type == SyntheticCaseload.class ? java.util.Optional.of(type.cast(new SyntheticCaseloads()))
                : java.util.Optional.empty();
    }

    /** Opens and migrates the database a module's command names, as the platform's own commands open theirs. */
    @Override
    public CommandContext open(CommandDatabase options) {
        Database database = DatabaseOptions.of(options).open();
        return new CommandContext(Environment.variables(), Environment.clock(), database.jdbi(),
                new AuditTrail(database.jdbi(), Environment.clock()), new PlaceStore(database.jdbi()), database::close);
    }

    /** The modules' commands, in the order of {@link PeelWeb#modules}: adding a module's commands is one line here. */
    static List<Class<?>> moduleCommands() {
        return Stream.of(PreventionModule.commands(),
                        InvestigationModule.commands(),
                        org.peel.offenders.OffendersModule.commands(),
                        VulnerabilityModule.commands(),
                        OrganisedCrimeModule.commands(),
                        PartnersModule.commands())
                .flatMap(List::stream).toList();
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code; operator errors print one clear line, not a stack trace. */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            if (cause instanceof PeelException || cause instanceof org.peel.common.BadInput
                    || cause instanceof IllegalArgumentException) {
                commandLine.getErr().println("peel: " + cause.getMessage());
                return 2;
            }
            commandLine.getErr().println("peel: " + cause.getClass().getSimpleName() + ": " + Database.rootMessage(cause));
            if (Environment.variables().get("PEEL_DEBUG") != null) {
                cause.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * The whole command line: the platform's commands, then the modules', then {@code help}, {@code bench} and
     * {@code national} (each from its own jar when installed).
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PeelCommand());
        for (Class<?> command : moduleCommands()) {
            Under group = command.getAnnotation(Under.class);
            if (group == null) {
                cli.addSubcommand(command);
            } else {
                cli.getSubcommands().get(group.value()).addSubcommand(command);
            }
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
        cli.addSubcommand(Benchmarks.command());
        cli.addSubcommand(NationalScale.command());
        CommandLine bench = cli.getSubcommands().get("bench");
        if (!bench.getSubcommands().isEmpty()) {
            NationalScale.bench().ifPresent(bench::addSubcommand);
        }
        return cli;
    }
}
