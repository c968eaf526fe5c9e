package org.peel.prevention;

import java.util.List;

/**
 * The descriptive sub-types the MPS keeps beside the NSIR category (reference/standards.md §3.1). Sub-type and
 * category are independent fields: any sub-type may go with any category.
 */
public final class AsbSubTypes {

    public static final List<String> ALL = List.of(
            "Vehicle abandoned - not stolen", "Vehicle nuisance/inappropriate use", "Rowdy or inconsiderate behaviour",
            "Rowdy/nuisance neighbours", "Littering/drug paraphernalia", "Animal problems", "Trespass",
            "Malicious/nuisance communications", "Street drinking", "Prostitution related activity", "Noise",
            "Begging/vagrancy", "Fireworks");

    private AsbSubTypes() {
    }
}
