package org.peel.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One crime's file reviewed on the structured template, and the roll-up of many reviews to the framework's
 * questions: each point is answered yes, partly, no or not applicable, and each speaks to one question.
 */
public record CaseFileReview(String crimeId, Map<Point, Answer> answers, String notes) {

    public CaseFileReview {
        answers = Map.copyOf(answers);
    }

    /** The template's points, each with the question it evidences. */
    public enum Point {
        VULNERABILITY_IDENTIFIED("Vulnerability identified", "q3"),
        OPPORTUNITIES_PROMPT("Investigative opportunities followed up promptly", "q2"),
        SUPERVISION("Supervision", "q2"),
        VICTIM_CONTACT("Victim contact", "q2"),
        OUTCOME_APPROPRIATE("Outcome appropriate", "q2");

        private final String title;
        private final String question;

        Point(String title, String question) {
            this.title = title;
            this.question = question;
        }

        public String title() {
            return title;
        }

        public String question() {
            return question;
        }

        /** As a form field and a column: {@code vulnerability_identified}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Answer {
        YES("Yes"), PARTLY("Partly"), NO("No"), NOT_APPLICABLE("Not applicable");

        private final String title;

        Answer(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Answer> of(String key) {
            if (key == null) {
                return Optional.empty();
            }
            for (Answer a : values()) {
                if (a.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    /** One point's answers over the files reviewed: yes, partly and no (not applicable left out). */
    public record Tally(Point point, int yes, int partly, int no) {
        public int answered() {
            return yes + partly + no;
        }

        /** "7 of 10 yes, 2 partly, 1 no". */
        public String said() {
            return answered() == 0 ? "no file answered" : yes + " of " + answered() + " yes, " + partly + " partly, "
                    + no + " no";
        }
    }

    /** The tallies of the points that speak to each question, questions in order. */
    public static Map<String, List<Tally>> rollUp(List<CaseFileReview> reviews) {
        Map<String, List<Tally>> byQuestion = new LinkedHashMap<>();
        for (Point p : Point.values()) {
            int yes = 0;
            int partly = 0;
            int no = 0;
            for (CaseFileReview r : reviews) {
                Answer a = r.answers().get(p);
                if (a == Answer.YES) {
                    yes++;
                } else if (a == Answer.PARTLY) {
                    partly++;
                } else if (a == Answer.NO) {
                    no++;
                }
            }
            byQuestion.computeIfAbsent(p.question(), k -> new ArrayList<>()).add(new Tally(p, yes, partly, no));
        }
        return byQuestion;
    }
}
