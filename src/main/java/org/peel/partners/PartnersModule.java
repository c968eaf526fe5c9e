package org.peel.partners;

import io.javalin.config.RoutesConfig;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.SharingAgreement;
import org.peel.access.SharingStore;
import org.peel.access.User;
import org.peel.module.Module;
import org.peel.module.ModuleContext;
import org.peel.web.Attention;
import org.peel.web.Capability;
import org.peel.web.PackRelease;

import java.time.LocalDate;
import java.util.List;

/**
 * Partners and people's data wired as a whole: the agreements register and multi-agency cases on the web (the share
 * gate itself is the access kernel's, so every capability shares through it), and on the command line the share log,
 * MoPI review and retention, and subject access.
 */
public final class PartnersModule implements Module {

    private final ModuleContext context;
    private final SharingStore sharing;
    private final PartnersSettings settings;
    private final RetentionSettings retention;

    public PartnersModule(ModuleContext context) {
        this.context = context;
        this.sharing = new SharingStore(context.jdbi(), context.audit(), context.clock());
        this.settings = PartnersSettings.from(context.environment());
        this.retention = RetentionSettings.from(context.environment());
    }

    @Override
    public void routes(RoutesConfig routes) {
        new PartnersRoutes(context.web(), sharing, new PartnerCaseStore(context.jdbi(), context.audit()),
                new PanelStore(context.jdbi()), settings, context.clock()).register(routes);
        new PartnerHarmRoutes(context.web(), new PartnerHarmStore(context.jdbi(), context.audit(), context.clock()),
                context.clock()).register(routes);
        new CaseReviewRoutes(context.web(), sharing, new PartnerCaseStore(context.jdbi(), context.audit()),
                new CaseReviewStore(context.jdbi(), context.audit()), new org.peel.place.PlaceStore(context.jdbi()),
                CaseReviewThreshold.Settings.from(context.environment()), context.clock()).register(routes);
        new PanelRoutes(context.web(), sharing, new PartnerCaseStore(context.jdbi(), context.audit()),
                new PanelStore(context.jdbi()), new org.peel.place.PlaceStore(context.jdbi()), context.clock())
                .register(routes);
        new PanelPackRoutes(context.web(), new PartnerCaseStore(context.jdbi(), context.audit()),
                new PackRelease(context.web(), sharing, context.clock())).register(routes);
        new DpiaRoutes(context.web(), new DpiaStore(context.jdbi(), context.audit()), context.clock()).register(routes);
        new RetentionRoutes(context.web(), new RetentionStore(context.jdbi(), context.audit(), retention), retention,
                context.clock()).register(routes);
    }

    @Override
    public List<Capability> menu() {
        return List.of(
                new Capability(Section.PARTNERSHIP, "Multi-agency cases",
                        "ASB case reviews, ASB MARAC and complex case panels shared with partner agencies",
                        "/partners/cases"),
                new Capability(Section.PARTNERSHIP, "ASB case reviews",
                        "Community trigger applications, threshold decisions, review meetings, recommendations and"
                                + " the figures published each year", "/partners/case-reviews")
                        .opening(CaseReviewRoutes.working()),
                new Capability(Section.PARTNERSHIP, "Open an ASB MARAC or complex case panel case",
                        "A case shared with the agencies on the panel, with actions for each", "/partners/panels/new")
                        .opening(PanelRoutes.working(null).changing()),
                new Capability(Section.PARTNERSHIP, "Violence never reported",
                        "Ambulance and emergency department assaults no recorded crime matches, per ward",
                        "/partners/unreported").opening(PartnerHarmRoutes.reading()),
                new Capability(Section.PARTNERSHIP, "Information-sharing agreements",
                        "Who the force shares with, why, under which law, which data, and when each is reviewed",
                        "/partners/agreements"),
                new Capability(Section.PARTNERSHIP, "MoPI review queue",
                        "Records due for review by group: retain, dispose of or hold each; lift holds",
                        "/partners/retention").opening(RetentionRoutes.reviewing(RetentionRoutes.all())),
                new Capability(Section.PARTNERSHIP, "Data protection impact assessments",
                        "Each high-risk processing activity's assessment: lawful basis, risks, mitigations, owner, review",
                        "/partners/dpia"));
    }

    /**
     * Agreements lapsing within the warning days, for those who keep the register; records due for MoPI review, for
     * the records manager.
     */
    @Override
    public List<Attention> attention(User user) {
        if (user.role() == Role.RECORDS_MANAGER) {
            LocalDate today = LocalDate.now(context.clock());
            long due = new RetentionStore(context.jdbi(), context.audit(), retention).dueCount(today);
            return due == 0 ? List.of() : List.of(new Attention(due + " records due for MoPI review",
                    "Retain, dispose of or hold each, the longest overdue first", "/partners/retention",
                    Attention.Urgency.SOON));
        }
        if (user.role() != Role.ADMINISTRATOR) {
            return List.of();
        }
        LocalDate today = LocalDate.now(context.clock());
        long due = sharing.agreements().stream().filter(a -> a.renewalDue(today, settings.renewalWarningDays())).count();
        long lapsed = sharing.agreements().stream()
                .filter(a -> a.statusOn(today) == SharingAgreement.Status.LAPSED).count();
        if (due == 0 && lapsed == 0) {
            return List.of();
        }
        return List.of(new Attention(due + " sharing agreements lapse within " + settings.renewalWarningDays() + " days",
                lapsed + " have lapsed: shares under them are refused until renewed", "/partners/agreements",
                lapsed > 0 ? Attention.Urgency.NOW : Attention.Urgency.SOON));
    }

    /** This module's commands under {@code peel}: share, retention, sar, equality and harm. */
    public static List<Class<?>> commands() {
        return List.of(ShareCommand.class, RetentionCommand.class, SubjectAccessCommand.class, EqualityCommand.class,
                HarmCommand.class);
    }
}
