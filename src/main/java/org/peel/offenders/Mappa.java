package org.peel.offenders;

import org.peel.web.FormErrors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MAPPA (Criminal Justice Act 2003 ss325–327; reference/standards.md 7.1, SOLID): categories 1 to 3 and levels 1 to 3,
 * the lead agency, the risk of serious harm (low, medium, high, very high), and when the next visit and the next
 * meeting are due. Category 4 is left out while the standard marks it PARTIAL.
 *
 * <p>Visit intervals by risk of serious harm are this force's policy, not a national standard (none was found); the
 * defaults ({@link #DEFAULT_VISIT_DAYS}: very high 28 days, high 56, medium 91, low 182) are configuration
 * ({@code PEEL_MAPPA_VISIT_DAYS}, as {@code VERY_HIGH:28,HIGH:56,MEDIUM:91,LOW:182}). Levels 2 and 3 are managed through
 * MAPP meetings, so a case at those levels needs a next meeting date; level 1 (ordinary agency management) does not.
 * A meeting held ({@link #checkMeeting}) records who attended and the decisions, and sets the case's level, risk and
 * next meeting; a next meeting that passes with none held is overdue. How often meetings are held is the meeting's
 * decision: no national interval is enforced.
 */
public final class Mappa {

    public enum Category {
        ONE(1, "Category 1: registered sexual offender"),
        TWO(2, "Category 2: violent offender (12 months or more) or other sexual offender"),
        THREE(3, "Category 3: other dangerous offender");

        private final int number;
        private final String label;

        Category(int number, String label) {
            this.number = number;
            this.label = label;
        }

        public int number() {
            return number;
        }

        public String label() {
            return label;
        }

        public static Category of(int n) {
            for (Category c : values()) {
                if (c.number == n) {
                    return c;
                }
            }
            throw new IllegalArgumentException("MAPPA categories are 1 to 3, not " + n);
        }
    }

    public enum Level {
        ONE(1, "Level 1: ordinary agency management"),
        TWO(2, "Level 2: active multi-agency management"),
        THREE(3, "Level 3: multi-agency management with senior attendance");

        private final int number;
        private final String label;

        Level(int number, String label) {
            this.number = number;
            this.label = label;
        }

        public int number() {
            return number;
        }

        public String label() {
            return label;
        }

        public boolean needsMeetings() {
            return number >= 2;
        }

        public static Level of(int n) {
            for (Level l : values()) {
                if (l.number == n) {
                    return l;
                }
            }
            throw new IllegalArgumentException("MAPPA levels are 1 to 3, not " + n);
        }
    }

    public enum Agency { POLICE, PROBATION, PRISON }

    public enum RiskOfSeriousHarm { LOW, MEDIUM, HIGH, VERY_HIGH }

    public static final Map<RiskOfSeriousHarm, Integer> DEFAULT_VISIT_DAYS = Map.of(RiskOfSeriousHarm.VERY_HIGH, 28,
            RiskOfSeriousHarm.HIGH, 56, RiskOfSeriousHarm.MEDIUM, 91, RiskOfSeriousHarm.LOW, 182);

    /** How soon before its date a visit or meeting shows as due. */
    public static final int DUE_SOON_DAYS = 14;

    private Mappa() {
    }

    /** A MAPPA case's facts as the rule needs them. */
    public record Case(String offenderId, Category category, Level level, Agency leadAgency, RiskOfSeriousHarm risk,
                       LocalDate registeredOn, LocalDate lastVisitOn, LocalDate nextMeetingOn) {
    }

    /** A MAPPA case as the form (or the synthetic force) gives it: every field as text, as typed. */
    public record Form(String offenderId, String category, String level, String agency, String risk, String plan,
                       String nextMeetingOn) {
    }

    /** The case the checks accept, registered on the day given, or the problems against the form's fields. */
    public record Checked(Case accepted, FormErrors errors) {
        public boolean ok() {
            return !errors.any();
        }
    }

    /**
     * The checks on a new MAPPA case, the one rule for the web form and the synthetic force: the offender must be held,
     * the category, level, lead agency and risk of serious harm chosen from their lists, the risk management plan
     * recorded, and a case at level 2 or 3 (managed through MAPP meetings) given its next meeting, which cannot be
     * before the day the case is registered.
     */
    public static Checked check(Form f, boolean offenderHeld, LocalDate registeredOn) {
        FormErrors errors = FormErrors.none();
        String id = text(f.offenderId());
        if (id.isEmpty()) {
            errors.add("offenderId", "Enter the offender's nominal number");
        } else if (!offenderHeld) {
            errors.add("offenderId", "No offender " + id + " is held");
        }
        Category category = null;
        Level level = null;
        Agency agency = null;
        RiskOfSeriousHarm risk = null;
        try {
            category = Category.of(Integer.parseInt(text(f.category())));
        } catch (IllegalArgumentException ex) {
            errors.add("category", "Choose category 1, 2 or 3");
        }
        try {
            level = Level.of(Integer.parseInt(text(f.level())));
        } catch (IllegalArgumentException ex) {
            errors.add("level", "Choose level 1, 2 or 3");
        }
        try {
            agency = Agency.valueOf(text(f.agency()));
        } catch (IllegalArgumentException ex) {
            errors.add("agency", "Choose the lead agency");
        }
        try {
            risk = RiskOfSeriousHarm.valueOf(text(f.risk()));
        } catch (IllegalArgumentException ex) {
            errors.add("risk", "Choose the risk of serious harm");
        }
        if (text(f.plan()).isEmpty()) {
            errors.add("plan", "Record the risk management plan");
        }
        LocalDate meeting = null;
        String meetingText = text(f.nextMeetingOn());
        if (!meetingText.isEmpty()) {
            try {
                meeting = LocalDate.parse(meetingText);
                if (meeting.isBefore(registeredOn)) {
                    errors.add("nextMeetingOn", "The next MAPP meeting cannot be before the case is registered ("
                            + registeredOn + ")");
                }
            } catch (DateTimeParseException ex) {
                errors.add("nextMeetingOn", "Enter the date as, for example, 2025-03-31");
            }
        }
        if (level != null && level.needsMeetings() && meetingText.isEmpty()) {
            errors.add("nextMeetingOn", "Levels 2 and 3 are managed through MAPP meetings: set the next one");
        }
        if (errors.any()) {
            return new Checked(null, errors);
        }
        return new Checked(new Case(id, category, level, agency, risk, registeredOn, null, meeting), errors);
    }

    /** The checks on a visit to a MAPPA case: not in the future, and not before the case was registered. */
    public static FormErrors checkVisit(LocalDate on, LocalDate registeredOn, LocalDate today) {
        if (on.isAfter(today)) {
            return FormErrors.of("visitOn", "A visit cannot be in the future");
        }
        if (on.isBefore(registeredOn)) {
            return FormErrors.of("visitOn", "A visit cannot be before the case was registered (" + registeredOn + ")");
        }
        return FormErrors.none();
    }

    /**
     * The agencies that meet about a MAPPA case: the Responsible Authority (police, probation, prison) and the bodies
     * under the duty to co-operate (Criminal Justice Act 2003 s325(6)).
     */
    public enum MeetingAgency {
        POLICE("Police"), PROBATION("Probation"), PRISON("Prison Service"), CHILDREN("Children's social care"),
        ADULTS("Adult social care"), HOUSING("Housing"), HEALTH("Health"), YOUTH_JUSTICE("Youth justice service"),
        JOBCENTRE("Jobcentre Plus"), EDUCATION("Education"), ELECTRONIC_MONITORING("Electronic monitoring");

        private final String label;

        MeetingAgency(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How many agencies a meeting at level 2 or 3 must record as attending: multi-agency means more than one. */
    public static final int MULTI_AGENCY = 2;

    /** How many action rows the meeting form offers. */
    public static final int ACTION_ROWS = 4;

    /** An action set at a meeting as the form gives it. */
    public record ActionForm(String agency, String action, String owner, String dueOn) {
        boolean blank() {
            return text(agency).isEmpty() && text(action).isEmpty() && text(owner).isEmpty() && text(dueOn).isEmpty();
        }
    }

    /** A MAPP meeting held, as the form (or the synthetic force) gives it: every field as text, as typed. */
    public record MeetingForm(String heldOn, String level, String chair, List<String> attending,
                              List<String> apologies, String risk, String outcome, List<ActionForm> actions,
                              String nextMeetingOn) {
    }

    /** An action the meeting set for one agency, its owner and when it is due. */
    public record Action(MeetingAgency agency, String action, String owner, LocalDate dueOn) {
    }

    /** A MAPP meeting held for a case, as accepted. */
    public record Meeting(String offenderId, LocalDate heldOn, Level level, String chair,
                          java.util.Set<MeetingAgency> attending, java.util.Set<MeetingAgency> apologies,
                          RiskOfSeriousHarm riskReviewed, String outcome, List<Action> actions,
                          LocalDate nextMeetingOn) {
    }

    /** The meeting the checks accept, or the problems against the form's fields. */
    public record CheckedMeeting(Meeting accepted, FormErrors errors) {
        public boolean ok() {
            return !errors.any();
        }
    }

    /**
     * The checks on a MAPP meeting held, the one rule for the case page's form and the synthetic force: the meeting
     * cannot be in the future, before the case was registered, nor before the last meeting recorded for it; it names
     * its level, its chair, the risk of serious harm it reviewed and its outcome; at level 2 or 3 (multi-agency
     * management) it records at least {@value #MULTI_AGENCY} agencies attending, and no agency both attends and sends
     * apologies; every action row begun names its agency, the action, its owner and a due date not before the
     * meeting; and a case left at level 2 or 3 has its next meeting, after this one.
     *
     * @param lastMeetingOn the last meeting recorded for the case, or null when none is
     */
    public static CheckedMeeting checkMeeting(String offenderId, MeetingForm f, LocalDate registeredOn,
                                              LocalDate lastMeetingOn, LocalDate today) {
        FormErrors errors = FormErrors.none();
        LocalDate held = errors.requiredDate(text(f.heldOn()), "heldOn", "the date the meeting was held");
        if (held != null) {
            if (held.isAfter(today)) {
                errors.add("heldOn", "A meeting held cannot be in the future");
            } else if (held.isBefore(registeredOn)) {
                errors.add("heldOn", "A meeting cannot be before the case was registered (" + registeredOn + ")");
            } else if (lastMeetingOn != null && held.isBefore(lastMeetingOn)) {
                errors.add("heldOn", "A meeting cannot be before the last one recorded (" + lastMeetingOn + ")");
            }
        }
        Level level = null;
        try {
            level = Level.of(Integer.parseInt(text(f.level())));
        } catch (IllegalArgumentException ex) {
            errors.add("level", "Choose level 1, 2 or 3");
        }
        if (text(f.chair()).isEmpty()) {
            errors.add("chair", "Name who chaired the meeting");
        }
        java.util.Set<MeetingAgency> attending = agencies(f.attending(), "attending", errors);
        java.util.Set<MeetingAgency> apologies = agencies(f.apologies(), "apologies", errors);
        for (MeetingAgency a : attending) {
            if (apologies.contains(a)) {
                errors.add("apologies", a.label() + " cannot both attend and send apologies");
            }
        }
        if (level != null && level.needsMeetings() && attending.size() < MULTI_AGENCY) {
            errors.add("attending", "At level " + level.number() + " the meeting is multi-agency: record at least "
                    + MULTI_AGENCY + " agencies attending");
        }
        RiskOfSeriousHarm risk = null;
        try {
            risk = RiskOfSeriousHarm.valueOf(text(f.risk()));
        } catch (IllegalArgumentException ex) {
            errors.add("risk", "Choose the risk of serious harm the meeting reviewed");
        }
        if (text(f.outcome()).isEmpty()) {
            errors.add("outcome", "Record the outcome and the decisions made");
        }
        List<Action> actions = new ArrayList<>();
        List<ActionForm> rows = f.actions() == null ? List.of() : f.actions();
        for (int i = 0; i < rows.size(); i++) {
            ActionForm row = rows.get(i);
            if (row == null || row.blank()) {
                continue;
            }
            String n = Integer.toString(i + 1);
            MeetingAgency agency = null;
            try {
                agency = MeetingAgency.valueOf(text(row.agency()));
            } catch (IllegalArgumentException ex) {
                errors.add("action" + n + "Agency", "Action " + n + ": choose the agency that owns it");
            }
            if (text(row.action()).isEmpty()) {
                errors.add("action" + n + "Text", "Action " + n + ": say what is to be done");
            }
            if (text(row.owner()).isEmpty()) {
                errors.add("action" + n + "Owner", "Action " + n + ": name who owns it");
            }
            LocalDate due = errors.requiredDate(text(row.dueOn()), "action" + n + "Due", "action " + n + "'s due date");
            if (due != null && held != null && due.isBefore(held)) {
                errors.add("action" + n + "Due", "Action " + n + " cannot be due before the meeting (" + held + ")");
            }
            if (agency != null && due != null) {
                actions.add(new Action(agency, text(row.action()), text(row.owner()), due));
            }
        }
        LocalDate next = null;
        String nextText = text(f.nextMeetingOn());
        if (!nextText.isEmpty()) {
            try {
                next = LocalDate.parse(nextText);
                if (held != null && !next.isAfter(held)) {
                    errors.add("nextMeetingOn", "The next meeting must be after this one (" + held + ")");
                }
            } catch (DateTimeParseException ex) {
                errors.add("nextMeetingOn", "Enter the date as, for example, 2025-03-31");
            }
        } else if (level != null && level.needsMeetings()) {
            errors.add("nextMeetingOn", "Levels 2 and 3 are managed through MAPP meetings: set the next one");
        }
        if (errors.any()) {
            return new CheckedMeeting(null, errors);
        }
        return new CheckedMeeting(new Meeting(offenderId, held, level, text(f.chair()), attending, apologies, risk,
                text(f.outcome()), List.copyOf(actions), next), errors);
    }

    /** Where an action a meeting set stands on a day. */
    public enum ActionStatus { OPEN, OVERDUE, DONE }

    /** Done once marked done; otherwise open until its due date has passed, then overdue. */
    public static ActionStatus actionStatus(LocalDate dueOn, LocalDate doneOn, LocalDate today) {
        if (doneOn != null) {
            return ActionStatus.DONE;
        }
        return today.isAfter(dueOn) ? ActionStatus.OVERDUE : ActionStatus.OPEN;
    }

    /** An action marked done: the day and what was done. */
    public record Done(LocalDate on, String note) {
    }

    /** The action's done form accepted, or the problems against its fields. */
    public record CheckedDone(Done accepted, FormErrors errors) {
        public boolean ok() {
            return !errors.any();
        }
    }

    /**
     * The checks on marking a meeting's action done: it is not done already; the day it was done is a date neither in
     * the future nor before the meeting that set it; and the note says what was done.
     *
     * @param dateField     the form's field for the day, for its error
     * @param noteField     the form's field for the note
     * @param meetingHeldOn the day the meeting that set the action was held
     * @param doneAlready   the day it was marked done before, or null
     */
    public static CheckedDone checkDone(String doneOn, String note, String dateField, String noteField,
                                        LocalDate meetingHeldOn, LocalDate doneAlready, LocalDate today) {
        FormErrors errors = FormErrors.none();
        if (doneAlready != null) {
            errors.add(dateField, "This action was marked done on " + doneAlready);
            return new CheckedDone(null, errors);
        }
        LocalDate on = null;
        if (text(doneOn).isEmpty()) {
            errors.add(dateField, "Enter the day the action was done, for example 2025-03-31");
        } else {
            try {
                on = LocalDate.parse(text(doneOn));
                if (on.isAfter(today)) {
                    errors.add(dateField, "The day the action was done cannot be in the future");
                } else if (on.isBefore(meetingHeldOn)) {
                    errors.add(dateField, "The action was set at the meeting of " + meetingHeldOn
                            + ": it cannot have been done before then");
                }
            } catch (DateTimeParseException ex) {
                errors.add(dateField, "Enter the day the action was done as, for example, 2025-03-31");
            }
        }
        if (text(note).isEmpty()) {
            errors.add(noteField, "Say what was done");
        } else if (text(note).length() > 2000) {
            errors.add(noteField, "Keep the note under 2,000 characters");
        }
        return errors.any() ? new CheckedDone(null, errors) : new CheckedDone(new Done(on, text(note)), errors);
    }

    private static java.util.Set<MeetingAgency> agencies(List<String> codes, String field, FormErrors errors) {
        java.util.Set<MeetingAgency> out = java.util.EnumSet.noneOf(MeetingAgency.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            if (text(code).isEmpty()) {
                continue;
            }
            try {
                out.add(MeetingAgency.valueOf(text(code)));
            } catch (IllegalArgumentException ex) {
                errors.add(field, "Choose agencies from the list");
            }
        }
        return out;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    public enum Status { IN_TIME, DUE_SOON, OVERDUE }

    /** When the next visit and meeting are due, their status on a day, and why. */
    public record Review(LocalDate visitDue, Status visit, Status meeting, List<String> reasons) {

        public boolean overdue() {
            return visit == Status.OVERDUE || meeting == Status.OVERDUE;
        }
    }

    public static Review review(Case c, LocalDate today, Map<RiskOfSeriousHarm, Integer> visitDays) {
        int interval = visitDays.getOrDefault(c.risk(), DEFAULT_VISIT_DAYS.get(c.risk()));
        LocalDate from = c.lastVisitOn() == null ? c.registeredOn() : c.lastVisitOn();
        LocalDate due = from.plusDays(interval);
        List<String> reasons = new ArrayList<>();
        Status visit = status(due, today);
        reasons.add("visit every " + interval + " days at " + c.risk().name().toLowerCase().replace('_', ' ')
                + " risk of serious harm; " + (c.lastVisitOn() == null ? "registered " : "last visited ") + from
                + ", so due " + due + (visit == Status.OVERDUE ? " (" + ChronoUnit.DAYS.between(due, today)
                + " days overdue)" : ""));
        Status meeting = Status.IN_TIME;
        if (c.level().needsMeetings()) {
            if (c.nextMeetingOn() == null) {
                meeting = Status.OVERDUE;
                reasons.add("level " + c.level().number() + " is managed through MAPP meetings and none is set");
            } else {
                meeting = status(c.nextMeetingOn(), today);
                reasons.add("next MAPP meeting " + c.nextMeetingOn()
                        + (meeting == Status.OVERDUE ? ", passed with no meeting held" : ""));
            }
        }
        return new Review(due, visit, meeting, reasons);
    }

    private static Status status(LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            return Status.OVERDUE;
        }
        return ChronoUnit.DAYS.between(today, due) <= DUE_SOON_DAYS ? Status.DUE_SOON : Status.IN_TIME;
    }

    /** Visit intervals from {@code VERY_HIGH:28,HIGH:56,MEDIUM:91,LOW:182}; the defaults for any risk not given. */
    public static Map<RiskOfSeriousHarm, Integer> visitDays(String text) {
        java.util.EnumMap<RiskOfSeriousHarm, Integer> m = new java.util.EnumMap<>(DEFAULT_VISIT_DAYS);
        if (text == null || text.isBlank()) {
            return m;
        }
        for (String part : text.split(",")) {
            String[] kv = part.strip().split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("PEEL_MAPPA_VISIT_DAYS: '" + part.strip() + "' is not RISK:DAYS");
            }
            try {
                int days = Integer.parseInt(kv[1].strip());
                if (days < 1) {
                    throw new NumberFormatException();
                }
                m.put(RiskOfSeriousHarm.valueOf(kv[0].strip().toUpperCase().replace(' ', '_')), days);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("PEEL_MAPPA_VISIT_DAYS: '" + part.strip()
                        + "' must be a risk (LOW, MEDIUM, HIGH, VERY_HIGH) and a number of days of 1 or more");
            }
        }
        return m;
    }
}
