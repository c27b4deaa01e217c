package dev.cohort.server.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI 3.1 document of the API, made from the route table and the records the routes read and
 * answer with (never written by hand, so it cannot drift from the code).
 */
public final class OpenApiDocument {
    private final Map<String, Object> schemas = new TreeMap<>();

    private OpenApiDocument() {}

    public static Map<String, Object> of(List<Route> routes, String version) {
        return new OpenApiDocument().build(routes, version);
    }

    private Map<String, Object> build(List<Route> routes, String version) {
        Map<String, Object> paths = new TreeMap<>();
        for (Route route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
            item.put(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of("title", "Cohort API", "version", version,
                "description", "Workspaces' objects, runs and notifications. Authenticate with 'Authorization: Bearer"
                        + " <token>' (cohort token create). Errors: {\"errors\": [{\"code\", \"message\", \"field\"}]}."));
        document.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        schemas.put("Errors", schema(ApiError.Body.class));
        components.put("schemas", schemas);
        components.put("securitySchemes", Map.of("token", Map.of("type", "http", "scheme", "bearer")));
        document.put("components", components);
        return document;
    }

    private Map<String, Object> operation(Route route) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("summary", route.summary());
        operation.put("operationId", route.method().name().toLowerCase(Locale.ROOT) + route.path()
                .replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+(.)?", "_$1").replaceAll("_+$", ""));
        if (route.isPublic()) {
            operation.put("security", List.of());
        } else {
            operation.put("security", List.of(Map.of("token", List.of())));
            operation.put("x-cohort-role", route.role().name());
        }
        List<Object> parameters = new java.util.ArrayList<>();
        for (String name : route.pathParameters()) {
            parameters.add(Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        for (Route.QueryParameter query : route.query()) {
            parameters.add(Map.of("name", query.name(), "in", "query", "required", false, "description", query.description(),
                    "schema", Map.of("type", query.type())));
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        if (route.request() != null) {
            operation.put("requestBody", Map.of("required", true, "content",
                    Map.of("application/json", Map.of("schema", schema(route.request())))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> success = new LinkedHashMap<>();
        success.put("description", "success");
        if (route.response() != null) {
            success.put("content", Map.of(contentType(route), Map.of("schema", schema(route.response()))));
        }
        responses.put(String.valueOf(route.status()), success);
        Map<String, Object> error = Map.of("description", "the request was refused; every problem is listed",
                "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Errors"))));
        if (!route.isPublic()) {
            responses.put("401", error);
            responses.put("403", error);
        }
        responses.put("400", error);
        if (!route.pathParameters().isEmpty()) {
            responses.put("404", error);
        }
        operation.put("responses", responses);
        return operation;
    }

    private static String contentType(Route route) {
        return route.response() == String.class ? "text/plain" : "application/json";
    }

    private Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (raw == Views.Page.class) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("items", Map.of("type", "array", "items", schema(parameterized.getActualTypeArguments()[0])));
                properties.put("next", Map.of("type", "string", "description", "the cursor of the next page; null on the last"));
                return Map.of("type", "object", "properties", properties);
            }
            if (List.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(parameterized.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(parameterized.getActualTypeArguments()[1]));
            }
            return schema(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return Map.of("type", "string");
        }
        if (c == long.class || c == Long.class || c == int.class || c == Integer.class) {
            return Map.of("type", "integer", "format", c == int.class || c == Integer.class ? "int32" : "int64");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == double.class || c == Double.class) {
            return Map.of("type", "number");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum", java.util.Arrays.stream(c.getEnumConstants()).map(String::valueOf).toList());
        }
        if (JsonNode.class.isAssignableFrom(c) || c == Object.class || Map.class.isAssignableFrom(c)) {
            return Map.of("type", "object");
        }
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of());
                Map<String, Object> properties = new LinkedHashMap<>();
                for (RecordComponent component : c.getRecordComponents()) {
                    properties.put(snake(component.getName()), schema(component.getGenericType()));
                }
                schemas.put(name, Map.of("type", "object", "properties", properties));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "object");
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
