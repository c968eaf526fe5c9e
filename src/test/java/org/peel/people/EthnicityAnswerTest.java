package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An ethnicity answer read from a form: a census category and who defined it")
class EthnicityAnswerTest {

    private final Map<String, String> errors = new LinkedHashMap<>();

    private Optional<EthnicityAnswer> read(String code, String definedBy) {
        return EthnicityAnswer.parse("eth", code, "by", definedBy, errors::put);
    }

    @Test
    @DisplayName("no category chosen is no answer and no error, whoever is said to have defined it")
    void notAsked() {
        assertThat(read("", "officer-observed")).isEmpty();
        assertThat(read(null, null)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    @DisplayName("a self-defined category is kept whole; an officer's observation of it is its broad group")
    void definedBy() {
        EthnicityAnswer self = read("a3", "self-defined").orElseThrow();
        assertThat(self.ethnicity()).isEqualTo(Ethnicity.A3);
        assertThat(self.observedGroup()).isNull();
        // M2 is "White and Black African", in the Mixed group
        EthnicityAnswer observed = read("M2", "officer-observed").orElseThrow();
        assertThat(observed.definedBy()).isEqualTo(EthnicityAnswer.DefinedBy.OFFICER);
        assertThat(observed.observedGroup()).isEqualTo("Mixed");
        assertThat(read("NS", "self-defined")).contains(new EthnicityAnswer(Ethnicity.NS,
                EthnicityAnswer.DefinedBy.SELF));
        assertThat(errors).isEmpty();
    }

    @Test
    @DisplayName("an unknown category, a missing definer and an officer's \"not stated\" are each named against their field")
    void errors() {
        assertThat(read("W5", "self-defined")).isEmpty();
        assertThat(errors).containsOnlyKeys("eth");
        errors.clear();
        assertThat(read("B1", "")).isEmpty();
        assertThat(errors).containsOnlyKeys("by");
        errors.clear();
        assertThat(read("NS", "officer-observed")).isEmpty();
        assertThat(errors).containsOnlyKeys("eth");
        assertThat(errors.get("eth")).contains("an officer records the group they observed");
    }
}
