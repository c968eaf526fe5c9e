package org.peel.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns of a file hold which detail: {@code given_name=first_name,dob=date_of_birth}. A detail spread over
 * several columns joins them with {@code +}: {@code address=street_number+address_1}.
 */
public record FieldMapping(Map<PersonField, List<String>> columns) {

    public FieldMapping {
        columns = Collections.unmodifiableMap(new EnumMap<>(columns));
    }

    /** Parses {@code field=column[+column][,field=column...]}; several --map options may be given. */
    public static FieldMapping parse(List<String> specs) {
        Map<PersonField, List<String>> columns = new EnumMap<>(PersonField.class);
        for (String spec : specs) {
            for (String part : spec.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    throw new IllegalArgumentException("--map expects field=column, not '" + part.trim() + "'");
                }
                PersonField field = PersonField.parse(part.substring(0, eq));
                List<String> cols = new ArrayList<>(Arrays.stream(part.substring(eq + 1).split("\\+"))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList());
                if (columns.put(field, cols) != null) {
                    throw new IllegalArgumentException("--map names field '" + field.key() + "' twice");
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("--map must name at least one field");
        }
        return new FieldMapping(columns);
    }
}
