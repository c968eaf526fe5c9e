package org.peel.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every Peel session plans a statement for the values it is run with")
class DatabaseSessionTest {

    /**
     * Peel's lists filter with optional values ("borough is null or borough = :borough"). The JDBC driver prepares a
     * statement on the server once it has run five times, and PostgreSQL may then plan it once for any values: a
     * plan made for one borough, used for the whole force, turned the People list from 0.1 s into 24 s.
     */
    @Test
    @DisplayName("a list's statement run twenty times, for one borough and then for the whole force, is never given a generic plan")
    void noGenericPlans() {
        try (Database database = Database.open(DatabaseLocation.external(TestDatabase.emptyDatabaseUrl()))) {
            long generic = database.jdbi().withHandle(h -> {
                h.execute("create temporary table record_borough (borough text)");
                h.execute("insert into record_borough select case when i % 10 = 0 then 'E09000033' else 'E09000007'"
                        + " end from generate_series(1, 1000) i");
                for (int i = 0; i < 20; i++) {
                    h.createQuery("select count(*) from record_borough where cast(:borough as text) is null"
                                    + " or borough = :borough")
                            .bind("borough", i < 15 ? "E09000033" : null).mapTo(Long.class).one();
                }
                return h.createQuery("select coalesce(sum(generic_plans), 0) from pg_prepared_statements")
                        .mapTo(Long.class).one();
            });
            assertThat(generic).isZero();
            String mode = database.jdbi().withHandle(h -> h.createQuery("show plan_cache_mode")
                    .mapTo(String.class).one());
            assertThat(mode).isEqualTo("force_custom_plan");
        }
    }
}
