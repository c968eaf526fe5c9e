package org.peel.access;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peel.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Records are never lost: a change keeps the previous version, and a delete is refused")
class RecordHistoryTest {

    @Test
    @DisplayName("changing a user keeps the version before the change, and deleting one is refused")
    void versionsAndNoDelete() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        Jdbi jdbi = db.jdbi();
        AccessStore store = new AccessStore(jdbi);
        User user = jdbi.inTransaction(h -> store.createUser(h, "pc.history", "PC History", Role.RESPONSE_OFFICER,
                "E09000033", Passwords.hash("a sensible passphrase"), "test"));

        jdbi.useHandle(h -> h.execute("update app_user set borough_code = 'E09000007' where id = ?", user.id()));

        String previousBorough = jdbi.withHandle(h -> h.createQuery("""
                        select previous ->> 'borough_code' from record_history
                        where table_name = 'app_user' and record_id = :id""")
                .bind("id", String.valueOf(user.id())).mapTo(String.class).one());
        assertThat(previousBorough).isEqualTo("E09000033");
        assertThat(store.findUser("pc.history").orElseThrow().boroughCode()).isEqualTo("E09000007");

        // the application's role may not delete at all; the trigger refuses even the schema's owner
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from app_user where id = ?", user.id())))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.ownerJdbi().useHandle(h -> h.execute("delete from app_user where id = ?", user.id())))
                .hasMessageContaining("does not delete app_user records");
        assertThat(store.findUser("pc.history")).isPresent();
    }
}
