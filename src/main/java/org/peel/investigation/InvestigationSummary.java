package org.peel.investigation;

import org.peel.access.Section;
import org.peel.access.User;
import org.peel.web.SectionSummary;

import java.time.LocalDateTime;
import java.util.List;

/** The Investigation section's figures: crimes recorded over the latest twelve months held, and outcomes. */
public final class InvestigationSummary implements SectionSummary.Source {

    private final CrimeStore store;

    public InvestigationSummary(CrimeStore store) {
        this.store = store;
    }

    @Override
    public List<SectionSummary> forUser(User user) {
        String borough = user.role().isLocal() ? user.boroughCode() : null;
        return store.latestRecorded(borough).map(latest -> {
            LocalDateTime to = latest.toLocalDate().plusDays(1).atStartOfDay();
            CrimeStore.Counts c = store.counts(borough, to.minusMonths(12), to);
            return List.of(new SectionSummary(Section.INVESTIGATION,
                    "Recorded crime" + (borough == null ? ", force-wide" : ", your borough"), List.of(
                    new SectionSummary.Line("Crimes recorded", c.recorded(), ""),
                    new SectionSummary.Line("With an outcome", c.withOutcome(), percent(c.withOutcome(), c.recorded())),
                    new SectionSummary.Line("Charged or summonsed", c.charged(), percent(c.charged(), c.recorded())),
                    new SectionSummary.Line("Domestic abuse flagged", c.domesticAbuse(), percent(c.domesticAbuse(), c.recorded())),
                    new SectionSummary.Line("Hate flagged", c.hate(), percent(c.hate(), c.recorded())),
                    new SectionSummary.Line("Investigators in post", store.investigators(borough), "")),
                    "Twelve months to " + latest.toLocalDate() + ", the newest crime held."));
        }).orElse(List.of());
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "" : String.format("%.1f%%", 100.0 * part / whole);
    }
}
