package org.peel.platform;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code peel <command>}: the one command line for everything Peel does. */
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
                HotspotsCommand.class,
                LinkCommand.class,
                VictimsCodeCommand.class,
                InvestigatorCommand.class,
                SimulateCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class
        })
public final class PeelCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code; operator errors print one clear line, not a stack trace. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new PeelCommand());
        cli.addSubcommand(Benchmarks.command());
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
}
