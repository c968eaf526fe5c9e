package org.peel.synthetic;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Domestic burglary clusters in space and time")
class SyntheticNearRepeatTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a burgled home raises the risk nearby for a few weeks, and not afterwards")
    void nearRepeat() throws IOException {
        // given a generated force
        Path out = SyntheticFixtures.generateCsv(SyntheticFixtures.builtInMet(), 0.05, 4, SyntheticSettings.defaults(), tmp);
        List<Map<String, String>> burglaries = SyntheticFixtures.read(out.resolve("crime.csv")).stream()
                .filter(c -> c.get("offence_group").equals("Domestic burglary")).toList();

        // when each burglary is checked for an earlier one within 200 metres
        double within28Days = shareWithEarlierNearby(burglaries, 0, 28);
        double days29To56 = shareWithEarlierNearby(burglaries, 29, 56);

        // then about the configured share follow one within four weeks, far more than in the four weeks after that
        assertThat(burglaries).hasSizeGreaterThan(2_000);
        assertThat(within28Days).isBetween(0.09, 0.20);
        assertThat(within28Days).isGreaterThan(3 * days29To56);
    }

    private static double shareWithEarlierNearby(List<Map<String, String>> burglaries, int fromDays, int toDays) {
        int n = burglaries.size();
        LocalDateTime[] at = new LocalDateTime[n];
        double[] lat = new double[n];
        double[] lon = new double[n];
        for (int i = 0; i < n; i++) {
            at[i] = LocalDateTime.parse(burglaries.get(i).get("committed_at").replace(' ', 'T'));
            lat[i] = Double.parseDouble(burglaries.get(i).get("latitude"));
            lon[i] = Double.parseDouble(burglaries.get(i).get("longitude"));
        }
        long hits = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long days = ChronoUnit.MINUTES.between(at[j], at[i]) / (24 * 60);
                double metres = Math.hypot((lat[i] - lat[j]) * 111_320, (lon[i] - lon[j]) * 111_320 * Math.cos(Math.toRadians(lat[i])));
                if (j != i && at[j].isBefore(at[i]) && days >= fromDays && days <= toDays && metres <= 200) {
                    hits++;
                    break;
                }
            }
        }
        return (double) hits / n;
    }
}
