package org.peel.prevention;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.peel.web.ApiJson;

import java.util.List;
import java.util.function.Function;

/**
 * The body of {@code POST /api/v1/asb-incidents}: the call handler's form fields as one flat JSON object, each
 * named as on the form (see {@link AsbCallForm}) but in snake_case, as all of /api/v1 is ({@code victimSurname}
 * is {@code victim_surname}); {@code latitude} and {@code longitude} are numbers, the rest text
 * ({@code caller_is_victim} and {@code targeted} are "yes" or "no", or a JSON boolean), {@code vulnerability} a
 * list of factors (one factor alone is taken too), and {@code victim_person_id} the person the call handler
 * identified the victim as; {@code victim_ethnicity} and {@code victim_ethnicity_defined_by} as on the form.
 * {@code victim_age} (an approximate age, "30", "about 30", "30-35") and {@code victim_not_given} (why the caller
 * gave no date of birth, age or postcode: REFUSED, UNKNOWN or NOT_SAFE) answer the question asked before a victim
 * is recorded as someone new from a name many records share, as on the form.
 */
public record AsbCallRequest(String category, String subType, String description, String channel, String reportedAt,
                             String address, Double latitude, Double longitude, String borough, String ward,
                             String victimForenames, String victimSurname, String victimDob, String victimPostcode,
                             String victimPhone, String victimAddress, YesNo callerIsVictim, String callerForenames,
                             String callerSurname, String callerPhone, YesNo targeted, String impact,
                             @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> vulnerability,
                             String duration, String victimPersonId, String victimEthnicity,
                             String victimEthnicityDefinedBy, String victimAge, String victimNotGiven)
        implements ApiJson.Body {

    /**
     * A yes-or-no answer as the form sends it ("yes", "no") or as JSON would (true, false); the words are checked
     * with the form's other answers, so a wrong one is named beside its field. A number is not an answer.
     */
    public record YesNo(String text) {
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        public static YesNo of(String text) {
            return new YesNo(text);
        }

        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        public static YesNo of(boolean yes) {
            return new YesNo(yes ? "yes" : "no");
        }
    }

    /** More than there are factors to tick. */
    public static final int MOST_VULNERABILITY_FACTORS = 20;

    public AsbCallRequest {
        vulnerability = vulnerability == null ? List.of() : vulnerability;
    }

    @Override
    public void check() {
        ApiJson.atMost("vulnerability", vulnerability, MOST_VULNERABILITY_FACTORS);
    }

    /**
     * The body's name for a form field, as an error about it is keyed: {@code victimSurname} is
     * {@code victim_surname}, the name the caller sent.
     */
    public static String jsonName(String formField) {
        return formField.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The form's errors keyed by the body's field names rather than the form's. */
    public static java.util.Map<String, String> jsonNames(java.util.Map<String, String> formErrors) {
        java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
        formErrors.forEach((field, message) -> named.putIfAbsent(jsonName(field), message));
        return named;
    }

    /** Each form field's value, by its form name, as the form parser reads it (null when absent). */
    public Function<String, String> fields() {
        return name -> switch (name) {
            case "category" -> category;
            case "subType" -> subType;
            case "description" -> description;
            case "channel" -> channel;
            case "reportedAt" -> reportedAt;
            case "address" -> address;
            case "latitude" -> latitude == null ? null : latitude.toString();
            case "longitude" -> longitude == null ? null : longitude.toString();
            case "borough" -> borough;
            case "ward" -> ward;
            case "victimForenames" -> victimForenames;
            case "victimSurname" -> victimSurname;
            case "victimDob" -> victimDob;
            case "victimPostcode" -> victimPostcode;
            case "victimPhone" -> victimPhone;
            case "victimAddress" -> victimAddress;
            case "callerIsVictim" -> callerIsVictim == null ? null : callerIsVictim.text();
            case "callerForenames" -> callerForenames;
            case "callerSurname" -> callerSurname;
            case "callerPhone" -> callerPhone;
            case "targeted" -> targeted == null ? null : targeted.text();
            case "impact" -> impact;
            case "duration" -> duration;
            case "victimEthnicity" -> victimEthnicity;
            case "victimEthnicityDefinedBy" -> victimEthnicityDefinedBy;
            case "victimAge" -> victimAge;
            case "victimNotGiven" -> victimNotGiven;
            default -> null;
        };
    }
}
