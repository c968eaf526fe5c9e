package org.peel.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.TestDatabase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The peel command line against a real PostgreSQL")
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private InputStream oldIn;
    private String url;

    @BeforeEach
    void capture() {
        url = TestDatabase.emptyDatabaseUrl();
        oldOut = System.out;
        oldErr = System.err;
        oldIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.setIn(oldIn);
    }

    private int peel(String stdin, String... args) {
        out.reset();
        err.reset();
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return PeelCommand.execute(args);
    }

    @Test
    @DisplayName("user add --help lists the roles by the names --role takes")
    void userAddHelpListsRoles() {
        assertThat(peel("", "user", "add", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("One of: response-officer, neighbourhood-officer,")
                .contains("crime-management-supervisor").doesNotContain("null");
    }

    @Test
    @DisplayName("user add reads the password from stdin and reports the account as JSON")
    void userAdd() {
        int code = peel("a sensible passphrase\n", "user", "add", "--username", "admin", "--role", "administrator",
                "--db-url", url, "--format", "json");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"username\":\"admin\"").contains("\"role\":\"administrator\"")
                .doesNotContain("password");
    }

    @Test
    @DisplayName("user add with empty stdin generates a password and prints it once")
    void userAddGenerates() {
        int code = peel("", "user", "add", "--username", "pc.one", "--role", "response-officer", "--borough",
                "E09000033", "--db-url", url, "--format", "json");
        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("\"password\":\"[A-Za-z0-9]{20}\"");
    }

    @Test
    @DisplayName("user add refuses a local role without a borough, naming the field, and exits non-zero")
    void userAddNeedsBorough() {
        int code = peel("a sensible passphrase\n", "user", "add", "--username", "pc.two", "--role", "investigator",
                "--db-url", url);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("field 'borough'").contains("local role");
    }

    @Test
    @DisplayName("user add names the roles when the role is unknown")
    void unknownRole() {
        int code = peel("a sensible passphrase\n", "user", "add", "--username", "x.y", "--role", "sergeant", "--db-url", url);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown role 'sergeant'").contains("response-officer");
    }

    @Test
    @DisplayName("serve refuses to start without an administrator and says how to create one")
    void serveNeedsAdmin() {
        int code = peel("", "serve", "--db-url", url, "--port", "0");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no administrator").contains("peel user add --username admin --role administrator");
    }

    @Test
    @DisplayName("token create prints a bearer token once, for an existing user only")
    void token() {
        peel("a sensible passphrase\n", "user", "add", "--username", "svc", "--role", "performance-analyst", "--db-url", url);
        assertThat(peel("", "token", "create", "--username", "svc", "--db-url", url, "--format", "json")).isZero();
        assertThat(out.toString()).containsPattern("\"token\":\"peel_[A-Za-z0-9_-]{43}\"");
        assertThat(peel("", "token", "create", "--username", "nobody", "--db-url", url)).isEqualTo(2);
        assertThat(err.toString()).contains("No active user 'nobody'");
    }

    @Test
    @DisplayName("audit verify passes on an untouched trail and fails, naming the entry, after a row is changed by SQL")
    void auditVerify() throws Exception {
        peel("a sensible passphrase\n", "user", "add", "--username", "admin", "--role", "administrator", "--db-url", url);
        peel("", "token", "create", "--username", "admin", "--db-url", url);
        assertThat(peel("", "audit", "verify", "--db-url", url, "--format", "json")).isZero();
        assertThat(out.toString()).contains("\"intact\":true").contains("\"entriesChecked\":2");

        try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("alter table audit_event disable trigger audit_event_append_only");
            s.execute("update audit_event set username = 'someone-else'"
                    + " where id = (select event_id from audit_seal where seq = 1)");
        }
        assertThat(peel("", "audit", "verify", "--db-url", url)).isEqualTo(3);
        assertThat(err.toString()).contains("BROKEN at entry 1");
    }

    @Test
    @DisplayName("audit checkpoint writes a signed head; verify --checkpoint exits 3 once the trail is wiped and restarted")
    void auditCheckpoint(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // given a trail with two entries and a checkpoint of it kept in a file
        peel("a sensible passphrase\n", "user", "add", "--username", "admin", "--role", "administrator", "--db-url", url);
        peel("", "token", "create", "--username", "admin", "--db-url", url);
        java.nio.file.Path file = dir.resolve("audit-checkpoint.json");
        assertThat(peel("", "audit", "checkpoint", "--out", file.toString(), "--db-url", url)).isZero();
        assertThat(java.nio.file.Files.readString(file)).contains("\"sequence\" : 2").contains("\"signature\"");
        peel("", "token", "create", "--username", "admin", "--db-url", url);
        assertThat(peel("", "audit", "verify", "--checkpoint", file.toString(), "--db-url", url, "--format", "json"))
                .isZero();
        assertThat(out.toString()).contains("\"intact\":true").contains("\"entriesChecked\":3");

        // when someone with the database's own powers wipes the trail and resets its head
        try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("alter table audit_event disable trigger user");
            s.execute("alter table audit_seal disable trigger user");
            s.execute("truncate audit_event, audit_seal");
            s.execute("update audit_head set seq = 0, hash = 'genesis', mac = null, legacy_entries = 0, sealed_below = '0'");
        }

        // then the trail alone looks intact, but not against the checkpoint: exit 3 in one line naming why
        assertThat(peel("", "audit", "verify", "--db-url", url)).isZero();
        assertThat(peel("", "audit", "verify", "--checkpoint", file.toString(), "--db-url", url)).isEqualTo(3);
        assertThat(err.toString().strip()).contains("BROKEN").contains("the checkpoint").doesNotContain("\n");
        // and a file that is not a checkpoint is named as such
        java.nio.file.Files.writeString(file, "{\"sequence\": 2}");
        assertThat(peel("", "audit", "verify", "--checkpoint", file.toString(), "--db-url", url)).isEqualTo(2);
        assertThat(err.toString()).contains(file.toString()).contains("'hash'");
    }

    @Test
    @DisplayName("a database that cannot be reached is one clear line, not a stack trace")
    void unreachable() {
        int code = peel("", "migrate", "--db-url", "postgresql://nobody@127.0.0.1:1/none");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("Cannot connect to PostgreSQL").doesNotContain("\tat ");
    }
}
