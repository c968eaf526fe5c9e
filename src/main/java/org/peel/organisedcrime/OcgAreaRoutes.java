package org.peel.organisedcrime;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AccessStore;
import org.peel.access.AuditEvent;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.place.Ward;
import org.peel.web.Attention;
import org.peel.web.Web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Organised crime in a neighbourhood officer's area: the active groups and gangs whose area touches their borough or
 * its wards, with what the front line should know of each (see {@link AreaPicture}) and nothing of the restricted
 * intelligence. The access policy decides who sees it by the organised crime picture sensitivity, which neighbourhood
 * officers and analysts hold and response officers do not; each view is audited. Linked from the officer's home page.
 */
public final class OcgAreaRoutes {

    private final Web web;
    private final OcgStore groups;
    private final IntelligenceStore intelligence;
    private final GangStore gangs;
    private final AccessStore accounts;
    private final Supplier<Map<String, String>> boroughNames;
    private final Function<String, List<Ward>> wards;

    public OcgAreaRoutes(Web web, OcgStore groups, IntelligenceStore intelligence, GangStore gangs,
                         AccessStore accounts, Supplier<Map<String, String>> boroughNames,
                         Function<String, List<Ward>> wards) {
        this.web = web;
        this.groups = groups;
        this.intelligence = intelligence;
        this.gangs = gangs;
        this.accounts = accounts;
        this.boroughNames = boroughNames;
        this.wards = wards;
    }

    public void register(RoutesConfig routes) {
        routes.get("/organised-crime/area", this::page);
    }

    /** The picture of a borough: through organised crime for analysts, through prevention for the front line. */
    static AccessRequest request(User user, String borough) {
        AccessRequest analyst = AccessRequest.view(Section.ORGANISED_CRIME).touching(Sensitivity.ORGANISED_CRIME_PICTURE);
        return (AccessPolicy.decide(user, analyst).allowed() ? analyst
                : AccessRequest.view(Section.PREVENTION).touching(Sensitivity.ORGANISED_CRIME_PICTURE))
                .inBorough(borough);
    }

    private String borough(User user, String asked) {
        String b = AccessPolicy.boroughInView(user, asked);
        if (b == null && !boroughNames.get().isEmpty()) {
            b = boroughNames.get().keySet().iterator().next();
        }
        return b;
    }

    private void page(Context ctx) {
        User signedIn = Web.signedIn(ctx);
        String borough = borough(signedIn, ctx.queryParam("borough"));
        User user = web.authorize(ctx, request(signedIn, borough), "ocg-area", borough);
        AreaPicture.Picture picture = picture(user, borough);
        web.audit(ctx, AuditEvent.by(user, "view", "ocg-area", borough, AuditEvent.SUCCESS)
                .detail(picture.groups().size() + " groups and " + picture.gangs().size() + " gangs"));
        Map<String, Object> params = new HashMap<>();
        params.put("borough", borough);
        params.put("boroughNames", boroughNames.get());
        params.put("boroughs", user.role().isLocal() ? Map.of() : boroughNames.get());
        params.put("picture", picture);
        Web.noStore(ctx);
        web.render(ctx, "organisedcrime/area.jte", web.page(ctx, "Organised crime in your area", Section.PREVENTION),
                params);
    }

    private AreaPicture.Picture picture(User user, String borough) {
        Set<String> places = new HashSet<>();
        places.add(borough);
        places.add(boroughNames.get().getOrDefault(borough, borough));
        for (Ward w : wards.apply(borough)) {
            places.add(w.code());
            places.add(w.name());
        }
        Map<String, String> leads = new HashMap<>();
        accounts.listUsers().forEach(u -> leads.put(u.username(), u.displayName()));
        boolean analyst = AccessPolicy.decide(user, AccessRequest.view(Section.ORGANISED_CRIME)).allowed();
        return AreaPicture.of(groups.activeGroups(null), borough, places, g -> g.leadOfficerUsername() != null
                        ? leads.getOrDefault(g.leadOfficerUsername(), g.leadOfficerUsername())
                        : g.leadOfficer() == null || g.leadOfficer().isBlank() ? "Not assigned" : g.leadOfficer(),
                groups.openTasks(borough, analyst ? null : user.username()), intelligence.requirements(borough),
                gangs.gangs(borough));
    }

    /** On the home page of those who may see it: how many groups and gangs are active in their borough. */
    public List<Attention> attention(User user) {
        if (!user.role().isLocal() || user.boroughCode() == null
                || !AccessPolicy.decide(user, request(user, user.boroughCode())).allowed()) {
            return List.of();
        }
        AreaPicture.Picture p = picture(user, user.boroughCode());
        if (p.groups().isEmpty() && p.gangs().isEmpty()) {
            return List.of();
        }
        return List.of(new Attention(p.groups().size() + " organised crime group" + (p.groups().size() == 1 ? "" : "s")
                + " and " + p.gangs().size() + " gang" + (p.gangs().size() == 1 ? "" : "s") + " active in your area",
                "Who they are, how each is banded, who leads against it, your team's open tasks and the disruption"
                        + " priorities", "/organised-crime/area", Attention.Urgency.ROUTINE));
    }
}
