package org.peel.organisedcrime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a neighbourhood officer should know of organised crime in their area, as a pure rule: the active groups whose
 * area touches the borough (mapped to it, or naming the borough or one of its wards among the areas they affect) and
 * the gangs with people on the matrix there. For each group: its reference and name, its type (the predominant
 * activity and its reach), its band, who leads against it, the open tasks for this officer or their team, and the
 * disruption priorities the force has set for it in the borough. Members, intelligence and the reasons behind a score
 * are left out: they stay with those who hold intelligence access.
 */
public final class AreaPicture {

    private AreaPicture() {
    }

    /** One group as the front line sees it. */
    public record GroupLine(String ocgId, String name, String type, String band, String leadOfficer, int openTasks,
                            List<String> priorities) {
        public GroupLine {
            priorities = List.copyOf(priorities);
        }
    }

    /** One gang: its name, how many are on the matrix in the borough, and its group (reference and name) if linked. */
    public record GangLine(String name, long onMatrix, String ocgId, String groupName) {
    }

    /** The picture: groups by score (as given), then gangs. */
    public record Picture(List<GroupLine> groups, List<GangLine> gangs) {
        public Picture {
            groups = List.copyOf(groups);
            gangs = List.copyOf(gangs);
        }
    }

    /**
     * Whether the group's area touches the borough: mapped to it, or one of the areas it affects is the borough's
     * code or name or one of its wards' codes or names (compared without regard to case).
     *
     * @param places the borough's code and name and its wards' codes and names
     */
    static boolean touches(OcgGroup g, String borough, Set<String> places) {
        if (borough.equals(g.boroughCode())) {
            return true;
        }
        Set<String> wanted = new HashSet<>();
        places.forEach(p -> wanted.add(p.strip().toLowerCase(Locale.ROOT)));
        return g.areas().stream().anyMatch(a -> wanted.contains(a.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * @param active       the force's active groups, in the order to show them (highest score first)
     * @param borough      the officer's borough
     * @param places       the borough's code and name and its wards' codes and names
     * @param leadName     the lead responsible officer of a group, in words
     * @param tasks        the open tasks for this officer or their team
     * @param requirements the borough's active intelligence requirements (those naming a group are its priorities)
     * @param gangs        the gangs on the matrix in the borough
     */
    public static Picture of(List<OcgGroup> active, String borough, Set<String> places,
                             Function<OcgGroup, String> leadName, List<OcgTask> tasks,
                             List<IntelligenceStore.Requirement> requirements, List<GangStore.Gang> gangs) {
        Map<String, Integer> openTasks = new HashMap<>();
        tasks.forEach(t -> openTasks.merge(t.ocgId(), 1, Integer::sum));
        Map<String, List<String>> priorities = new HashMap<>();
        for (IntelligenceStore.Requirement r : requirements) {
            if (r.ocgId() != null && borough.equals(r.boroughCode())) {
                priorities.computeIfAbsent(r.ocgId(), k -> new ArrayList<>()).add(r.priority());
            }
        }
        Map<String, String> names = new HashMap<>();
        List<GroupLine> lines = new ArrayList<>();
        for (OcgGroup g : active) {
            names.put(g.id(), g.name());
            if (!g.active() || !touches(g, borough, places)) {
                continue;
            }
            String type = (g.predominantActivity().isEmpty() ? "Activity not recorded" : g.predominantActivity())
                    + ", " + g.reach().label().toLowerCase(Locale.ROOT);
            lines.add(new GroupLine(g.id(), g.name(), type, g.band(), leadName.apply(g),
                    openTasks.getOrDefault(g.id(), 0), priorities.getOrDefault(g.id(), List.of())));
        }
        List<GangLine> gangLines = gangs.stream().map(x -> new GangLine(x.name(), x.onMatrix(), x.ocgId(),
                x.ocgId() == null ? null : names.get(x.ocgId()))).toList();
        return new Picture(lines, gangLines);
    }
}
