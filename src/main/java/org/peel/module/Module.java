package org.peel.module;

import io.javalin.config.RoutesConfig;
import org.peel.access.User;
import org.peel.web.Attention;
import org.peel.web.Capability;
import org.peel.web.SectionSummary;

import java.util.List;

/**
 * One part of Peel wired as a whole: a capability (prevention, investigation …) or a piece of the kernel (places,
 * people, administration). A module is built from the {@link ModuleContext} the platform reads once at start-up,
 * constructs its own stores and services from it, and contributes what the rest of Peel shows: its routes, its
 * entries on the section pages, what waits for a user on the home page, and its section's figures. The platform's
 * composition root is a list of modules; nothing else knows how a capability is put together.
 *
 * <p>A module's command-line subcommands ({@code peel investigator link} …) are contributed by a static
 * {@code commands()} on its class, returning its picocli command classes: a command runs without the web server, so
 * before any module is built. The platform's {@code PeelCommand} adds each listed module's commands under
 * {@code peel}. A command that touches the database mixes in {@link CommandDatabase} ({@code --data-dir},
 * {@code --db-url}, else {@code PEEL_DB_URL}) and {@link CommandOutput} ({@code --format}), and gets the database from
 * {@link CommandDatabase#openContext()}: the command at the root of the command line is a {@link CommandHost}, which
 * opens and migrates it and hands back a {@link CommandContext} (configuration, clock, database, audit trail, places)
 * that the command closes when done. A group of subcommands extends {@link CommandGroup}.
 */
public interface Module {

    /** Registers this module's pages and {@code /api/v1} routes; handlers stay thin over the module's services. */
    void routes(RoutesConfig routes);

    /** Starts the module's background work, once the server is listening. */
    default void start() {
    }

    /** Stops the module's background work as the server stops; safe to call when it never started. */
    default void stop() {
    }

    /** The entries this module adds to its section's page, in the order they are shown. */
    default List<Capability> menu() {
        return List.of();
    }

    /** What is waiting for this user now, for the home page; empty when nothing is. */
    default List<Attention> attention(User user) {
        return List.of();
    }

    /** This module's section figures for this user (scoped to what they may see); empty when it holds none. */
    default List<SectionSummary> summary(User user) {
        return List.of();
    }
}
