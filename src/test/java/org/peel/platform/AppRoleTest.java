package org.peel.platform;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.TestDatabase;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Peel runs as a database role that can read, add and change rows, and nothing more")
class AppRoleTest {

    private TestDatabase.Fresh db;
    private Jdbi app;

    @BeforeEach
    void migratedDatabase() {
        // given a migrated database, reached as Peel's application role
        db = TestDatabase.fresh();
        app = db.jdbi();
    }

    @Test
    @DisplayName("it cannot disable the audit trail's trigger, truncate, or delete from a business table")
    void cannotTamper() {
        assertThatThrownBy(() -> app.useHandle(h -> h.execute("alter table audit_event disable trigger audit_event_append_only")))
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> app.useHandle(h -> h.execute("truncate audit_event")))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.useHandle(h -> h.execute("truncate crime cascade")))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.useHandle(h -> h.execute("delete from crime")))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.useHandle(h -> h.execute("delete from audit_head")))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.useHandle(h -> h.execute("set session_replication_role = replica")))
                .hasMessageContaining("permission denied");
    }

    @Test
    @DisplayName("it cannot create, alter or drop tables, and owns nothing")
    void cannotChangeTheSchema() {
        assertThatThrownBy(() -> app.useHandle(h -> h.execute("create table sneaky (id int)")))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.useHandle(h -> h.execute("alter table crime add column sneaky int")))
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> app.useHandle(h -> h.execute("drop table person_record")))
                .hasMessageContaining("must be owner");
        Map<String, Object> role = app.withHandle(h -> h.createQuery("""
                        select r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                               (select count(*) from pg_class c where c.relowner = r.oid) as owned
                        from pg_roles r where r.rolname = current_user""").mapToMap().one());
        assertThat(role).containsEntry("rolsuper", false).containsEntry("rolcreaterole", false)
                .containsEntry("rolcreatedb", false).containsEntry("rolbypassrls", false).containsEntry("owned", 0L);
    }

    @Test
    @DisplayName("it may only add audit entries and seals, never change them, and update nothing in the trail but the head")
    void auditIsAppendOnly() {
        assertThatThrownBy(() -> app.useHandle(h -> h.execute("update audit_event set username = 'someone-else'")))
                .hasMessageContaining("permission denied");
        List<String> updatable = app.withHandle(h -> h.createQuery("""
                        select column_name from information_schema.columns
                        where table_name = 'audit_event'
                          and has_column_privilege(current_user, 'audit_event', column_name, 'UPDATE')
                        order by column_name""").mapTo(String.class).list());
        assertThat(updatable).isEmpty();
        assertThat(privileges("audit_event")).containsExactly("INSERT", "SELECT");
        assertThat(privileges("audit_seal")).containsExactly("INSERT", "SELECT");
        assertThat(privileges("audit_head")).containsExactly("INSERT", "SELECT", "UPDATE");
    }

    @Test
    @DisplayName("delete is granted only on the open-data tables a re-import replaces; truncate nowhere")
    void deleteOnlyWhereDocumented() {
        List<String> deletable = app.withHandle(h -> h.createQuery("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p')
                          and has_table_privilege(current_user, c.oid, 'DELETE')
                        order by 1""").mapTo(String.class).list());
        assertThat(deletable).containsExactlyInAnyOrderElementsOf(AppRole.DELETABLE.keySet());
        long truncatable = app.withHandle(h -> h.createQuery("""
                        select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p')
                          and (has_table_privilege(current_user, c.oid, 'TRUNCATE')
                               or has_table_privilege(current_user, c.oid, 'TRIGGER'))""").mapTo(Long.class).one());
        assertThat(truncatable).isZero();
        assertThat(privileges("crime")).containsExactly("INSERT", "SELECT", "UPDATE");
        assertThat(privileges("flyway_schema_history")).containsExactly("SELECT");
    }

    @Test
    @DisplayName("migrations run as the owner, and a table added by a later migration is granted without delete")
    void migrationsAsOwner() {
        // given Peel opened on an empty database with the owner's URL, as an operator runs it
        try (Database database = Database.open(DatabaseLocation.external(TestDatabase.emptyDatabaseUrl())).migrate()) {
            String owner = database.ownerJdbi().withHandle(h -> h.createQuery("select current_user").mapTo(String.class).one());
            String appUser = database.jdbi().withHandle(h -> h.createQuery("select current_user")
                    .mapTo(String.class).one());
            assertThat(appUser).isEqualTo(AppRole.fromEnvironment().name()).isNotEqualTo(owner);
            // and both sessions run without just-in-time compilation, whatever the server's default
            String appJit = database.jdbi().withHandle(h -> h.createQuery("show jit").mapTo(String.class).one());
            String ownerJit = database.ownerJdbi().withHandle(h -> h.createQuery("show jit").mapTo(String.class).one());
            assertThat(appJit).isEqualTo("off");
            assertThat(ownerJit).isEqualTo("off");
            List<String> installedBy = database.jdbi().withHandle(h -> h.createQuery(
                    "select distinct installed_by from flyway_schema_history").mapTo(String.class).list());
            assertThat(installedBy).containsExactly(owner);

            // when a later migration adds tables (here: the owner directly) and Peel migrates again
            database.ownerJdbi().useHandle(h -> {
                h.execute("create table later_record (id bigserial primary key, note text)");
                h.execute("create table audit_later (id bigserial primary key, note text)");
            });
            database.jdbi().useHandle(h -> h.execute("insert into later_record (note) values ('covered at once')"));
            database.migrate();

            // then the application may use the new table but not delete from it; the new audit table is append-only
            database.jdbi().useHandle(h -> h.execute("update later_record set note = 'changed'"));
            assertThatThrownBy(() -> database.jdbi().useHandle(h -> h.execute("delete from later_record")))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> database.jdbi().useHandle(h -> h.execute("update audit_later set note = 'x'")))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    @DisplayName("the owner itself, or a privileged role, is refused as the application's role in one clear line")
    void privilegedRoleRefused() {
        String url = TestDatabase.emptyDatabaseUrl();
        String ownerName = Jdbi.create(url).withHandle(h -> h.createQuery("select current_user").mapTo(String.class).one());
        assertThatThrownBy(() -> Database.open(DatabaseLocation.external(url), new AppRole(ownerName, null)))
                .isInstanceOf(PeelException.class).hasMessageContaining("owns the schema");

        String privileged = "peel_t_creator_" + ProcessHandle.current().pid();
        Jdbi.create(url).useHandle(h -> h.execute("create role " + privileged + " login createdb"));
        try {
            assertThatThrownBy(() -> Database.open(DatabaseLocation.external(url), new AppRole(privileged, null)))
                    .isInstanceOf(PeelException.class).hasMessageContaining("must be unprivileged")
                    .hasMessageContaining("createdb").hasMessageNotContaining("\n");
        } finally {
            Jdbi.create(url).useHandle(h -> h.execute("drop role " + privileged));
        }
    }

    private List<String> privileges(String table) {
        return app.withHandle(h -> h.createQuery("""
                        select p from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES',
                                                   'TRIGGER']) p
                        where has_table_privilege(current_user, :t, p) order by p""")
                .bind("t", table).mapTo(String.class).list());
    }
}
