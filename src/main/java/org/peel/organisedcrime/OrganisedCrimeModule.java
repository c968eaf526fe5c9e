package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.ShareGate;
import org.peel.access.SharingStore;
import org.peel.access.User;
import org.peel.module.Module;
import org.peel.module.ModuleContext;
import org.peel.web.Attention;
import org.peel.web.Capability;
import org.peel.web.SectionSummary;

import java.util.ArrayList;
import java.util.List;

/**
 * Serious and organised crime wired as a whole: the OCG register and tracker, scoring under a versioned model with
 * reassessment after significant events, disruptions and their effect, and the section's figures.
 */
public final class OrganisedCrimeModule implements Module {

    private final OrganisedCrimeSummary summary;
    private final OcgRegister register;
    private final ModuleContext context;
    private final GangMatrix gangs;
    private final GangEquality equality;
    private final FrontLineIntelligence intelligence;
    private final ThreatStore threats;
    private final OcgTaskRoutes tasks;
    private final OcgAreaRoutes area;

    public OrganisedCrimeModule(ModuleContext context) {
        this.context = context;
        OcgStore store = new OcgStore(context.jdbi());
        this.summary = new OrganisedCrimeSummary(store);
        this.register = new OcgRegister(store, context.audit(), OcgSettings.from(context.environment()),
                context.clock());
        GangStore gangStore = new GangStore(context.jdbi());
        // the force's share gate is the one way gang data leaves: organised crime asks it, never its tables
        ShareGate gate = new SharingStore(context.jdbi(), context.audit(), context.clock());
        this.gangs = new GangMatrix(gangStore, context.audit(), gate, GangMatrix.Settings.from(context.environment()),
                context.clock());
        this.intelligence = new FrontLineIntelligence(new IntelligenceStore(context.jdbi()), store, context.audit(),
                IntelligenceGrading.scheme(context.environment().get("PEEL_INTEL_GRADING")), context.clock());
        this.threats = new ThreatStore(context.jdbi(), context.audit(), context.clock(),
                ThreatStore.testDaysFrom(context.environment().get("PEEL_SPR_TEST_DAYS")));
        this.tasks = new OcgTaskRoutes(context.web(), register, context.audit(), context::boroughNames,
                context.clock());
        this.area = new OcgAreaRoutes(context.web(), store, new IntelligenceStore(context.jdbi()), gangStore,
                context.access(), context::boroughNames, context.places()::wardsIn);
        this.equality = new GangEquality(gangStore, new PopulationFigures(context.sharedData()), context::boroughNames,
                () -> context.places().forceAreas().stream().map(f -> f.name()).toList());
    }

    @Override
    public void routes(RoutesConfig routes) {
        new OcgRoutes(context.web(), register, context::boroughNames, context.clock(), context.access())
                .register(routes);
        tasks.register(routes);
        area.register(routes);
        new GangRoutes(context.web(), gangs, equality, context::boroughNames).register(routes);
        new GangApiRoutes(context.web(), gangs).register(routes);
        new OcgTaskApiRoutes(context.web(), register, context.access(), context::boroughNames, context.clock())
                .register(routes);
        new ThreatRoutes(context.web(), threats).register(routes);
        new IntelligenceRoutes(context.web(), intelligence, gangs.store(), context::boroughNames).register(routes);
    }

    @Override
    public List<Capability> menu() {
        return List.of(
                new Capability(Section.ORGANISED_CRIME, "OCG tracker",
                        "Active organised crime groups by current score, with stale and due reassessments flagged",
                        "/organised-crime/groups"),
                new Capability(Section.ORGANISED_CRIME, "Scoring models compared",
                        "Every active group under two scoring models side by side, and the groups whose band changes",
                        "/organised-crime/models"),
                new Capability(Section.ORGANISED_CRIME, "Disruptions by month",
                        "Pursue, prevent, protect and prepare disruptions with arrests, charges, seizures and SCPOs",
                        "/organised-crime/disruptions"),
                new Capability(Section.ORGANISED_CRIME, "Intelligence requirement",
                        "What front-line officers should look for in each borough, the active groups and gangs there,"
                                + " and intelligence submitted graded 3x5x2 and linked to groups",
                        "/organised-crime/intelligence"),
                new Capability(Section.PREVENTION, "Intelligence requirement",
                        "What to look and listen for in your borough, its organised crime groups and gangs, and the"
                                + " form to submit intelligence",
                        "/organised-crime/intelligence"),
                new Capability(Section.PREVENTION, "Organised crime in your area",
                        "The active organised crime groups and gangs in your borough and its wards: type, threat band,"
                                + " lead responsible officer, your team's open tasks and the disruption priorities",
                        "/organised-crime/area")
                        .opening(AccessRequest.view(Section.PREVENTION).touching(Sensitivity.ORGANISED_CRIME_PICTURE)),
                new Capability(Section.PREVENTION, "Organised crime tasks",
                        "Tasks from a group's lead responsible officer to you or your borough's team: what to do"
                                + " against a group or member, why, by when, and the result when done",
                        "/organised-crime/tasks"),
                new Capability(Section.ORGANISED_CRIME, "Organised crime tasks",
                        "Open tasks given to boroughs and neighbourhood officers against groups and their members",
                        "/organised-crime/tasks"),
                new Capability(Section.ORGANISED_CRIME, "National threats: preparedness",
                        "The six Strategic Policing Requirement threats with exercises, debriefs, lessons and"
                                + " capability reviews, and those not tested recently",
                        "/organised-crime/threats"),
                new Capability(Section.ORGANISED_CRIME, "Gangs matrix",
                        "People on the matrix after a harm assessment that never scores victims, with review dates,"
                                + " removals and the recipient log of every share",
                        "/organised-crime/gangs"),
                new Capability(Section.ORGANISED_CRIME, "Gangs matrix: equality report",
                        "The matrix by age, sex and ethnic group against the population, where it is held",
                        "/organised-crime/gangs/equality"),
                new Capability(Section.ORGANISED_CRIME, "Gangs matrix: the Information Commissioner's findings",
                        "Each finding on the gangs matrix, how Peel meets it and the live figure behind it",
                        "/organised-crime/gangs/safeguards"));
    }

    /**
     * For those who may see the register: the groups due for reassessment (a significant event since the last
     * assessment, the interval passed, or never scored under the register's model), and people on the gangs matrix
     * past their review date. For a neighbourhood officer: the organised crime tasks given to them or their team, and
     * the groups and gangs active in their area.
     */
    @Override
    public List<Attention> attention(User user) {
        List<Attention> items = new ArrayList<>(tasks.attention(user));
        items.addAll(area.attention(user));
        if (!AccessPolicy.decide(user, AccessRequest.view(Section.ORGANISED_CRIME).touching(Sensitivity.INTELLIGENCE))
                .allowed()) {
            return items;
        }
        String borough = AccessPolicy.boroughInView(user, null);
        List<OcgRegister.TrackerRow> rows = register.tracker(borough);
        long due = rows.stream().filter(r -> r.due().due()).count();
        if (due > 0) {
            long afterEvent = rows.stream().filter(r -> r.due().due() && r.due().reason().contains("significant event"))
                    .count();
            items.add(new Attention(due + " organised crime group" + (due == 1 ? "" : "s") + " due for reassessment",
                    afterEvent + " after a significant event (an arrest or charge of a principal, a major disruption,"
                            + " firearms seized); the rest at the " + register.settings().intervalDays()
                            + "-day interval", "/organised-crime/groups?due=1",
                    afterEvent > 0 ? Attention.Urgency.NOW : Attention.Urgency.SOON));
        }
        long lapsed = gangs.store().statusCounts(gangs.today()).get("lapsed");
        if (lapsed > 0 && !user.role().readOnly()) {
            items.add(new Attention(lapsed + " on the gangs matrix past their review date",
                    "Review them or take them off the matrix: a lapsed review is not kept", "/organised-crime/gangs",
                    Attention.Urgency.SOON));
        }
        long untested = threats.threats().stream().filter(t -> t.status().alert()).count();
        if (untested > 0 && !user.role().readOnly()) {
            items.add(new Attention(untested + " national threat" + (untested == 1 ? "" : "s") + " to test",
                    "Not exercised within " + threats.testDays() + " days, or assessed not prepared",
                    "/organised-crime/threats", Attention.Urgency.ROUTINE));
        }
        return items;
    }

    @Override
    public List<SectionSummary> summary(User user) {
        return summary.forUser(user);
    }

    /** This module's commands under {@code peel}: scoring groups from a file, and comparing two scoring models. */
    public static List<Class<?>> commands() {
        return List.of(OcgCommand.class);
    }
}
