package org.peel.partners;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.Role;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.web.Web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page of violence partners saw and the police never recorded: per ward, the partners' assaults, those matched to
 * a recorded crime, those likely unreported, and their share of all violence. Counts only; the partners' rows stay
 * with the force, so partner accounts do not read it.
 */
public final class PartnerHarmRoutes {

    /** Police roles that read the unreported violence; partners send the data and do not read the force's view. */
    static final EnumSet<Role> READERS = EnumSet.complementOf(EnumSet.of(Role.PARTNER));

    private final Web web;
    private final PartnerHarmStore store;
    private final Clock clock;

    public PartnerHarmRoutes(Web web, PartnerHarmStore store, Clock clock) {
        this.web = web;
        this.store = store;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/partners/unreported", this::unreported);
    }

    /** What the violence partners found asks of the access policy, before its borough. */
    static AccessRequest reading() {
        return AccessRequest.view(Section.PARTNERSHIP).dutyOf("reading the violence partners found", READERS);
    }

    private void unreported(Context ctx) {
        User user = Web.signedIn(ctx);
        String borough = AccessPolicy.boroughInView(user, ctx.queryParam("borough"));
        web.authorize(ctx, reading().inBorough(borough), "partner_harm", borough);
        var span = store.span();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = day(ctx, "from", span.map(s -> s[0]).orElse(today));
        LocalDate to = day(ctx, "to", span.map(s -> s[1]).orElse(today));
        List<PartnerHarmStore.WardLine> wards = store.byWard(from, to, borough);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("wards", wards);
        params.put("totals", PartnerHarmStore.totals(wards));
        params.put("from", from);
        params.put("to", to);
        web.render(ctx, "partners/unreported.jte", web.page(ctx, "Violence partners found that was never reported",
                Section.PARTNERSHIP), params);
    }

    private static LocalDate day(Context ctx, String name, LocalDate otherwise) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException ex) {
            throw new BadRequestResponse(name + " must be a date, YYYY-MM-DD");
        }
    }
}
