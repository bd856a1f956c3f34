package io.patronage.enrollment.enrolling;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;

import java.net.URI;

/** Enrollment, for the chain's sign-up channels and tills ({@code pos}) and its ops. */
@Controller("/members")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class EnrollmentController {

    private final EnrollmentValidator validator;
    private final Enrollments enrollments;

    EnrollmentController(EnrollmentValidator validator, Enrollments enrollments) {
        this.validator = validator;
        this.enrollments = enrollments;
    }

    @Post
    HttpResponse<EnrollmentResponse> enroll(Caller caller, @Body EnrollmentRequest request) {
        // without a chain id there is no chain to refuse: the validator answers 400
        if (request.chainId() != null && !request.chainId().isBlank()) {
            caller.requireChain(request.chainId(), Roles.POS, Roles.OPS);
        }
        EnrollmentResponse enrolled = enrollments.enroll(validator.validate(request));
        return HttpResponse.created(enrolled, URI.create("/members/" + enrolled.memberId()));
    }
}
