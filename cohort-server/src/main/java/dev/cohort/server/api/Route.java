package dev.cohort.server.api;

import dev.cohort.server.auth.Role;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/**
 * One API route, declared once: what the route table, the role check and the OpenAPI document are all
 * made from, so they cannot disagree.
 *
 * @param role     the least role it needs; null for a public route (health, the OpenAPI document)
 * @param request  the JSON body it reads, or null
 * @param response the JSON it answers with (a class or a parameterised type), or null for no body
 * @param status   the status of a success
 * @param query    the query parameters it reads
 */
public record Route(HandlerType method, String path, Role role, String summary, Class<?> request, Type response,
                    int status, List<QueryParameter> query, Action action) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(action, "action");
        query = query == null ? List.of() : List.copyOf(query);
    }

    /** What a route does: returns the answer's body (or null), or throws an {@link ApiError}. */
    @FunctionalInterface
    public interface Action {
        Object handle(Context context) throws Exception;
    }

    /** A query parameter, for the OpenAPI document. */
    public record QueryParameter(String name, String type, String description) {}

    public boolean isPublic() {
        return role == null;
    }

    /** The path parameters, in order: {@code {name}} segments. */
    public List<String> pathParameters() {
        return java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path).results().map(m -> m.group(1)).toList();
    }
}
