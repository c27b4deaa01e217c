package dev.cohort.server.api;

import dev.cohort.runtime.store.AccessRepository;
import dev.cohort.server.auth.ApiTokens;
import dev.cohort.server.auth.Role;
import dev.cohort.server.auth.Users;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Administrators manage who may use the API: API tokens and users. Secrets are write-only. */
public final class AccessApi {
    private final AccessRepository access;
    private final ApiTokens tokens;
    private final Users users;
    private final Clock clock;

    public AccessApi(AccessRepository access, Clock clock) {
        this.access = access;
        this.tokens = new ApiTokens(access, clock);
        this.users = new Users(access, clock);
        this.clock = clock;
    }

    public record TokenView(String name, String role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenView of(AccessRepository.ApiToken t) {
            return new TokenView(t.name(), t.role(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
        }
    }

    /** The answer to creating a token: the only time its value is shown. */
    public record CreatedToken(String name, String role, String token) {}

    public record TokenRequest(String name, String role) {}

    public record UserView(String name, String role, Instant createdAt, Instant updatedAt) {
        static UserView of(AccessRepository.User u) {
            return new UserView(u.name(), u.role(), u.createdAt(), u.updatedAt());
        }
    }

    public record UserRequest(String name, String role, String password) {
        @Override
        public String toString() {
            return "UserRequest[" + name + ", " + role + "]";
        }
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(new Route(HandlerType.GET, CohortApi.BASE + "/tokens", Role.ADMINISTRATOR, "List API tokens (never their values)",
                null, CohortApi.page(TokenView.class), 200, List.of(),
                ctx -> new Views.Page<>(access.tokens().stream().map(TokenView::of).toList(), null)));
        routes.add(new Route(HandlerType.POST, CohortApi.BASE + "/tokens", Role.ADMINISTRATOR,
                "Create an API token; its value is in this answer only", TokenRequest.class, CreatedToken.class, 201, List.of(),
                this::createToken));
        routes.add(new Route(HandlerType.DELETE, CohortApi.BASE + "/tokens/{name}", Role.ADMINISTRATOR,
                "Revoke an API token: it stops working at once", null, null, 204, List.of(), ctx -> {
                    if (!access.revokeToken(ctx.pathParam("name"), clock.instant())) {
                        throw ApiError.notFound("there is no active token named '" + ctx.pathParam("name") + "'");
                    }
                    return null;
                }));
        routes.add(new Route(HandlerType.GET, CohortApi.BASE + "/users", Role.ADMINISTRATOR, "List users", null,
                CohortApi.page(UserView.class), 200, List.of(),
                ctx -> new Views.Page<>(access.users().stream().map(UserView::of).toList(), null)));
        routes.add(new Route(HandlerType.POST, CohortApi.BASE + "/users", Role.ADMINISTRATOR,
                "Create a user with a password (at least 12 characters)", UserRequest.class, UserView.class, 201, List.of(),
                this::createUser));
        routes.add(new Route(HandlerType.PUT, CohortApi.BASE + "/users/{name}", Role.ADMINISTRATOR,
                "Change a user's role and password", UserRequest.class, UserView.class, 200, List.of(), this::updateUser));
        routes.add(new Route(HandlerType.DELETE, CohortApi.BASE + "/users/{name}", Role.ADMINISTRATOR, "Delete a user",
                null, null, 204, List.of(), ctx -> {
                    if (!access.deleteUser(ctx.pathParam("name"))) {
                        throw ApiError.notFound("there is no user named '" + ctx.pathParam("name") + "'");
                    }
                    return null;
                }));
        return routes;
    }

    private CreatedToken createToken(Context ctx) {
        TokenRequest request = Json.read(ctx.body(), TokenRequest.class);
        List<ApiError.Problem> problems = new ArrayList<>();
        requireName(request.name(), problems);
        Role role = role(request.role(), problems);
        if (!problems.isEmpty()) {
            throw new ApiError(400, problems);
        }
        ApiTokens.Created created = tokens.create(request.name(), role);
        return new CreatedToken(created.record().name(), created.record().role(), created.token());
    }

    private UserView createUser(Context ctx) {
        UserRequest request = Json.read(ctx.body(), UserRequest.class);
        List<ApiError.Problem> problems = new ArrayList<>();
        requireName(request.name(), problems);
        Role role = role(request.role(), problems);
        password(request.password(), problems);
        if (!problems.isEmpty()) {
            throw new ApiError(400, problems);
        }
        return UserView.of(users.create(request.name(), role, request.password()));
    }

    private UserView updateUser(Context ctx) {
        UserRequest request = Json.read(ctx.body(), UserRequest.class);
        String name = ctx.pathParam("name");
        List<ApiError.Problem> problems = new ArrayList<>();
        if (request.name() != null && !request.name().equals(name)) {
            problems.add(new ApiError.Problem("NAME_MISMATCH", "the body's name '" + request.name() + "' is not the path's '"
                    + name + "': a user cannot be renamed; leave 'name' out", "name"));
        }
        Role role = role(request.role(), problems);
        password(request.password(), problems);
        if (!problems.isEmpty()) {
            throw new ApiError(400, problems);
        }
        if (!users.update(name, role, request.password())) {
            throw ApiError.notFound("there is no user named '" + name + "'");
        }
        return UserView.of(access.findUser(name).orElseThrow());
    }

    private static void requireName(String name, List<ApiError.Problem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new ApiError.Problem("REQUIRED", "'name' is required", "name"));
        } else if (!name.matches("[A-Za-z0-9_.@-]{1,63}")) {
            problems.add(new ApiError.Problem("BAD_NAME", "'name' may hold letters, digits and _ . @ - (at most 63)", "name"));
        }
    }

    private static Role role(String role, List<ApiError.Problem> problems) {
        if (role == null) {
            problems.add(new ApiError.Problem("REQUIRED", "'role' is required: one of " + roles(), "role"));
            return Role.USER;
        }
        return Role.parse(role).orElseGet(() -> {
            problems.add(new ApiError.Problem("BAD_ROLE", "'role' must be one of " + roles() + ", not '" + role + "'", "role"));
            return Role.USER;
        });
    }

    private static void password(String password, List<ApiError.Problem> problems) {
        if (password == null) {
            problems.add(new ApiError.Problem("REQUIRED", "'password' is required", "password"));
        } else {
            dev.cohort.server.auth.Passwords.weakness(password).ifPresent(why ->
                    problems.add(new ApiError.Problem("WEAK_PASSWORD", why, "password")));
        }
    }

    private static String roles() {
        return String.join(", ", Arrays.stream(Role.values()).map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
