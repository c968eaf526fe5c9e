package org.peel.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The audit key is held outside the database")
class AuditKeyTest {

    private static final String HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    @DisplayName("PEEL_AUDIT_KEY comes first, even for an embedded database")
    void environmentFirst(@TempDir Path dataDir) {
        AuditKey key = AuditKey.resolve(Map.of("PEEL_AUDIT_KEY", HEX), dataDir);
        assertThat(key.id()).isEqualTo(AuditKey.parse(HEX, "test").id());
        assertThat(dataDir.resolve("audit.key")).doesNotExist();
    }

    @Test
    @DisplayName("an embedded database gets audit.key in its data directory: random, mode 600, and the same next time")
    void keyFileCreatedOnce(@TempDir Path dataDir) throws Exception {
        AuditKey first = AuditKey.resolve(Map.of(), dataDir);
        Path file = dataDir.resolve("audit.key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).matches("[0-9a-f]{64}");
        assertThat(AuditKey.resolve(Map.of(), dataDir).id()).isEqualTo(first.id());
        assertThat(AuditKey.resolve(Map.of(), dataDir.resolve("other")).id()).isNotEqualTo(first.id());
    }

    @Test
    @DisplayName("an external database without a key is refused in one line saying how to set one")
    void externalNeedsKey() {
        assertThatThrownBy(() -> AuditKey.resolve(Map.of(), null))
                .hasMessageContaining("PEEL_AUDIT_KEY").hasMessageContaining("PEEL_AUDIT_KEY_FILE")
                .hasMessageNotContaining("\n");
    }

    @Test
    @DisplayName("PEEL_AUDIT_KEY_FILE names a key file, which must exist")
    void keyFileFromEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("peel-audit.key");
        assertThatThrownBy(() -> AuditKey.resolve(Map.of("PEEL_AUDIT_KEY_FILE", file.toString()), null))
                .hasMessageContaining(file.toString()).hasMessageContaining("openssl rand -hex 32");
        Files.writeString(file, HEX + "\n");
        assertThat(AuditKey.resolve(Map.of("PEEL_AUDIT_KEY_FILE", file.toString()), null).id())
                .isEqualTo(AuditKey.parse(HEX, "test").id());
    }

    @Test
    @DisplayName("a short key is refused, and the key never shows in its text form")
    void shortKey() {
        assertThatThrownBy(() -> AuditKey.parse("secret", "PEEL_AUDIT_KEY")).hasMessageContaining("too short");
        assertThat(AuditKey.parse(HEX, "test").toString()).doesNotContain(HEX);
    }
}
