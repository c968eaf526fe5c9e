package org.peel.inspection;

import org.junit.jupiter.api.DisplayName;
import org.peel.common.Marker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The inspection's rules: the framework word for word, the marked difference, the sample, the roll-up")
class InspectionRulesTest {

    @Test
    @DisplayName("the four questions and their sub-questions are the 2015 inspection's, word for word")
    void frameworkWordForWord() {
        Framework f = Framework.PEEL_2015;

        assertThat(f.questions()).extracting(Framework.Question::text).containsExactly(
                "How effective is the force at preventing crime and anti-social behaviour, and keeping people safe?",
                "How effective is the force at investigating crime and managing offenders?",
                "How effective is the force at protecting from harm those who are vulnerable, and supporting victims?",
                "How effective is the force at tackling serious and organised crime, including its arrangements for"
                        + " fulfilling its national policing responsibilities?");
        assertThat(f.question("q1").orElseThrow().subQuestions()).extracting(Framework.SubQuestion::text).containsExactly(
                "How much crime and anti-social behaviour is there in the … area?",
                "How well does the force work to prevent crime and anti-social behaviour, and keep people safe?",
                "How well does the force work with partners to prevent crime and anti-social behaviour and keep people safe?");
        assertThat(f.question("q1").orElseThrow().subQuestions().get(1).areas()).containsExactly(
                "prioritising prevention", "allocating resources to it", "using a broad range of effective tactics");
        assertThat(f.question("q2").orElseThrow().subQuestions()).extracting(Framework.SubQuestion::text).containsExactly(
                "How well does the force bring offenders to justice?",
                "How well does the force investigate crime and keep victims safe and informed?",
                "How well does the force identify and manage offenders to prevent re-offending?");
        assertThat(f.question("q2").orElseThrow().subQuestions().get(1).areas()).containsExactly(
                "initial investigation and allocation", "investigating different types of crime",
                "gathering digital evidence", "victims' satisfaction");
        assertThat(f.question("q2").orElseThrow().subQuestions().get(2).areas()).containsExactly(
                "diverting offenders from crime", "repeat offenders", "sexual and other dangerous offenders");
        assertThat(f.question("q4").orElseThrow().subQuestions()).extracting(Framework.SubQuestion::text).containsExactly(
                "How well does the force understand the threat and risk posed by serious and organised crime?",
                "How effectively does the force respond to serious and organised crime?",
                "How effectively is the force working with partners to prevent serious and organised crime?",
                "How effective are the arrangements in place to ensure that the force can fulfil its national policing"
                        + " responsibilities?");
        assertThat(f.question("q1").orElseThrow().subQuestions().get(0).textFor("Kent"))
                .isEqualTo("How much crime and anti-social behaviour is there in the Kent area?");
    }

    @Test
    @DisplayName("Annex A names the four grades and judges against keeping people safe and reducing crime")
    void annexA() {
        assertThat(Grade.values()).extracting(Grade::title)
                .containsExactly("Outstanding", "Good", "Requires improvement", "Inadequate");
        assertThat(String.join(" ", Framework.PEEL_2015.annexA()))
                .contains("outstanding; good; requires improvement; and inadequate")
                .contains("keeping people safe and reducing crime")
                .contains("considerably lower than is expected");
    }

    @Test
    @DisplayName("a figure is marked at 20% from England and Wales: 75 v 60 is +25% higher, 45 v 60 is −25% lower,"
            + " 70 v 60 is +16.7% and unmarked, 72 v 60 is exactly +20% and marked")
    void marker() {
        assertThat(Marker.of(75.0, 60.0, 20).marker()).isEqualTo(Marker.HIGHER);
        assertThat(Marker.of(45.0, 60.0, 20).marker()).isEqualTo(Marker.LOWER);
        assertThat(Marker.of(70.0, 60.0, 20).marker()).isEqualTo(Marker.NONE);
        assertThat(Marker.of(70.0, 60.0, 20).reason()).startsWith("+16.7%");
        assertThat(Marker.of(72.0, 60.0, 20).marker()).isEqualTo(Marker.HIGHER);
        assertThat(Marker.of(null, 60.0, 20).marker()).isEqualTo(Marker.NONE);
        assertThat(Marker.of(5.0, 0.0, 20).reason()).contains("zero");
    }

    private static List<CaseFileSample.Candidate> frame() {
        List<CaseFileSample.Candidate> all = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            all.add(new CaseFileSample.Candidate(String.format("R%03d", i), "Sexual offences", true));
            // sexual offences that are not rape (exposure, sexual assault): in no stratum
            all.add(new CaseFileSample.Candidate(String.format("X%03d", i), "Sexual offences", false));
            all.add(new CaseFileSample.Candidate(String.format("B%03d", i), "Residential burglary"));
            all.add(new CaseFileSample.Candidate(String.format("S%03d", i), i % 2 == 0 ? "Homicide" : "Violence with injury"));
            all.add(new CaseFileSample.Candidate(String.format("A%03d", i), "Violence without injury"));
            all.add(new CaseFileSample.Candidate(String.format("T%03d", i), "Shoplifting"));
        }
        return all;
    }

    @Test
    @DisplayName("the same seed draws the same sample whatever order the crimes come in; another seed another sample")
    void reproducibleSample() {
        List<CaseFileSample.Candidate> frame = frame();
        List<CaseFileSample.Candidate> reversed = new ArrayList<>(frame);
        java.util.Collections.reverse(reversed);

        List<CaseFileSample.Drawn> first = CaseFileSample.draw(frame, 20151201L, 12);
        List<CaseFileSample.Drawn> again = CaseFileSample.draw(reversed, 20151201L, 12);
        List<CaseFileSample.Drawn> other = CaseFileSample.draw(frame, 7L, 12);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        // 12 of each of the four kinds, none of the shoplifting or the sexual offences other than rape, no crime twice
        assertThat(first).hasSize(48);
        for (CaseFileSample.Stratum s : CaseFileSample.Stratum.values()) {
            assertThat(first.stream().filter(d -> d.stratum() == s)).hasSize(12);
        }
        assertThat(first).extracting(CaseFileSample.Drawn::crimeId).doesNotHaveDuplicates()
                .noneMatch(id -> id.startsWith("T") || id.startsWith("X"));
        assertThat(first.stream().filter(d -> d.stratum() == CaseFileSample.Stratum.RAPE))
                .allMatch(d -> d.crimeId().startsWith("R"));
    }

    @Test
    @DisplayName("a kind with fewer crimes than asked gives all it has; a sample of none is refused")
    void smallStratum() {
        List<CaseFileSample.Candidate> few = List.of(new CaseFileSample.Candidate("B1", "Domestic burglary"),
                new CaseFileSample.Candidate("B2", "Non-residential burglary"));

        assertThat(CaseFileSample.draw(few, 1, 10)).extracting(CaseFileSample.Drawn::crimeId)
                .containsExactlyInAnyOrder("B1", "B2");
        assertThatThrownBy(() -> CaseFileSample.draw(few, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CaseFileReview review(String id, CaseFileReview.Answer vulnerability, CaseFileReview.Answer rest) {
        Map<CaseFileReview.Point, CaseFileReview.Answer> a = new EnumMap<>(CaseFileReview.Point.class);
        for (CaseFileReview.Point p : CaseFileReview.Point.values()) {
            a.put(p, rest);
        }
        a.put(CaseFileReview.Point.VULNERABILITY_IDENTIFIED, vulnerability);
        return new CaseFileReview(id, a, "");
    }

    @Test
    @DisplayName("reviews roll up to their questions: vulnerability (yes, no, n/a) to Q3 as 1 of 2 yes;"
            + " the four investigation points (yes, partly, yes) to Q2 as 2 of 3 yes, 1 partly each")
    void rollUp() {
        var yes = CaseFileReview.Answer.YES;
        List<CaseFileReview> reviews = List.of(review("C1", yes, yes),
                review("C2", CaseFileReview.Answer.NO, CaseFileReview.Answer.PARTLY),
                review("C3", CaseFileReview.Answer.NOT_APPLICABLE, yes));

        Map<String, List<CaseFileReview.Tally>> rolled = CaseFileReview.rollUp(reviews);

        assertThat(rolled.get("q3")).singleElement().satisfies(t -> {
            assertThat(t.yes()).isEqualTo(1);
            assertThat(t.no()).isEqualTo(1);
            assertThat(t.said()).isEqualTo("1 of 2 yes, 0 partly, 1 no");
        });
        assertThat(rolled.get("q2")).hasSize(4).allSatisfy(t -> assertThat(t.said()).isEqualTo("2 of 3 yes, 1 partly, 0 no"));
    }
}
