package org.peel.partners;

import org.jdbi.v3.core.Jdbi;
import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;
import org.peel.access.DataCategory;
import org.peel.access.OrganisationKind;
import org.peel.access.Passwords;
import org.peel.access.Role;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.access.UserAccounts;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Partners on a freshly generated demonstration force, recorded through the capability's own stores and rules: the
 * borough's partner organisations (council ASB team, housing, social care, health, probation, the ambulance service)
 * and the agreements with them, one lapsing within the warning days so that the register's alert shows; ASB case
 * review applications decided by {@link CaseReviewThreshold}, the older ones reviewed with owned recommendations;
 * ASB MARAC and complex case panel cases with actions per agency; and a year of ambulance call-outs for assaults
 * made from the force's own recorded violence (most recorded, some never reported), loaded through
 * {@link PartnerHarmStore} and linked by {@link HarmLinkage}. Seeded, so a rerun makes the same.
 */
public final class DemoPartnersPass {

    private DemoPartnersPass() {
    }

    /** What the pass recorded. */
    public record Summary(int organisations, int agreements, int caseReviews, int thresholdsMet, int panels,
                          int callOuts, int likelyUnreported, double unreportedShare) {
    }

    /** The partner organisations the demo's partner accounts belong to, by username. */
    static final Map<String, String> ACCOUNTS = Map.of("partner", "WCC-ASB", "probation.partner", "PROBATION-LDN",
            "social.care.partner", "WCC-SOCIAL-CARE", "housing.partner", "WCC-HOUSING");

    public static Summary prepare(Jdbi jdbi, AuditTrail audit, Clock clock, String borough) {
        LocalDate today = LocalDate.now(clock);
        Random rnd = new Random(15);
        SharingStore sharing = new SharingStore(jdbi, audit, clock);
        if (sharing.organisation("WCC-ASB").isPresent()) {
            return new Summary(0, 0, 0, 0, 0, 0, 0, 0);
        }
        List<SharingStore.Organisation> orgs = List.of(
                new SharingStore.Organisation("WCC-ASB", "Westminster City Council ASB team", OrganisationKind.COUNCIL_ASB, borough),
                new SharingStore.Organisation("WCC-HOUSING", "Westminster housing services", OrganisationKind.HOUSING, borough),
                new SharingStore.Organisation("WCC-SOCIAL-CARE", "Westminster adult social care", OrganisationKind.SOCIAL_CARE, borough),
                new SharingStore.Organisation("NHS-CNWL", "Central and North West London NHS Foundation Trust", OrganisationKind.HEALTH, null),
                new SharingStore.Organisation("PROBATION-LDN", "Probation Service, London region", OrganisationKind.PROBATION, null),
                new SharingStore.Organisation("LAS", "London Ambulance Service", OrganisationKind.AMBULANCE, null));
        orgs.forEach(o -> sharing.addOrganisation(null, o));
        String s115 = "Crime and Disorder Act 1998 s115; Data Protection Act 2018 part 3";
        List<SharingAgreement> agreements = List.of(
                new SharingAgreement("ISA-ASB-WCC", "Westminster ASB and community safety partnership",
                        List.of("WCC-ASB", "WCC-HOUSING", "WCC-SOCIAL-CARE", "NHS-CNWL"),
                        "ASB case reviews and the ASB MARAC: reducing harm to victims of persistent ASB", s115,
                        EnumSet.of(DataCategory.INCIDENT, DataCategory.IDENTITY), "12 months after the case closes",
                        today.minusDays(420), today.plusDays(310), "Superintendent, Neighbourhoods", null),
                new SharingAgreement("ISA-PANEL-WCC", "Westminster complex case panel",
                        List.of("WCC-SOCIAL-CARE", "NHS-CNWL", "PROBATION-LDN", "WCC-ASB"),
                        "Complex case panel: people whose needs no one agency meets", s115,
                        EnumSet.of(DataCategory.INCIDENT, DataCategory.IDENTITY, DataCategory.VULNERABILITY),
                        "2 years after the case closes", today.minusDays(710), today.plusDays(21),
                        "Chief Inspector, Partnerships", null),
                new SharingAgreement("ISA-IOM-PROB", "Integrated offender management with probation",
                        List.of("PROBATION-LDN"), "Managing the offenders who cause most harm",
                        "Offender Management Act 2007 s14; Data Protection Act 2018 part 3",
                        EnumSet.of(DataCategory.OFFENDING, DataCategory.IDENTITY), "6 years",
                        today.minusDays(300), today.plusDays(430), "Detective Chief Inspector, Offender management", null),
                new SharingAgreement("ISA-MARAC-WCC", "Westminster MARAC for victims of domestic abuse at high risk",
                        List.of("WCC-SOCIAL-CARE", "WCC-HOUSING", "NHS-CNWL", "PROBATION-LDN"),
                        "Safety planning at the MARAC: the meeting's pack to each agency at it", s115,
                        EnumSet.of(DataCategory.INCIDENT, DataCategory.IDENTITY, DataCategory.VULNERABILITY),
                        "6 years after the last referral", today.minusDays(200), today.plusDays(530),
                        "Detective Chief Inspector, Public protection", null),
                new SharingAgreement("ISA-LAS-ASSAULTS", "Ambulance call-outs for assaults",
                        List.of("LAS"), "Finding violence never reported to the police, to place patrols and prevention",
                        s115, EnumSet.of(DataCategory.INCIDENT, DataCategory.HEALTH), "3 years",
                        today.minusDays(900), today.plusDays(240), "Superintendent, Violence reduction", null));
        agreements.forEach(a -> sharing.addAgreement(null, a));

        List<String> wards = jdbi.withHandle(h -> h.createQuery(
                "select code from ward where borough_code = :b order by code").bind("b", borough)
                .mapTo(String.class).list());
        int[] reviews = caseReviews(jdbi, audit, today, borough, wards, rnd);
        int panels = panels(jdbi, audit, today, borough, wards, rnd);
        int[] harm = ambulance(jdbi, audit, clock, today, rnd);
        double share = PartnerHarmStore.totals(new PartnerHarmStore(jdbi, audit, clock)
                .byWard(today.minusYears(1), today, null)).get("unreported_share") instanceof Double d ? d : 0;
        return new Summary(orgs.size(), agreements.size(), reviews[0], reviews[1], panels, harm[0], harm[1], share);
    }

    private static final String[] TITLES = {"Noise and threats from a neighbouring flat",
            "Youths intimidating residents in the stairwell", "Drug dealing at the block entrance",
            "Harassment of an older resident", "Noise and fighting at a shared house", "Dogs threatening residents",
            "Fires set in the bin store", "Abuse towards shop staff at the parade"};

    private static final String[] BEHAVIOURS = {
            "Shouting, threats and loud music from a neighbouring flat late at night",
            "Youths gathering in the stairwell, intimidating residents and damaging the door entry system",
            "Repeated drug dealing at the entrance to the block",
            "Harassment of an older resident by a neighbour",
            "Noise and fighting at a house in multiple occupation",
            "Dogs allowed to roam and threaten residents on the estate",
            "Rubbish dumped and fires set in the bin store",
            "Begging and abuse towards shop staff at the parade"};

    /** Applications over the past year; each complaint is drawn so that the rule, not the pass, decides. */
    private static int[] caseReviews(Jdbi jdbi, AuditTrail audit, LocalDate today, String borough, List<String> wards,
                                     Random rnd) {
        CaseReviewStore store = new CaseReviewStore(jdbi, audit);
        CaseReviewThreshold.Settings settings = CaseReviewThreshold.Settings.defaults();
        int made = 0;
        int met = 0;
        for (int i = 0; i < 14; i++) {
            LocalDate applied = today.minusDays(10 + rnd.nextInt(340));
            int n = 1 + rnd.nextInt(4);
            List<CaseReviewThreshold.Complaint> complaints = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                LocalDate complained = applied.minusDays(3 + rnd.nextInt(rnd.nextDouble() < 0.8 ? 170 : 260));
                // most complaints within days of the behaviour; a few left over a month
                LocalDate behaviour = complained.minusDays(rnd.nextDouble() < 0.85 ? rnd.nextInt(10) : 35 + rnd.nextInt(30));
                CaseReviewThreshold.Body to = CaseReviewThreshold.Body.values()[rnd.nextInt(3)];
                complaints.add(new CaseReviewThreshold.Complaint(behaviour, complained, to));
            }
            String behaviour = BEHAVIOURS[i % BEHAVIOURS.length];
            String ward = wards.isEmpty() ? null : wards.get(rnd.nextInt(wards.size()));
            var saved = store.apply(null, new CaseReviewStore.Application(TITLES[i % TITLES.length], borough, ward, behaviour, applied,
                            "ISA-ASB-WCC", List.of("WCC-ASB", "WCC-HOUSING"), complaints), settings,
                    (h, id) -> { });
            made++;
            if (saved.getValue().met()) {
                met++;
                LocalDate meeting = applied.plusDays(14 + rnd.nextInt(10));
                if (meeting.isBefore(today)) {
                    store.meeting(null, saved.getKey(), meeting, "The partnership reviewed the response and agreed"
                            + " further action", h -> { });
                    store.recommend(null, saved.getKey(), "Serve a community protection warning", "WCC-ASB",
                            meeting.plusDays(14), h -> { });
                    store.recommend(null, saved.getKey(), "Visit the victim weekly until the behaviour stops", null,
                            meeting.plusDays(7), h -> { });
                    if (rnd.nextBoolean()) {
                        store.recommend(null, saved.getKey(), "Tenancy enforcement: a written warning to the tenant",
                                "WCC-HOUSING", meeting.plusDays(21), h -> { });
                    }
                    LocalDate doneBy = meeting.plusDays(20);
                    if (doneBy.isBefore(today)) {
                        for (var r : store.recommendations(saved.getKey())) {
                            store.done(saved.getKey(), r.id(), doneBy, h -> { });
                        }
                    }
                }
            }
        }
        return new int[]{made, met};
    }

    /** ASB MARAC and complex case panel cases with the actions each agency took on. */
    private static int panels(Jdbi jdbi, AuditTrail audit, LocalDate today, String borough, List<String> wards,
                              Random rnd) {
        PartnerCaseStore cases = new PartnerCaseStore(jdbi, audit);
        List<String[]> people = jdbi.withHandle(h -> h.createQuery("""
                        select forenames || ' ' || surname, phone from person_record
                        where role = 'victim' and borough_code = :b and forenames is not null and surname is not null
                        order by id limit 12""").bind("b", borough)
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).list());
        String[][] maracs = {
                {"asb-marac", "Vulnerable victim of repeated ASB on the estate", "High risk: lives alone, mental ill health",
                        "ISA-ASB-WCC", "WCC-ASB,WCC-HOUSING,WCC-SOCIAL-CARE"},
                {"asb-marac", "Family targeted by neighbours' harassment", "High risk: children in the home",
                        "ISA-ASB-WCC", "WCC-ASB,WCC-HOUSING"},
                {"asb-marac", "Older man whose flat is used by dealers (cuckooing)", "High risk: exploited, frail",
                        "ISA-ASB-WCC", "WCC-ASB,WCC-SOCIAL-CARE,NHS-CNWL"},
                {"complex-case-panel", "Street drinker with repeated hospital admissions", "Alcohol dependence; self-neglect",
                        "ISA-PANEL-WCC", "WCC-SOCIAL-CARE,NHS-CNWL,WCC-ASB"},
                {"complex-case-panel", "Young adult leaving prison with no fixed address", "Risk of reoffending and of exploitation",
                        "ISA-PANEL-WCC", "PROBATION-LDN,WCC-SOCIAL-CARE,WCC-ASB"}};
        String[][] actions = {
                {"WCC-ASB", "Serve a community protection warning on the perpetrator"},
                {"WCC-HOUSING", "Install a door camera and repair the entry system"},
                {"WCC-SOCIAL-CARE", "Care Act assessment of needs"},
                {"NHS-CNWL", "Mental health outreach visit"},
                {"PROBATION-LDN", "Approved premises referral and licence conditions"},
                {null, "Neighbourhood team patrols the block at night"}};
        int n = 0;
        for (String[] m : maracs) {
            n++;
            List<String> parties = List.of(m[4].split(","));
            LocalDate opened = today.minusDays(15 + rnd.nextInt(200));
            List<PartnerCaseStore.Action> list = new ArrayList<>();
            for (String[] a : actions) {
                if (a[0] == null || parties.contains(a[0])) {
                    LocalDate due = opened.plusDays(14 + rnd.nextInt(28));
                    list.add(new PartnerCaseStore.Action(0, a[0], a[1], due,
                            due.isBefore(today.minusDays(7)) && rnd.nextDouble() < 0.7 ? due.minusDays(rnd.nextInt(5)) : null));
                }
            }
            String[] person = people.isEmpty() ? new String[]{null, null} : people.get((n * 5) % people.size());
            String prefix = m[0].equals("asb-marac") ? "MARAC-" : "CCP-";
            cases.open(null, new PartnerCaseStore.PartnerCase(prefix + opened.getYear() + "-" + n, m[0], m[1], borough,
                    wards.isEmpty() ? null : wards.get(rnd.nextInt(wards.size())),
                    m[1] + ": referred by the neighbourhood team", person[0], person[1], m[2], m[3], opened,
                    opened.plusDays(7), "Actions agreed per agency", null, null, parties, list));
        }
        return n;
    }

    /**
     * A year of ambulance call-outs for assaults: for about half of the recorded violence with injury, a call-out
     * minutes after it near the same place to the same victim (recorded); and for a fifth, a call-out at the same
     * hour on another night in the same street to someone else, which no crime matches (never reported). The file
     * goes through the import as a partner's would.
     */
    private static int[] ambulance(Jdbi jdbi, AuditTrail audit, Clock clock, LocalDate today, Random rnd) {
        OffsetDateTime from = today.minusYears(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        List<Object[]> crimes = jdbi.withHandle(h -> h.createQuery("""
                        select c.id, c.committed_at, c.latitude, c.longitude,
                               (select r.sex from person_record r where r.source_type = 'crime' and r.source_id = c.id
                                  and r.role = 'victim' order by r.id limit 1) as sex,
                               (select r.date_of_birth from person_record r where r.source_type = 'crime'
                                  and r.source_id = c.id and r.role = 'victim' order by r.id limit 1) as dob
                        from investigation_crime_published c
                        where c.offence_group = 'Violence with injury' and c.committed_at >= :from
                          and c.latitude is not null and not c.domestic_abuse
                        order by c.committed_at, c.id limit 4000""").bind("from", from)
                .map((rs, ctx) -> new Object[]{rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getDouble(3), rs.getDouble(4), rs.getString(5), rs.getObject(6, LocalDate.class)}).list());
        if (crimes.isEmpty()) {
            return new int[]{0, 0};
        }
        StringBuilder csv = new StringBuilder("reference,occurred_at,postcode,latitude,longitude,injury,age,sex\n");
        String[] injuries = {"Head injury", "Facial injury", "Laceration", "Stab wound", "Fracture", "Bruising",
                "Unconscious after assault"};
        int n = 0;
        Instant now = clock.instant();
        for (Object[] c : crimes) {
            Instant at = (Instant) c[1];
            double lat = (Double) c[2];
            double lon = (Double) c[3];
            LocalDate dob = (LocalDate) c[5];
            if (rnd.nextDouble() < 0.5) {
                Instant call = at.plus(5 + rnd.nextInt(40), ChronoUnit.MINUTES);
                if (call.isBefore(now)) {
                    Integer age = dob == null ? null : (int) Math.max(0, ChronoUnit.YEARS.between(dob,
                            call.atZone(ZoneOffset.UTC).toLocalDate()) + rnd.nextInt(5) - 2);
                    csv.append(row(++n, call, lat + jitter(rnd, 0.0008), lon + jitter(rnd, 0.0012),
                            injuries[rnd.nextInt(injuries.length)], age, (String) c[4]));
                }
            }
            if (rnd.nextDouble() < 0.2) {
                Instant call = at.plus(2 + rnd.nextInt(20), ChronoUnit.DAYS).plus(rnd.nextInt(30), ChronoUnit.MINUTES);
                if (call.isBefore(now)) {
                    csv.append(row(++n, call, lat + jitter(rnd, 0.002), lon + jitter(rnd, 0.003),
                            injuries[rnd.nextInt(injuries.length)], 16 + rnd.nextInt(35), rnd.nextDouble() < 0.7 ? "M" : "F"));
                }
            }
        }
        PartnerHarmStore store = new PartnerHarmStore(jdbi, audit, clock);
        store.importFile(null, "las-assault-callouts.csv", new ByteArrayInputStream(csv.toString()
                .getBytes(StandardCharsets.UTF_8)), PartnerHarmStore.Source.AMBULANCE, "LAS", "ISA-LAS-ASSAULTS");
        int[] linked = store.link(HarmLinkage.Settings.defaults());
        return linked;
    }

    private static double jitter(Random rnd, double span) {
        return (rnd.nextDouble() - 0.5) * span;
    }

    private static String row(int n, Instant at, double lat, double lon, String injury, Integer age, String sex) {
        return String.format(Locale.ROOT, "LAS-%06d,%s,,%.6f,%.6f,%s,%s,%s%n", n, at, lat, lon, injury,
                age == null ? "" : age.toString(), sex == null ? "" : sex);
    }

    /**
     * The demo's partner accounts tied to their organisations: the {@code partner} account (one of the one-per-role
     * accounts) to the council ASB team, and one more account each for probation, social care and housing, made here. Returns
     * the new accounts' lines (username, password, organisation) for the demo's accounts file.
     */
    public static List<String> linkAccounts(Jdbi jdbi, AuditTrail audit, Clock clock, String borough) {
        SharingStore sharing = new SharingStore(jdbi, audit, clock);
        if (sharing.organisation("WCC-ASB").isEmpty()) {
            return List.of();
        }
        AccessStore users = new AccessStore(jdbi);
        UserAccounts accounts = new UserAccounts(users, audit);
        List<String> lines = new ArrayList<>();
        for (String username : Set.of("partner", "probation.partner", "social.care.partner", "housing.partner")
                .stream().sorted().toList()) {
            String org = ACCOUNTS.get(username);
            if (users.findUser(username).isEmpty()) {
                String password = Passwords.generate();
                String name = sharing.organisation(org).map(SharingStore.Organisation::name).orElse(org);
                accounts.create(null, username, "Demo " + name, Role.PARTNER, borough, password, "demo");
                lines.add(String.format("%-32s %-22s %s", username, password, "Partner agency (" + name + ")"));
            }
            if (sharing.organisationOf(username).isEmpty()) {
                sharing.linkAccount(null, username, org);
            }
        }
        return lines;
    }
}
