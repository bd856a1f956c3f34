package io.patronage.testsupport;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service's OpenAPI document must be, checked against the running service: {@code GET /openapi} answers
 * a valid OpenAPI 3 document (swagger-parser finds no problem) declaring the JWT bearer scheme, in which every
 * route the service's router serves is an operation (so no endpoint escapes the document, nor the tests that
 * are generated from it), and no operation takes a {@code caller}: who calls comes from the token, never from a
 * parameter or a body; and its Swagger UI is served with every script and style it loads from the service
 * itself (no CDN: it works on a machine without internet).
 */
public final class OpenApiContract {

    /** A route of the service's router: an HTTP method and a path template such as {@code /members/{id}/points}. */
    public record Route(String method, String path) {
    }

    /**
     * Not the service's API: the documentation itself, and Micronaut's management endpoints (health and prometheus
     * open; the others are sensitive, so refused, but routed).
     */
    private static final List<String> NOT_API = List.of("/openapi", "/swagger", "/swagger-ui", "/health", "/prometheus",
            "/beans", "/info", "/metrics", "/routes", "/threaddump", "/refresh", "/loggers", "/env", "/caches", "/stop");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");
    private static final Pattern UI_RESOURCE = Pattern.compile("contextPath \\+ ['\"](/[^'\"]+)['\"]");

    private OpenApiContract() {
    }

    /**
     * @param service the service, as its application name ({@code points-service})
     * @param routes  every route of the running service's router ({@code Router.uriRoutes()})
     * @return the parsed document, for further checks
     */
    public static OpenAPI assertDocumentsEveryRoute(HttpProbe http, String service, Collection<Route> routes) {
        HttpResponse<String> response = http.get("/openapi");
        assertEquals(200, response.statusCode(), "GET /openapi: " + response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/yaml"),
                "GET /openapi answers YAML: " + response.headers().map());
        OpenAPI document = parse(response.body());
        assertEquals(service, document.getInfo().getTitle());

        SecurityScheme bearer = document.getComponents().getSecuritySchemes().get("bearer");
        assertNotNull(bearer, "the document declares the bearer scheme");
        assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
        assertEquals("bearer", bearer.getScheme());
        assertEquals("JWT", bearer.getBearerFormat());

        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(operation(method.name(), path))));
        Set<String> served = new TreeSet<>();
        for (Route route : routes) {
            boolean api = NOT_API.stream().noneMatch(prefix -> route.path().equals(prefix)
                    || route.path().startsWith(prefix + "/"));
            // Micronaut answers HEAD wherever it answers GET: documented with the GET
            if (api && !route.method().equalsIgnoreCase("HEAD") && !route.method().equalsIgnoreCase("OPTIONS")) {
                served.add(operation(route.method(), route.path()));
            }
        }
        assertFalse(served.isEmpty(), service + " serves no API route: were the routes passed?");
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        assertEquals(Set.of(), undocumented, service + ": routes missing from the OpenAPI document");
        Set<String> unserved = new TreeSet<>(documented);
        unserved.removeAll(served);
        assertEquals(Set.of(), unserved, service + ": operations in the OpenAPI document that no route serves");
        assertEquals(Set.of(), takingACaller(document), service + ": operations documenting the token's caller "
                + "as a parameter (service-kit's Caller is a Principal, which micronaut-openapi leaves out)");
        return document;
    }

    /** The operations with a parameter, or a body property, named {@code caller}. */
    static Set<String> takingACaller(OpenAPI document) {
        Set<String> found = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean parameter = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> "caller".equalsIgnoreCase(p.getName()));
            boolean body = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().values().stream()
                    .anyMatch(media -> hasCallerProperty(document, media.getSchema()));
            if (parameter || body) {
                found.add(operation(method.name(), path));
            }
        }));
        return found;
    }

    private static boolean hasCallerProperty(OpenAPI document, Schema<?> schema) {
        if (schema != null && schema.get$ref() != null && document.getComponents() != null
                && document.getComponents().getSchemas() != null) {
            schema = document.getComponents().getSchemas().get(schema.get$ref().replace("#/components/schemas/", ""));
        }
        return schema != null && schema.getProperties() != null && schema.getProperties().keySet().stream()
                .anyMatch("caller"::equalsIgnoreCase);
    }

    /** The Swagger UI page and everything it loads come from the service; its document is the service's. */
    public static void assertServesSwaggerUiOffline(HttpProbe http, String service) {
        HttpResponse<String> page = http.get("/swagger-ui/index.html");
        assertEquals(200, page.statusCode(), "GET /swagger-ui/index.html");
        assertFalse(Pattern.compile("(src|href|url)\\s*[=:(]\\s*['\"]?https?://").matcher(page.body()).find(),
                "the Swagger UI loads nothing from another host");
        Matcher resource = UI_RESOURCE.matcher(page.body());
        Set<String> loaded = new TreeSet<>();
        while (resource.find()) {
            loaded.add(resource.group(1));
        }
        assertTrue(loaded.contains("/swagger-ui/res/swagger-ui-bundle.js"), "the page loads the bundled UI: " + loaded);
        assertTrue(loaded.contains("/swagger/" + service + ".yml"), "the page shows the service's document: " + loaded);
        for (String path : loaded) {
            HttpResponse<String> response = http.get(path);
            assertEquals(200, response.statusCode(), "GET " + path + " (loaded by the Swagger UI)");
            assertFalse(response.body().isEmpty(), "GET " + path);
        }
    }

    /** The document as swagger-parser reads it, failing with every problem it finds. */
    public static OpenAPI parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(),
                "the OpenAPI document is valid");
        assertNotNull(result.getOpenAPI(), "the OpenAPI document parses");
        return result.getOpenAPI();
    }

    /** {@code GET /members/{}/points}: a method and a path template with its variables' names left out. */
    static String operation(String method, String path) {
        String normalized = VARIABLE.matcher(path.replaceAll("\\{[?&][^}]*}", "")).replaceAll("{}");
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return method.toUpperCase(Locale.ROOT) + " " + normalized;
    }
}
