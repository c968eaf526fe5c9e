package org.peel.offenders;

import org.jdbi.v3.core.Jdbi;
import org.peel.access.AccessPolicy;
import org.peel.access.AccessStore;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.Role;
import org.peel.access.User;
import org.peel.common.Adapter;
import org.peel.common.BadInput;
import org.peel.place.PlaceStore;
import org.peel.place.Ward;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Neighbourhood officers assigned to the wards they police. An administrator assigns (on the web page or with
 * {@code peel iom assign-ward}); the account must be an enabled neighbourhood officer's in the ward's borough. An
 * officer with wards sees on their home page and task list the highest-harm offenders living in those wards and the
 * tasks sent to them; an officer without any sees their borough's. Assigning and ending are audited in their
 * transaction; an assignment is ended, never deleted.
 */
@Adapter
public final class WardOfficers {

    private final Jdbi jdbi;
    private final AccessStore accounts;
    private final PlaceStore places;
    private final AuditTrail audit;
    private final Clock clock;

    public WardOfficers(Jdbi jdbi, AccessStore accounts, PlaceStore places, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.places = places;
        this.audit = audit;
        this.clock = clock;
    }

    /** A live assignment. */
    public record Assignment(long id, String username, String wardCode, String wardName, String boroughCode,
                             String assignedBy) {
    }

    /**
     * Assigns an officer to a ward.
     *
     * @param by the administrator, or null from the command line ({@code source} then names the caller)
     * @throws BadInput naming {@code username} or {@code ward}
     */
    public Assignment assign(String username, String wardCode, User by, String source) {
        String name = username == null ? "" : username.strip();
        String code = wardCode == null ? "" : wardCode.strip();
        if (name.isEmpty()) {
            throw BadInput.field("username", "Enter the neighbourhood officer's username");
        }
        if (code.isEmpty()) {
            throw BadInput.field("ward", "Choose the ward (on the command line, its ONS code)");
        }
        User officer = accounts.findUser(name)
                .orElseThrow(() -> BadInput.field("username", "No enabled user account '" + name + "'"));
        if (officer.role() != Role.NEIGHBOURHOOD_OFFICER) {
            throw BadInput.field("username", "Only a neighbourhood officer's account is assigned to wards; '" + name
                    + "' is a " + officer.role().title().toLowerCase());
        }
        Ward ward = places.ward(code).orElseThrow(() -> BadInput.field("ward", "No ward " + code));
        if (!ward.boroughCode().equals(officer.boroughCode())) {
            throw BadInput.field("ward", ward.name() + " is in another borough than '" + name + "' works in");
        }
        return jdbi.inTransaction(h -> {
            boolean live = h.createQuery("""
                            select count(*) > 0 from neighbourhood_ward_officer
                            where username = :u and ward_code = :w and ended_at is null""")
                    .bind("u", name).bind("w", code).mapTo(Boolean.class).one();
            if (live) {
                throw BadInput.field("ward", "'" + name + "' is already assigned to " + ward.name());
            }
            String who = by == null ? source : by.username();
            long id = h.createUpdate("""
                            insert into neighbourhood_ward_officer (username, ward_code, assigned_by, assigned_at)
                            values (:u, :w, :by, :at)""")
                    .bind("u", name).bind("w", code).bind("by", who)
                    .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            AuditEvent event = AuditEvent.by(by, "ward-officer.assign", "neighbourhood-ward-officer", Long.toString(id),
                    AuditEvent.SUCCESS).detail(name + " to ward " + code);
            audit.record(h, by == null ? event.asUser(source) : event);
            return new Assignment(id, name, code, ward.name(), ward.boroughCode(), who);
        });
    }

    /** Ends a live assignment; false when there was none with that id. */
    public boolean end(long id, User by, String source) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                            update neighbourhood_ward_officer set ended_by = :by, ended_at = :at
                            where id = :id and ended_at is null""")
                    .bind("id", id).bind("by", by == null ? source : by.username())
                    .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).execute();
            if (n == 1) {
                AuditEvent event = AuditEvent.by(by, "ward-officer.end", "neighbourhood-ward-officer", Long.toString(id),
                        AuditEvent.SUCCESS);
                audit.record(h, by == null ? event.asUser(source) : event);
            }
            return n == 1;
        });
    }

    /** Live assignments in a borough (every borough when null), by ward then officer. */
    public List<Assignment> assignments(String boroughCode) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.id, a.username, a.ward_code, w.name, w.borough_code, a.assigned_by
                        from neighbourhood_ward_officer a join ward w on w.code = a.ward_code
                        where a.ended_at is null and (cast(:b as text) is null or w.borough_code = :b)
                        order by w.borough_code, w.name, a.username""")
                .bind("b", boroughCode)
                .map((rs, ctx) -> new Assignment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list());
    }

    /** The enabled neighbourhood officers an administrator may assign (those of the administrator's own borough, when local). */
    public List<User> officers(User admin) {
        return accounts.listUsers().stream().filter(u -> u.role() == Role.NEIGHBOURHOOD_OFFICER && u.boroughCode() != null)
                .filter(u -> admin == null || AccessPolicy.reaches(admin, u.boroughCode()))
                .toList();
    }

    /**
     * The wards to choose from, by borough: those of the boroughs the assignable neighbourhood officers work in (the
     * ward must be in the officer's borough), each borough's in name order.
     */
    public java.util.Map<String, List<Ward>> wardChoices(User admin) {
        java.util.Map<String, List<Ward>> byBorough = new java.util.TreeMap<>();
        for (String borough : officers(admin).stream().map(User::boroughCode).distinct().toList()) {
            byBorough.put(borough, places.wardsIn(borough));
        }
        return byBorough;
    }

    /** The ward codes an officer is assigned to (empty when none). */
    public List<String> wardsOf(String username) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select ward_code from neighbourhood_ward_officer
                        where username = :u and ended_at is null order by ward_code""")
                .bind("u", username).mapTo(String.class).list());
    }

    /** The officers assigned to a ward: who a task for an offender living there goes to. */
    public List<String> officersOf(String wardCode) {
        return wardCode == null ? List.of() : jdbi.withHandle(h -> h.createQuery("""
                        select username from neighbourhood_ward_officer
                        where ward_code = :w and ended_at is null order by username""")
                .bind("w", wardCode).mapTo(String.class).list());
    }

    public Optional<Assignment> assignment(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.id, a.username, a.ward_code, w.name, w.borough_code, a.assigned_by
                        from neighbourhood_ward_officer a join ward w on w.code = a.ward_code
                        where a.id = :id and a.ended_at is null""")
                .bind("id", id)
                .map((rs, ctx) -> new Assignment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).findOne());
    }
}
