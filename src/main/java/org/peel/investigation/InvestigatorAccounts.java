package org.peel.investigation;

import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.common.Adapter;
import org.peel.common.BadInput;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Links an investigator to the account they sign in with, so that Peel can show them their caseload. The account
 * must be an investigator's or a crime management supervisor's (supervisors carry crimes too), in the borough of
 * the investigator's team, and not already linked to someone else. Linked and audited in one transaction.
 */
@Adapter
public final class InvestigatorAccounts {

    private final InvestigatorStore store;
    private final AuditTrail audit;
    private final Clock clock;

    public InvestigatorAccounts(InvestigatorStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param by the administrator, or null from the command line ({@code source} then names the caller)
     * @throws BadInput naming {@code investigator} or {@code user}
     */
    public InvestigatorStore.InvestigatorLink link(String investigatorId, String username, User by, String source,
                                                    String clientAddress) {
        String inv = investigatorId == null ? "" : investigatorId.strip();
        String name = username == null ? "" : username.strip();
        if (inv.isEmpty()) {
            throw BadInput.field("investigator", "Choose the investigator");
        }
        if (name.isEmpty()) {
            throw BadInput.field("user", "Enter the username of the investigator's account");
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return store.jdbi().inTransaction(h -> {
            InvestigatorStore.InvestigatorLink investigator = store.investigatorLink(h, inv)
                    .orElseThrow(() -> BadInput.field("investigator", "No investigator " + inv));
            record Account(String role, String borough, boolean disabled) {
            }
            Account account = h.createQuery("select role, borough_code, disabled_at is not null as disabled from app_user where username = :u")
                    .bind("u", name).map((rs, ctx) -> new Account(rs.getString("role"), rs.getString("borough_code"),
                            rs.getBoolean("disabled"))).findOne()
                    .orElseThrow(() -> BadInput.field("user", "No user account '" + name + "'"));
            if (account.disabled()) {
                throw BadInput.field("user", "The account '" + name + "' is disabled");
            }
            if (!Role.INVESTIGATOR.name().equals(account.role()) && !Role.CRIME_MANAGEMENT_SUPERVISOR.name().equals(account.role())) {
                throw BadInput.field("user", "Only an investigator's or a crime management supervisor's account can carry a caseload");
            }
            if (!investigator.boroughCode().equals(account.borough())) {
                throw BadInput.field("user", "The account '" + name + "' works in another borough than "
                        + investigator.investigatorId() + "'s team");
            }
            Optional<String> already = h.createQuery("select investigator_id from investigator_account where username = :u")
                    .bind("u", name).mapTo(String.class).findOne();
            if (already.isPresent() && !already.get().equals(inv)) {
                throw BadInput.field("user", "The account '" + name + "' is already linked to investigator " + already.get());
            }
            store.linkInvestigator(h, inv, name, now, by == null ? source : by.username());
            AuditEvent event = AuditEvent.by(by, "investigator-link", "investigator", inv, AuditEvent.SUCCESS)
                    .from(clientAddress).detail("to account " + name);
            audit.record(h, by == null ? event.asUser(source) : event);
            return store.investigatorLink(h, inv).orElseThrow();
        });
    }
}
