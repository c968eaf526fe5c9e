package org.peel.inspection;

import java.time.Instant;

/** A graded judgement of one question (q1 … q4) or of the force overall, with its reasons and evidence. */
public record Judgement(String id, String question, Grade grade, String reasons, String evidence, String recordedBy,
                        Instant recordedAt) {
}
