package org.peel.investigation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.peel.web.ApiJson;

import java.util.List;

/**
 * The body of {@code POST /api/v1/crimes}: one reported crime with its victims (one crime is recorded per victim),
 * suspects and witnesses. Field names are the API's snake_case; codes and labels are checked when the report is
 * built, so the error names the field and the value.
 */
public record CrimeRequest(
        @JsonProperty("offence_group") String offenceGroup,
        @JsonProperty("committed_at") String committedAt,
        @JsonProperty("borough_code") String boroughCode,
        @JsonProperty("ward_code") String wardCode,
        @JsonProperty("lsoa_code") String lsoaCode,
        @JsonProperty("latitude") Double latitude,
        @JsonProperty("longitude") Double longitude,
        @JsonProperty("domestic_abuse") Boolean domesticAbuse,
        @JsonProperty("hate") Boolean hate,
        @JsonProperty("serious_offences") List<String> seriousOffences,
        @JsonProperty("solvability") List<String> solvability,
        @JsonProperty("flags") List<String> flags,
        @JsonProperty("victims") List<VictimRequest> victims,
        @JsonProperty("suspects") List<PartyRequest> suspects,
        @JsonProperty("witnesses") List<PartyRequest> witnesses,
        @JsonProperty("address") String address,
        @JsonProperty("account") String account) implements ApiJson.Body {

    /** The most victims, suspects or witnesses one request may name; a larger event is recorded in parts. */
    public static final int MOST_PEOPLE = 50;
    /** The most codes in one of the lists of codes (more than any list has members). */
    public static final int MOST_CODES = 50;

    public CrimeRequest {
        seriousOffences = seriousOffences == null ? List.of() : seriousOffences;
        solvability = solvability == null ? List.of() : solvability;
        flags = flags == null ? List.of() : flags;
        victims = victims == null ? List.of() : victims;
        suspects = suspects == null ? List.of() : suspects;
        witnesses = witnesses == null ? List.of() : witnesses;
    }

    @Override
    public void check() {
        ApiJson.atMost("victims", victims, MOST_PEOPLE);
        ApiJson.atMost("suspects", suspects, MOST_PEOPLE);
        ApiJson.atMost("witnesses", witnesses, MOST_PEOPLE);
        ApiJson.atMost("serious_offences", seriousOffences, MOST_CODES);
        ApiJson.atMost("solvability", solvability, MOST_CODES);
        ApiJson.atMost("flags", flags, MOST_CODES);
    }

    /** A suspect or witness. */
    public record PartyRequest(
            @JsonProperty("forenames") String forenames,
            @JsonProperty("surname") String surname,
            @JsonProperty("date_of_birth") String dateOfBirth) {
    }

    /**
     * A victim and the answers to the needs assessment asked at recording. {@code age} (an approximate age, "30",
     * "about 30", "30-35") and {@code not_given} (why the caller gave no date of birth or age: REFUSED, UNKNOWN or
     * NOT_SAFE) answer the question asked before a victim is recorded from a name many records share, as on the form.
     */
    public record VictimRequest(
            @JsonProperty("forenames") String forenames,
            @JsonProperty("surname") String surname,
            @JsonProperty("date_of_birth") String dateOfBirth,
            @JsonProperty("business") Boolean business,
            @JsonProperty("evidence_affected") Boolean evidenceAffected,
            @JsonProperty("in_fear_of_testifying") Boolean inFearOfTestifying,
            @JsonProperty("persistently_targeted") Boolean persistentlyTargeted,
            @JsonProperty("bereaved_close_relative") Boolean bereavedCloseRelative,
            @JsonProperty("declines_referral") Boolean declinesReferral,
            @JsonProperty("personal_statement") String personalStatement,
            @JsonProperty("age") String age,
            @JsonProperty("not_given") String notGiven) {
    }

    /** The body of {@code POST /api/v1/crimes/{id}/outcome}. */
    public record Outcome(
            @JsonProperty("outcome_type") Integer outcomeType,
            @JsonProperty("outcome_date") String outcomeDate) {
    }
}
