package org.peel.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.User;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The home page (what needs my attention) and one page for each section. */
public final class HomeRoutes {

    private final Web web;
    private final List<Attention.Source> attention;
    private final List<Capability> capabilities;
    private final List<SectionSummary.Source> summaries;

    public HomeRoutes(Web web, List<Attention.Source> attention, List<Capability> capabilities,
                      List<SectionSummary.Source> summaries) {
        this.web = web;
        this.attention = List.copyOf(attention);
        this.capabilities = List.copyOf(capabilities);
        this.summaries = List.copyOf(summaries);
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::home);
        for (Section s : Section.values()) {
            if (s != Section.ADMINISTRATION) {
                routes.get(s.path(), ctx -> section(ctx, s));
            }
        }
    }

    private void home(Context ctx) {
        User user = Web.signedIn(ctx);
        List<Attention> items = new ArrayList<>();
        for (Attention.Source source : attention) {
            items.addAll(source.forUser(user));
        }
        items.sort(Comparator.comparing(Attention::urgency).reversed());
        List<Section> sections = web.page(ctx, "", null).navigation();
        web.render(ctx, "home.jte", web.page(ctx, "Home", null), Map.of("attention", items, "sections", sections));
    }

    private void section(Context ctx, Section section) {
        User user = web.authorize(ctx, AccessRequest.view(section), "section", section.name().toLowerCase());
        List<Capability> here = capabilities.stream().filter(c -> c.section() == section)
                .filter(c -> c.opensFor(user)).toList();
        List<SectionSummary> held = new ArrayList<>();
        for (SectionSummary.Source source : summaries) {
            source.forUser(user).stream().filter(s -> s.section() == section).forEach(held::add);
        }
        web.render(ctx, "section.jte", web.page(ctx, section.title(), section), Map.of("section", section,
                "capabilities", here, "summaries", held));
    }
}
