package org.peel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.peel.investigation.AllocationSimulation;
import org.peel.investigation.OffenceGroup;
import org.peel.investigation.SyntheticCaseload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peel.testing.StandardStreams;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("peel simulate allocation on a small synthetic force")
class AllocationSimulateCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();
    private final ByteArrayOutputStream out = streams.out();
    private final ByteArrayOutputStream err = streams.err();

    @Test
    @DisplayName("prints Peel's and the baseline's figures as JSON, the same for the same seed")
    void json() throws Exception {
        String[] args = {"simulate", "allocation", "--scale", "0.005", "--days", "30", "--seed", "3",
                "--detective-shortfall", "0.15", "--format", "json"};
        assertThat(PeelCommand.execute(args)).as(err.toString()).isZero();
        String first = out.toString().trim();
        JsonNode json = OutputOptions.JSON.readTree(first);
        for (String arm : new String[]{"peel", "baseline"}) {
            assertThat(json.get(arm).fieldNames()).toIterable().contains("median_hours_to_allocation",
                    "p90_hours_to_allocation", "target_breach_pct", "caseload_cv");
        }
        assertThat(json.get("peel").get("allocated_below_accreditation").asLong()).isZero();
        out.reset();
        assertThat(PeelCommand.execute(args)).isZero();
        assertThat(out.toString().trim()).isEqualTo(first);
    }

    @Test
    @DisplayName("the simulated force's rapes reach the simulation as rapes, and only sexual offences are rapes")
    void rapesReachTheSimulation() {
        // the generator flags about a third of sexual offences as rape (the Met's share); at this scale there are
        // dozens of sexual offences, so some rapes and some other sexual offences
        SyntheticCaseload.Force force = new SyntheticCaseloads().generate(SyntheticCaseload.DEMO_FORCE, 0.005, 3,
                java.time.YearMonth.of(2015, 6), 0.15, null);
        java.util.List<AllocationSimulation.SimCrime> rapes = force.crimes().stream()
                .filter(AllocationSimulation.SimCrime::rape).toList();
        assertThat(rapes).isNotEmpty().allMatch(c -> c.offence() == OffenceGroup.SEXUAL_OFFENCES);
        assertThat(force.crimes()).anyMatch(c -> c.offence() == OffenceGroup.SEXUAL_OFFENCES && !c.rape());
    }

    @Test
    @DisplayName("refuses a run of no days with one clear line")
    void noDays() {
        assertThat(PeelCommand.execute("simulate", "allocation", "--days", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--days must be between 1 and 366");
    }
}
