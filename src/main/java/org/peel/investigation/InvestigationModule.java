package org.peel.investigation;

import io.javalin.config.RoutesConfig;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.module.Module;
import org.peel.module.ModuleContext;
import org.peel.web.Attention;
import org.peel.web.Capability;
import org.peel.web.SectionSummary;

import java.util.List;

/**
 * Investigation wired as a whole: crime recording (screening, allocation and Victims' Code deadlines as it is
 * saved), the allocation queue, investigation plans, caseloads and forensic requests, each over its own store;
 * with its menu entries, the investigator's home-page items and the section's crime
 * figures. Screening and allocation settings are read from the database when the module is built.
 */
public final class InvestigationModule implements Module {

    private final ModuleContext context;
    private final InvestigatorStore investigators;
    private final CaseloadRoutes caseloads;
    private final InvestigationSummary summary;

    public InvestigationModule(ModuleContext context) {
        this.context = context;
        this.investigators = new InvestigatorStore(context.jdbi());
        this.caseloads = new CaseloadRoutes(context.web(), investigators,
                new InvestigatorAccounts(investigators, context.audit(), context.clock()),
                InvestigatorCaseload.ReviewIntervals.defaults(), context::boroughNames, context.clock());
        this.summary = new InvestigationSummary(new CrimeStore(context.jdbi()));
    }

    @Override
    public void routes(RoutesConfig routes) {
        InvestigationSettings settings = InvestigationSettings.load(context.jdbi());
        InvestigationRoutes crimes = new InvestigationRoutes(context.web(), context.jdbi(),
                new RecordCrime(context.jdbi(), context.audit(), settings.screening(), settings.allocation(), context.clock(),
                        new CrimeLocator(context.places()), PersistentTargeting.Policy.from(context.environment())),
                new CaseProgress(context.jdbi(), context.audit(), context.clock()), context::boroughNames, context.clock(),
                context.personIndex());
        crimes.reviewIntervals(InvestigatorCaseload.ReviewIntervals.defaults()).register(routes);
        new InvestigationPlanRoutes(context.web(), context.jdbi(), crimes, InvestigatorCaseload.ReviewIntervals.defaults(),
                context.clock()).register(routes);
        caseloads.register(routes);
        ForensicStore forensic = new ForensicStore(context.jdbi());
        new ForensicRoutes(context.web(), new CrimeStore(context.jdbi()), forensic, new ForensicRequests(forensic, context.audit(),
                ForensicTriage.Settings.from(context.environment()), context.clock()), crimes,
                context::boroughNames, context.clock()).register(routes);
    }

    @Override
    public List<Capability> menu() {
        return List.of(
                new Capability(Section.INVESTIGATION, "Record a crime",
                        "Screened, allocated and the Victims' Code deadlines set as it is saved", "/investigation/crimes/new")
                        .opening(AccessRequest.view(Section.INVESTIGATION).changing()),
                new Capability(Section.INVESTIGATION, "Allocation queue",
                        "Crimes waiting for an investigator, screened-out crimes to review, overdue Victims' Code deadlines",
                        "/investigation/queue"),
                new Capability(Section.INVESTIGATION, "Allocation and Victims' Code figures",
                        "Time to allocation by borough and offence group, queue age, caseloads, Victims' Code compliance",
                        "/investigation/metrics"),
                new Capability(Section.INVESTIGATION, "Forensic and digital queues",
                        "Requests by route (kiosk, local hub, central unit) with their ages and the median wait on each",
                        "/investigation/forensic"),
                new Capability(Section.INVESTIGATION, "My caseload",
                        "Your open crimes with their priority, age and review dates; Victims' Code deadlines overdue or due soon",
                        "/investigation/caseload"),
                new Capability(Section.INVESTIGATION, "Caseloads by investigator",
                        "For supervisors: each investigator's open crimes, reviews overdue and Victims' Code deadlines",
                        "/investigation/caseloads").opening(CaseloadRoutes.boroughCaseloads()));
    }

    @Override
    public List<Attention> attention(User user) {
        return caseloads.attention().forUser(user);
    }

    @Override
    public List<SectionSummary> summary(User user) {
        return summary.forUser(user);
    }

    /** This module's commands under {@code peel}: Victims' Code deadlines, and linking investigators to accounts. */
    public static List<Class<?>> commands() {
        return List.of(VictimsCodeCommand.class, InvestigatorCommand.class, SimulateCommand.class, DutyRotaCommand.class);
    }
}
