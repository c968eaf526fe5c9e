package org.peel.prevention;

import org.peel.access.Section;
import org.peel.access.User;
import org.peel.web.SectionSummary;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Prevention section's figures: ASB incidents over the latest twelve months held, by NSIR category. */
public final class PreventionSummary implements SectionSummary.Source {

    private final AsbStore store;

    public PreventionSummary(AsbStore store) {
        this.store = store;
    }

    @Override
    public List<SectionSummary> forUser(User user) {
        String borough = user.role().isLocal() ? user.boroughCode() : null;
        return store.latestReport(borough).map(latest -> {
            LocalDateTime to = latest.toLocalDate().plusDays(1).atStartOfDay();
            LocalDateTime from = to.minusMonths(12);
            Map<String, Long> byCategory = store.countByCategory(borough, from, to);
            List<SectionSummary.Line> lines = new ArrayList<>();
            lines.add(new SectionSummary.Line("ASB incidents", byCategory.values().stream().mapToLong(Long::longValue).sum(),
                    "all categories"));
            byCategory.forEach((category, n) -> lines.add(new SectionSummary.Line("  " + capitalise(category), n, "")));
            return List.of(new SectionSummary(Section.PREVENTION,
                    "Anti-social behaviour" + (borough == null ? ", force-wide" : ", your borough"), lines,
                    "Twelve months to " + latest.toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
                            + ", the newest incident held."));
        }).orElse(List.of());
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
