package org.peel.architecture;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.Fixtures;
import org.peel.testing.TestDatabase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Investigation's published crime view is readable by the application, read-only, and documented")
class InvestigationPublishedViewTest {

    @Test
    @DisplayName("the application's role reads a crime through the view, with no investigator column, and cannot write through it")
    void readOnlyForTheApplication() {
        // given a crime recorded by investigation, with an investigator
        Jdbi app = TestDatabase.fresh().jdbi();
        app.useHandle(h -> h.execute("""
                insert into crime (id, committed_at, recorded_at, offence_group, police_uk_type, borough_code,
                                   domestic_abuse, hate, investigator_id)
                values ('PUB-1', now(), now(), 'Burglary', 'Burglary', ?, true, false, 'dc.jones')""",
                Fixtures.CAMDEN));

        // when the application reads it through the published view
        List<String> row = app.withHandle(h -> h.createQuery("""
                        select id || ' ' || borough_code || ' ' || offence_group || ' ' || domestic_abuse
                        from investigation_crime_published""").mapTo(String.class).list());
        List<String> columns = app.withHandle(h -> h.createQuery("""
                        select column_name from information_schema.columns
                        where table_name = 'investigation_crime_published'""").mapTo(String.class).list());

        // then it sees the crime's facts and nothing of its investigation, and cannot write through the view
        assertThat(row).containsExactly("PUB-1 " + Fixtures.CAMDEN + " Burglary true");
        assertThat(columns).doesNotContain("investigator_id").contains("recorded_at", "ward_code", "lsoa_code");
        assertThatThrownBy(() -> app.useHandle(h -> h.execute(
                "update investigation_crime_published set offence_group = 'Theft' where id = 'PUB-1'")))
                .hasMessageContaining("read-only");
    }

    @Test
    @DisplayName("the view says it is a published interface and who reads it")
    void documented() {
        String comment = TestDatabase.fresh().jdbi().withHandle(h -> h.createQuery(
                "select obj_description('investigation_crime_published'::regclass, 'pg_class')")
                .mapTo(String.class).one());
        assertThat(comment).contains("Published interface of the investigation capability").contains("Read by prevention");
    }
}
