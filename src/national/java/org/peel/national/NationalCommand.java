package org.peel.national;

import org.peel.module.CommandGroup;
import picocli.CommandLine.Command;

/** {@code peel national …}: jobs across every force, on Apache Spark. */
@Command(name = "national", mixinStandardHelpOptions = true,
        description = "National scale on Apache Spark: one person across forces, and every force's indicators.",
        subcommands = {NationalLinkCommand.class, NationalIndicatorsCommand.class, NationalLoadCommand.class})
public final class NationalCommand extends CommandGroup {
}
