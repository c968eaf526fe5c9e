package org.peel.access;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every outbound share, as a pure rule: it must name an agreement; the agreement must exist, be active on the day
 * (not lapsed at its review date, not withdrawn, started), name the recipient among its parties, and a purpose must
 * be stated. An allowed share carries only the agreement's data categories; the rest are withheld and named.
 */
public final class ShareRule {

    public static final String VERSION = "share-1";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private ShareRule() {
    }

    /**
     * A disclosure under statute rather than an agreement: it must name its statute, its recipient and its purpose,
     * and must not also name an agreement (a share under an agreement is decided by {@link #decide}). Every record
     * and category offered passes.
     */
    public static ShareDecision decideStatutory(StatutoryBasis basis, ShareRequest request) {
        List<String> refusals = new ArrayList<>();
        if (basis == null) {
            refusals.add("no statute was named for a disclosure without an agreement");
        }
        if (request.agreementId() != null && !request.agreementId().isBlank()) {
            refusals.add("a disclosure under statute names no agreement; share under agreement "
                    + request.agreementId() + " instead");
        }
        if (request.recipientId() == null || request.recipientId().isBlank()) {
            refusals.add("a disclosure must name its recipient");
        }
        if (request.purpose() == null || request.purpose().isBlank()) {
            refusals.add("a purpose must be stated for every share");
        }
        if (!refusals.isEmpty()) {
            return ShareDecision.refuse(refusals);
        }
        Set<DataCategory> offered = EnumSet.noneOf(DataCategory.class);
        request.records().forEach(r -> offered.addAll(r.fields().keySet()));
        return new ShareDecision(true, List.of("disclosed to " + request.recipientId() + " under "
                + basis.citation() + "; no agreement is needed"), request.records(), offered, Set.of());
    }

    public static ShareDecision decide(ShareRequest request, Optional<SharingAgreement> named, LocalDate today) {
        List<String> refusals = new ArrayList<>();
        if (request.agreementId() == null || request.agreementId().isBlank()) {
            return ShareDecision.refuse(List.of("no information-sharing agreement was named"));
        }
        if (named.isEmpty()) {
            return ShareDecision.refuse(List.of("there is no information-sharing agreement " + request.agreementId()));
        }
        SharingAgreement agreement = named.get();
        switch (agreement.statusOn(today)) {
            case LAPSED -> refusals.add("agreement " + agreement.id() + " lapsed at its review date "
                    + DAY.format(agreement.reviewOn()) + " and has not been renewed");
            case WITHDRAWN -> refusals.add("agreement " + agreement.id() + " was withdrawn on "
                    + DAY.format(agreement.withdrawnOn()));
            case NOT_STARTED -> refusals.add("agreement " + agreement.id() + " starts on "
                    + DAY.format(agreement.startsOn()));
            case ACTIVE -> {
            }
        }
        if (request.recipientId() == null || !agreement.covers(request.recipientId())) {
            refusals.add("recipient " + request.recipientId() + " is not a party to agreement " + agreement.id());
        }
        if (request.purpose() == null || request.purpose().isBlank()) {
            refusals.add("a purpose must be stated for every share");
        }
        if (!refusals.isEmpty()) {
            return ShareDecision.refuse(refusals);
        }

        Set<DataCategory> offered = EnumSet.noneOf(DataCategory.class);
        List<SharedRecord> reduced = new ArrayList<>();
        for (SharedRecord r : request.records()) {
            offered.addAll(r.fields().keySet());
            Map<DataCategory, Map<String, Object>> kept = new EnumMap<>(DataCategory.class);
            r.fields().forEach((category, values) -> {
                if (agreement.categories().contains(category)) {
                    kept.put(category, values);
                }
            });
            reduced.add(new SharedRecord(r.recordType(), r.recordId(), kept));
        }
        Set<DataCategory> shared = EnumSet.noneOf(DataCategory.class);
        Set<DataCategory> withheld = EnumSet.noneOf(DataCategory.class);
        for (DataCategory c : offered) {
            (agreement.categories().contains(c) ? shared : withheld).add(c);
        }
        List<String> grounds = new ArrayList<>();
        grounds.add("agreement " + agreement.id() + " is active until " + DAY.format(agreement.reviewOn().minusDays(1))
                + " under " + agreement.lawfulBasis());
        grounds.add("recipient " + request.recipientId() + " is a party to it");
        if (!withheld.isEmpty()) {
            grounds.add("withheld as outside the agreement: " + String.join(", ",
                    withheld.stream().map(DataCategory::slug).toList()));
        }
        return new ShareDecision(true, grounds, reduced, shared, withheld);
    }
}
