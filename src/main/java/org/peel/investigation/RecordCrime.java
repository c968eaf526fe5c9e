package org.peel.investigation;

import org.jdbi.v3.core.Jdbi;
import org.peel.access.AuditEvent;
import org.peel.access.AuditTrail;
import org.peel.access.Section;
import org.peel.access.User;
import org.peel.common.Adapter;
import org.peel.common.BadInput;
import org.peel.people.PeopleStore;
import org.peel.people.PersonNotGivenStore;
import org.peel.people.SharedName;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records a reported crime and makes every decision that belongs to the moment of recording, in one transaction:
 * the crime (one per victim) and its people as person records, screening, allocation to an investigator or the
 * supervisor's queue, each victim's Victims' Code entitlement and deadlines, and the audit entries. Either all of
 * it is saved or none of it. The decisions themselves are {@link AtRecording}'s, shared with the bulk
 * {@link CrimeRecordingPass}.
 */
@Adapter
public final class RecordCrime {

    private final Jdbi jdbi;
    private final CrimeStore crimes;
    private final AllocationStore allocations;
    private final VictimsCodeStore victimsCode;
    private final InvestigatorStore investigators;
    private final AuditTrail audit;
    private final Screening.Settings screening;
    private final Allocation.Policy allocation;
    private final Clock clock;
    private final CrimeLocator locator;
    private final PersistentTargeting.Policy targeting;
    private final PeopleStore people;
    private final PersonNotGivenStore notGiven;

    public RecordCrime(Jdbi jdbi, AuditTrail audit, Screening.Settings screening,
                       Allocation.Policy allocation, Clock clock) {
        this(jdbi, audit, screening, allocation, clock, CrimeLocator.NONE);
    }

    /** With a locator, a crime given by its coordinates gets its LSOA, ward and borough from them. */
    public RecordCrime(Jdbi jdbi, AuditTrail audit, Screening.Settings screening,
                       Allocation.Policy allocation, Clock clock, CrimeLocator locator) {
        this(jdbi, audit, screening, allocation, clock, locator, PersistentTargeting.Policy.defaults());
    }

    /** With a policy for deciding from a victim's own history that they are persistently targeted. */
    public RecordCrime(Jdbi jdbi, AuditTrail audit, Screening.Settings screening,
                       Allocation.Policy allocation, Clock clock, CrimeLocator locator, PersistentTargeting.Policy targeting) {
        this.targeting = targeting;
        this.jdbi = jdbi;
        this.crimes = new CrimeStore(jdbi);
        this.allocations = new AllocationStore(jdbi);
        this.victimsCode = new VictimsCodeStore(jdbi);
        this.investigators = new InvestigatorStore(jdbi);
        this.audit = audit;
        this.screening = screening;
        this.allocation = allocation;
        this.clock = clock;
        this.locator = locator;
        this.people = new PeopleStore(jdbi, audit);
        this.notGiven = new PersonNotGivenStore(jdbi, audit);
    }

    /**
     * Fills the LSOA, ward, borough and point from the address's postcode, or the LSOA, ward and borough from the
     * coordinates, where they were not given; refuses a place that lies in another borough than the one stated.
     */
    public CrimeReport located(CrimeReport r) {
        if ((r.latitude() == null || r.longitude() == null) && r.address() != null && blank(r.wardCode())) {
            // the address's postcode gives the ward, LSOA and a point; the codes are only a fallback
            var found = locator.atAddress(r.address());
            if (found.isPresent()) {
                var p = found.get();
                if (!blank(r.boroughCode()) && !p.boroughCode().equals(r.boroughCode())) {
                    throw BadInput.field("address", "The postcode " + p.postcode() + " lies in borough "
                            + p.boroughCode() + ", not " + r.boroughCode());
                }
                return r.placed(p.boroughCode(), p.wardCode(), blank(r.lsoaCode()) ? p.lsoaCode() : r.lsoaCode(),
                        p.latitude(), p.longitude());
            }
            if (org.peel.place.PlaceStore.postcodeIn(r.address()) != null && blank(r.boroughCode())) {
                throw BadInput.field("address", "Peel does not know the postcode "
                        + org.peel.place.PlaceStore.postcodeIn(r.address()) + ": check it, or choose the borough");
            }
        }
        if (r.latitude() == null || r.longitude() == null) {
            return r;
        }
        return locator.locate(r.latitude(), r.longitude()).map(p -> {
            if (r.boroughCode() != null && !r.boroughCode().isBlank() && p.boroughCode() != null
                    && !p.boroughCode().equals(r.boroughCode())) {
                throw BadInput.field("borough", "The location lies in borough " + p.boroughCode() + ", not " + r.boroughCode());
            }
            return r.placed(blank(r.boroughCode()) ? p.boroughCode() : r.boroughCode(),
                    blank(r.wardCode()) ? p.wardCode() : r.wardCode(), blank(r.lsoaCode()) ? p.lsoaCode() : r.lsoaCode(),
                    r.latitude(), r.longitude());
        }).orElse(r);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** One recorded crime and the decisions made on it. */
    public record Recorded(String crimeId, Screening.Decision screening, Allocation.Decision allocation,
                           VictimsCodeEntitlement.Decision entitlement, List<VictimsCodeDeadlines.Deadline> deadlines) {
    }

    /**
     * Records the report as one crime per victim (one crime for a crime against society with no victim).
     *
     * @throws BadInput naming the first field at fault, before anything is written
     */
    public List<Recorded> record(CrimeReport given, User by, String channel, String clientAddress) {
        return record(given, by, channel, clientAddress, null);
    }

    /**
     * Records the report where the officer has identified the (first) victim as a person Peel already knows, from
     * the likely persons offered as they typed: the victim's new record joins that person at once, as a decision
     * with its reason, so no duplicate is made.
     *
     * @param victimPerson the person chosen, or null for none
     */
    public List<Recorded> record(CrimeReport given, User by, String channel, String clientAddress, Long victimPerson) {
        return record(given, by, channel, clientAddress, victimPerson, Map.of());
    }

    /**
     * As {@link #record(CrimeReport, User, String, String, Long)}, keeping beside each victim recorded as someone
     * new with no detail that tells them apart from their namesakes the reason the caller gave none, through the
     * people kernel in the same transaction, audited there.
     *
     * @param withoutDetail the reason and the namesakes counted, by the victim's position in the report; the first
     *                      victim's is ignored when {@code victimPerson} was chosen
     */
    public List<Recorded> record(CrimeReport given, User by, String channel, String clientAddress, Long victimPerson,
                                 Map<Integer, SharedName.WithoutDetail> withoutDetail) {
        CrimeReport report = located(given);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> problems = report.problems(now);
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw BadInput.field(first.getKey(), first.getValue());
        }
        List<CrimeReport.Victim> victims = report.victims().isEmpty() ? java.util.Collections.singletonList(null) : report.victims();
        return jdbi.inTransaction(h -> {
            List<Recorded> out = new ArrayList<>();
            for (int position = 0; position < victims.size(); position++) {
                CrimeReport.Victim victim = victims.get(position);
                String crimeId = crimes.nextCrimeId(h);
                crimes.insertCrime(h, crimeId, report, now, by.username(), channel);
                crimes.insertFlags(h, crimeId, report.flags());
                audit.record(h, event(by, "record", "crime", crimeId, clientAddress, "recorded via " + channel));
                String victimId = null;
                if (victim != null) {
                    victimId = crimes.insertPerson(h, crimeId, "victim", 1, victim.person(), now);
                    audit.record(h, event(by, "record", "person_record", victimId, clientAddress, "victim of " + crimeId));
                    if (victimPerson != null && position == 0) {
                        people.linkAtEntry(h, victimId, victimPerson, by, "identified as this person by "
                                + by.username() + " when recording " + crimeId, "victim_person_id");
                    } else if (withoutDetail.containsKey(position)) {
                        notGiven.record(h, by, Section.INVESTIGATION, victimId, withoutDetail.get(position), now);
                    }
                }
                int n = 0;
                for (CrimeReport.Party s : report.suspects()) {
                    String id = crimes.insertPerson(h, crimeId, "suspect", ++n, s, now);
                    audit.record(h, event(by, "record", "person_record", id, clientAddress, "suspect in " + crimeId));
                }
                n = 0;
                for (CrimeReport.Party w : report.witnesses()) {
                    String id = crimes.insertPerson(h, crimeId, "witness", ++n, w, now);
                    audit.record(h, event(by, "record", "person_record", id, clientAddress, "witness to " + crimeId));
                }

                LocalDate today = now.toLocalDate();
                // the victim's own history can show persistent targeting the officer was not told of
                PersistentTargeting.Decision history = victim == null || victim.business() ? null : PersistentTargeting.decide(
                        crimes.earlierCrimesAgainst(h, victim.person(), crimeId, PersistentTargeting.since(now, targeting),
                                now, targeting.throughResolvedPersons()), now, targeting);
                boolean targetedByHistory = history != null && history.persistentlyTargeted();
                // the Victims' Code's "under 18" is at the time of the offence, not of the report
                Integer age = victim == null || victim.person() == null ? null
                        : victim.person().ageOn(report.committedAt().toLocalDate());
                AtRecording.Decisions d = AtRecording.decide(new AtRecording.Crime(report.offence(), report.boroughCode(),
                                report.domesticAbuse(), report.hate(), report.seriousOffences(), report.solvabilityWithPeople(),
                                victim, age, report.flags(), targetedByHistory ? history.reason() : null), now,
                        screening, allocation, new AtRecording.Investigators() {
                            @Override
                            public List<Allocation.Candidate> candidates(String borough, Specialism specialism, boolean central) {
                                return allocations.candidates(h, borough, specialism, central, now);
                            }

                            @Override
                            public Allocation.Pool pool(String borough, Specialism specialism, boolean central, Priority priority) {
                                return allocations.pool(h, borough, specialism, central, priority, now);
                            }
                        });
                allocations.insertScreening(h, crimeId, d.screening(), d.facts(), now);
                if (d.allocation() instanceof Allocation.Allocated a) {
                    allocations.allocate(h, crimeId, a, now, "peel:" + Allocation.RULE_VERSION);
                    audit.record(h, event(by, "allocate", "crime", crimeId, clientAddress,
                            "to " + a.investigator().investigatorId()));
                } else if (d.allocation() instanceof Allocation.Queued q) {
                    allocations.queue(h, crimeId, d.need(), q, now);
                    audit.record(h, event(by, "queue", "crime", crimeId, clientAddress, "no investigator qualified"));
                }
                if (d.entitlement() != null) {
                    victimsCode.insertEntitlement(h, crimeId, victimId, d.entitlement(), now);
                    for (VictimsCodeDeadlines.Deadline deadline : d.deadlines()) {
                        boolean met = d.metAtRecording(deadline);
                        victimsCode.insertDeadline(h, crimeId, victimId, deadline, met ? now : null, met ? by.username() : null);
                    }
                    for (AtRecording.Contact contact : d.contacts()) {
                        victimsCode.insertContact(h, crimeId, victimId, now, contact.kind(), contact.result(), "at recording",
                                by.username());
                    }
                }
                out.add(new Recorded(crimeId, d.screening(), d.allocation(), d.entitlement(), d.deadlines()));
            }
            return List.copyOf(out);
        });
    }

    /**
     * A supervisor moves a crime to another investigator, or allocates one waiting in the queue, with a reason.
     * The new investigator must work in the crime's borough.
     */
    public void reallocate(String crimeId, String investigatorId, String reason, User by, String clientAddress) {
        if (reason == null || reason.isBlank()) {
            throw BadInput.field("reason", "Give the reason for the reallocation");
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        jdbi.useTransaction(h -> {
            String crimeBorough = h.createQuery("select borough_code from crime where id = :id").bind("id", crimeId)
                    .mapTo(String.class).findOne().orElseThrow(() -> BadInput.field("crime", "No crime " + crimeId));
            String invBorough = investigators.investigatorBorough(h, investigatorId)
                    .orElseThrow(() -> BadInput.field("investigator", "No investigator " + investigatorId));
            if (!invBorough.equals(crimeBorough)) {
                throw BadInput.field("investigator", "The investigator works in another borough");
            }
            // a rape stays with a specialist of the kind screening chose (see Allocation), a supervisor's move included
            boolean rape = h.createQuery("""
                            select count(*) from crime c join crime_flag f on f.crime_id = c.id
                            where c.id = :id and f.flag = 'RAPE' and c.offence_group = :sexual""")
                    .bind("id", crimeId).bind("sexual", OffenceGroup.SEXUAL_OFFENCES.label()).mapTo(Long.class).one() > 0;
            if (rape) {
                String needed = h.createQuery("select specialism from crime_screening where crime_id = :id")
                        .bind("id", crimeId).mapTo(String.class).findOne().orElse(Specialism.SEXUAL_OFFENCES.label());
                String held = h.createQuery("select specialism from investigator where id = :id")
                        .bind("id", investigatorId).mapTo(String.class).findOne().orElse("");
                if (!needed.equalsIgnoreCase(held)) {
                    throw BadInput.field("investigator", "A rape is investigated only by a specialist: choose a "
                            + needed.toLowerCase(java.util.Locale.ROOT) + " investigator, not " + (held.isBlank()
                            ? "one without that specialism" : "a " + held.toLowerCase(java.util.Locale.ROOT) + " one"));
                }
            }
            String priority = h.createQuery("select priority from crime_screening where crime_id = :id").bind("id", crimeId)
                    .mapTo(String.class).findOne().orElse(Priority.ROUTINE.name());
            int weight = allocation.weightOf(Priority.valueOf(priority == null ? Priority.ROUTINE.name() : priority));
            allocations.endAllocation(h, crimeId, now, reason.strip());
            Allocation.Candidate c = new Allocation.Candidate(investigatorId, null, invBorough, 0, null, true, 0);
            allocations.allocate(h, crimeId, new Allocation.Allocated(c, weight, List.of("Reallocated by " + by.username()
                    + ": " + reason.strip())), now, by.username(), "supervisor");
            audit.record(h, event(by, "reallocate", "crime", crimeId, clientAddress, "to " + investigatorId));
        });
    }

    private static AuditEvent event(User by, String action, String type, String id, String address, String detail) {
        return AuditEvent.by(by, action, type, id, AuditEvent.SUCCESS).from(address).detail(detail);
    }
}
