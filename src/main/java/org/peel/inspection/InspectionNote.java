package org.peel.inspection;

import java.time.Instant;

/** A note from an interview, a focus group or reality testing, tagged to the sub-question it speaks to. */
public record InspectionNote(String id, String subQuestion, String kind, String note, String recordedBy,
                             Instant recordedAt) {
}
