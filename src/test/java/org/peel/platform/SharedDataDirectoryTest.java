package org.peel.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.peel.access.AccessStore;
import org.peel.access.Passwords;
import org.peel.access.Role;
import org.peel.testing.StandardStreams;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A second Peel on a data directory whose server is running uses that server and never stops it")
class SharedDataDirectoryTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    @DisplayName("a second database and a CLI command on the running directory see its data; closing them leaves it running")
    void attachesToTheRunningServer(@TempDir Path dataDir) throws IOException {
        // given Peel running on a data directory, holding one user
        try (Database first = Database.open(new DatabaseLocation.Embedded(dataDir)).migrate()) {
            AccessStore store = new AccessStore(first.jdbi());
            first.jdbi().useTransaction(h -> store.createUser(h, "svc", "Service", Role.PERFORMANCE_ANALYST, null,
                    Passwords.hash("a sensible passphrase"), "test"));
            assertThat(Files.readString(dataDir.resolve(EmbeddedServer.RECORD)))
                    .contains("pid=" + ProcessHandle.current().pid());

            // when a second Peel opens the same directory
            long started = System.nanoTime();
            try (Database second = Database.open(new DatabaseLocation.Embedded(dataDir)).migrate()) {
                // then it works at once against the same data, as the application's role
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
                assertThat(new AccessStore(second.jdbi()).findUser("svc")).isPresent();
                String user = second.jdbi().withHandle(h -> h.createQuery("select current_user")
                        .mapTo(String.class).one());
                assertThat(user).isEqualTo(AppRole.fromEnvironment().name());
            }
            // and closing it leaves the first running
            assertThat(first.isReachable()).isTrue();

            // the README's next step after the demo: a token for the user, with the demo's --data-dir
            assertThat(peel("", "token", "create", "--username", "svc", "--data-dir", dataDir.toString())).isZero();
            assertThat(streams.out().toString()).containsPattern("peel_[A-Za-z0-9_-]{43}");
            assertThat(first.isReachable()).isTrue();
            assertThat(store.findUser("svc")).isPresent();
        }
        assertThat(dataDir.resolve(EmbeddedServer.RECORD)).doesNotExist();
    }

    @Test
    @DisplayName("a record left by a Peel that died does not stop the next one from starting its own server")
    void deadOwnerIsNoOwner(@TempDir Path dataDir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dataDir.resolve(EmbeddedServer.RECORD), "pid=" + gone.pid() + "\nstarted=1\nport=1\n");

        try (Database database = Database.open(new DatabaseLocation.Embedded(dataDir)).migrate()) {
            assertThat(database.isReachable()).isTrue();
            assertThat(Files.readString(dataDir.resolve(EmbeddedServer.RECORD)))
                    .contains("pid=" + ProcessHandle.current().pid());
        }
    }

    @Test
    @DisplayName("a running Peel whose PostgreSQL does not answer is refused in one clear line")
    void unreachableOwnerRefused(@TempDir Path dataDir) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ProcessHandle self = ProcessHandle.current();
        new EmbeddedServer.Owner(self.pid(), self.info().startInstant().orElseThrow().toEpochMilli(), closedPort)
                .write(dataDir.resolve(EmbeddedServer.RECORD));

        assertThatThrownBy(() -> Database.open(new DatabaseLocation.Embedded(dataDir)))
                .isInstanceOf(PeelException.class)
                .hasMessageContaining("is running the database in").hasMessageContaining("port " + closedPort)
                .hasMessageNotContaining("\n");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    private static int peel(String stdin, String... args) {
        InputStream oldIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return PeelCommand.execute(args);
        } finally {
            System.setIn(oldIn);
        }
    }
}
