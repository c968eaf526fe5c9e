package org.peel.prevention;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A problem-solving case: a person, a place or a ward problem worked through SARA, with the notes written at each
 * stage and the day the response began (from which the assess step compares incidents before and after).
 */
public record ProblemCase(String id, String title, SubjectType subjectType, String subject, String boroughCode,
                          String wardCode, SaraStage stage, String scanNotes, String analysisNotes,
                          String responseNotes, String assessmentNotes, LocalDate responseStarted, Instant openedAt,
                          String openedBy) {

    /** What the problem centres on. */
    public enum SubjectType {
        PERSON("A person"), PLACE("A place"), WARD("A ward problem");

        private final String label;

        SubjectType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase();
        }
    }

    /** The notes written at a stage, or null. */
    public String notesFor(SaraStage s) {
        return switch (s) {
            case SCAN -> scanNotes;
            case ANALYSE -> analysisNotes;
            case RESPOND -> responseNotes;
            case ASSESS -> assessmentNotes;
            case CLOSED -> null;
        };
    }

    /** An action for police or a partner, with its owner and due date. */
    public record Action(long id, String description, String agency, String owner, LocalDate dueDate, Instant doneAt,
                         String createdBy) {

        public boolean overdue(LocalDate today) {
            return doneAt == null && dueDate.isBefore(today);
        }
    }
}
