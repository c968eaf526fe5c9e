package org.peel.offenders;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Diversion: reoffending after referral beside a comparison group matched on score band, age band and offence group")
class DiversionComparisonTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static DiversionComparison.Profile profile(double score, String ageBand, String group) {
        return new DiversionComparison.Profile(score, DiversionComparison.scoreBand(score), ageBand, group);
    }

    @Test
    @DisplayName("score bands and age bands fall at their stated edges")
    void bands() {
        assertThat(DiversionComparison.scoreBand(9.99)).isEqualTo("under 10");
        assertThat(DiversionComparison.scoreBand(10)).isEqualTo("10 to 99");
        assertThat(DiversionComparison.scoreBand(364.99)).isEqualTo("100 to 364");
        assertThat(DiversionComparison.scoreBand(365)).isEqualTo("365 and over");
        // born 2008-03-02: 17 the day before their 18th birthday, 18 on it
        assertThat(DiversionComparison.ageBand(d("2008-03-02"), d("2026-03-01"))).isEqualTo("10-17");
        assertThat(DiversionComparison.ageBand(d("2008-03-02"), d("2026-03-02"))).isEqualTo("18-24");
        assertThat(DiversionComparison.ageBand(d("1976-01-01"), d("2026-01-01"))).isEqualTo("50+");
        assertThat(DiversionComparison.ageBand(null, d("2026-01-01"))).isEqualTo("unknown");
    }

    @Test
    @DisplayName("a worked case: first referrals only, matches in the same stratum by nearest score, each used once")
    void workedCase() {
        // referred: P1 (score 50, 25-34, shoplifting) on 1 March; P5 (57, same stratum) on 2 March; P2 (200, 10-17,
        // robbery) on 1 April; P1 again on 1 May (a second referral: not counted); P4 with no offence before
        // referral (unmatched); P3 on 1 October, whose 180 days have not passed by 31 December (not yet followed up)
        List<DiversionComparison.Referral> referrals = List.of(
                new DiversionComparison.Referral(1, "P1", d("2025-03-01"), Diversion.Scheme.DRUGS_ALCOHOL),
                new DiversionComparison.Referral(2, "P2", d("2025-04-01"), Diversion.Scheme.YOUTH),
                new DiversionComparison.Referral(3, "P1", d("2025-05-01"), Diversion.Scheme.GANGS),
                new DiversionComparison.Referral(4, "P3", d("2025-10-01"), Diversion.Scheme.GANGS),
                new DiversionComparison.Referral(5, "P4", d("2025-02-01"), Diversion.Scheme.DRUGS_ALCOHOL),
                new DiversionComparison.Referral(6, "P5", d("2025-03-02"), Diversion.Scheme.DRUGS_ALCOHOL));
        Map<String, DiversionComparison.Profile> profiles = new HashMap<>();
        profiles.put("P1", profile(50, "25-34", "Shoplifting"));
        profiles.put("P5", profile(57, "25-34", "Shoplifting"));
        profiles.put("P2", profile(200, "10-17", "Robbery"));
        profiles.put("P3", profile(20, "18-24", "Shoplifting"));
        // the pool, never referred
        profiles.put("C1", profile(40, "25-34", "Shoplifting"));   // P1's gap 10, P5's gap 17
        profiles.put("C2", profile(58, "25-34", "Shoplifting"));   // P1's gap 8: P1's match
        profiles.put("C3", profile(51, "18-24", "Shoplifting"));   // nearest score but another age band
        profiles.put("C4", profile(190, "10-17", "Robbery"));      // P2's gap 10
        profiles.put("C5", profile(210, "10-17", "Robbery"));      // P2's gap 10 too: the tie goes to C4
        Map<String, List<LocalDate>> offences = Map.of(
                "P1", List.of(d("2025-02-20"), d("2025-06-01"), d("2025-09-15")), // 1 before, 1 within 180 days after
                "P2", List.of(d("2025-03-15")),                                   // 1 before, none after
                "C1", List.of(d("2025-04-01")),                                   // 1 after P5's referral
                "C2", List.of(d("2025-01-10")),                                   // 1 before P1's referral
                "C4", List.of(d("2025-04-02"), d("2025-05-05")));                 // 2 after P2's referral

        DiversionComparison.Result r = DiversionComparison.compare(referrals, Set.of("C1", "C2", "C3", "C4", "C5"),
                (id, on) -> Optional.ofNullable(profiles.get(id)), offences, 180, d("2025-12-31"));

        assertThat(r.pairs()).extracting(p -> p.referral().personId() + "-" + p.matchId())
                .containsExactly("P1-C2", "P5-C1", "P2-C4");
        assertThat(r.unmatched()).isEqualTo(1);          // P4
        assertThat(r.notYetFollowedUp()).isEqualTo(1);   // P3
        // referred: P1, P5, P2 — 2 offences before, 1 after, 1 of 3 reoffended
        assertThat(r.referred()).isEqualTo(new DiversionComparison.Group(3, 2, 1, 1));
        // comparison: C2, C1, C4 — 1 before, 3 after, 2 of 3 reoffended
        assertThat(r.comparison()).isEqualTo(new DiversionComparison.Group(3, 1, 3, 2));
        assertThat(r.referred().reoffendingRate()).isEqualTo(1.0 / 3);
        assertThat(r.comparison().reoffendingRate()).isEqualTo(2.0 / 3);
    }

    @Test
    @DisplayName("no one in the stratum: the referral is unmatched and left out of both groups")
    void noOneToMatch() {
        DiversionComparison.Result r = DiversionComparison.compare(
                List.of(new DiversionComparison.Referral(1, "P1", d("2025-01-01"), Diversion.Scheme.GANGS)),
                Set.of("C1"), (id, on) -> Optional.of(id.equals("P1") ? profile(400, "18-24", "Robbery")
                        : profile(400, "18-24", "Burglary")), Map.of(), 30, d("2025-12-31"));
        assertThat(r.unmatched()).isEqualTo(1);
        assertThat(r.referred().people()).isZero();
        assertThat(r.comparison().people()).isZero();
    }

    @Test
    @DisplayName("a referral is refused for youth diversion at 18, for the female triage when recorded male, and in the future")
    void referralRules() {
        LocalDate today = d("2026-03-10");
        Diversion.Person eighteen = new Diversion.Person(d("2008-03-02"), "F");
        assertThat(Diversion.checkReferral("youth", d("2026-03-02"), "Arrested for possession", eighteen, today)
                .get("scheme")).contains("this person was 18");
        assertThat(Diversion.checkReferral("youth", d("2026-03-01"), "Arrested for possession", eighteen, today).any())
                .isFalse();
        assertThat(Diversion.checkReferral("female-triage", d("2026-03-01"), "Shoplifting to fund rent",
                new Diversion.Person(null, "M"), today).get("scheme")).contains("recorded as male");
        // unknown sex and date of birth do not bar a referral: the scheme checks on assessment
        assertThat(Diversion.checkReferral("female-triage", d("2026-03-01"), "Shoplifting to fund rent",
                new Diversion.Person(null, null), today).any()).isFalse();
        assertThat(Diversion.checkReferral("gangs", d("2026-03-11"), "Seen with a county line", eighteen, today)
                .get("referredOn")).contains("future");
        assertThat(Diversion.checkReferral("gangs", d("2026-03-01"), "short", eighteen, today).has("reason")).isTrue();
        assertThat(Diversion.checkOutcome("completed", d("2026-02-28"), d("2026-03-01"), false, today)
                .get("outcomeOn")).contains("before the referral");
        assertThat(Diversion.checkOutcome("completed", d("2026-03-05"), d("2026-03-01"), true, today)
                .get("outcome")).contains("already recorded");
    }
}
