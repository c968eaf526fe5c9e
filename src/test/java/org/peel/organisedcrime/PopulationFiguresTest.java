package org.peel.organisedcrime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Census residents by ethnic group for each borough, from the LSOA atlas")
class PopulationFiguresTest {

    @Test
    @DisplayName("LSOAs are summed to the borough their name begins with, each of the five groups apart")
    void summedByBorough(@TempDir Path shared) throws Exception {
        Files.createDirectories(shared.resolve("population"));
        Files.writeString(shared.resolve(PopulationFigures.ATLAS), String.join("\n",
                "Codes,Names,Ethnic Group;White;2011,Ethnic Group;Mixed/multiple ethnic groups;2011,"
                        + "Ethnic Group;Asian/Asian British;2011,Ethnic Group;Black/African/Caribbean/Black British;2011,"
                        + "Ethnic Group;Other ethnic group;2011",
                "E01000001,Westminster 001A,100,10,20,30,5",
                "E01000002,Westminster 001B,50,5,10,70,5",
                "E01000003,Kensington and Chelsea 002A,200,1,2,3,4", ""));
        Map<String, Map<String, Long>> byBorough = new PopulationFigures(Optional.of(shared)).ethnicityByBorough();
        // Westminster: White 100 + 50, Mixed 10 + 5, Asian 20 + 10, Black 30 + 70, Other 5 + 5
        assertThat(byBorough.get("westminster")).containsExactly(Map.entry("White", 150L), Map.entry("Mixed", 15L),
                Map.entry("Asian", 30L), Map.entry("Black", 100L), Map.entry("Other", 10L));
        assertThat(byBorough.get("kensington and chelsea")).containsEntry("White", 200L);
    }

    @Test
    @DisplayName("without the atlas, no borough's population is held")
    void noAtlas(@TempDir Path shared) {
        assertThat(new PopulationFigures(Optional.of(shared)).ethnicityByBorough()).isEmpty();
    }
}
