package org.peel.investigation;

import org.peel.access.Section;
import org.peel.access.User;
import org.peel.web.SectionSummary;

import java.util.List;

/** The Investigation section's figures: crimes recorded over the latest twelve months held, and outcomes. */
public final class InvestigationSummary implements SectionSummary.Source {

    private final CrimeStore store;

    public InvestigationSummary(CrimeStore store) {
        this.store = store;
    }

    @Override
    public List<SectionSummary> forUser(User user) {
        String borough = SectionSummary.boroughOf(user);
        return store.latestRecorded(borough).map(latest -> {
            SectionSummary.Window window = SectionSummary.Window.endingWith(latest, "crime");
            CrimeStore.Counts c = store.counts(borough, window.from(), window.to());
            return List.of(new SectionSummary(Section.INVESTIGATION,
                    "Recorded crime" + (borough == null ? ", force-wide" : ", your borough"), List.of(
                    new SectionSummary.Line("Crimes recorded", c.recorded(), ""),
                    new SectionSummary.Line("With an outcome", c.withOutcome(), percent(c.withOutcome(), c.recorded())),
                    new SectionSummary.Line("Charged or summonsed", c.charged(), percent(c.charged(), c.recorded())),
                    new SectionSummary.Line("Domestic abuse flagged", c.domesticAbuse(), percent(c.domesticAbuse(), c.recorded())),
                    new SectionSummary.Line("Hate flagged", c.hate(), percent(c.hate(), c.recorded())),
                    new SectionSummary.Line("Investigators in post", store.investigators(borough), "")),
                    window.note()));
        }).orElse(List.of());
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "" : String.format("%.1f%%", 100.0 * part / whole);
    }
}
