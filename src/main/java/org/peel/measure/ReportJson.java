package org.peel.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON: {@code {"force", "period": {"from", "to"}, "indicators": [{"id", "force",
 * "england_and_wales", "unit", "complete", "notes"}]}}, percentages as percentages, rates to one decimal.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static Map<String, Object> of(ForceInNumbers report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("force", report.force().name());
        json.put("force_code", report.force().code());
        json.put("source", report.origin().key());
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", report.period().firstDay().toString());
        period.put("to", report.period().lastDay().toString());
        json.put("period", period);
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (ForceInNumbers.Row row : report.rows()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", row.definition().id());
            i.put("title", row.definition().title());
            i.put("force", row.force().value());
            i.put("england_and_wales", row.englandAndWales().value());
            i.put("unit", row.definition().unit());
            i.put("count_basis", row.definition().countBasis());
            i.put("status_filter", row.definition().statusFilter());
            i.put("period_to", row.force().period().lastDay().toString());
            i.put("to_fill", row.force().available() ? null : row.fill());
            i.put("complete", row.complete());
            i.put("force_source", row.force().source());
            i.put("england_and_wales_source", row.englandAndWales().source());
            i.put("notes", row.notes());
            indicators.add(i);
        }
        json.put("indicators", indicators);
        json.put("licence", "Contains public sector information licensed under the Open Government Licence v3.0.");
        return json;
    }
}
