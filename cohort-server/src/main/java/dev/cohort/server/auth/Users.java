package dev.cohort.server.auth;

import dev.cohort.runtime.store.AccessRepository;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.time.Clock;
import java.util.Optional;

/** People who sign in with a name and a password (the web UI; the API also takes them as HTTP Basic). */
public final class Users {
    public static final ErrorCode WEAK_PASSWORD = ErrorCode.user("WEAK_PASSWORD");
    /** Verified against when the user does not exist, so a wrong name takes as long as a wrong password. */
    private static final String DUMMY = Passwords.hash("not-a-real-password-at-all");

    private final AccessRepository access;
    private final Clock clock;
    private final VerifiedPasswords verified;

    public Users(AccessRepository access, Clock clock) {
        this.access = access;
        this.clock = clock;
        this.verified = new VerifiedPasswords(Passwords::verify, clock);
    }

    public AccessRepository.User create(String name, Role role, String password) {
        requireStrong(password);
        return access.createUser(name, role.name(), Passwords.hash(password), clock.instant());
    }

    /** Changes a user's role and password; false if there is no such user. */
    public boolean update(String name, Role role, String password) {
        requireStrong(password);
        return access.updateUser(name, role.name(), Passwords.hash(password), clock.instant());
    }

    /**
     * The user's role when {@code password} is theirs. The user is read afresh every time (a changed role or a removed
     * user counts at once); a password verified in the last minutes against the same stored hash is not put through
     * Argon2 again ({@link VerifiedPasswords}).
     */
    public Optional<ApiTokens.Authenticated> authenticate(String name, String password) {
        Optional<AccessRepository.User> user = access.findUser(name);
        if (user.isEmpty()) {
            Passwords.verify(password, DUMMY);
            return Optional.empty();
        }
        if (password == null || !verified.matches(name, password, user.get().passwordHash())) {
            return Optional.empty();
        }
        return Role.parse(user.get().role()).map(role -> new ApiTokens.Authenticated("user:" + name, role));
    }

    private static void requireStrong(String password) {
        Passwords.weakness(password).ifPresent(why -> {
            throw new CohortException(WEAK_PASSWORD, why);
        });
    }
}
