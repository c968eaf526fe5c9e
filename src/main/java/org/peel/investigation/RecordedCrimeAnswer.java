package org.peel.investigation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Set;

/**
 * The answer to {@code POST /api/v1/crimes} for one recorded crime: its id and flags, the screening decision,
 * the allocation (absent when none was tried) and the Victims' Code entitlement with its deadlines (absent for
 * a crime without a victim). Fields that do not apply to a decision are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedCrimeAnswer(
        @JsonProperty("id") String id,
        @JsonProperty("flags") List<String> flags,
        @JsonProperty("screening") ScreeningAnswer screening,
        @JsonProperty("allocation") AllocationAnswer allocation,
        @JsonProperty("victims_code") VictimsCodeAnswer victimsCode) {

    /** The whole answer: one entry per victim, since one crime is recorded per victim. */
    public record Recorded(@JsonProperty("crimes") List<RecordedCrimeAnswer> crimes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScreeningAnswer(
            @JsonProperty("decision") String decision,
            @JsonProperty("priority") String priority,
            @JsonProperty("pip_level") Integer pipLevel,
            @JsonProperty("specialism") String specialism,
            @JsonProperty("reason") String reason,
            @JsonProperty("harm") int harm,
            @JsonProperty("solvability") int solvability,
            @JsonProperty("reasons") List<String> reasons,
            @JsonProperty("rule_version") String ruleVersion) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AllocationAnswer(
            @JsonProperty("decision") String decision,
            @JsonProperty("investigator_id") String investigatorId,
            @JsonProperty("team_id") String teamId,
            @JsonProperty("pip_level") Integer pipLevel,
            @JsonProperty("reason") String reason,
            @JsonProperty("reasons") List<String> reasons,
            @JsonProperty("rule_version") String ruleVersion) {
    }

    public record VictimsCodeAnswer(
            @JsonProperty("service") String service,
            @JsonProperty("reasons") List<String> reasons,
            @JsonProperty("rule_version") String ruleVersion,
            @JsonProperty("deadlines") List<DeadlineAnswer> deadlines) {
    }

    public record DeadlineAnswer(
            @JsonProperty("kind") String kind,
            @JsonProperty("due") String due,
            @JsonProperty("basis") String basis) {
    }

    /** The answer for one recorded crime, from what {@link RecordCrime} decided. */
    static RecordedCrimeAnswer of(RecordCrime.Recorded r, Set<CrimeFlag> flags) {
        Screening.Decision decided = r.screening();
        ScreeningAnswer screening = decided instanceof Screening.ScreenedIn in
                ? new ScreeningAnswer("screened in", in.priority().name(), in.pipLevel(), in.specialism().label(), null,
                        in.harm(), in.solvability(), in.reasons(), in.ruleVersion())
                : new ScreeningAnswer("screened out", null, null, null, ((Screening.ScreenedOut) decided).reason(),
                        decided.harm(), decided.solvability(), decided.reasons(), decided.ruleVersion());
        AllocationAnswer allocation = null;
        if (r.allocation() instanceof Allocation.Allocated al) {
            allocation = new AllocationAnswer("allocated", al.investigator().investigatorId(), al.investigator().teamId(),
                    al.investigator().pipLevel(), null, al.reasons(), al.ruleVersion());
        } else if (r.allocation() instanceof Allocation.Queued q) {
            allocation = new AllocationAnswer("queued", null, null, null, q.reason(), q.reasons(), q.ruleVersion());
        }
        VictimsCodeAnswer victimsCode = r.entitlement() == null ? null : new VictimsCodeAnswer(
                r.entitlement().service().name(), r.entitlement().reasons(), r.entitlement().ruleVersion(),
                r.deadlines().stream().map(d -> new DeadlineAnswer(d.kind().name(), d.due().toString(), d.basis()))
                        .toList());
        return new RecordedCrimeAnswer(r.crimeId(), flags.stream().sorted().map(Enum::name).toList(), screening,
                allocation, victimsCode);
    }
}
