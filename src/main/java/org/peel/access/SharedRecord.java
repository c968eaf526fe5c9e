package org.peel.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record as a capability offers it for a share: its kind and id, and its fields grouped by the category of
 * data each belongs to. The share gate passes on only the groups the agreement names.
 */
public record SharedRecord(String recordType, String recordId, Map<DataCategory, Map<String, Object>> fields) {

    public SharedRecord {
        Map<DataCategory, Map<String, Object>> copy = new EnumMap<>(DataCategory.class);
        fields.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        fields = Collections.unmodifiableMap(copy);
    }

    public static SharedRecord of(String recordType, String recordId) {
        return new SharedRecord(recordType, recordId, Map.of());
    }

    /** The same record with one more group of fields. */
    public SharedRecord with(DataCategory category, Map<String, Object> values) {
        Map<DataCategory, Map<String, Object>> more = new EnumMap<>(DataCategory.class);
        more.putAll(fields);
        more.put(category, values);
        return new SharedRecord(recordType, recordId, more);
    }

    /** All fields in one flat map, the record's type and id first: what a recipient reads. */
    public Map<String, Object> flat() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("record_type", recordType);
        out.put("record_id", recordId);
        fields.values().forEach(out::putAll);
        return out;
    }
}
