package org.peel.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.common.Moments;
import org.peel.testing.TestDatabase;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every recorded moment is a timestamptz")
class TimestamptzMigrationTest {

    @Test
    @DisplayName("no table of Peel's holds a timestamp without time zone")
    void noWallClockColumns() {
        Jdbi jdbi = TestDatabase.fresh().jdbi();

        List<String> wallClock = jdbi.withHandle(h -> h.createQuery("""
                        select c.table_name || '.' || c.column_name
                        from information_schema.columns c
                        join information_schema.tables t using (table_schema, table_name)
                        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                          and c.data_type = 'timestamp without time zone'
                          and c.table_name <> 'flyway_schema_history'
                        order by 1""").mapTo(String.class).list());

        assertThat(wallClock).isEmpty();
    }

    @Test
    @DisplayName("a moment written before the change reads back as the same moment in the application's zone")
    void existingValuesKeepTheirMeaning() {
        String url = TestDatabase.emptyDatabaseUrl();
        Flyway all = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load();
        MigrationVersion before = Arrays.stream(all.info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.isNewerThan("0") && !v.isAtLeast("140")).max(MigrationVersion::compareTo).orElseThrow();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target(before).load()
                .migrate();
        Jdbi jdbi = Jdbi.create(url);
        LocalDateTime recorded = LocalDateTime.of(2024, 7, 1, 9, 15, 30);
        jdbi.useHandle(h -> h.createUpdate("insert into person_record (id, source_type, source_id, role, recorded_at)"
                + " values ('pr-1', 'crime', 'c-1', 'victim', :at)").bind("at", recorded).execute());

        all.migrate();

        jdbi.useHandle(h -> h.createQuery("select recorded_at from person_record where id = 'pr-1'")
                .map((rs, ctx) -> {
                    assertThat(Moments.local(rs, "recorded_at")).isEqualTo(recorded);
                    assertThat(Moments.instant(rs, "recorded_at"))
                            .isEqualTo(recorded.atZone(ZoneId.systemDefault()).toInstant());
                    return true;
                }).one());
    }
}
