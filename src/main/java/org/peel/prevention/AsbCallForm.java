package org.peel.prevention;

import org.peel.people.EthnicityAnswer;
import org.peel.web.FormErrors;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the call handler's form, or the same fields sent as a flat JSON object to the API, into a report and the
 * place it happened, naming each field that is wrong. Fields: {@code category}, {@code subType},
 * {@code description}, {@code channel}, {@code reportedAt} (ISO date-time; now when absent), {@code address},
 * {@code latitude}, {@code longitude}, {@code borough}, {@code ward}, {@code victimForenames}, {@code victimSurname},
 * {@code victimDob} (YYYY-MM-DD), {@code victimPostcode}, {@code victimPhone}, {@code victimAddress},
 * {@code victimEthnicity} (a 2021 Census category code, or NS) with {@code victimEthnicityDefinedBy}
 * (self-defined or officer-observed),
 * {@code callerIsVictim} (yes/no), {@code callerForenames}, {@code callerSurname}, {@code callerPhone},
 * {@code targeted} (yes/no), {@code impact}, {@code vulnerability} (any of the factors), {@code duration}.
 */
public final class AsbCallForm {

    /** The form's fields in the order they appear, so errors are listed in that order. */
    public static final List<String> FIELDS = List.of("category", "subType", "description", "channel", "reportedAt",
            "address", "latitude", "longitude", "borough", "ward", "victimForenames", "victimSurname", "victimDob",
            "victimPostcode", "victimPhone", "victimAddress", "victimEthnicity", "victimEthnicityDefinedBy",
            "callerIsVictim", "callerForenames", "callerSurname",
            "callerPhone", "targeted", "impact", "vulnerability", "duration");

    private AsbCallForm() {
    }

    /**
     * A report ready to record, or the errors to show beside the fields.
     *
     * @param victimEthnicity the victim's ethnicity when it was asked; null when not
     */
    public record Parsed(AsbReport report, AsbLocation location, EthnicityAnswer victimEthnicity, FormErrors errors) {
    }

    /**
     * @param field          a field's value (null or blank when absent)
     * @param vulnerability  the vulnerability factors ticked, by enum name in any case
     * @param defaultBorough the borough when the point does not place the incident (the user's own, for local roles)
     * @param now            when the call is taken
     */
    public static Parsed parse(Function<String, String> field, List<String> vulnerability, String defaultBorough,
                               LocalDateTime now) {
        FormErrors errors = FormErrors.none();
        AsbCategory category = null;
        String categoryText = value(field, "category");
        if (categoryText == null) {
            errors.add("category", "Choose personal, nuisance or environmental");
        } else {
            try {
                category = AsbCategory.fromCode(categoryText);
            } catch (IllegalArgumentException ex) {
                errors.add("category", "Choose personal, nuisance or environmental");
            }
        }
        String subType = value(field, "subType");
        if (subType == null || !AsbSubTypes.ALL.contains(subType)) {
            errors.add("subType", "Choose what kind of behaviour it was");
        }
        String description = value(field, "description");
        if (description == null) {
            errors.add("description", "Say what happened, in the caller's words");
        } else if (description.length() > 4000) {
            errors.add("description", "Keep the description under 4,000 characters");
        }
        AsbChannel channel = null;
        String channelText = value(field, "channel");
        try {
            channel = channelText == null ? null : AsbChannel.fromCode(channelText);
        } catch (IllegalArgumentException ex) {
            channel = null;
        }
        if (channel == null) {
            errors.add("channel", "Choose how it was reported");
        }
        LocalDateTime reportedAt = now;
        String when = value(field, "reportedAt");
        if (when != null) {
            try {
                reportedAt = LocalDateTime.parse(when);
                if (reportedAt.isAfter(now.plusMinutes(5))) {
                    errors.add("reportedAt", "The time reported cannot be in the future");
                }
            } catch (DateTimeParseException ex) {
                errors.add("reportedAt", "Enter the time as YYYY-MM-DDTHH:MM, for example 2026-11-26T19:30");
            }
        }

        String address = value(field, "address");
        Double lat = number(field, "latitude", -90, 90, errors);
        Double lon = number(field, "longitude", -180, 180, errors);
        if ((lat == null) != (lon == null) && !errors.has("latitude") && !errors.has("longitude")) {
            errors.add(lat == null ? "latitude" : "longitude", "Give both latitude and longitude, or neither");
        }
        if (address == null && (lat == null || lon == null)) {
            errors.add("address", "Give the address or a description of the place, or a point");
        }
        String borough = value(field, "borough");
        if (borough == null) {
            borough = defaultBorough;
        }
        if (borough == null && (lat == null || lon == null)) {
            errors.add("borough", "Choose the borough, or give a point");
        }
        AsbLocation location = new AsbLocation(address, lat, lon, borough, value(field, "ward"), null);

        PersonDetails victim = person(field, "victim", errors, now);
        if (victim == null && category == AsbCategory.PERSONAL) {
            errors.add("victimSurname", "Personal ASB is aimed at someone: give the victim's surname");
        }
        EthnicityAnswer ethnicity = EthnicityAnswer.parse("victimEthnicity", value(field, "victimEthnicity"),
                "victimEthnicityDefinedBy", value(field, "victimEthnicityDefinedBy"), errors::add).orElse(null);
        if (ethnicity != null && victim == null) {
            errors.add("victimEthnicity", "Ethnicity is recorded for the victim: give their details, or choose"
                    + " \"Not asked\"");
        }
        boolean callerIsVictim = victim != null && yes(field, "callerIsVictim", errors, false);
        PersonDetails caller = callerIsVictim ? null : person(field, "caller", errors, now);

        AsbQuestionnaire answers = null;
        if (victim != null) {
            boolean targeted = yes(field, "targeted", errors, true);
            AsbQuestionnaire.Impact impact = choice(field, "impact", AsbQuestionnaire.Impact.class, errors,
                    "Choose how much it affects the victim's daily life");
            AsbQuestionnaire.Duration duration = choice(field, "duration", AsbQuestionnaire.Duration.class, errors,
                    "Choose how long it has been going on");
            Set<AsbQuestionnaire.Vulnerability> factors = EnumSet.noneOf(AsbQuestionnaire.Vulnerability.class);
            for (String v : vulnerability) {
                if (v == null || v.isBlank() || v.equalsIgnoreCase("none")) {
                    continue;
                }
                try {
                    factors.add(AsbQuestionnaire.Vulnerability.valueOf(v.strip().toUpperCase()));
                } catch (IllegalArgumentException ex) {
                    errors.add("vulnerability", "Tick the factors from the list");
                }
            }
            if (impact != null && duration != null) {
                answers = new AsbQuestionnaire(impact, factors, targeted, duration);
            }
        }
        if (errors.any()) {
            return new Parsed(null, null, null, ordered(errors));
        }
        return new Parsed(new AsbReport(category, subType, description, channel, reportedAt, caller, callerIsVictim,
                victim, answers), location, ethnicity, errors);
    }

    private static PersonDetails person(Function<String, String> field, String who, FormErrors errors,
                                        LocalDateTime now) {
        String forenames = value(field, who + "Forenames");
        String surname = value(field, who + "Surname");
        String dobText = value(field, who + "Dob");
        String postcode = value(field, who + "Postcode");
        String phone = value(field, who + "Phone");
        String address = value(field, who + "Address");
        if (forenames == null && surname == null && dobText == null && postcode == null && phone == null
                && address == null) {
            return null;
        }
        if (surname == null) {
            errors.add(who + "Surname", "Give the " + who + "'s surname, or leave all their details empty");
        }
        LocalDate dob = null;
        if (dobText != null) {
            try {
                dob = LocalDate.parse(dobText);
                if (dob.isAfter(now.toLocalDate()) || dob.isBefore(LocalDate.of(1900, 1, 1))) {
                    errors.add(who + "Dob", "Date of birth must be after 1900 and not in the future");
                }
            } catch (DateTimeParseException ex) {
                errors.add(who + "Dob", "Enter the date of birth as YYYY-MM-DD, for example 1980-03-31");
            }
        }
        if (postcode != null && !postcode.toUpperCase().matches("[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}")) {
            errors.add(who + "Postcode", "Enter a full UK postcode, for example SW1A 2AA");
        }
        return new PersonDetails(forenames, surname, dob, postcode == null ? null : postcode.toUpperCase(), phone,
                address);
    }

    private static boolean yes(Function<String, String> field, String name, FormErrors errors, boolean required) {
        String v = value(field, name);
        if (v == null) {
            if (required) {
                errors.add(name, "Choose yes or no");
            }
            return false;
        }
        return switch (v.toLowerCase()) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> {
                errors.add(name, "Choose yes or no");
                yield false;
            }
        };
    }

    private static <E extends Enum<E>> E choice(Function<String, String> field, String name, Class<E> type,
                                                FormErrors errors, String message) {
        String v = value(field, name);
        if (v != null) {
            try {
                return Enum.valueOf(type, v.toUpperCase());
            } catch (IllegalArgumentException ex) {
                // falls through to the message below
            }
        }
        errors.add(name, message);
        return null;
    }

    private static Double number(Function<String, String> field, String name, double min, double max, FormErrors errors) {
        String v = value(field, name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException ex) {
            // answered below
        }
        errors.add(name, "Enter a decimal number between " + (int) min + " and " + (int) max);
        return null;
    }

    private static String value(Function<String, String> field, String name) {
        String v = field.apply(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static FormErrors ordered(FormErrors errors) {
        FormErrors inOrder = FormErrors.none();
        for (String f : FIELDS) {
            if (errors.has(f)) {
                inOrder.add(f, errors.get(f));
            }
        }
        return inOrder;
    }
}
