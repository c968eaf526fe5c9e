package org.peel.prevention;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * An ASB incident as {@code GET /api/v1/asb-incidents/{id}} answers it: what was reported, where, the people
 * recorded on it (personal data: the caller is checked against the incident's borough and the read is audited),
 * the first-call risk assessment when a victim was assessed, and the flags raised for the neighbourhood team.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AsbIncidentView(
        @JsonProperty("id") String id,
        @JsonProperty("reported_at") String reportedAt,
        @JsonProperty("category") String category,
        @JsonProperty("sub_type") String subType,
        @JsonProperty("description") String description,
        @JsonProperty("channel") String channel,
        @JsonProperty("location") Location location,
        @JsonProperty("victim_targeted") Boolean victimTargeted,
        @JsonProperty("recorded_by") String recordedBy,
        @JsonProperty("people") List<Person> people,
        @JsonProperty("assessment") Assessment assessment,
        @JsonProperty("flags") List<Flag> flags) {

    /** Where it happened: the words given, the point when there was one, and the areas it was placed in. */
    public record Location(
            @JsonProperty("text") String text,
            @JsonProperty("latitude") Double latitude,
            @JsonProperty("longitude") Double longitude,
            @JsonProperty("borough_code") String boroughCode,
            @JsonProperty("ward_code") String wardCode,
            @JsonProperty("lsoa_code") String lsoaCode) {
    }

    /**
     * A caller or victim as recorded on this incident; their ethnicity as the people kernel holds it (the 2021 Census
     * category code, NS not stated, and the officer-observed broad group), null when not asked.
     */
    public record Person(
            @JsonProperty("record_id") String recordId,
            @JsonProperty("role") String role,
            @JsonProperty("forenames") String forenames,
            @JsonProperty("surname") String surname,
            @JsonProperty("date_of_birth") String dateOfBirth,
            @JsonProperty("address") String address,
            @JsonProperty("postcode") String postcode,
            @JsonProperty("phone") String phone,
            @JsonProperty("borough_code") String boroughCode,
            @JsonProperty("self_defined_ethnicity") String selfDefinedEthnicity,
            @JsonProperty("observed_ethnicity") String observedEthnicity) {
    }

    /** The risk grade given at the first call, with every reason and the rule version that gave it. */
    public record Assessment(
            @JsonProperty("grade") String grade,
            @JsonProperty("score") int score,
            @JsonProperty("reasons") List<String> reasons,
            @JsonProperty("rule_version") String ruleVersion,
            @JsonProperty("repeat_victim") boolean repeatVictim,
            @JsonProperty("case_review_met") boolean caseReviewMet,
            @JsonProperty("assessed_at") String assessedAt) {
    }

    /** A flag to the neighbourhood team, open until the team clears it. */
    public record Flag(
            @JsonProperty("id") long id,
            @JsonProperty("reason") String reason,
            @JsonProperty("detail") String detail,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("open") boolean open) {
    }
}
