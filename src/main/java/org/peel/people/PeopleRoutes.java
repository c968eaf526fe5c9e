package org.peel.people;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.web.FormErrors;
import org.peel.web.Web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The people pages: search before create (likely existing persons as the user types), a person's records across
 * Peel with merge and unmerge, and the queue of uncertain pairs for review. Every page holds personal data, so each
 * is opened with a stated purpose where the role must give one, and a record of a sensitive kind is shown only to
 * a role that may see that kind.
 */
public final class PeopleRoutes {

    private static final int RESULTS = 5;
    private static final double LEAST_PROBABILITY = 0.01;
    private static final int REVIEW_PAIRS = 50;
    private static final List<String> SEARCH_FIELDS = List.of("forename", "surname", "dob", "postcode");

    /** A queued pair as a reviewer sees it: both records, their current persons, and the engine's explanation. */
    public record ReviewItem(PeopleStore.ReviewPair pair, PersonRecordStore.PersonRecord left,
                             PersonRecordStore.PersonRecord right, Long leftPerson, Long rightPerson,
                             StoredExplanation why) {
    }

    private final Web web;
    private final PeopleStore people;
    private final PersonRecordStore records;
    private final PersonIndex index;

    /**
     * The pages over these stores, searching with {@code index}; whoever made the index starts it and closes it
     * with the server.
     */
    public PeopleRoutes(Web web, Jdbi jdbi, PersonIndex index) {
        this.web = web;
        this.people = new PeopleStore(jdbi);
        this.records = new PersonRecordStore(jdbi);
        this.index = index;
    }

    public void register(RoutesConfig routes) {
        routes.get("/people", ctx -> ctx.redirect("/people/search"));
        routes.get("/people/search", this::search);
        routes.get("/people/search/results", this::searchResults);
        routes.get("/people/likely", this::likely);
        routes.get("/people/review", this::review);
        routes.post("/people/review/{reviewId}", this::decideReview);
        routes.get("/people/{personId}", this::person);
        routes.post("/people/{personId}/merge", this::merge);
        routes.post("/people/{personId}/unmerge", this::unmerge);
    }

    // search before create

    private void search(Context ctx) {
        User user = open(ctx, "person-search", null, "/people/search");
        if (user == null) {
            return;
        }
        Map<String, String> values = searchValues(ctx);
        FormErrors errors = FormErrors.none();
        List<PersonIndex.Found> found = find(user, Section.INVESTIGATION, values, errors);
        Web.noStore(ctx);
        ctx.status(errors.any() ? 400 : 200);
        web.render(ctx, "people/search.jte", web.page(ctx, "Find a person", Section.INVESTIGATION), Map.of(
                "values", values, "errors", errors, "found", found, "typed", typed(values),
                "purpose", orEmpty(purpose(ctx)), "purposeQuery", purposeQuery(ctx)));
    }

    private void searchResults(Context ctx) {
        User user = web.authorize(ctx, personalData(ctx), "person-search", null);
        Map<String, String> values = searchValues(ctx);
        FormErrors errors = FormErrors.none();
        List<PersonIndex.Found> found = find(user, Section.INVESTIGATION, values, errors);
        Web.noStore(ctx);
        web.render(ctx, "people/results.jte", web.page(ctx, "Likely persons", Section.INVESTIGATION), Map.of(
                "errors", errors, "found", found, "typed", typed(values), "purposeQuery", purposeQuery(ctx)));
    }

    /**
     * The likely persons offered inside a recording form as the user types (htmx): the form's own fields for one
     * person in it, named with a prefix ({@code victimForenames}, {@code victimSurname} ...), give the details. The
     * user may link the record being made to one of them. The check is the recording form's: a neighbourhood
     * officer taking an ASB call sees suggestions under Prevention, not Investigation.
     */
    private void likely(Context ctx) {
        String as = orEmpty(ctx.queryParam("as"));
        if (!as.matches("[a-z]{1,20}")) {
            throw BadInput.field("as", "say whose details these are, e.g. as=victim");
        }
        boolean asb = "asb-incident".equals(ctx.queryParam("for"));
        Section section = asb ? Section.PREVENTION : Section.INVESTIGATION;
        // the form being filled in is the purpose, unless the user has already written one
        String stated = purpose(ctx);
        String purpose = stated != null && !stated.isBlank() ? stated
                : asb ? "recording an ASB incident" : "recording a crime";
        User user = web.authorize(ctx, AccessRequest.view(section).changing().withPersonalData(purpose),
                "person-search", null);
        // forms name their fields victimSurname (ASB) or victim_surname (crime)
        boolean snakeCase = ctx.queryParam(as + "_surname") != null;
        Function<String, String> field = part -> snakeCase
                ? as + "_" + part.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT)
                : as + Character.toUpperCase(part.charAt(0)) + part.substring(1);
        Map<String, String> values = new HashMap<>();
        Map<String, String> formNames = Map.of("forename", "forenames", "surname", "surname", "dob", "dob",
                "postcode", "postcode");
        for (String f : SEARCH_FIELDS) {
            values.put(f, orEmpty(ctx.queryParam(field.apply(formNames.get(f)))).strip());
        }
        List<PersonIndex.Found> found = values.get("surname").isEmpty() ? List.of()
                : find(user, section, values, FormErrors.none());
        Map<Long, PersonIndex.Found> persons = new LinkedHashMap<>();
        found.stream().filter(f -> f.personId() != null).forEach(f -> persons.putIfAbsent(f.personId(), f));
        String choice = field.apply("personId");
        Web.noStore(ctx);
        web.render(ctx, "people/likely.jte", web.page(ctx, "Likely persons", section), Map.of(
                "as", as, "found", List.copyOf(persons.values()), "typed", !values.get("surname").isEmpty(),
                "chosen", orEmpty(ctx.queryParam(choice)), "field", choice));
    }

    private List<PersonIndex.Found> find(User user, Section section, Map<String, String> values, FormErrors errors) {
        LocalDate dob = null;
        if (!values.get("dob").isEmpty()) {
            try {
                dob = LocalDate.parse(values.get("dob"));
            } catch (DateTimeParseException ex) {
                errors.add("dob", "Enter a date of birth as YYYY-MM-DD, for example 1984-03-27");
            }
        }
        if (!typed(values) || errors.any()) {
            return List.of();
        }
        PersonDetails typed = new PersonDetails("typed", blankToNull(values.get("forename")),
                blankToNull(values.get("surname")), null, dob, null, null, blankToNull(values.get("postcode")),
                null, null, null);
        List<PersonIndex.Found> found = index.find(typed, RESULTS * 2, LEAST_PROBABILITY);
        Map<Long, PersonRecordStore.PersonRecord> matched =
                records.bySeq(found.stream().map(PersonIndex.Found::recordSeq).toList());
        return found.stream()
                .filter(f -> matched.containsKey(f.recordSeq()) && maySee(user, section, matched.get(f.recordSeq())))
                .limit(RESULTS).toList();
    }

    private static Map<String, String> searchValues(Context ctx) {
        Map<String, String> values = new HashMap<>();
        for (String f : SEARCH_FIELDS) {
            String v = ctx.queryParam(f);
            values.put(f, v == null ? "" : v.strip());
        }
        return values;
    }

    private static boolean typed(Map<String, String> values) {
        return values.values().stream().anyMatch(v -> !v.isEmpty());
    }

    // a person's records

    private void person(Context ctx) {
        long personId = id(ctx, "personId");
        User user = open(ctx, "person", Long.toString(personId), "/people/" + personId);
        if (user != null) {
            showPerson(ctx, user, personId, 200, FormErrors.none(), Map.of());
        }
    }

    private void showPerson(Context ctx, User user, long personId, int status, FormErrors errors,
                            Map<String, String> values) {
        List<PersonRecordStore.PersonRecord> all = records.recordsOf(personId);
        List<LinkDecision> history = people.history(personId);
        if (all.isEmpty() && history.isEmpty()) {
            throw new NotFoundResponse("There is no person " + personId);
        }
        Map<String, List<PersonRecordStore.PersonRecord>> bySource = new LinkedHashMap<>();
        int withheld = 0;
        for (PersonRecordStore.PersonRecord r : all) {
            if (maySee(user, r)) {
                bySource.computeIfAbsent(r.sourceTitle(), k -> new ArrayList<>()).add(r);
            } else {
                withheld++;
            }
        }
        Set<Long> undone = history.stream().filter(d -> d.undoes() != null).map(LinkDecision::undoes)
                .collect(Collectors.toSet());
        String name = bySource.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(PersonRecordStore.PersonRecord::name, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("Person " + personId);
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "people/person.jte", web.page(ctx, name, Section.INVESTIGATION), Map.ofEntries(
                Map.entry("personId", personId), Map.entry("name", name), Map.entry("bySource", bySource),
                Map.entry("withheld", withheld), Map.entry("history", history), Map.entry("undone", undone),
                Map.entry("mayChange", mayChange(user)), Map.entry("errors", errors), Map.entry("values", values),
                Map.entry("purpose", orEmpty(purpose(ctx))), Map.entry("purposeQuery", purposeQuery(ctx))));
    }

    private void merge(Context ctx) {
        long personId = id(ctx, "personId");
        String otherText = orEmpty(ctx.formParam("other")).strip();
        String reason = orEmpty(ctx.formParam("reason"));
        long other;
        try {
            other = Long.parseLong(otherText);
        } catch (NumberFormatException ex) {
            User user = change(ctx, "person", personId, records.recordsOf(personId));
            showPerson(ctx, user, personId, 400, FormErrors.of("other", "Enter the number of the person to merge"),
                    Map.of("other", otherText, "reason", reason));
            return;
        }
        List<PersonRecordStore.PersonRecord> both = new ArrayList<>(records.recordsOf(personId));
        both.addAll(records.recordsOf(other));
        User user = change(ctx, "person", personId, both);
        try {
            people.merge(personId, other, user, reason, null);
        } catch (BadInput bad) {
            showPerson(ctx, user, personId, 400, FormErrors.of("reason", "Say why these are the same person"),
                    Map.of("other", otherText, "reason", reason));
            return;
        } catch (IllegalArgumentException ex) {
            showPerson(ctx, user, personId, 400, FormErrors.of("other", ex.getMessage()),
                    Map.of("other", otherText, "reason", reason));
            return;
        }
        ctx.redirect("/people/" + personId + purposeQuery(ctx));
    }

    private void unmerge(Context ctx) {
        long personId = id(ctx, "personId");
        User user = change(ctx, "person", personId, records.recordsOf(personId));
        long decision = mergeNumber(ctx.formParam("decision"));
        boolean ownMerge = people.history(personId).stream().anyMatch(d -> d.id() == decision
                && d.kind() == LinkDecision.Kind.MERGE && Long.valueOf(personId).equals(d.intoPerson()));
        if (!ownMerge) {
            throw BadInput.field("decision", "decision " + decision + " is not a merge into person " + personId);
        }
        String field = "reason-" + decision;
        try {
            people.unmerge(decision, user, orEmpty(ctx.formParam("reason")));
        } catch (BadInput bad) {
            showPerson(ctx, user, personId, 400, FormErrors.of(field, "Say why this merge was wrong"), Map.of());
            return;
        } catch (IllegalArgumentException | IllegalStateException ex) {
            showPerson(ctx, user, personId, 409, FormErrors.of(field, ex.getMessage()), Map.of());
            return;
        }
        ctx.redirect("/people/" + personId + purposeQuery(ctx));
    }

    // review of uncertain pairs

    private void review(Context ctx) {
        User user = open(ctx, "review-queue", null, "/people/review");
        if (user != null) {
            showReview(ctx, user, 200, FormErrors.none());
        }
    }

    private void showReview(Context ctx, User user, int status, FormErrors errors) {
        List<PeopleStore.ReviewPair> open = people.openReviews(REVIEW_PAIRS);
        Set<Long> seqs = new HashSet<>();
        open.forEach(p -> {
            seqs.add(p.leftRecordId());
            seqs.add(p.rightRecordId());
        });
        Map<Long, PersonRecordStore.PersonRecord> bySeq = records.bySeq(seqs);
        Map<Long, Long> personOf = records.personsOf(seqs);
        List<ReviewItem> items = new ArrayList<>();
        int withheld = 0;
        for (PeopleStore.ReviewPair p : open) {
            PersonRecordStore.PersonRecord left = bySeq.get(p.leftRecordId());
            PersonRecordStore.PersonRecord right = bySeq.get(p.rightRecordId());
            if (left == null || right == null || !maySee(user, left) || !maySee(user, right)) {
                withheld++;
                continue;
            }
            items.add(new ReviewItem(p, left, right, personOf.get(p.leftRecordId()), personOf.get(p.rightRecordId()),
                    StoredExplanation.parse(p.explanation())));
        }
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "people/review.jte", web.page(ctx, "Likely duplicates to review", Section.INVESTIGATION),
                Map.of("items", items, "withheld", withheld, "mayChange", mayChange(user), "errors", errors,
                        "purpose", orEmpty(purpose(ctx)), "purposeQuery", purposeQuery(ctx)));
    }

    private void decideReview(Context ctx) {
        long reviewId = id(ctx, "reviewId");
        List<PersonRecordStore.PersonRecord> pair = records.recordsOfReviewPair(reviewId);
        if (pair.isEmpty()) {
            throw new NotFoundResponse("There is no review pair " + reviewId);
        }
        String decision = orEmpty(ctx.formParam("decision"));
        if (!decision.equals("same") && !decision.equals("different")) {
            throw BadInput.field("decision", "answer 'same' or 'different'");
        }
        List<PersonRecordStore.PersonRecord> touched = new ArrayList<>(pair);
        if (decision.equals("same")) {
            // a merge moves every record of the right record's person, not only the pair
            records.personsOf(pair.stream().map(PersonRecordStore.PersonRecord::seq).toList()).values().stream()
                    .distinct().forEach(person -> touched.addAll(records.recordsOf(person)));
        }
        User user = change(ctx, "review_pair", reviewId, touched);
        try {
            people.decideReview(reviewId, decision.equals("same"), user, orEmpty(ctx.formParam("reason")));
        } catch (BadInput bad) {
            showReview(ctx, user, 400, FormErrors.of("reason-" + reviewId, "Say why, for the record"));
            return;
        } catch (IllegalStateException ex) {
            throw new ConflictResponse(ex.getMessage());
        }
        ctx.redirect("/people/review" + purposeQuery(ctx));
    }

    // access

    /**
     * Opens a page of personal data: answers with the purpose form (and returns null) when the role must state a
     * purpose and has not; otherwise applies the policy, audited, and returns the user.
     */
    private User open(Context ctx, String recordType, String recordId, String path) {
        User user = Web.signedIn(ctx);
        AccessRequest request = personalData(ctx);
        if (request.purpose() == null && user.role().statesPurpose()
                && AccessPolicy.decide(user, AccessRequest.view(Section.INVESTIGATION)
                .withPersonalData("to be stated")).allowed()) {
            Web.noStore(ctx);
            web.render(ctx, "people/purpose.jte", web.page(ctx, "State your purpose", Section.INVESTIGATION),
                    Map.of("action", path));
            return null;
        }
        return web.authorize(ctx, request, recordType, recordId);
    }

    private User change(Context ctx, String recordType, long recordId,
                        Collection<PersonRecordStore.PersonRecord> touched) {
        Set<Sensitivity> kinds = EnumSet.noneOf(Sensitivity.class);
        touched.forEach(r -> kinds.addAll(r.sensitivities()));
        return web.authorize(ctx, personalData(ctx).changing().touching(kinds.toArray(Sensitivity[]::new)),
                recordType, Long.toString(recordId));
    }

    private static AccessRequest personalData(Context ctx) {
        return AccessRequest.view(Section.INVESTIGATION).withPersonalData(purpose(ctx));
    }

    private static boolean maySee(User user, PersonRecordStore.PersonRecord record) {
        return maySee(user, Section.INVESTIGATION, record);
    }

    private static boolean maySee(User user, Section section, PersonRecordStore.PersonRecord record) {
        return AccessPolicy.decide(user, AccessRequest.view(section)
                .touching(record.sensitivities().toArray(Sensitivity[]::new))).allowed();
    }

    private static boolean mayChange(User user) {
        return AccessPolicy.decide(user, AccessRequest.view(Section.INVESTIGATION).changing()).allowed();
    }

    /** The purpose stated for this request: query, header, or the purpose field of a posted form. */
    private static String purpose(Context ctx) {
        String p = Web.statedPurpose(ctx);
        if (p == null && ctx.isFormUrlencoded()) {
            p = blankToNull(ctx.formParam("purpose"));
        }
        return p;
    }

    private static String purposeQuery(Context ctx) {
        String p = purpose(ctx);
        return p == null ? "" : "?purpose=" + URLEncoder.encode(p, StandardCharsets.UTF_8);
    }

    private static long id(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException ex) {
            throw new NotFoundResponse("There is no page at " + ctx.path());
        }
    }

    private static long mergeNumber(String text) {
        try {
            return Long.parseLong(orEmpty(text).strip());
        } catch (NumberFormatException ex) {
            throw BadInput.field("decision", "name the merge to undo by its number");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
