package org.peel.access;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Users, their sign-in state, sessions and API tokens. */
public final class AccessStore {

    /** After this many failed sign-ins in a row an account is locked for {@link #LOCK_FOR}. */
    public static final int LOCK_AFTER = 5;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);
    public static final Duration SESSION_IDLE = Duration.ofHours(2);
    public static final Duration SESSION_LONGEST = Duration.ofHours(12);

    private static final RowMapper<User> USER = (rs, ctx) -> new User(rs.getLong("id"), rs.getString("username"),
            rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("borough_code"));

    private final Jdbi jdbi;

    public AccessStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public User createUser(Handle h, String username, String displayName, Role role, String boroughCode,
                           String passwordHash, String createdBy) {
        return h.createUpdate("""
                        insert into app_user (username, display_name, role, borough_code, password_hash, created_by)
                        values (:username, :displayName, :role, :borough, :hash, :createdBy)""")
                .bind("username", username).bind("displayName", displayName).bind("role", role.name())
                .bind("borough", boroughCode).bind("hash", passwordHash).bind("createdBy", createdBy)
                .executeAndReturnGeneratedKeys().map(USER).one();
    }

    public Optional<User> findUser(String username) {
        return jdbi.withHandle(h -> h.createQuery("select * from app_user where username = :u and disabled_at is null")
                .bind("u", username).map(USER).findOne());
    }

    public boolean usernameTaken(Handle h, String username) {
        return h.createQuery("select count(*) from app_user where username = :u").bind("u", username)
                .mapTo(Integer.class).one() > 0;
    }

    public boolean boroughExists(Handle h, String code) {
        return h.createQuery("select count(*) from borough where code = :c").bind("c", code)
                .mapTo(Integer.class).one() > 0;
    }

    public List<User> listUsers() {
        return jdbi.withHandle(h -> h.createQuery("select * from app_user where disabled_at is null order by username")
                .map(USER).list());
    }

    /** A user as the administrator's list shows them: with when they were disabled and until when they are locked. */
    public record UserStatus(User user, Instant disabledAt, Instant lockedUntil) {
        public boolean disabled() {
            return disabledAt != null;
        }

        public boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private static final RowMapper<UserStatus> STATUS = (rs, ctx) -> {
        OffsetDateTime disabled = rs.getObject("disabled_at", OffsetDateTime.class);
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new UserStatus(USER.map(rs, ctx), disabled == null ? null : disabled.toInstant(),
                locked == null ? null : locked.toInstant());
    };

    /** Every user, disabled ones included, by username. */
    public List<UserStatus> allUsers() {
        return jdbi.withHandle(h -> h.createQuery("select * from app_user order by disabled_at is not null, username")
                .map(STATUS).list());
    }

    /** A user by id, disabled or not, locked for update until the transaction ends. */
    public Optional<UserStatus> userForUpdate(Handle h, long id) {
        return h.createQuery("select * from app_user where id = :id for update").bind("id", id).map(STATUS).findOne();
    }

    public Optional<UserStatus> userStatus(long id) {
        return jdbi.withHandle(h -> h.createQuery("select * from app_user where id = :id").bind("id", id).map(STATUS).findOne());
    }

    /** Changes a user's name, role and borough. */
    public void updateUser(Handle h, long id, String displayName, Role role, String boroughCode) {
        h.createUpdate("update app_user set display_name = :name, role = :role, borough_code = :borough where id = :id")
                .bind("name", displayName).bind("role", role.name()).bind("borough", boroughCode).bind("id", id).execute();
    }

    /** Disables (at {@code now}) or enables again (null) a user; disabling ends their sessions and tokens. */
    public void setDisabled(Handle h, long id, Instant now, boolean disabled) {
        h.createUpdate("update app_user set disabled_at = :at where id = :id")
                .bind("at", disabled ? utc(now) : null).bind("id", id).execute();
        if (disabled) {
            endSessionsOf(h, id, now);
            h.createUpdate("update api_token set revoked_at = :now where user_id = :id and revoked_at is null")
                    .bind("now", utc(now)).bind("id", id).execute();
        }
    }

    /** Lifts a lock and forgets the failed attempts. */
    public void unlock(Handle h, long id) {
        h.createUpdate("update app_user set failed_attempts = 0, locked_until = null where id = :id").bind("id", id).execute();
    }

    /** Sets a new password hash, lifts any lock, and ends the user's sessions (they sign in again with it). */
    public void setPassword(Handle h, long id, String hash, Instant now) {
        h.createUpdate("update app_user set password_hash = :hash, failed_attempts = 0, locked_until = null where id = :id")
                .bind("hash", hash).bind("id", id).execute();
        endSessionsOf(h, id, now);
    }

    private static void endSessionsOf(Handle h, long id, Instant now) {
        h.createUpdate("update user_session set ended_at = :now where user_id = :id and ended_at is null")
                .bind("now", utc(now)).bind("id", id).execute();
    }

    /** Administrators still enabled, other than {@code exceptId}. */
    public int otherAdministrators(Handle h, long exceptId) {
        return h.createQuery("select count(*) from app_user where role = 'ADMINISTRATOR' and disabled_at is null and id <> :id")
                .bind("id", exceptId).mapTo(Integer.class).one();
    }

    public int countAdministrators() {
        return jdbi.withHandle(h -> h.createQuery(
                "select count(*) from app_user where role = 'ADMINISTRATOR' and disabled_at is null")
                .mapTo(Integer.class).one());
    }

    /** What a sign-in attempt found: the user, whether the password matched, whether the account is locked. */
    public record SignInCheck(User user, boolean passwordMatches, Instant lockedUntil) {
        public boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public Optional<SignInCheck> checkPassword(String username, String password) {
        Optional<SignInCheck> found = jdbi.withHandle(h -> h.createQuery(
                        "select * from app_user where username = :u and disabled_at is null")
                .bind("u", username)
                .map((rs, ctx) -> {
                    OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
                    return new SignInCheck(USER.map(rs, ctx), Passwords.matches(password, rs.getString("password_hash")),
                            locked == null ? null : locked.toInstant());
                }).findOne());
        if (found.isEmpty()) {
            // the same Argon2id work as for a real account, so the answer's timing does not reveal who exists
            Passwords.matchesNothing(password);
        }
        return found;
    }

    /** Counts a failed attempt; returns true when this attempt locked the account. */
    public boolean recordFailure(long userId, Instant now) {
        return jdbi.inTransaction(h -> {
            int failures = h.createQuery("""
                            update app_user set failed_attempts = failed_attempts + 1
                            where id = :id returning failed_attempts""")
                    .bind("id", userId).mapTo(Integer.class).one();
            if (failures >= LOCK_AFTER) {
                h.createUpdate("update app_user set locked_until = :until, failed_attempts = 0 where id = :id")
                        .bind("until", utc(now.plus(LOCK_FOR))).bind("id", userId).execute();
                return true;
            }
            return false;
        });
    }

    public void clearFailures(long userId) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update app_user set failed_attempts = 0, locked_until = null
                        where id = :id and (failed_attempts <> 0 or locked_until is not null)""")
                .bind("id", userId).execute());
    }

    public List<User> lockedUsers(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("select * from app_user where locked_until > :now order by username")
                .bind("now", utc(now)).map(USER).list());
    }

    /** A signed-in session: the user and the CSRF token every form of that session must carry. */
    public record Session(User user, String csrfToken) {
    }

    public String startSession(long userId, String clientAddress, Instant now) {
        String id = Passwords.secret();
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into user_session (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, client_address)
                        values (:id, :user, :csrf, :now, :now, :expires, :addr)""")
                .bind("id", Passwords.sha256(id)).bind("user", userId).bind("csrf", Passwords.secret())
                .bind("now", utc(now)).bind("expires", utc(now.plus(SESSION_LONGEST))).bind("addr", clientAddress)
                .execute());
        return id;
    }

    /** Finds a live session, sliding its idle timeout forward. */
    public Optional<Session> findSession(String sessionId, Instant now) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        update user_session s set last_seen_at = :now
                        from app_user u
                        where s.id_hash = :id and u.id = s.user_id and s.ended_at is null and u.disabled_at is null
                          and s.expires_at > :now and s.last_seen_at > :idleCutoff
                        returning u.*, s.csrf_token""")
                .bind("id", Passwords.sha256(sessionId)).bind("now", utc(now))
                .bind("idleCutoff", utc(now.minus(SESSION_IDLE)))
                .map((rs, ctx) -> new Session(USER.map(rs, ctx), rs.getString("csrf_token"))).findOne());
    }

    public void endSession(String sessionId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("update user_session set ended_at = :now where id_hash = :id and ended_at is null")
                .bind("now", utc(now)).bind("id", Passwords.sha256(sessionId)).execute());
    }

    /** Issues a bearer token; only its hash is kept, so the returned text is shown once. */
    public String createToken(Handle h, long userId, String label) {
        String token = "peel_" + Passwords.secret();
        h.createUpdate("insert into api_token (user_id, token_hash, label) values (:u, :h, :l)")
                .bind("u", userId).bind("h", Passwords.sha256(token)).bind("l", label).execute();
        return token;
    }

    public Optional<User> userForToken(String token, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        update api_token t set last_used_at = :now
                        from app_user u
                        where t.token_hash = :h and t.revoked_at is null and u.id = t.user_id and u.disabled_at is null
                        returning u.*""")
                .bind("h", Passwords.sha256(token)).bind("now", utc(now)).map(USER).findOne());
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
