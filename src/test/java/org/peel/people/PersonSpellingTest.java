package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Telling quickly that two spellings are not alike")
class PersonSpellingTest {

    @Test
    @DisplayName("the quick bound never turns away a pair whose Jaro-Winkler reaches the threshold")
    void boundIsSafe() {
        // given names, their slips (swapped, dropped and doubled letters) and strangers, compared every way
        String[] names = {"john", "jon", "jonathan", "smith", "smyth", "smithe", "thompson", "thomson", "mary",
                "marie", "martha", "oliver", "olivia", "high street", "hihg street", "manchester", "manchestr",
                "jo.smith@example.com", "jo.smyth@example.com", "a", "ab", "ba", "okafor", "okafro", "nowak"};
        Random random = new Random(7);
        List<String> words = new ArrayList<>(List.of(names));
        for (String n : names) {
            for (int k = 0; k < 4 && n.length() > 2; k++) {
                int i = random.nextInt(n.length() - 1);
                words.add(n.substring(0, i) + n.charAt(i + 1) + n.charAt(i) + n.substring(i + 2));
                words.add(n.substring(0, i) + n.substring(i + 1));
                words.add(n.substring(0, i) + n.charAt(i) + n.substring(i));
            }
        }
        int reached = 0;
        for (String a : words) {
            for (String b : words) {
                double jw = Spelling.jaroWinkler(a, b);
                for (double threshold : new double[]{0.80, 0.88, 0.90, 0.92}) {
                    boolean quick = Spelling.jaroWinklerAtLeast(a, b, threshold) >= threshold;
                    assertThat(quick).as("%s / %s at %.2f (Jaro-Winkler %.4f)", a, b, threshold, jw)
                            .isEqualTo(jw >= threshold);
                    reached += quick ? 1 : 0;
                }
            }
        }
        assertThat(reached).isPositive();
    }
}
