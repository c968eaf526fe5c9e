package org.peel.access;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Information sharing as the kernel keeps it: partner organisations, the agreements with them, which partner
 * organisation each partner account belongs to, and the log of every share asked for. It is also the force's
 * {@link ShareGate}: a share is decided by {@link ShareRule} and logged and audited in one transaction.
 */
public final class SharingStore implements ShareGate {

    /** A partner organisation. */
    public record Organisation(String id, String name, OrganisationKind kind, String boroughCode) {
    }

    /** One line of the share log. */
    public record LoggedShare(long id, Instant at, String username, String recipientId, String agreementId,
                              String purpose, String channel, List<String> records, List<String> shared,
                              List<String> withheld, boolean allowed, String reason, String statutoryBasis) {
    }

    private static final String AGREEMENT = """
            select a.id, a.title, a.purpose, a.lawful_basis, a.data_categories, a.retention, a.starts_on,
                   a.review_on, a.owner, a.withdrawn_on,
                   coalesce(array(select p.organisation_id from sharing_agreement_party p
                                  where p.agreement_id = a.id order by p.organisation_id), '{}') as parties
            from sharing_agreement a
            """;

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;

    public SharingStore(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------------------------------- organisations

    public void addOrganisation(User by, Organisation o) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into partner_organisation (id, name, kind, borough_code, created_by)
                            values (:id, :name, :kind, :borough, :by)""")
                    .bind("id", o.id()).bind("name", o.name()).bind("kind", o.kind().slug())
                    .bind("borough", o.boroughCode()).bind("by", actor(by)).execute();
            audit.record(h, AuditEvent.by(by, "partner-organisation-add", "partner_organisation", o.id(),
                    AuditEvent.SUCCESS));
        });
    }

    public List<Organisation> organisations() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id, name, kind, borough_code from partner_organisation order by name")
                .map((rs, ctx) -> new Organisation(rs.getString("id"), rs.getString("name"),
                        OrganisationKind.fromSlug(rs.getString("kind")), rs.getString("borough_code"))).list());
    }

    public Optional<Organisation> organisation(String id) {
        return organisations().stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** Ties a partner's sign-in to their organisation: what they see is what its active agreements give it. */
    public void linkAccount(User by, String username, String organisationId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into partner_account (username, organisation_id, created_by) values (:u, :o, :by)
                            on conflict (username) do update set organisation_id = excluded.organisation_id""")
                    .bind("u", username).bind("o", organisationId).bind("by", actor(by)).execute();
            audit.record(h, AuditEvent.by(by, "partner-account-link", "app_user", username, AuditEvent.SUCCESS)
                    .detail("organisation " + organisationId));
        });
    }

    /** The organisation a partner account belongs to, if it is tied to one. */
    public Optional<String> organisationOf(String username) {
        return jdbi.withHandle(h -> h.createQuery("select organisation_id from partner_account where username = :u")
                .bind("u", username).mapTo(String.class).findOne());
    }

    // ---------------------------------------------------------------------------------------------- agreements

    public void addAgreement(User by, SharingAgreement a) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into sharing_agreement (id, title, purpose, lawful_basis, data_categories, retention,
                                                           starts_on, review_on, owner, withdrawn_on, created_by)
                            values (:id, :title, :purpose, :basis, :categories, :retention, :starts, :review, :owner,
                                    :withdrawn, :by)""")
                    .bind("id", a.id()).bind("title", a.title()).bind("purpose", a.purpose())
                    .bind("basis", a.lawfulBasis()).bind("categories", slugs(a.categories()))
                    .bind("retention", a.retention()).bind("starts", a.startsOn()).bind("review", a.reviewOn())
                    .bind("owner", a.owner()).bind("withdrawn", a.withdrawnOn()).bind("by", actor(by)).execute();
            for (String party : a.parties()) {
                h.createUpdate("insert into sharing_agreement_party (agreement_id, organisation_id) values (:a, :o)")
                        .bind("a", a.id()).bind("o", party).execute();
            }
            audit.record(h, AuditEvent.by(by, "sharing-agreement-add", "sharing_agreement", a.id(),
                    AuditEvent.SUCCESS));
        });
    }

    /** Renews an agreement after its review: the new review date, kept with the previous version. */
    public void renew(User by, String agreementId, LocalDate newReviewOn, String reason) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("update sharing_agreement set review_on = :r, renewed_on = :today where id = :id")
                    .bind("r", newReviewOn).bind("today", today()).bind("id", agreementId).execute();
            if (n == 0) {
                throw new IllegalArgumentException("there is no information-sharing agreement " + agreementId);
            }
            audit.record(h, AuditEvent.by(by, "sharing-agreement-renew", "sharing_agreement", agreementId,
                    AuditEvent.SUCCESS).detail("review on " + newReviewOn + "; " + reason));
        });
    }

    public Optional<SharingAgreement> agreement(String id) {
        return jdbi.withHandle(h -> h.createQuery(AGREEMENT + " where a.id = :id").bind("id", id)
                .map(SharingStore::agreementRow).findOne());
    }

    public List<SharingAgreement> agreements() {
        return jdbi.withHandle(h -> h.createQuery(AGREEMENT + " order by a.review_on, a.id")
                .map(SharingStore::agreementRow).list());
    }

    /**
     * Which agreements a list shows: naming an organisation (null: any), of a status today ({@code active},
     * {@code lapsed}, {@code withdrawn}, {@code not-started}; null: any), as {@link SharingAgreement#statusOn} says.
     */
    public record AgreementFilter(String organisation, String status, LocalDate today) {
    }

    private static final String AGREEMENT_FILTER = """
             where (cast(:organisation as text) is null or exists (select 1 from sharing_agreement_party p
                    where p.agreement_id = a.id and p.organisation_id = :organisation))
               and (cast(:status as text) is null or :status =
                    case when a.withdrawn_on is not null and :today >= a.withdrawn_on then 'withdrawn'
                         when :today < a.starts_on then 'not-started'
                         when :today < a.review_on then 'active' else 'lapsed' end)
            """;

    public long countAgreements(AgreementFilter f) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from sharing_agreement a" + AGREEMENT_FILTER)
                .bindMethods(f).mapTo(Long.class).one());
    }

    /** One page of agreements, those in force first, the soonest to lapse first. */
    public List<SharingAgreement> agreements(AgreementFilter f, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery(AGREEMENT + AGREEMENT_FILTER + """
                         order by ((a.withdrawn_on is null or :today < a.withdrawn_on) and :today < a.review_on) desc,
                                  a.review_on, a.id
                         limit :limit offset :offset""")
                .bindMethods(f).bind("limit", limit).bind("offset", offset)
                .map(SharingStore::agreementRow).list());
    }

    /** The agreements active today that name this organisation. */
    public List<SharingAgreement> activeFor(String organisationId) {
        LocalDate today = today();
        return agreements().stream().filter(a -> a.covers(organisationId) && a.activeOn(today)).toList();
    }

    // -------------------------------------------------------------------------------------------------- shares

    @Override
    public ShareDecision share(User by, ShareRequest request) {
        Optional<SharingAgreement> named = request.agreementId() == null || request.agreementId().isBlank()
                ? Optional.empty() : agreement(request.agreementId());
        ShareDecision decision = ShareRule.decide(request, named, today());
        log(by, request, named.isPresent() ? request.agreementId() : null, null, decision);
        return decision;
    }

    @Override
    public ShareDecision disclose(User by, StatutoryBasis basis, ShareRequest request) {
        ShareDecision decision = ShareRule.decideStatutory(basis, request);
        log(by, request, null, basis, decision);
        return decision;
    }

    /** The share log's line and its audit entry, in one transaction. */
    private void log(User by, ShareRequest request, String agreementId, StatutoryBasis basis, ShareDecision decision) {
        List<String> recordIds = request.records().stream().map(r -> r.recordType() + ":" + r.recordId()).toList();
        jdbi.useTransaction(h -> {
            long id = h.createUpdate("""
                            insert into share_log (at, username, recipient_id, agreement_id, purpose, channel,
                                                   record_ids, categories_shared, categories_withheld, allowed, reason,
                                                   statutory_basis)
                            values (:at, :u, :recipient, :agreement, :purpose, :channel, :records, :shared, :withheld,
                                    :allowed, :reason, :basis)""")
                    .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .bind("u", by == null ? "system" : by.username())
                    .bind("recipient", request.recipientId())
                    .bind("agreement", agreementId)
                    .bind("basis", basis == null ? null : basis.name().toLowerCase(java.util.Locale.ROOT))
                    .bind("purpose", request.purpose()).bind("channel", request.channel())
                    .bind("records", recordIds.toArray(String[]::new))
                    .bind("shared", slugs(decision.shared())).bind("withheld", slugs(decision.withheld()))
                    .bind("allowed", decision.allowed()).bind("reason", decision.summary())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            // record ids and reasons only: the audit trail never holds personal data
            audit.record(h, AuditEvent.by(by, "share", "share_log", Long.toString(id),
                            decision.allowed() ? AuditEvent.SUCCESS : AuditEvent.DENIED)
                    .because(request.purpose())
                    .detail("to " + request.recipientId() + " under "
                            + (basis == null ? request.agreementId() : basis.citation()) + " by "
                            + request.channel() + ", " + recordIds.size() + " records; " + decision.summary()));
        });
    }

    /** The share log, newest first. */
    public List<LoggedShare> log(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, at, username, recipient_id, agreement_id, purpose, channel, record_ids,
                               categories_shared, categories_withheld, allowed, reason, statutory_basis
                        from share_log order by id desc limit :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new LoggedShare(rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("username"),
                        rs.getString("recipient_id"), rs.getString("agreement_id"), rs.getString("purpose"),
                        rs.getString("channel"), strings(rs.getArray("record_ids")),
                        strings(rs.getArray("categories_shared")), strings(rs.getArray("categories_withheld")),
                        rs.getBoolean("allowed"), rs.getString("reason"), rs.getString("statutory_basis")))
                .list());
    }

    private static SharingAgreement agreementRow(ResultSet rs, StatementContext ctx) throws SQLException {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        strings(rs.getArray("data_categories")).forEach(s -> categories.add(DataCategory.fromSlug(s)));
        return new SharingAgreement(rs.getString("id"), rs.getString("title"), strings(rs.getArray("parties")),
                rs.getString("purpose"), rs.getString("lawful_basis"), categories, rs.getString("retention"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("review_on", LocalDate.class),
                rs.getString("owner"), rs.getObject("withdrawn_on", LocalDate.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private static String[] slugs(Set<DataCategory> categories) {
        return categories.stream().sorted().map(DataCategory::slug).toArray(String[]::new);
    }

    private static String actor(User by) {
        return by == null ? "system" : by.username();
    }

}
