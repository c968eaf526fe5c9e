package org.peel.synthetic;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.TestDatabase;
import org.peel.vulnerability.DashAnswer;
import org.peel.vulnerability.DashAssessment;
import org.peel.vulnerability.DashGrade;
import org.peel.vulnerability.DashQuestionnaire;
import org.peel.vulnerability.DomesticAbuseSettings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The synthetic force's domestic abuse follows the DASH and MARAC rules")
class DomesticAbuseSyntheticTest {

    @Test
    @DisplayName("every grade comes from its answers, every referral meets a criterion and has its MARAC case")
    void gradesAndReferralsFollowTheRules() throws IOException {
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        ForceSpec met = SyntheticFixtures.builtInMet();
        try (DatabaseSink sink = new DatabaseSink(jdbi)) {
            SyntheticForce.generate(met, new Generation(met.name(), 0.002, 5, SyntheticFixtures.JUNE_2015),
                    SyntheticSettings.defaults(), sink);
        }
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery("""
                        select d.id, d.dash_risk, d.dash_answers, d.dash_yes, d.judgement, d.judgement_reason,
                               d.marac_referral, d.incidents_12m, array_to_string(d.marac_criteria, ',') as criteria,
                               exists (select 1 from marac_referral m where m.incident_id = d.id) as has_case
                        from domestic_abuse_incident d""").mapToMap().list());
        assertThat(rows).hasSizeGreaterThan(100);
        DomesticAbuseSettings settings = DomesticAbuseSettings.defaults();
        long high = 0;
        long referred = 0;
        for (Map<String, Object> r : rows) {
            String codes = (String) r.get("dash_answers");
            List<DashAnswer> answers = new ArrayList<>();
            for (char c : codes.toCharArray()) {
                answers.add(DashAnswer.fromCode(String.valueOf(c)));
            }
            long yes = codes.chars().filter(c -> c == 'Y').count();
            assertThat(((Number) r.get("dash_yes")).longValue()).isEqualTo(yes);
            String judgement = (String) r.get("judgement");
            DashAssessment.Result graded = DashAssessment.assess(DashQuestionnaire.acpo2009(), answers,
                    judgement == null ? null : DashGrade.fromCode(judgement), (String) r.get("judgement_reason"), settings);
            assertThat(r.get("dash_risk")).as((String) r.get("id")).isEqualTo(graded.grade().code());
            // the four criteria, checked from the stored facts: 14+ yes, raised to high, 3+ in 12 months, repeat
            String criteria = (String) r.get("criteria");
            boolean expected = yes >= 14 || (judgement != null && judgement.equals("high") && yes < 14)
                    || ((Number) r.get("incidents_12m")).intValue() >= 3 || criteria.contains("repeat");
            assertThat((Boolean) r.get("marac_referral")).as((String) r.get("id")).isEqualTo(expected);
            assertThat((Boolean) r.get("has_case")).isEqualTo(r.get("marac_referral"));
            high += graded.grade() == DashGrade.HIGH ? 1 : 0;
            referred += (Boolean) r.get("marac_referral") ? 1 : 0;
        }
        // every high grade is referred, and escalation and repeats add more: never fewer referrals than high grades
        assertThat(referred).isGreaterThanOrEqualTo(high);
        assertThat(high).isPositive();

        // the section's figures over the generated year: a repeat referral is counted among referrals
        org.peel.vulnerability.DomesticAbuseSummary summary = new org.peel.vulnerability.DomesticAbuseSummary(jdbi);
        java.time.LocalDateTime latest = summary.latest(null).orElseThrow();
        org.peel.vulnerability.DomesticAbuseSummary.Figures f = summary.figures(null, latest.minusYears(1), latest.plusSeconds(1));
        assertThat(f.referrals()).isPositive().isLessThanOrEqualTo(referred);
        assertThat(f.repeatReferrals()).isLessThan(f.referrals());
        assertThat(f.repeatVictims()).isPositive().isLessThan(f.victims());
        assertThat(f.reviewedInTime()).isLessThan(f.reviewed());
        System.out.println("synthetic domestic abuse, Met 0.002 seed 5: " + f + ", high " + high + ", referred "
                + referred + ", repeat referral rate " + f.repeatReferralRate());
    }
}
