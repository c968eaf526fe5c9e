package org.peel.synthetic;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.common.BadInput;
import org.peel.testing.SharedData;
import org.peel.testing.TestDatabase;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Loading the synthetic force into Peel's database")
class SyntheticDatabaseLoadTest {

    @Test
    @DisplayName("loads every table with COPY, and refuses to load the same generation twice")
    void loadsOnceAndRefusesTwice() throws IOException {
        // given a fresh database and the Met at a small scale
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        ForceSpec met = SyntheticFixtures.builtInMet();
        Generation generation = new Generation(met.name(), 0.002, 21, SyntheticFixtures.JUNE_2015);

        // when it is loaded
        SyntheticForce.Result result;
        try (DatabaseSink sink = new DatabaseSink(jdbi)) {
            result = SyntheticForce.generate(met, generation, SyntheticSettings.defaults(), sink);
        }

        // then every table holds exactly the rows generated, and the generation is recorded
        for (Map.Entry<String, Long> e : result.counts().entrySet()) {
            assertThat(count(jdbi, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(result.counts().get("crime")).isEqualTo(Math.round(met.totalCrimes() * 0.002));
        assertThat(count(jdbi, "synthetic_generation")).isEqualTo(1);
        long suspects = jdbi.withHandle(h -> h.createQuery("select count(*) from crime_person where role = 'suspect'")
                .mapTo(Long.class).one());
        assertThat(suspects).isPositive();
        // every person record carries the borough of the record it came from, and a sexual offence's its mark
        long unplaced = jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from person_record r
                        left join crime c on r.source_type = 'crime' and c.id = r.source_id
                        where r.borough_code is null or (c.id is not null and c.borough_code <> r.borough_code)
                           or (c.id is not null and (lower(c.offence_group) like 'sexual%')
                               <> ('SEXUAL_OFFENCE' = any(r.sensitivities)))""").mapTo(Long.class).one());
        assertThat(unplaced).isZero();

        // and loading it again is refused with a clear message, leaving the rows as they were
        assertThatThrownBy(() -> {
            try (DatabaseSink again = new DatabaseSink(jdbi)) {
                SyntheticForce.generate(met, generation, SyntheticSettings.defaults(), again);
            }
        }).isInstanceOf(BadInput.class).hasMessageContaining("already holds the synthetic force");
        assertThat(count(jdbi, "person_record")).isEqualTo(result.counts().get("person_record"));

        // while another seed loads beside it
        try (DatabaseSink sink = new DatabaseSink(jdbi)) {
            SyntheticForce.generate(met, new Generation(met.name(), 0.002, 22, SyntheticFixtures.JUNE_2015),
                    SyntheticSettings.defaults(), sink);
        }
        assertThat(count(jdbi, "synthetic_generation")).isEqualTo(2);
    }

    @Test
    @DisplayName("a force outside London loads too, its force and boroughs added to the place tables")
    void forceOutsideLondon() throws IOException {
        // given a fresh database, which knows only London's boroughs, and Devon and Cornwall from the shared data
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        ForceSpec force = ForceSources.load("Devon and Cornwall", SyntheticFixtures.JUNE_2015,
                SharedData.require("police-uk/street").getParent().getParent());

        // when it is loaded at a small scale
        SyntheticForce.Result result;
        try (DatabaseSink sink = new DatabaseSink(jdbi)) {
            result = SyntheticForce.generate(force, new Generation(force.name(), 0.01, 1, SyntheticFixtures.JUNE_2015),
                    SyntheticSettings.defaults(), sink);
        }

        // then its crimes are there, in its own boroughs
        assertThat(count(jdbi, "crime")).isEqualTo(result.counts().get("crime")).isPositive();
        long boroughs = jdbi.withHandle(h -> h.createQuery("select count(*) from borough where force_code = :code")
                .bind("code", force.code()).mapTo(Long.class).one());
        assertThat(boroughs).isEqualTo(force.boroughs().size());
    }

    @Test
    @DisplayName("a load that fails part-way leaves nothing behind, not even the person records already streamed")
    void failedLoadLeavesNothing() {
        // given a force whose only area names a borough that exists nowhere, so its crimes break a foreign key
        Jdbi jdbi = TestDatabase.fresh().jdbi();
        ForceSpec broken = new ForceSpec("Nowhere", "E23000001", 200_000, List.of(new Area.Borough("E09000002", "Barking and Dagenham")),
                List.of(new Area(0, "E09999999", null, null, 51.5, -0.1, 200_000, 500, null)),
                Map.of("Robbery", 10_000L), 5_000, Map.of(), List.of("a test force"));

        // when it is loaded
        assertThatThrownBy(() -> {
            try (DatabaseSink sink = new DatabaseSink(jdbi)) {
                SyntheticForce.generate(broken, 0.1, 1, SyntheticFixtures.JUNE_2015, sink);
            }
        }).hasMessageContaining("borough");

        // then no table holds any of it
        assertThat(count(jdbi, "person_record")).isZero();
        assertThat(count(jdbi, "crime")).isZero();
        assertThat(count(jdbi, "synthetic_generation")).isZero();
    }

    @Test
    @DisplayName("the demo loads a small Met, and a second demo load leaves it alone")
    void demo() throws IOException {
        // given a fresh database
        Jdbi jdbi = TestDatabase.fresh().jdbi();

        // when the demo force is loaded twice
        SyntheticForce.Result first = SyntheticForce.demo(jdbi, null, Map.of());
        SyntheticForce.Result second = SyntheticForce.demo(jdbi, null, Map.of());

        // then it holds one hundredth of a Met year (about 7,100 crimes, 2,560 ASB incidents and their people:
        // some 60,000 rows), loaded once
        // every borough's teams work a rota, a shift a row, so the rota is counted apart from the force's records
        long rota = first.counts().get("investigator_duty_rota");
        assertThat(rota).isPositive();
        assertThat(first.records() - rota).isBetween(40_000L, 90_000L);
        assertThat(first.counts().get("crime")).isBetween(6_500L, 7_700L);
        assertThat(second.counts()).isEmpty();
        assertThat(count(jdbi, "crime")).isEqualTo(first.counts().get("crime"));
    }

    private static long count(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }
}
