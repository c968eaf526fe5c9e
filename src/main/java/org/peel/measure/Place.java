package org.peel.measure;

import java.util.List;

/**
 * Where a figure is for: one area (an LSOA, ward, borough or force area, by GSS code), or a named group of forces,
 * of which England and Wales (the 43 territorial forces, without British Transport Police) is one.
 */
public sealed interface Place permits Place.Area, Place.Forces {

    /** The levels of the place hierarchy, finest first. */
    enum Level {
        LSOA, WARD, BOROUGH, FORCE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    String name();

    /** An area at one level. */
    record Area(Level level, String code, String name) implements Place {
    }

    /** A group of force areas, figures summed over its members. */
    record Forces(String name, List<String> codes) implements Place {
        public Forces {
            codes = List.copyOf(codes);
        }
    }
}
