package org.peel.people;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Self-defined ethnicity as a person states it: the 2021 Census's 19 categories in its five broad groups, or "not
 * stated" when the person chose not to say. Each has the code Peel stores and the census column it is counted in.
 * Officer-observed ethnicity is recorded only to a broad {@link #GROUPS group}.
 */
public enum Ethnicity {
    W1("White", "English, Welsh, Scottish, Northern Irish or British"),
    W2("White", "Irish"),
    W3("White", "Gypsy or Irish Traveller"),
    W4("White", "Roma"),
    W9("White", "Any other White background"),
    M1("Mixed", "White and Black Caribbean"),
    M2("Mixed", "White and Black African"),
    M3("Mixed", "White and Asian"),
    M9("Mixed", "Any other Mixed or multiple ethnic background"),
    A1("Asian", "Indian"),
    A2("Asian", "Pakistani"),
    A3("Asian", "Bangladeshi"),
    A4("Asian", "Chinese"),
    A9("Asian", "Any other Asian background"),
    B1("Black", "Caribbean"),
    B2("Black", "African"),
    B9("Black", "Any other Black, Black British or Caribbean background"),
    O1("Other", "Arab"),
    O9("Other", "Any other ethnic group"),
    NS(null, "Not stated");

    /** The five broad groups, in the census's order; also the officer-observed choices. */
    public static final List<String> GROUPS = List.of("White", "Mixed", "Asian", "Black", "Other");

    private final String group;
    private final String label;

    Ethnicity(String group, String label) {
        this.group = group;
        this.label = label;
    }

    /** The broad group, or null for "not stated". */
    public String group() {
        return group;
    }

    public String label() {
        return label;
    }

    /** The categories of the census, without "not stated". */
    public static List<Ethnicity> categories() {
        return Arrays.stream(values()).filter(e -> e != NS).toList();
    }

    public static Optional<Ethnicity> fromCode(String code) {
        return Arrays.stream(values()).filter(e -> e.name().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }
}
