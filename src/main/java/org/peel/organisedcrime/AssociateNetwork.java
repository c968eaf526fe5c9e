package org.peel.organisedcrime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group's associate network: its members and associates (person records) joined where the records show a tie
 * (a shared address, a shared phone, a crime both appear in), each person's degree (how many others they are tied to)
 * and the most central, highest degree first. Ties are counted once per pair, whatever the number of reasons.
 */
public final class AssociateNetwork {

    /** A person in the network: their record, name and role. */
    public record Node(String recordId, String name, String role) {
    }

    /** A tie between two people, and why (for example "shared address" or "crime C-12"). */
    public record Tie(String from, String to, String reason) {
    }

    /** A person with their degree and the reasons of their ties. */
    public record Ranked(Node node, int degree, List<String> ties) {
    }

    /** The network: people by degree (highest first, then by record), and the distinct pairs with their reasons. */
    public record Result(List<Ranked> ranked, Map<String, List<String>> pairs, int isolated) {
    }

    private AssociateNetwork() {
    }

    public static Result build(List<Node> nodes, List<Tie> ties) {
        Map<String, Node> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.recordId(), n));
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        Map<String, Set<String>> neighbours = new HashMap<>();
        Map<String, List<String>> reasons = new HashMap<>();
        for (Tie t : ties) {
            if (t.from().equals(t.to()) || !byId.containsKey(t.from()) || !byId.containsKey(t.to())) {
                continue;
            }
            String a = t.from().compareTo(t.to()) < 0 ? t.from() : t.to();
            String b = a.equals(t.from()) ? t.to() : t.from();
            List<String> why = pairs.computeIfAbsent(a + "|" + b, k -> new ArrayList<>());
            if (!why.contains(t.reason())) {
                why.add(t.reason());
            }
            neighbours.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
            neighbours.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
            reasons.computeIfAbsent(a, k -> new ArrayList<>()).add(t.reason() + " with " + byId.get(b).name());
            reasons.computeIfAbsent(b, k -> new ArrayList<>()).add(t.reason() + " with " + byId.get(a).name());
        }
        List<Ranked> ranked = new ArrayList<>();
        int isolated = 0;
        for (Node n : byId.values()) {
            int degree = neighbours.getOrDefault(n.recordId(), Set.of()).size();
            if (degree == 0) {
                isolated++;
            }
            ranked.add(new Ranked(n, degree, reasons.getOrDefault(n.recordId(), List.of())));
        }
        ranked.sort(Comparator.comparingInt(Ranked::degree).reversed().thenComparing(r -> r.node().recordId()));
        return new Result(ranked, pairs, isolated);
    }

    /** A point of the diagram: a person at (x, y), with a radius growing with their degree. */
    public record Point(String recordId, String label, String role, double x, double y, double r, int degree) {
    }

    /** A line of the diagram between two people, with its reasons as the tooltip. */
    public record Line(double x1, double y1, double x2, double y2, String title) {
    }

    /** The diagram: people on a circle, the most central first (at the top), and a line per tie. */
    public record Diagram(List<Point> points, List<Line> lines, int size) {
    }

    public static Diagram diagram(Result result, int size) {
        List<Point> points = new ArrayList<>();
        Map<String, Point> at = new HashMap<>();
        int n = result.ranked().size();
        double c = size / 2.0;
        double radius = size / 2.0 - 40;
        for (int i = 0; i < n; i++) {
            Ranked r = result.ranked().get(i);
            double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, n);
            Point p = new Point(r.node().recordId(), r.node().name(), r.node().role(),
                    round(c + radius * Math.cos(angle)), round(c + radius * Math.sin(angle)), 5 + 2.0 * r.degree(),
                    r.degree());
            points.add(p);
            at.put(p.recordId(), p);
        }
        List<Line> lines = new ArrayList<>();
        result.pairs().forEach((pair, why) -> {
            String[] ab = pair.split("\\|", 2);
            Point a = at.get(ab[0]);
            Point b = at.get(ab[1]);
            lines.add(new Line(a.x(), a.y(), b.x(), b.y(), a.label() + " and " + b.label() + ": "
                    + String.join(", ", why)));
        });
        return new Diagram(points, lines, size);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
