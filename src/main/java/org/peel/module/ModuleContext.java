package org.peel.module;

import org.jdbi.v3.core.Jdbi;
import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;
import org.peel.people.PeopleStore;
import org.peel.people.PersonIndex;
import org.peel.place.PlaceStore;
import org.peel.web.Web;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What every module is built from, read once when Peel starts: the configuration (the environment, copied and
 * immutable, so that settings classes read a map and never the process), the one {@link Clock} every decision of
 * time uses (a test or a benchmark hands in a fixed one), the database, the audit trail, the access store, places,
 * people and the web helper that renders pages and checks access.
 *
 * @param environment configuration variables ({@code PEEL_…}) as they were when Peel started
 * @param sharedData  the folder of public data sets, when there is one
 * @param personIndex search before create over every person record, shared by the recording forms that ask how
 *                    many share a name; the people module starts and stops it
 */
public record ModuleContext(Map<String, String> environment, Clock clock, Jdbi jdbi, AuditTrail audit,
                            AccessStore access, PlaceStore places, PeopleStore people, Web web,
                            Optional<Path> sharedData, PersonIndex personIndex) {

    public ModuleContext {
        environment = Map.copyOf(environment);
    }

    /** Borough codes to names, for filters and headings; read from places each time, so imports show at once. */
    public Map<String, String> boroughNames() {
        Map<String, String> names = new TreeMap<>();
        places.boroughs().forEach(b -> names.put(b.borough().code(), b.borough().name()));
        return names;
    }
}
