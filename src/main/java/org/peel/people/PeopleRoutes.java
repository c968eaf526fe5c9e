package org.peel.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.jdbi.v3.core.Jdbi;
import org.peel.access.AccessDecision;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessRequest;
import org.peel.access.AuditEvent;
import org.peel.access.Section;
import org.peel.access.Sensitivity;
import org.peel.access.User;
import org.peel.common.BadInput;
import org.peel.place.PlaceStore;
import org.peel.web.FormErrors;
import org.peel.web.ListQuery;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The people pages: search before create (likely existing persons as the user types), a person's records across
 * Peel with merge and unmerge, and the queue of uncertain pairs for review, and {@code GET /api/v1/people/{ref}}. Every
 * page holds personal data, so each is opened with a stated purpose where the role must give one, and a record of a
 * sensitive kind is shown only to a role that may see that kind. A local role sees a person only through the records
 * in its borough, and changes a person only when every record involved is in its borough; a person of whom it may see
 * nothing is not there for it (404, the refusal audited). Persons are named in URLs by their random public reference,
 * never by their sequential number.
 */
public final class PeopleRoutes {

    private static final int RESULTS = SharedName.SHOWN;
    private static final double LEAST_PROBABILITY = SharedName.OFFERED_AT;
    private static final int REVIEW_PAIRS = 50;
    private static final List<String> SEARCH_FIELDS = List.of("forename", "surname", "dob", "age", "postcode");
    private static final int LIST_PAGE = 50;

    /**
     * A queued pair as a reviewer sees it: both records, their current persons' public references (null when not
     * linked), and the engine's explanation.
     */
    public record ReviewItem(PeopleStore.ReviewPair pair, PersonRecordStore.PersonRecord left,
                             PersonRecordStore.PersonRecord right, String leftPerson, String rightPerson,
                             StoredExplanation why) {
        /** Why the pair must not be shown as near-certain ({@link ReviewDoubt}); null when its score may be shown. */
        public String doubt() {
            return ReviewDoubt.of(left.sex(), right.sex(), left.forenames(), right.forenames(), Nicknames.standard());
        }
    }

    /** A person as named in a URL: the public reference and the number behind it. */
    private record PersonRef(String ref, long id) {
    }

    private final Web web;
    private final PeopleStore people;
    private final PersonRecordStore records;
    private final PersonIndex index;
    private final PlaceStore places;
    /** Why records were made with no detail that tells them apart from their namesakes. */
    private final PersonNotGivenStore notGiven;
    /** Reads today's date, for the birth years an approximate age stands for. */
    private final java.time.Clock clock;

    /**
     * The pages over these stores, searching with {@code index}; whoever made the index starts it and closes it
     * with the server.
     */
    public PeopleRoutes(Web web, Jdbi jdbi, PersonIndex index, java.time.Clock clock) {
        this.web = web;
        this.clock = clock;
        this.people = new PeopleStore(jdbi, web.auditTrail());
        this.records = new PersonRecordStore(jdbi);
        this.index = index;
        this.places = new PlaceStore(jdbi);
        this.notGiven = new PersonNotGivenStore(jdbi, web.auditTrail());
    }

    public void register(RoutesConfig routes) {
        routes.get("/people", this::list);
        routes.get("/people/search", this::search);
        routes.get("/people/search/results", this::searchResults);
        routes.get("/people/likely", this::likely);
        routes.get("/people/review", this::review);
        routes.post("/people/review/{reviewId}", this::decideReview);
        routes.get("/people/{personRef}", this::person);
        routes.post("/people/{personRef}/merge", this::merge);
        routes.post("/people/{personRef}/unmerge", this::unmerge);
        routes.get("/api/v1/people/{personRef}", this::personJson);
    }

    // the list of persons

    /**
     * Every person the user may see, 50 a page, by surname: a person is listed through the records of them the user
     * may see (its borough for a local role, the kinds its role may see), and named from those records only.
     */
    private void list(Context ctx) {
        User user = open(ctx, "person-list", null, List.of(), "/people");
        if (user == null) {
            return;
        }
        ListQuery query = ListQuery.of(ctx, LIST_PAGE, List.of("name", "dob", "borough"), List.of());
        Set<Sensitivity> hidden = EnumSet.noneOf(Sensitivity.class);
        for (Sensitivity kind : Sensitivity.values()) {
            if (!AccessPolicy.decide(user, AccessRequest.view(Section.INVESTIGATION).touching(kind)).allowed()) {
                hidden.add(kind);
            }
        }
        Map<String, String> boroughs = places.ownForceBoroughNames();
        String reach = user.role().isLocal() ? orEmpty(user.boroughCode()) : null;
        PersonRecordStore.PersonFilter filter = new PersonRecordStore.PersonFilter(reach, hidden,
                query.filterOrNull("name"), query.date("dob"),
                user.role().isLocal() ? null : query.choice("borough", boroughs.keySet()));
        ListQuery.Shown<PersonRecordStore.ListedPerson> shown = query.fetch(() -> records.countPersons(filter),
                (offset, limit) -> records.persons(filter, offset, limit));
        List<ListQuery.Field> fields = new ArrayList<>();
        fields.add(ListQuery.Field.text("name", "Name"));
        fields.add(ListQuery.Field.date("dob", "Date of birth"));
        if (!user.role().isLocal()) {
            Map<String, String> choice = new LinkedHashMap<>();
            choice.put("", "The whole force");
            choice.putAll(boroughs);
            fields.add(ListQuery.Field.select("borough", "Borough", choice));
        }
        Web.noStore(ctx);
        web.render(ctx, "people/list.jte", web.page(ctx, "People", Section.INVESTIGATION), Map.of(
                "persons", shown.rows(), "paging", shown.paging(), "query", query, "fields", fields,
                "boroughs", boroughs, "purposeQuery", purposeQuery(ctx)));
    }

    // search before create

    private void search(Context ctx) {
        User user = open(ctx, "person-search", null, List.of(), "/people/search");
        if (user == null) {
            return;
        }
        Map<String, String> values = searchValues(ctx);
        FormErrors errors = FormErrors.none();
        List<PersonIndex.Found> found = find(user, Section.INVESTIGATION, values, errors);
        Web.noStore(ctx);
        ctx.status(errors.any() ? 400 : 200);
        web.render(ctx, "people/search.jte", web.page(ctx, "Find a person", Section.INVESTIGATION), Map.of(
                "values", values, "errors", errors, "found", found, "typed", typed(values), "refs", refsOf(found),
                "purpose", orEmpty(purpose(ctx)), "purposeQuery", purposeQuery(ctx),
                "shared", errors.any() ? "" : sharedWarning(values)));
    }

    private void searchResults(Context ctx) {
        User user = web.authorize(ctx, personalData(ctx), "person-search", null);
        Map<String, String> values = searchValues(ctx);
        FormErrors errors = FormErrors.none();
        List<PersonIndex.Found> found = find(user, Section.INVESTIGATION, values, errors);
        Web.noStore(ctx);
        web.render(ctx, "people/results.jte", web.page(ctx, "Likely persons", Section.INVESTIGATION), Map.of(
                "errors", errors, "found", found, "typed", typed(values), "refs", refsOf(found),
                "purposeQuery", purposeQuery(ctx), "shared", errors.any() ? "" : sharedWarning(values)));
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
        boolean domesticAbuse = "domestic-abuse".equals(ctx.queryParam("for"));
        boolean cse = "cse-assessment".equals(ctx.queryParam("for"));
        boolean missing = "missing-report".equals(ctx.queryParam("for"));
        Section section = asb ? Section.PREVENTION : domesticAbuse || cse || missing ? Section.VULNERABILITY
                : Section.INVESTIGATION;
        // the form being filled in is the purpose, unless the user has already written one
        String stated = purpose(ctx);
        String purpose = stated != null && !stated.isBlank() ? stated
                : asb ? "recording an ASB incident" : domesticAbuse ? "recording a domestic abuse incident"
                : cse ? "starting a CSE case" : missing ? "reporting a missing person" : "recording a crime";
        User user = web.authorize(ctx, AccessRequest.view(section).changing().withPersonalData(purpose),
                "person-search", null);
        // forms name their fields victimSurname (ASB) or victim_surname (crime)
        boolean snakeCase = ctx.queryParam(as + "_surname") != null;
        Function<String, String> field = part -> snakeCase
                ? as + "_" + part.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT)
                : as + Character.toUpperCase(part.charAt(0)) + part.substring(1);
        Map<String, String> values = new HashMap<>();
        Map<String, String> formNames = Map.of("forename", "forenames", "surname", "surname", "dob", "dob",
                "age", "age", "postcode", "postcode");
        for (String f : SEARCH_FIELDS) {
            values.put(f, orEmpty(ctx.queryParam(field.apply(formNames.get(f)))).strip());
        }
        try {
            BirthYears.parse(values.get("age"), LocalDate.now(clock));
        } catch (IllegalArgumentException ex) {
            // half typed or not an age: the panel searches without it, and the form names it when it is sent
            values.put("age", "");
        }
        FormErrors errors = FormErrors.none();
        List<PersonIndex.Found> found = values.get("surname").isEmpty() ? List.of()
                : find(user, section, values, errors);
        Map<Long, PersonIndex.Found> persons = new LinkedHashMap<>();
        found.stream().filter(f -> f.personId() != null).forEach(f -> persons.putIfAbsent(f.personId(), f));
        String choice = field.apply("personId");
        Map<Long, String> refs = refsOf(persons.values());
        Web.noStore(ctx);
        web.render(ctx, "people/likely.jte", web.page(ctx, "Likely persons", section), Map.of(
                "as", as, "found", List.copyOf(persons.values()), "typed", !values.get("surname").isEmpty(),
                "refs", refs, "chosen", chosen(ctx.queryParam(choice), persons.values(), refs), "field", choice,
                "shared", values.get("surname").isEmpty() || errors.any() ? "" : sharedWarning(values)));
    }

    /** A person offered this likely is chosen for the user, who can still change it; an explicit choice stands. */
    static final double PRESELECT_AT = 0.99;

    /**
     * The choice the form shows: the user's own when they have made one (an empty one is "someone new"), else the
     * first person offered when the match is near-certain, else "someone new" — so "100% likely" is never shown
     * beside a preselected "None of these".
     */
    static String chosen(String stated, java.util.Collection<PersonIndex.Found> offered, Map<Long, String> refs) {
        if (stated != null) {
            return stated;
        }
        return offered.stream().findFirst().filter(f -> f.probability() >= PRESELECT_AT)
                .map(f -> refs.get(f.personId())).orElse("");
    }

    /**
     * The warning that the name typed is shared by more records than are shown ({@link SharedName#warning}): a name
     * alone, or a name and an approximate age that still leaves more namesakes born in its years. Blank when a date
     * of birth or a postcode was typed too, when the age is not one, or when few share it.
     */
    private String sharedWarning(Map<String, String> values) {
        if (values.get("forename").isEmpty() || values.get("surname").isEmpty()) {
            return "";
        }
        boolean dobOrPostcode = !values.get("dob").isEmpty() || !values.get("postcode").isEmpty();
        if (dobOrPostcode) {
            return "";
        }
        BirthYears born;
        try {
            born = BirthYears.parse(values.get("age"), LocalDate.now(clock)).orElse(null);
        } catch (IllegalArgumentException ex) {
            return "";
        }
        PersonDetails typed = new PersonDetails("typed", values.get("forename"), values.get("surname"),
                null, null, null, null, null, null, null, null);
        return SharedName.warning(index.shared(typed, born), false).orElse("");
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
        BirthYears born = null;
        try {
            born = BirthYears.parse(values.get("age"), LocalDate.now(clock)).orElse(null);
        } catch (IllegalArgumentException ex) {
            errors.add("age", ex.getMessage());
        }
        if (!typed(values) || errors.any()) {
            return List.of();
        }
        PersonDetails typed = new PersonDetails("typed", blankToNull(values.get("forename")),
                blankToNull(values.get("surname")), null, dob, null, null, blankToNull(values.get("postcode")),
                null, null, null);
        // the index answers for the whole force; what a user is shown is fenced here, after it answers, so a local
        // role asks for more to be left with enough of its own borough's
        int asked = RESULTS * (user.role().isLocal() ? 20 : 2);
        List<PersonIndex.Found> found = index.find(typed, born, asked, LEAST_PROBABILITY);
        Map<Long, PersonRecordStore.PersonRecord> matched =
                records.bySeq(found.stream().map(PersonIndex.Found::recordSeq).toList());
        return found.stream()
                .filter(f -> matched.containsKey(f.recordSeq()) && maySee(user, section, matched.get(f.recordSeq())))
                .limit(RESULTS).toList();
    }

    private Map<Long, String> refsOf(Collection<PersonIndex.Found> found) {
        return people.refsOf(found.stream().map(PersonIndex.Found::personId).filter(java.util.Objects::nonNull)
                .toList());
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
        PersonRef person = personRef(ctx);
        List<PersonRecordStore.PersonRecord> all = records.recordsOf(person.id());
        User user = open(ctx, "person", person, all, "/people/" + person.ref());
        if (user != null) {
            showPerson(ctx, user, person, all, 200, FormErrors.none(), Map.of());
        }
    }

    private void showPerson(Context ctx, User user, PersonRef person, List<PersonRecordStore.PersonRecord> all,
                            int status, FormErrors errors, Map<String, String> values) {
        List<LinkDecision> history = people.history(person.id());
        Map<String, List<PersonRecordStore.PersonRecord>> bySource = new LinkedHashMap<>();
        int withheld = 0;
        for (PersonRecordStore.PersonRecord r : all) {
            if (maySee(user, r)) {
                bySource.computeIfAbsent(r.sourceTitle(), k -> new ArrayList<>()).add(r);
            } else if (AccessPolicy.reaches(user, r.boroughCode())) {
                // withheld for its kind; records beyond a local role's borough are not even counted
                withheld++;
            }
        }
        Set<Long> undone = history.stream().filter(d -> d.undoes() != null).map(LinkDecision::undoes)
                .collect(Collectors.toSet());
        String name = nameOf(bySource.values().stream().flatMap(List::stream).toList());
        Set<Long> named = new HashSet<>();
        history.forEach(d -> {
            named.add(d.intoPerson());
            named.add(d.fromPerson());
        });
        named.remove(null);
        named.add(person.id());
        Map<Long, String> notedWithout = new HashMap<>();
        notGiven.notes(bySource.values().stream().flatMap(List::stream).map(PersonRecordStore.PersonRecord::seq)
                .toList()).forEach((seq, note) -> notedWithout.put(seq, note.describe()));
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "people/person.jte", web.page(ctx, name, Section.INVESTIGATION), Map.ofEntries(
                Map.entry("personId", person.id()), Map.entry("personRef", person.ref()),
                Map.entry("refs", people.refsOf(named)), Map.entry("name", name), Map.entry("bySource", bySource),
                Map.entry("withheld", withheld), Map.entry("history", history), Map.entry("undone", undone),
                Map.entry("mayChange", mayChange(user)), Map.entry("errors", errors), Map.entry("values", values),
                Map.entry("purpose", orEmpty(purpose(ctx))), Map.entry("purposeQuery", purposeQuery(ctx)),
                Map.entry("notGiven", notedWithout)));
    }

    /** The name most often recorded across the records shown; never one from a record withheld. */
    private static String nameOf(List<PersonRecordStore.PersonRecord> shown) {
        return shown.stream()
                .collect(Collectors.groupingBy(PersonRecordStore.PersonRecord::name, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey)
                .orElse("A person");
    }

    /** The answer of {@code GET /api/v1/people/{ref}}: the person, and the records of them the caller may see. */
    public record PersonAnswer(@JsonProperty("person_ref") String personRef, String name, List<RecordAnswer> records,
                               @JsonProperty("withheld_records") int withheldRecords) {
    }

    /** One person record as the API shows it, with the borough of the record it came from. */
    public record RecordAnswer(@JsonProperty("record_id") String recordId,
                               @JsonProperty("source_type") String sourceType,
                               @JsonProperty("source_id") String sourceId, String role, String forenames,
                               String surname, @JsonProperty("date_of_birth") String dateOfBirth, String sex,
                               String address, String postcode, String phone,
                               @JsonProperty("recorded_at") String recordedAt,
                               @JsonProperty("borough_code") String boroughCode) {

        static RecordAnswer of(PersonRecordStore.PersonRecord r) {
            return new RecordAnswer(r.id(), r.sourceType(), r.sourceId(), r.role(), r.forenames(), r.surname(),
                    r.dateOfBirth() == null ? null : r.dateOfBirth().toString(), r.sex(), r.address(), r.postcode(),
                    r.phone(), r.recordedAt() == null ? null : r.recordedAt().toString(), r.boroughCode());
        }
    }

    /**
     * {@code GET /api/v1/people/{ref}}: the person and the records the caller may see, each with its borough; a
     * person of whom the caller may see nothing is 404. Read with the stated purpose where the role needs one.
     */
    private void personJson(Context ctx) {
        PersonRef person = personRef(ctx);
        List<PersonRecordStore.PersonRecord> all = records.recordsOf(person.id());
        fence(ctx, Web.signedIn(ctx), personalData(ctx), person, all);
        User user = web.authorize(ctx, personalData(ctx), "person", Long.toString(person.id()));
        List<PersonRecordStore.PersonRecord> shown = all.stream().filter(r -> maySee(user, r)).toList();
        int withheld = (int) all.stream().filter(r -> !maySee(user, r) && AccessPolicy.reaches(user, r.boroughCode()))
                .count();
        PersonAnswer body = new PersonAnswer(person.ref(), shown.isEmpty() ? null : nameOf(shown),
                shown.stream().map(RecordAnswer::of).toList(), withheld);
        Web.noStore(ctx);
        ctx.json(body);
    }

    private void merge(Context ctx) {
        PersonRef person = personRef(ctx);
        List<PersonRecordStore.PersonRecord> own = records.recordsOf(person.id());
        String otherText = orEmpty(ctx.formParam("other")).strip();
        String reason = orEmpty(ctx.formParam("reason"));
        Map<String, String> typed = Map.of("other", otherText, "reason", reason);
        // the person being merged into must be one the user may see at all: otherwise it is not there for them
        User user = Web.signedIn(ctx);
        AccessRequest changing = personalData(ctx).changing();
        fence(ctx, user, changing, person, own);
        if (!AccessPolicy.decide(user, changing).allowed()) {
            web.authorize(ctx, changing, "person", Long.toString(person.id()));
        }
        Optional<Long> other = people.personByRef(otherText);
        List<PersonRecordStore.PersonRecord> theirs = other.map(records::recordsOf).orElse(List.of());
        if (other.isEmpty() || !AccessPolicy.decideOverRecords(user, personalData(ctx), boroughsOf(theirs),
                AccessPolicy.Reach.ANY).allowed()) {
            other.ifPresent(o -> web.audit(ctx, AuditEvent.by(user, "access-denied", "person", Long.toString(o),
                    AuditEvent.DENIED).because(purpose(ctx)).detail(ctx.method() + " " + ctx.path()
                    + ": the person to merge has no record in the user's reach")));
            showPerson(ctx, user, person, own, 400, FormErrors.of("other",
                    "Enter the reference of a person you can see, as shown on their page"), typed);
            return;
        }
        List<PersonRecordStore.PersonRecord> both = new ArrayList<>(own);
        both.addAll(theirs);
        change(ctx, "person", Long.toString(person.id()), both);
        try {
            people.merge(person.id(), other.get(), user, reason, null);
        } catch (BadInput bad) {
            showPerson(ctx, user, person, own, 400, FormErrors.of("reason", "Say why these are the same person"),
                    typed);
            return;
        } catch (IllegalArgumentException ex) {
            showPerson(ctx, user, person, own, 400, FormErrors.of("other", ex.getMessage()
                    .replaceAll("person [0-9]+", "that person")), typed);
            return;
        }
        ctx.redirect("/people/" + person.ref() + purposeQuery(ctx));
    }

    private void unmerge(Context ctx) {
        PersonRef person = personRef(ctx);
        List<PersonRecordStore.PersonRecord> own = records.recordsOf(person.id());
        fence(ctx, Web.signedIn(ctx), personalData(ctx).changing(), person, own);
        // an unmerge moves records of this person back to another: every one of them must be in the user's reach
        User user = change(ctx, "person", Long.toString(person.id()), own);
        long decision = mergeNumber(ctx.formParam("decision"));
        boolean ownMerge = people.history(person.id()).stream().anyMatch(d -> d.id() == decision
                && d.kind() == LinkDecision.Kind.MERGE && Long.valueOf(person.id()).equals(d.intoPerson()));
        if (!ownMerge) {
            throw BadInput.field("decision", "decision " + decision + " is not a merge into this person");
        }
        String field = "reason-" + decision;
        try {
            people.unmerge(decision, user, orEmpty(ctx.formParam("reason")));
        } catch (BadInput bad) {
            showPerson(ctx, user, person, own, 400, FormErrors.of(field, "Say why this merge was wrong"), Map.of());
            return;
        } catch (IllegalArgumentException | IllegalStateException ex) {
            showPerson(ctx, user, person, own, 409, FormErrors.of(field, ex.getMessage()), Map.of());
            return;
        }
        ctx.redirect("/people/" + person.ref() + purposeQuery(ctx));
    }

    // review of uncertain pairs

    private void review(Context ctx) {
        User user = open(ctx, "review-queue", null, List.of(), "/people/review");
        if (user != null) {
            showReview(ctx, user, 200, FormErrors.none());
        }
    }

    private void showReview(Context ctx, User user, int status, FormErrors errors) {
        // a local role's queue holds only pairs of its own borough's records, chosen before the limit applies
        List<PeopleStore.ReviewPair> open = people.openReviews(REVIEW_PAIRS,
                user.role().isLocal() ? orEmpty(user.boroughCode()) : null);
        Set<Long> seqs = new HashSet<>();
        open.forEach(p -> {
            seqs.add(p.leftRecordId());
            seqs.add(p.rightRecordId());
        });
        Map<Long, PersonRecordStore.PersonRecord> bySeq = records.bySeq(seqs);
        Map<Long, Long> personOf = records.personsOf(seqs);
        Map<Long, String> refs = people.refsOf(personOf.values());
        List<ReviewItem> items = new ArrayList<>();
        int withheld = 0;
        for (PeopleStore.ReviewPair p : open) {
            PersonRecordStore.PersonRecord left = bySeq.get(p.leftRecordId());
            PersonRecordStore.PersonRecord right = bySeq.get(p.rightRecordId());
            if (left == null || right == null || !AccessPolicy.reaches(user, left.boroughCode())
                    || !AccessPolicy.reaches(user, right.boroughCode())) {
                continue;
            }
            if (!maySee(user, left) || !maySee(user, right)) {
                withheld++;
                continue;
            }
            items.add(new ReviewItem(p, left, right, refs.get(personOf.get(p.leftRecordId())),
                    refs.get(personOf.get(p.rightRecordId())), StoredExplanation.parse(p.explanation())));
        }
        // this month's new persons from a shared name with no detail that tells them apart, by reason: how often
        // search before create was answered with a reason instead of a detail (a local role: its borough's)
        java.time.YearMonth month = java.time.YearMonth.now(clock);
        Map<SharedName.NotGiven, Integer> withoutDetail = notGiven.countByReason(month.atDay(1).atStartOfDay(),
                month.plusMonths(1).atDay(1).atStartOfDay(), user.role().isLocal() ? orEmpty(user.boroughCode()) : null);
        Web.noStore(ctx);
        ctx.status(status);
        web.render(ctx, "people/review.jte", web.page(ctx, "Likely duplicates to review", Section.INVESTIGATION),
                Map.of("items", items, "withheld", withheld, "mayChange", mayChange(user), "errors", errors,
                        "purpose", orEmpty(purpose(ctx)), "purposeQuery", purposeQuery(ctx),
                        "month", month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)
                                + " " + month.getYear(),
                        "withoutDetail", withoutDetail));
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
        User user = change(ctx, "review_pair", Long.toString(reviewId), touched);
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
     * purpose and has not; otherwise fences the person (when there is one) and applies the policy, audited, and
     * returns the user.
     */
    private User open(Context ctx, String recordType, PersonRef person, List<PersonRecordStore.PersonRecord> all,
                      String path) {
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
        if (person != null) {
            fence(ctx, user, request, person, all);
        }
        return web.authorize(ctx, request, recordType, person == null ? null : Long.toString(person.id()));
    }

    /**
     * Refuses, audited, a person of whom the user may see nothing (for a local role: no record in its borough) as
     * not found, the same answer as for a reference that names no one. A request refused for other reasons (the
     * section, a missing purpose) is left to {@link Web#authorize}, which answers 403.
     */
    private void fence(Context ctx, User user, AccessRequest request, PersonRef person,
                       List<PersonRecordStore.PersonRecord> all) {
        if (!AccessPolicy.decide(user, request).allowed()) {
            return;
        }
        AccessDecision decision = AccessPolicy.decideOverRecords(user, request, boroughsOf(all),
                AccessPolicy.Reach.ANY);
        if (!decision.allowed()) {
            web.audit(ctx, AuditEvent.by(user, "access-denied", "person", Long.toString(person.id()), AuditEvent.DENIED)
                    .because(request.purpose()).detail(ctx.method() + " " + ctx.path() + ": " + decision.summary()));
            throw new NotFoundResponse("There is no person " + person.ref());
        }
    }

    /**
     * A change touching these records: the role must be allowed the change for every sensitive kind among them,
     * and a local role must reach every one of them (a refusal audited, 403).
     */
    private User change(Context ctx, String recordType, String recordId,
                        Collection<PersonRecordStore.PersonRecord> touched) {
        Set<Sensitivity> kinds = EnumSet.noneOf(Sensitivity.class);
        touched.forEach(r -> kinds.addAll(r.sensitivities()));
        AccessRequest request = personalData(ctx).changing().touching(kinds.toArray(Sensitivity[]::new));
        User user = Web.signedIn(ctx);
        if (AccessPolicy.decide(user, request).allowed()) {
            AccessDecision decision = AccessPolicy.decideOverRecords(user, request, boroughsOf(touched),
                    AccessPolicy.Reach.EVERY);
            if (!decision.allowed()) {
                web.audit(ctx, AuditEvent.by(user, "access-denied", recordType, recordId, AuditEvent.DENIED)
                        .because(request.purpose())
                        .detail(ctx.method() + " " + ctx.path() + ": " + decision.summary()));
                throw new ForbiddenResponse(decision.summary());
            }
        }
        return web.authorize(ctx, request, recordType, recordId);
    }

    private static List<String> boroughsOf(Collection<PersonRecordStore.PersonRecord> records) {
        return records.stream().map(PersonRecordStore.PersonRecord::boroughCode).toList();
    }

    private static AccessRequest personalData(Context ctx) {
        return AccessRequest.view(Section.INVESTIGATION).withPersonalData(purpose(ctx));
    }

    private static boolean maySee(User user, PersonRecordStore.PersonRecord record) {
        return maySee(user, Section.INVESTIGATION, record);
    }

    /** A record is shown when the role may see its kind in the section and it is within the user's borough. */
    private static boolean maySee(User user, Section section, PersonRecordStore.PersonRecord record) {
        AccessRequest request = AccessRequest.view(section)
                .touching(record.sensitivities().toArray(Sensitivity[]::new));
        return AccessPolicy.decideOverRecords(user, request, java.util.Collections.singletonList(record.boroughCode()),
                AccessPolicy.Reach.EVERY).allowed();
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

    /** The person a URL names by public reference; a number, or a reference that names no one, is not found. */
    private PersonRef personRef(Context ctx) {
        String text = ctx.pathParam("personRef");
        return people.personByRef(text).map(id -> new PersonRef(PeopleStore.parseRef(text).toString(), id))
                .orElseThrow(() -> new NotFoundResponse("There is no person " + text));
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
