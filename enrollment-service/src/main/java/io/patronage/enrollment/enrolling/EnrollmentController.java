package io.patronage.enrollment.enrolling;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;

@Controller("/members")
@ExecuteOn(TaskExecutors.BLOCKING)
class EnrollmentController {

    private final EnrollmentValidator validator;
    private final Enrollments enrollments;

    EnrollmentController(EnrollmentValidator validator, Enrollments enrollments) {
        this.validator = validator;
        this.enrollments = enrollments;
    }

    @Post
    HttpResponse<EnrollmentResponse> enroll(@Body EnrollmentRequest request) {
        EnrollmentResponse enrolled = enrollments.enroll(validator.validate(request));
        return HttpResponse.created(enrolled, URI.create("/members/" + enrolled.memberId()));
    }
}
