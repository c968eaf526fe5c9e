package org.peel.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peel.access.AccessStore;
import org.peel.access.AuditTrail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A killed server loses no committed data, and its data directory starts again cleanly")
class CrashRecoveryTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @DisplayName("SIGKILL of peel serve in the middle of audited writes: every acknowledged write and its audit entry are there after restart, sealed into an intact chain")
    void sigkillDuringWrites(@TempDir Path dataDir) throws Exception {
        String dir = dataDir.toString();
        cli("a sensible passphrase\n", "user", "add", "--username", "admin", "--role", "administrator", "--data-dir", dir);
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(
                cli("", "token", "create", "--username", "admin", "--data-dir", dir, "--format", "json"));
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        int port = freePort();
        Process server = serve(dir, port, dataDir.resolve("serve-1.log"));
        List<String> acknowledged = new ArrayList<>();
        try {
            awaitHealthy(port);
            for (int i = 0; i < 400 && acknowledged.size() < 25; i++) {
                String username = "pc.crash" + i;
                if (createUser(port, token, username) == 201) {
                    acknowledged.add(username);
                }
            }
            // writes are still arriving when the process dies: one more in flight
            Thread inFlight = new Thread(() -> {
                try {
                    createUser(port, token, "pc.inflight");
                } catch (Exception ignored) {
                    // the server is being killed
                }
            });
            inFlight.start();
            server.destroyForcibly(); // SIGKILL: no shutdown hook runs, the embedded postmaster is orphaned
            server.waitFor();
            inFlight.join(10_000);
        } finally {
            server.destroyForcibly();
        }
        assertThat(acknowledged).hasSize(25);

        try (Database again = Database.open(new DatabaseLocation.Embedded(dataDir)).migrate()) {
            AccessStore store = new AccessStore(again.jdbi());
            for (String username : acknowledged) {
                assertThat(store.findUser(username)).as(username).isPresent();
                // every acknowledged write has its audit entry, and starting again sealed the ones the crash left
                long id = store.findUser(username).orElseThrow().id();
                long sealedEntries = again.jdbi().withHandle(h -> h.createQuery("""
                                select count(*) from audit_event e join audit_seal s on s.event_id = e.id
                                where e.action = 'user-create' and e.record_id = :id""")
                        .bind("id", String.valueOf(id)).mapTo(Long.class).one());
                assertThat(sealedEntries).as("sealed audit entry of " + username).isEqualTo(1);
            }
            AuditTrail.Verification v = new AuditTrail(again.jdbi()).verify();
            assertThat(v.intact()).as(v.problem()).isTrue();
            assertThat(v.unsealedEntries()).isZero();
            long entries = again.jdbi().withHandle(h -> h.createQuery("select count(*) from audit_event")
                    .mapTo(Long.class).one());
            assertThat(v.entriesChecked()).isEqualTo(entries);
        }

        Process restarted = serve(dir, port, dataDir.resolve("serve-2.log"));
        try {
            awaitHealthy(port);
            assertThat(createUser(port, token, "pc.after")).isEqualTo(201);
        } finally {
            restarted.destroy(); // SIGTERM: clean shutdown
            restarted.waitFor();
        }
    }

    private int createUser(int port, String token, String username) throws IOException, InterruptedException {
        String body = "{\"username\":\"" + username + "\",\"name\":\"PC Crash\",\"role\":\"response-officer\","
                + "\"borough\":\"E09000033\",\"password\":\"a sensible passphrase\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Process serve(String dir, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PeelCommand.class.getName(),
                "serve", "--data-dir", dir, "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitHealthy(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("peel serve did not become healthy on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String cli(String stdin, String... args) {
        PrintStream oldOut = System.out;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = PeelCommand.execute(args);
            assertThat(code).as("peel " + String.join(" ", args)).isZero();
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(oldOut);
            System.setIn(oldIn);
        }
    }
}
