package org.peel.platform;

import org.peel.access.AuditTrail;
import org.peel.investigation.InvestigatorStore;
import org.peel.investigation.InvestigatorAccounts;
import org.peel.people.BatchLinkage;
import org.peel.people.IdentityResolution;
import org.peel.people.PeopleStore;
import org.peel.people.PersonRecordSource;
import org.peel.place.GeographyImporter;
import org.peel.place.PlaceStore;
import org.peel.synthetic.CseTruth;
import org.peel.synthetic.SyntheticForce;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Fills a demo database with a living force: geography and synthetic records, once. */
final class DemoForce {
    private DemoForce() {
    }

    static void prepare(Database database, Optional<Path> sharedData, Path home, PrintStream out) {
        if (sharedData.isEmpty()) {
            out.println("Public data not found (../shared/data or PEEL_SHARED_DATA): using the built-in 32 London boroughs");
        } else {
            loadGeography(database, sharedData.get().resolve("geography"), out);
        }
        long t = System.nanoTime();
        try {
            java.time.LocalDate today = java.time.LocalDate.now(Environment.clock());
            SyntheticForce.Result result = SyntheticForce.demo(database.jdbi(), sharedData.orElse(null),
                    Environment.variables(), today, java.util.Set.of(DemoCommand.DEMO_BOROUGH));
            java.time.LocalDate end = result.generation().end();
            if (result.records() > 0) {
                out.printf("Generated the demo force (%s, scale %s, seed %d) in %.1f s: %,d records dated %s to %s,"
                                + " at the volumes published for the year to %s%n",
                        SyntheticForce.DEMO_FORCE, SyntheticForce.DEMO_SCALE, SyntheticForce.DEMO_SEED,
                        (System.nanoTime() - t) / 1e9, result.records(), result.generation().start(), end.minusDays(1),
                        SyntheticForce.DEFAULT_YEAR_TO);
                out.println(result.recordedSummary());
                resolvePeople(database, out);
                prepareVulnerability(database, out);
                prepareOffenderManagement(database, out);
                prepareOrganisedCrime(database, out);
                preparePartners(database, out);
                recordEthnicity(database, sharedData, out);
            } else if (end.isBefore(today)) {
                out.println(staleWarning(end, today, home));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Domestic abuse decided once the people are resolved: each victim's earlier incidents and referrals counted
     * through resolved persons, as the form counts them.
     */
    private static void prepareVulnerability(Database database, PrintStream out) {
        long t = System.nanoTime();
        org.peel.vulnerability.DemoVulnerabilityPass.Summary s = org.peel.vulnerability.DemoVulnerabilityPass.prepare(
                database.jdbi(), new AuditTrail(database.jdbi(), Environment.clock()), Environment.clock(),
                Environment.variables(), CseTruth.episodesOfChildrenAtRisk(database.jdbi())::contains);
        var da = s.domesticAbuse();
        out.printf("Domestic abuse recorded through Peel's rules in %.1f s: %,d incidents graded (%,d high risk),"
                        + " %,d referred to MARAC (%,d repeat, %,d on escalation)%n", (System.nanoTime() - t) / 1e9,
                da.incidents(), da.high(), da.referrals(), da.repeatReferrals(), da.escalations());
        out.printf("Public protection: %,d care placements from the local authorities' lists, %,d CSE assessments of"
                + " children missing three or more times, %,d disruption orders, %,d Clare's Law requests, %,d governance"
                + " meetings%n", s.placements(), s.cseAssessments(), s.orders(), s.disclosures(), s.meetings());
    }

    /**
     * What to tell the user when the data directory holds a demo force generated before today: its records stop on
     * the day before {@code end}, so waits, deadlines and "this week" are as they stood then, not now.
     */
    static String staleWarning(java.time.LocalDate end, java.time.LocalDate today, Path home) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(end.minusDays(1), today);
        return String.format("WARNING: this data directory holds a demo force made by an earlier start: its records end on"
                + " %s, %,d day%s before today, so queue waits, Victims' Code deadlines and recent figures are as they"
                + " stood then. For a force up to today, stop the demo and start it with a new --data-dir (or remove %s).",
                end.minusDays(1), days, days == 1 ? "" : "s", home);
    }

    /** The IOM cohort rule run over the resolved histories, with MAPPA cases, PDPs and a few borough exceptions. */
    private static void prepareOffenderManagement(Database database, PrintStream out) {
        org.peel.offenders.DemoIomPass.Summary s = org.peel.offenders.DemoIomPass.prepare(database.jdbi(),
                new AuditTrail(database.jdbi(), Environment.clock()), Environment.clock(), Environment.variables());
        out.printf("IOM: %,d offenders scored by the cohort rule; %d cases with a lead and a deputy; %d MAPPA cases"
                + " with %d MAPP meetings held, %d potentially dangerous persons, %d borough exceptions; %d diversion"
                + " referrals, %d with outcomes%n", s.scored(), s.iomCases(), s.mappaCases(), s.mappMeetings(),
                s.pdps(), s.exceptions(), s.referrals(), s.outcomes());
    }

    /** National threat exercises, intelligence requirements and graded submissions, and a few OCG tasks. */
    private static void prepareOrganisedCrime(Database database, PrintStream out) {
        org.peel.organisedcrime.DemoOrganisedCrimePass.Summary s = org.peel.organisedcrime.DemoOrganisedCrimePass
                .prepare(database.jdbi(), new AuditTrail(database.jdbi(), Environment.clock()), Environment.clock(),
                        Environment.variables(), DemoCommand.DEMO_BOROUGH);
        out.printf("Organised crime: %,d preparedness entries for the national threats (%d to test), %,d intelligence"
                + " requirements, %,d submissions graded 3x5x2 (%d significant), %d tasks to the neighbourhood team%n",
                s.preparednessEntries(), s.threatsToTest(), s.requirements(), s.submissions(), s.significant(),
                s.tasks());
    }

    /** Partner organisations, agreements, shared cases, case reviews and the ambulance's assault call-outs. */
    private static void preparePartners(Database database, PrintStream out) {
        long t = System.nanoTime();
        org.peel.partners.DemoPartnersPass.Summary s = org.peel.partners.DemoPartnersPass.prepare(database.jdbi(),
                new AuditTrail(database.jdbi(), Environment.clock()), Environment.clock(), DemoCommand.DEMO_BOROUGH);
        out.printf("Partners in %.1f s: %d organisations, %d agreements; %d ASB case review applications (%d met the"
                        + " threshold), %d MARAC and panel cases; %,d ambulance assault call-outs, %,d likely never"
                        + " reported (%.1f%% of all violence)%n", (System.nanoTime() - t) / 1e9, s.organisations(),
                s.agreements(), s.caseReviews(), s.thresholdsMet(), s.panels(), s.callOuts(), s.likelyUnreported(),
                100 * s.unreportedShare());
    }

    /** Self-defined and observed ethnicity for the ASB victims and IOM offenders, drawn from the census. */
    private static void recordEthnicity(Database database, Optional<Path> sharedData, PrintStream out) {
        long t = System.nanoTime();
        org.peel.partners.DemoEthnicityPass.Summary s = org.peel.partners.DemoEthnicityPass.prepare(database.jdbi(),
                new AuditTrail(database.jdbi(), Environment.clock()),
                sharedData.map(d -> d.resolve(org.peel.place.PopulationTables.CENSUS)).orElse(null),
                SyntheticForce.DEMO_SEED);
        out.printf("Ethnicity in %.1f s: %,d ASB victims and %,d IOM offenders asked (%,d chose not to state it),"
                + " in the census proportions of the force area%n", (System.nanoTime() - t) / 1e9, s.asbVictims(),
                s.offenders(), s.notStated());
    }

    /** One person out of many records: the demo's person records resolved, with doubtful pairs left for review. */
    private static void resolvePeople(Database database, PrintStream out) {
        long t = System.nanoTime();
        BatchLinkage.Report r = new BatchLinkage(IdentityResolution.standard(), new PeopleStore(database.jdbi()))
                .run(new PersonRecordSource(database.jdbi(), PersonRecordSource.STANDARD_TABLE), "peel demo");
        out.printf("Resolved %,d person records into %,d persons in %.1f s; %,d doubtful pairs await review%n",
                r.records(), r.personsCreated(), (System.nanoTime() - t) / 1e9, r.reviewPairsQueued());
    }

    /**
     * Links the demo investigator's account to the Westminster investigator carrying the most open crimes, so that
     * "My caseload" has something to show; once linked, later starts leave it alone.
     */
    static void linkDemoInvestigator(Database database, String username, PrintStream out) {
        InvestigatorStore store = new InvestigatorStore(database.jdbi());
        if (store.investigatorOf(username).isPresent()) {
            return;
        }
        Optional<String> busiest = database.jdbi().withHandle(h -> h.createQuery("""
                        select i.id from investigator i join investigation_team t on t.id = i.team_id
                        where t.borough_code = :borough
                          and not exists (select 1 from investigator_account l where l.investigator_id = i.id)
                        order by (select count(*) from crime c where c.investigator_id = i.id
                                    and not exists (select 1 from crime_outcome o where o.crime_id = c.id)) desc, i.id
                        limit 1""").bind("borough", DemoCommand.DEMO_BOROUGH).mapTo(String.class).findOne());
        if (busiest.isEmpty()) {
            return;
        }
        InvestigatorStore.InvestigatorLink linked = new InvestigatorAccounts(store, new AuditTrail(database.jdbi(), Environment.clock()),
                Environment.clock()).link(busiest.get(), username, null, "demo", null);
        out.printf("Linked the demo account '%s' to investigator %s (%s)%n", username, linked.investigatorId(), linked.name());
    }

    private static void loadGeography(Database database, Path geography, PrintStream out) {
        PlaceStore places = new PlaceStore(database.jdbi());
        if (places.counts().lsoas() == 0 && Files.isDirectory(geography)) {
            long t = System.nanoTime();
            new GeographyImporter(places).importFrom(geography);
            out.printf("Loaded geography from %s in %.1f s: %d boroughs, %d wards, %d LSOAs%n", geography,
                    (System.nanoTime() - t) / 1e9, places.counts().boroughs(), places.counts().wards(),
                    places.counts().lsoas());
        }
    }
}
