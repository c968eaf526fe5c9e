package org.peel.prevention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules run when an ASB incident with a victim is recorded, in one place so that a call taken in Peel
 * ({@link RecordAsbIncident}) and a generated incident ({@link AsbRecordingPass}) are decided alike: the repeat-victim
 * rule, the case review threshold, the risk assessment, and the flags to the ward's neighbourhood team. Pure: the
 * caller finds the victim's earlier records and the place's earlier incidents, and writes the result.
 */
public final class AsbAtRecording {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AsbAtRecording() {
    }

    /** A flag to the neighbourhood team: {@code high-risk} or {@code repeat-victim}, with its detail. */
    public record Flag(String reason, String detail) {
    }

    public record Decisions(RepeatVictimRule.Decision repeat, CaseReviewTrigger.Decision caseReview,
                            AsbRiskAssessment.Result risk, List<Flag> flags) {
    }

    /**
     * @param history             the victim's earlier records (incidents as caller or victim, crimes as victim)
     * @param incidentsAtLocation earlier incidents at the place in the repeat window
     */
    public static Decisions decide(LocalDateTime now, AsbQuestionnaire answers, AsbHistory.Victim history,
                                   int incidentsAtLocation, AsbRiskSettings settings) {
        List<LocalDateTime> asVictim = history.incidents().stream().filter(AsbHistory.Incident::asVictim)
                .map(AsbHistory.Incident::reportedAt).toList();
        List<LocalDateTime> complaints = history.incidents().stream().map(AsbHistory.Incident::reportedAt).toList();
        RepeatVictimRule.Decision repeat = RepeatVictimRule.decide(now, asVictim, settings);
        CaseReviewTrigger.Decision caseReview = CaseReviewTrigger.decide(now, complaints, settings);
        LocalDateTime from = repeat.windowStart();
        int crimes = (int) history.crimes().stream()
                .filter(c -> !c.recordedAt().isBefore(from) && !c.recordedAt().isAfter(now)).count();
        AsbRiskAssessment.Result risk = AsbRiskAssessment.assess(answers,
                new AsbRiskAssessment.History(repeat, crimes, incidentsAtLocation), settings);
        List<Flag> flags = new ArrayList<>();
        if (risk.grade() == AsbRiskGrade.HIGH) {
            flags.add(new Flag("high-risk", "High risk at first call, score " + risk.score() + " (" + risk.ruleVersion() + ")"));
        }
        if (repeat.repeat()) {
            flags.add(new Flag("repeat-victim", repeat.incidentsInWindow() + " incidents in " + settings.repeatMonths()
                    + " months (" + repeat.ruleVersion() + ")"));
        }
        return new Decisions(repeat, caseReview, risk, List.copyOf(flags));
    }

    /** The answers as the assessment row keeps them. */
    static String answersJson(AsbQuestionnaire a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("impact", a.impact().name().toLowerCase());
        m.put("vulnerability", a.vulnerability().stream().map(v -> v.name().toLowerCase()).sorted().toList());
        m.put("targeted", a.targeted());
        m.put("duration", a.duration().name().toLowerCase());
        return json(m);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write assessment JSON", ex);
        }
    }
}
