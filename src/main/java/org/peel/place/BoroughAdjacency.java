package org.peel.place;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which boroughs share a border: the "neighbouring borough" a crime's team may borrow an investigator from is one
 * whose boundary meets the crime's borough, not any borough of the force. Worked out from the boundaries Peel holds
 * ({@link #fromBoundaries}); London's is built in ({@link #LONDON}) for a database loaded without the public
 * boundaries, and was checked against the GLA's borough boundaries (a test does so again when they are present).
 * Boroughs facing each other across the Thames are neighbours: their legal boundary runs mid-river.
 */
public final class BoroughAdjacency {

    /**
     * Boundaries closer than this (degrees, 200 to 300 metres) meet: the published boundaries are generalised and
     * leave slivers between boroughs that share a border, and the GLA's stop at the river bank, so boroughs facing
     * each other across the Thames (Westminster and Lambeth) are this far apart and still neighbours.
     */
    static final double TOLERANCE_DEGREES = 0.003;

    private final Map<String, Set<String>> neighbours;

    private BoroughAdjacency(Map<String, Set<String>> neighbours) {
        Map<String, Set<String>> copy = new TreeMap<>();
        neighbours.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
        this.neighbours = Collections.unmodifiableMap(copy);
    }

    /** The boroughs sharing a border with {@code boroughCode}, by code; none when Peel does not know its neighbours. */
    public Set<String> of(String boroughCode) {
        return neighbours.getOrDefault(boroughCode, Set.of());
    }

    /** Whether the two boroughs share a border. */
    public boolean adjacent(String a, String b) {
        return of(a).contains(b);
    }

    /** Every borough with its neighbours. */
    public Map<String, Set<String>> all() {
        return neighbours;
    }

    /** The adjacency of these boundaries (pairs within {@link #TOLERANCE_DEGREES} of each other). */
    public static BoroughAdjacency fromBoundaries(Map<String, Geometry> boundaries) {
        List<Map.Entry<String, Geometry>> list = new ArrayList<>(boundaries.entrySet());
        Map<String, Set<String>> out = new TreeMap<>();
        List<Envelope> envelopes = new ArrayList<>(list.size());
        for (Map.Entry<String, Geometry> e : list) {
            Envelope env = new Envelope(e.getValue().getEnvelopeInternal());
            env.expandBy(TOLERANCE_DEGREES);
            envelopes.add(env);
            out.put(e.getKey(), new TreeSet<>());
        }
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                if (envelopes.get(i).intersects(envelopes.get(j))
                        && list.get(i).getValue().isWithinDistance(list.get(j).getValue(), TOLERANCE_DEGREES)) {
                    out.get(list.get(i).getKey()).add(list.get(j).getKey());
                    out.get(list.get(j).getKey()).add(list.get(i).getKey());
                }
            }
        }
        return new BoroughAdjacency(out);
    }

    /** The given adjacency, made symmetric. */
    public static BoroughAdjacency of(Map<String, Set<String>> neighbours) {
        Map<String, Set<String>> out = new TreeMap<>();
        neighbours.forEach((a, set) -> set.forEach(b -> {
            out.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
            out.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
        }));
        return new BoroughAdjacency(out);
    }

    /** The built-in table, with what {@code boundaries} adds for boroughs it covers (boundaries win). */
    public static BoroughAdjacency withBuiltIn(Map<String, Geometry> boundaries) {
        Map<String, Set<String>> merged = new TreeMap<>(LONDON.all());
        fromBoundaries(boundaries).all().forEach(merged::put);
        return of(merged);
    }

    /** London's 32 boroughs and the City, by ONS code. */
    public static final BoroughAdjacency LONDON = of(Map.ofEntries(
            Map.entry("E09000001", Set.of("E09000007", "E09000012", "E09000019", "E09000022", "E09000028", "E09000030", "E09000033")), // City of London
            Map.entry("E09000002", Set.of("E09000016", "E09000025", "E09000026")), // Barking and Dagenham
            Map.entry("E09000003", Set.of("E09000005", "E09000007", "E09000010", "E09000014", "E09000015")), // Barnet
            Map.entry("E09000004", Set.of("E09000006", "E09000011")), // Bexley
            Map.entry("E09000005", Set.of("E09000003", "E09000007", "E09000009", "E09000013", "E09000015", "E09000020", "E09000033")), // Brent
            Map.entry("E09000006", Set.of("E09000004", "E09000008", "E09000011", "E09000022", "E09000023", "E09000028")), // Bromley
            Map.entry("E09000007", Set.of("E09000001", "E09000003", "E09000005", "E09000014", "E09000019", "E09000033")), // Camden
            Map.entry("E09000008", Set.of("E09000006", "E09000022", "E09000024", "E09000028", "E09000029")), // Croydon
            Map.entry("E09000009", Set.of("E09000005", "E09000013", "E09000015", "E09000017", "E09000018")), // Ealing
            Map.entry("E09000010", Set.of("E09000003", "E09000014", "E09000031")), // Enfield
            Map.entry("E09000011", Set.of("E09000004", "E09000006", "E09000023", "E09000030")), // Greenwich
            Map.entry("E09000012", Set.of("E09000001", "E09000014", "E09000019", "E09000025", "E09000030", "E09000031")), // Hackney
            Map.entry("E09000013", Set.of("E09000005", "E09000009", "E09000018", "E09000020", "E09000027", "E09000032")), // Hammersmith and Fulham
            Map.entry("E09000014", Set.of("E09000003", "E09000007", "E09000010", "E09000012", "E09000019", "E09000031")), // Haringey
            Map.entry("E09000015", Set.of("E09000003", "E09000005", "E09000009", "E09000017")), // Harrow
            Map.entry("E09000016", Set.of("E09000002", "E09000026")), // Havering
            Map.entry("E09000017", Set.of("E09000009", "E09000015", "E09000018")), // Hillingdon
            Map.entry("E09000018", Set.of("E09000009", "E09000013", "E09000017", "E09000027")), // Hounslow
            Map.entry("E09000019", Set.of("E09000001", "E09000007", "E09000012", "E09000014")), // Islington
            Map.entry("E09000020", Set.of("E09000005", "E09000013", "E09000032", "E09000033")), // Kensington and Chelsea
            Map.entry("E09000021", Set.of("E09000024", "E09000027", "E09000029", "E09000032")), // Kingston upon Thames
            Map.entry("E09000022", Set.of("E09000001", "E09000006", "E09000008", "E09000024", "E09000028", "E09000032", "E09000033")), // Lambeth
            Map.entry("E09000023", Set.of("E09000006", "E09000011", "E09000028")), // Lewisham
            Map.entry("E09000024", Set.of("E09000008", "E09000021", "E09000022", "E09000029", "E09000032")), // Merton
            Map.entry("E09000025", Set.of("E09000002", "E09000012", "E09000026", "E09000030", "E09000031")), // Newham
            Map.entry("E09000026", Set.of("E09000002", "E09000016", "E09000025", "E09000031")), // Redbridge
            Map.entry("E09000027", Set.of("E09000013", "E09000018", "E09000021", "E09000032")), // Richmond upon Thames
            Map.entry("E09000028", Set.of("E09000001", "E09000006", "E09000008", "E09000022", "E09000023", "E09000030")), // Southwark
            Map.entry("E09000029", Set.of("E09000008", "E09000021", "E09000024")), // Sutton
            Map.entry("E09000030", Set.of("E09000001", "E09000011", "E09000012", "E09000025", "E09000028")), // Tower Hamlets
            Map.entry("E09000031", Set.of("E09000010", "E09000012", "E09000014", "E09000025", "E09000026")), // Waltham Forest
            Map.entry("E09000032", Set.of("E09000013", "E09000020", "E09000021", "E09000022", "E09000024", "E09000027", "E09000033")), // Wandsworth
            Map.entry("E09000033", Set.of("E09000001", "E09000005", "E09000007", "E09000020", "E09000022", "E09000032")) // Westminster
    ));
}
