package org.peel.people;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    @Test
    @DisplayName("Peel's own Jaro-Winkler gives exactly commons-text's figure, to the last bit, so linkage decides alike")
    void sameAsCommonsText() {
        // given names with slips, strangers, empty and one-letter names, repeated letters, and strings longer
        // than 64 characters (which take the array path)
        org.apache.commons.text.similarity.JaroWinklerSimilarity reference =
                new org.apache.commons.text.similarity.JaroWinklerSimilarity();
        Random random = new Random(11);
        List<String> words = new ArrayList<>(List.of("", "a", "aa", "ab", "ba", "martha", "marhta", "dwayne", "duane",
                "dixon", "dicksonx", "jones", "johnson", "aaaaab", "baaaaa", "abcabcabc", "cbacbacba"));
        String letters = "aeinorst";
        for (int k = 0; k < 300; k++) {
            int length = k % 50 == 0 ? 65 + random.nextInt(30) : 1 + random.nextInt(12);
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < length; i++) {
                w.append(letters.charAt(random.nextInt(letters.length())));
            }
            words.add(w.toString());
            // a slip of the same word: two neighbours swapped
            if (length > 2) {
                int i = random.nextInt(length - 1);
                words.add(w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2));
            }
        }
        int compared = 0;
        for (String a : words) {
            for (String b : words) {
                assertThat(Double.doubleToLongBits(Spelling.jaroWinkler(a, b))).as("%s / %s", a, b)
                        .isEqualTo(Double.doubleToLongBits(reference.apply(a, b)));
                compared++;
            }
        }
        // "martha" / "marhta", worked by hand: 6 matches, t and h swapped so 2 half transpositions (1 transposition);
        // Jaro = (6/6 + 6/6 + 5/6) / 3 = 0.9444…, prefix "mar" of 3: 0.9444 + 0.1 × 3 × 0.0556 = 0.9611
        assertThat(Spelling.jaroWinkler("martha", "marhta")).isCloseTo(0.9611, within(1e-4));
        assertThat(compared).isGreaterThan(100_000);
    }
}
