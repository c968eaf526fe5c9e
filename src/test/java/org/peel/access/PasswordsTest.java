package org.peel.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Passwords are Argon2id hashes, and weak ones are refused")
class PasswordsTest {

    @Test
    @DisplayName("a hash is Argon2id, salted, and matches only its own password")
    void hashes() {
        String h1 = Passwords.hash("correct horse battery");
        String h2 = Passwords.hash("correct horse battery");
        assertThat(h1).startsWith("$argon2id$");
        assertThat(h1).isNotEqualTo(h2);
        assertThat(Passwords.matches("correct horse battery", h1)).isTrue();
        assertThat(Passwords.matches("correct horse batterx", h1)).isFalse();
        assertThat(Passwords.matches("anything", null)).isFalse();
    }

    @Test
    @DisplayName("short and repetitive passwords are refused with a reason")
    void weak() {
        assertThat(Passwords.weakness("short")).contains("12 characters");
        assertThat(Passwords.weakness("aaaaaaaaaaaaaaaa")).contains("repeated");
        assertThat(Passwords.weakness("a sensible passphrase")).isNull();
        assertThat(Passwords.weakness(Passwords.generate())).isNull();
    }
}
