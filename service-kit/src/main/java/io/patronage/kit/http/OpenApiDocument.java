package io.patronage.kit.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * {@code GET /openapi}: the service's OpenAPI document, {@code META-INF/swagger/<application name>.yml}, which
 * micronaut-openapi writes at compile time (root pom, profile "openapi"). 404 in an application without one.
 * The Swagger UI generated with it is served as static resources, see the services' application.yml.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class OpenApiDocument {

    static final MediaType YAML = MediaType.of("application/yaml");

    private final Optional<String> document;

    OpenApiDocument(ResourceResolver resources, @Value("${micronaut.application.name}") String application) {
        this.document = resources.getResourceAsStream("classpath:META-INF/swagger/" + application + ".yml")
                .map(OpenApiDocument::read);
    }

    @Get(value = "/openapi", produces = "application/yaml")
    @NonBlocking
    HttpResponse<String> openApi() {
        return document.<HttpResponse<String>>map(yaml -> HttpResponse.ok(yaml).contentType(YAML))
                .orElseGet(HttpResponse::notFound);
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
