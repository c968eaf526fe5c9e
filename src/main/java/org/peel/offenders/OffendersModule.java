package org.peel.offenders;

import io.javalin.config.RoutesConfig;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.module.Module;
import org.peel.module.ModuleContext;
import org.peel.web.Attention;
import org.peel.web.Capability;

import java.util.ArrayList;
import java.util.List;

/**
 * Offenders wired as a whole: integrated offender management by the force's one cohort rule (pages under
 * Investigation, the section of "investigating crime and managing offenders"), and the neighbourhood team's tasks
 * for offenders in their wards (under Prevention), with the team's home-page item.
 */
public final class OffendersModule implements Module {

    private final ModuleContext context;
    private final IomStore store;
    private final CohortRunPass pass;
    private final OffenderTaskRoutes tasks;
    private final WardOfficers officers;
    private final MappaRoutes mappa;

    public OffendersModule(ModuleContext context) {
        this.context = context;
        this.store = new IomStore(context.jdbi());
        this.pass = new CohortRunPass(store, new CohortRule(CohortSettings.from(context.environment())));
        this.officers = new WardOfficers(context.jdbi(), context.access(), context.places(), context.audit(),
                context.clock());
        this.tasks = new OffenderTaskRoutes(context.web(), store, context.places(), context.clock(), officers,
                context.audit());
        this.mappa = new MappaRoutes(context.web(), new MappaStore(context.jdbi()), store, context.clock(),
                Mappa.visitDays(context.environment().get("PEEL_MAPPA_VISIT_DAYS")));
    }

    @Override
    public void routes(RoutesConfig routes) {
        new IomRoutes(context.web(), store, pass, context.clock(), context::boroughNames, context.places(), officers)
                .register(routes);
        tasks.register(routes);
        new WardOfficerRoutes(context.web(), officers, context::boroughNames).register(routes);
        new OffenderApiRoutes(context.web(), store).register(routes);
        mappa.register(routes);
        DiversionStore diversion = new DiversionStore(context.jdbi());
        new DiversionRoutes(context.web(), diversion, store, new DiversionFigures(store, diversion,
                new CohortRule(CohortSettings.from(context.environment()))), context.clock()).register(routes);
    }

    @Override
    public List<Capability> menu() {
        return List.of(
                new Capability(Section.INVESTIGATION, "Integrated offender management",
                        "The force's one cohort rule, each borough's cohort and capacity, its exceptions with reasons,"
                                + " and how far each borough departs from the rule", "/investigation/offenders").opening(IomRoutes.request()),
                new Capability(Section.INVESTIGATION, "IOM cases whose manager is absent",
                        "Who covers each case today, and the cases no one covers", "/investigation/offenders/absent").opening(IomRoutes.request()),
                new Capability(Section.INVESTIGATION, "MAPPA and potentially dangerous persons",
                        "Visits due and overdue, MAPP meetings held and overdue, and PDPs whose inclusion lapses unless renewed",
                        "/investigation/offenders/mappa").opening(IomRoutes.request()),
                new Capability(Section.INVESTIGATION, "Diversion",
                        "Referrals to drugs and alcohol, gangs, female offenders' triage and youth schemes, their outcomes,"
                                + " and reoffending after referral beside a matched comparison group",
                        "/investigation/offenders/diversion").opening(IomRoutes.request()),
                new Capability(Section.ADMINISTRATION, "Neighbourhood officers and their wards",
                        "Assign neighbourhood officers to the wards they police, so that tasks and the highest-harm"
                                + " offenders living there reach them", "/administration/neighbourhood-wards"),
                new Capability(Section.PREVENTION, "Tasks for offenders in your wards",
                        "Check addresses, gather intelligence and visit, for the offender managers; the highest-harm"
                                + " offenders living in your wards", "/prevention/offender-tasks"));
    }

    @Override
    public List<Attention> attention(User user) {
        List<Attention> items = new ArrayList<>(tasks.attention().forUser(user));
        items.addAll(mappa.attention().forUser(user));
        return items;
    }

    /** This module's commands under {@code peel}: {@code peel iom cohort} and {@code peel iom run}. */
    public static List<Class<?>> commands() {
        return List.of(IomCommand.class);
    }
}
