package io.patronage.kit;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.kit.http.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** Test controller exercising the kit's problem+json rendering. */
@Controller("/samples")
@NonBlocking
@Secured(SecurityRule.IS_AUTHENTICATED)
class SampleController {

    @Introspected
    record Sample(@NotBlank String name, @Email String email) {
    }

    @Post
    HttpStatus create(@Valid @Body Sample sample) {
        return HttpStatus.CREATED;
    }

    /** A text body, decoded with the charset the request names. */
    @Post("/notes")
    HttpStatus note(@Body String text) {
        return HttpStatus.NO_CONTENT;
    }

    /** A typed query value, for the rendering of one that does not convert. */
    @Get("/pages")
    int page(@QueryValue int number) {
        return number;
    }

    @Get("/{id}")
    Sample find(@PathVariable String id) {
        throw ProblemException.notFound("sample", id);
    }
}
