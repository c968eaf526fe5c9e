package org.peel.platform;

import org.peel.module.CommandOutput;

/** {@code --format text|json} under the platform's own commands: the kernel's {@link CommandOutput}, by its older name. */
public final class OutputOptions extends CommandOutput {
}
