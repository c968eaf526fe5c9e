package org.peel.platform;

import java.time.Clock;
import java.util.Map;

/**
 * The one place Peel reads its process's configuration and time: the environment, copied once when Peel starts,
 * and the system clock. Everything below the platform is handed these (a module through its context, a settings
 * class as a map), so that a test or a benchmark can hand in others.
 */
public final class Environment {

    private static final Map<String, String> VARIABLES = Map.copyOf(System.getenv());

    private Environment() {
    }

    /** The environment as it was when Peel started. */
    public static Map<String, String> variables() {
        return VARIABLES;
    }

    /** The clock every decision of time is made by: the system's, in the machine's time zone. */
    public static Clock clock() {
        return Clock.systemDefaultZone();
    }
}
