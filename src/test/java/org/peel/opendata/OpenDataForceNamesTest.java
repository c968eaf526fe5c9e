package org.peel.opendata;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Force names across sources")
class OpenDataForceNamesTest {

    private final ForceNames names = new ForceNames(List.of(
            new ForceNames.Force("E23000035", "Devon and Cornwall", true),
            new ForceNames.Force("E23000034", "City of London", true),
            new ForceNames.Force("E23000001", "Metropolitan Police", true),
            new ForceNames.Force("E23000036", "Avon and Somerset", true),
            new ForceNames.Force("BTP", "British Transport Police", false),
            new ForceNames.Force("PSNI", "Police Service of Northern Ireland", false)));

    @Test
    @DisplayName("each source's spelling finds the same force")
    void spellings() {
        assertThat(names.byName("Devon & Cornwall")).map(ForceNames.Force::code).contains("E23000035");
        assertThat(names.byName("Devon & Cornwall Police")).map(ForceNames.Force::code).contains("E23000035");
        assertThat(names.byName("London, City of")).map(ForceNames.Force::code).contains("E23000034");
        assertThat(names.byName("City of London Police")).map(ForceNames.Force::code).contains("E23000034");
        assertThat(names.byName("Metropolitan Police Service")).map(ForceNames.Force::code).contains("E23000001");
        assertThat(names.byName("Avon and Somerset Constabulary")).map(ForceNames.Force::code).contains("E23000036");
        assertThat(names.byName("British Transport Police")).map(ForceNames.Force::territorial).contains(false);
        assertThat(names.byName("Police Service of Northern Ireland")).map(ForceNames.Force::code).contains("PSNI");
    }

    @Test
    @DisplayName("a code wins over a name; nothing is guessed for an unknown name; fraud bodies are not forces")
    void codesFirst() {
        assertThat(names.match("E23000001", "Some other name")).map(ForceNames.Force::name).contains("Metropolitan Police");
        assertThat(names.byName("Gotham")).isEmpty();
        assertThat(ForceNames.isFraudBody("Fraud: Action Fraud")).isTrue();
        assertThat(ForceNames.isFraudBody("CIFAS")).isTrue();
        assertThat(ForceNames.isFraudBody("Kent")).isFalse();
    }
}
