package org.peel.organisedcrime;

import org.peel.access.Section;
import org.peel.access.User;
import org.peel.web.SectionSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Organised crime section's figures: groups on the register by band, and their people. */
public final class OrganisedCrimeSummary implements SectionSummary.Source {

    private final OcgStore store;

    public OrganisedCrimeSummary(OcgStore store) {
        this.store = store;
    }

    @Override
    public List<SectionSummary> forUser(User user) {
        String borough = user.role().isLocal() ? user.boroughCode() : null;
        Map<String, Long> byBand = store.groupsByBand(borough);
        if (byBand.isEmpty()) {
            return List.of();
        }
        List<SectionSummary.Line> lines = new ArrayList<>();
        lines.add(new SectionSummary.Line("Organised crime groups", byBand.values().stream().mapToLong(Long::longValue).sum(), ""));
        byBand.forEach((band, n) -> lines.add(new SectionSummary.Line("  band " + band, n, "")));
        if (borough == null) {
            lines.add(new SectionSummary.Line("Member and associate records", store.memberRecords(), "person records, before identity resolution"));
        }
        return List.of(new SectionSummary(Section.ORGANISED_CRIME, "The OCG register", lines, null));
    }
}
