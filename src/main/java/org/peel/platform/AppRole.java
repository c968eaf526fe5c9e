package org.peel.platform;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The unprivileged database role the application runs as. Migrations run as the owner of the schema (the embedded
 * server's {@code postgres}, or the user in the external URL); everything else, the web server and every command's
 * ordinary work, runs as this role, so that the application cannot alter or drop tables, disable the audit trail's
 * triggers, truncate, or (with the exceptions below) delete.
 *
 * <p>What the role may do, re-granted by the owner after every migration so that tables added by later migrations
 * are covered (default privileges cover tables an owner creates by other means in the meantime):
 * <ul>
 *   <li>every table and view in {@code public}: {@code SELECT, INSERT, UPDATE}; every sequence: {@code USAGE,
 *       SELECT}; the database: {@code CONNECT, TEMPORARY} (imports stage rows in temporary tables);</li>
 *   <li>the audit trail, every table named {@code audit_*}: {@code SELECT, INSERT} only (entries and their seals are
 *       written once and never changed), except that the sealer may {@code UPDATE} the row of {@code audit_head};</li>
 *   <li>{@code flyway_schema_history}: {@code SELECT} only;</li>
 *   <li>{@link #DELETABLE}: the only tables with {@code DELETE}, each for the reason given there;</li>
 *   <li>{@code EXECUTE} on the two maintenance functions of migration V160 ({@code peel_analyze},
 *       {@code peel_refresh_police_uk_measures}): PostgreSQL before 17 lets only a table's owner analyze it or
 *       refresh a materialized view, and both only recompute what the data already says;</li>
 *   <li>{@code EXECUTE} on the disposal functions of migration V380 ({@code …_disposal_published}): disposal after
 *       MoPI review erases a record's personal data, including its earlier versions, which only the owner may.</li>
 * </ul>
 * Never {@code TRUNCATE}, {@code REFERENCES}, {@code TRIGGER}, {@code CREATE} on the schema, or ownership of anything.
 *
 * <p>The owner is used only by migrations, this set-up, and benchmarks' scratch tables and databases.
 *
 * @param name     the role's name ({@code PEEL_DB_APP_USER}, default {@code peel_app})
 * @param password its password for servers that ask for one ({@code PEEL_DB_APP_PASSWORD}); null for none
 */
public record AppRole(String name, String password) {

    public static final String DEFAULT_NAME = "peel_app";

    /**
     * The only tables the application may delete rows from. Re-importing a police.uk or other open-data file
     * replaces that file's rows: published public data, holding no personal data, that can be loaded again at will.
     * The tables that hang off {@code opendata_file} by a cascading foreign key need no grant: PostgreSQL runs the
     * cascade as the table's owner.
     */
    public static final Map<String, String> DELETABLE = deletable();

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public AppRole {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PeelException("PEEL_DB_APP_USER must be a plain lower-case PostgreSQL role name"
                    + " (letters, digits, underscore), got '" + name + "'");
        }
        password = password == null || password.isEmpty() ? null : password;
    }

    /** {@code PEEL_DB_APP_USER} and {@code PEEL_DB_APP_PASSWORD}, or {@code peel_app} without a password. */
    public static AppRole fromEnvironment() {
        String name = System.getenv("PEEL_DB_APP_USER");
        return new AppRole(name == null || name.isBlank() ? DEFAULT_NAME : name.trim(),
                System.getenv("PEEL_DB_APP_PASSWORD"));
    }

    private static Map<String, String> deletable() {
        Map<String, String> m = new LinkedHashMap<>();
        String why = "re-importing an open-data file replaces its rows (public data, no personal data)";
        m.put("opendata_file", why);
        m.put("opendata_police_uk_crime", why);
        m.put("opendata_police_uk_outcome", why);
        return Map.copyOf(m);
    }

    /**
     * Creates the role if it does not exist (login, and nothing else), lets it connect to this database, and refuses
     * a role that is privileged, is the owner, or could act as the owner.
     */
    public void ensure(Jdbi owner) {
        owner.useHandle(h -> {
            String ownerName = h.createQuery("select current_user").mapTo(String.class).one();
            if (ownerName.equals(name)) {
                throw new PeelException("The application's database role '" + name + "' is the user that owns the"
                        + " schema: connect with the owner in the URL and set PEEL_DB_APP_USER to another role");
            }
            if (attributes(h).isEmpty()) {
                create(h, ownerName);
            }
            Map<String, Object> a = attributes(h).orElseThrow();
            List<String> wrong = new ArrayList<>();
            for (String flag : List.of("rolsuper", "rolcreaterole", "rolcreatedb", "rolreplication", "rolbypassrls")) {
                if (Boolean.TRUE.equals(a.get(flag))) {
                    wrong.add(flag.substring(3));
                }
            }
            if (h.createQuery("select pg_has_role(:app, :owner, 'MEMBER')").bind("app", name).bind("owner", ownerName)
                    .mapTo(Boolean.class).one()) {
                wrong.add("member of " + ownerName);
            }
            if (!wrong.isEmpty()) {
                throw new PeelException("The application's database role '" + name + "' must be unprivileged, but it"
                        + " has: " + String.join(", ", wrong));
            }
            if (!Boolean.TRUE.equals(a.get("rolcanlogin"))) {
                throw new PeelException("The application's database role '" + name + "' cannot log in");
            }
            String db = h.createQuery("select current_database()").mapTo(String.class).one();
            if (!h.createQuery("select has_database_privilege(:app, current_database(), 'CONNECT, TEMPORARY')")
                    .bind("app", name).mapTo(Boolean.class).one()) {
                h.execute("grant connect, temporary on database " + ident(db) + " to " + ident(name));
            }
        });
    }

    private Optional<Map<String, Object>> attributes(Handle h) {
        return h.createQuery("""
                        select rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, rolcanlogin
                        from pg_roles where rolname = :n""")
                .bind("n", name).mapToMap().findOne();
    }

    private void create(Handle h, String ownerName) {
        String sql = h.createQuery("select format('create role %I login nosuperuser nocreatedb nocreaterole"
                        + " noinherit noreplication nobypassrls' || case when :p::text is null then ''"
                        + " else ' password ' || quote_literal(:p::text) end, :n)")
                .bind("n", name).bind("p", password).mapTo(String.class).one();
        try {
            h.execute(sql);
        } catch (RuntimeException ex) {
            if (attributes(h).isPresent()) {
                return; // another Peel created it at the same moment
            }
            throw new PeelException("Cannot create the database role '" + name + "' as '" + ownerName + "' ("
                    + Database.rootMessage(ex) + "); create it once as an administrator (CREATE ROLE " + name
                    + " LOGIN PASSWORD '...') or set PEEL_DB_APP_USER to an existing unprivileged role");
        }
    }

    /**
     * Grants exactly the privileges described on this class, revoking anything else the role held on the schema's
     * tables and sequences. Idempotent; one transaction, so the application never sees a table without its grants.
     */
    public void grant(Jdbi owner) {
        owner.useTransaction(h -> {
            // two Peels migrating at once must not update the same catalog rows concurrently
            h.execute("select pg_advisory_xact_lock(7480721)");
            String ownerName = h.createQuery("select current_user").mapTo(String.class).one();
            String app = ident(name);
            List<String> tables = h.createQuery("""
                            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')""")
                    .mapTo(String.class).list();
            h.execute("revoke all on all tables in schema public from " + app);
            h.execute("revoke all on all sequences in schema public from " + app);
            h.execute("revoke create on schema public from " + app);
            h.execute("grant usage on schema public to " + app);
            h.execute("grant select, insert, update on all tables in schema public to " + app);
            h.execute("grant usage, select on all sequences in schema public to " + app);
            for (String table : tables) {
                if (table.equals("flyway_schema_history")) {
                    h.execute("revoke insert, update on " + ident(table) + " from " + app);
                } else if (table.startsWith("audit_")) {
                    h.execute("revoke update on " + ident(table) + " from " + app);
                }
            }
            if (tables.contains("audit_head")) {
                h.execute("grant update on audit_head to " + app);
            }
            for (String table : DELETABLE.keySet()) {
                if (tables.contains(table)) {
                    h.execute("grant delete on " + ident(table) + " to " + app);
                }
            }
            for (String function : h.createQuery("""
                            select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                            where n.nspname = 'public' and (p.proname in ('peel_analyze', 'peel_refresh_police_uk_measures')
                                or p.proname like '%\\_disposal\\_published')""")
                    .mapTo(String.class).list()) {
                h.execute("grant execute on function " + function + " to " + app);
            }
            String defaults = "alter default privileges for role " + ident(ownerName) + " in schema public ";
            h.execute(defaults + "grant select, insert, update on tables to " + app);
            h.execute(defaults + "grant usage, select on sequences to " + app);
        });
    }

    static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
