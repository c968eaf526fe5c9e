package org.peel.synthetic;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Synthetic records follow the patterns of real police data")
class SyntheticPatternsTest {

    @TempDir
    static Path tmp;
    static List<Map<String, String>> crimes;
    static Map<String, String> outcomes = new HashMap<>();
    static List<Map<String, String>> asb;

    @BeforeAll
    static void generate() throws IOException {
        Path out = SyntheticFixtures.generateCsv(SyntheticFixtures.builtInMet(), 0.02, 13, SyntheticSettings.defaults(), tmp);
        crimes = SyntheticFixtures.read(out.resolve("crime.csv"));
        SyntheticFixtures.read(out.resolve("crime_outcome.csv")).forEach(o -> outcomes.put(o.get("crime_id"), o.get("outcome_code")));
        asb = SyntheticFixtures.read(out.resolve("asb_incident.csv"));
    }

    @Test
    @DisplayName("violence peaks on weekend nights, shoplifting in the daytime")
    void timeOfDayAndWeek() {
        List<LocalDateTime> violence = times(crimes, c -> c.get("offence_group").equals("Violence with injury"), "committed_at");
        double weekendNights = share(violence, t -> (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY)
                && t.getHour() < 4);
        double midweekNights = share(violence, t -> (t.getDayOfWeek() == DayOfWeek.TUESDAY || t.getDayOfWeek() == DayOfWeek.WEDNESDAY)
                && t.getHour() < 4);
        assertThat(weekendNights).isGreaterThan(1.5 * midweekNights);

        List<LocalDateTime> shoplifting = times(crimes, c -> c.get("offence_group").equals("Shoplifting"), "committed_at");
        assertThat(share(shoplifting, t -> t.getHour() >= 9 && t.getHour() < 19)).isGreaterThan(0.7);
    }

    @Test
    @DisplayName("ASB is commoner in summer than in winter")
    void seasonality() {
        List<LocalDateTime> incidents = times(asb, i -> true, "reported_at");
        double july = share(incidents, t -> t.getMonth() == Month.JULY);
        double january = share(incidents, t -> t.getMonth() == Month.JANUARY);
        assertThat(july).isGreaterThan(1.2 * january);
    }

    @Test
    @DisplayName("most volume crime closes with no suspect identified, and charge rates differ by offence group")
    void outcomes() {
        assertThat(outcomeShare("Vehicle offences", Set.of("18"))).isGreaterThan(0.7);
        double homicide = outcomeShare("Homicide", Set.of("1"));
        double weapons = outcomeShare("Possession of weapons offences", Set.of("1"));
        double burglary = outcomeShare("Domestic burglary", Set.of("1"));
        assertThat(weapons).isGreaterThan(3 * burglary);
        assertThat(homicide + 0.2).isGreaterThan(weapons);
    }

    @Test
    @DisplayName("domestic abuse and hate flags appear where they belong")
    void flags() {
        double violenceDomestic = flagShare("Violence without injury", "domestic_abuse");
        double shopliftingDomestic = flagShare("Shoplifting", "domestic_abuse");
        assertThat(violenceDomestic).isBetween(0.25, 0.45);
        assertThat(shopliftingDomestic).isZero();
        assertThat(flagShare("Public order offences", "hate")).isGreaterThan(flagShare("Vehicle offences", "hate"));
    }

    private static double outcomeShare(String group, Set<String> codes) {
        List<Map<String, String>> inGroup = crimes.stream().filter(c -> c.get("offence_group").equals(group)).toList();
        return inGroup.isEmpty() ? 0 : (double) inGroup.stream().filter(c -> codes.contains(outcomes.getOrDefault(c.get("id"), "0"))).count()
                / inGroup.size();
    }

    private static double flagShare(String group, String flag) {
        List<Map<String, String>> inGroup = crimes.stream().filter(c -> c.get("offence_group").equals(group)).toList();
        return (double) inGroup.stream().filter(c -> c.get(flag).equals("true")).count() / inGroup.size();
    }

    private static List<LocalDateTime> times(List<Map<String, String>> rows, Predicate<Map<String, String>> which, String column) {
        return rows.stream().filter(which).map(r -> LocalDateTime.parse(r.get(column).replace(' ', 'T'))).toList();
    }

    private static double share(List<LocalDateTime> times, Predicate<LocalDateTime> which) {
        return (double) times.stream().filter(which).count() / times.size();
    }
}
