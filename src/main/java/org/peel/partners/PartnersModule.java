package org.peel.partners;

import io.javalin.config.RoutesConfig;
import org.peel.module.Module;
import org.peel.module.ModuleContext;

import java.util.List;

/**
 * Partners and people's data wired as a whole: the agreements register and share log (the gate itself is the
 * access kernel's, so every capability shares through it), MoPI review and retention, and subject access.
 */
public final class PartnersModule implements Module {

    private final ModuleContext context;

    public PartnersModule(ModuleContext context) {
        this.context = context;
    }

    @Override
    public void routes(RoutesConfig routes) {
    }

    /** This module's commands under {@code peel}: share, retention and sar. */
    public static List<Class<?>> commands() {
        return List.of(ShareCommand.class, RetentionCommand.class, SubjectAccessCommand.class);
    }
}
