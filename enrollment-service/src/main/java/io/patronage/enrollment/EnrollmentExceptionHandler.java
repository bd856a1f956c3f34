package io.patronage.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.patronage.enrollment.member.MemberStateException;
import io.patronage.enrollment.refusal.EmailTakenException;
import io.patronage.enrollment.refusal.EnrollmentException;
import io.patronage.enrollment.refusal.EnrollmentNotAllowedException;
import io.patronage.enrollment.refusal.InvalidFieldsException;
import io.patronage.enrollment.refusal.InvalidReferralException;
import io.patronage.enrollment.refusal.MemberNotFoundException;
import io.patronage.enrollment.refusal.UnknownChainException;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;
import jakarta.inject.Singleton;

import java.util.Map;

/** Answers every refusal of the enrollment domain as problem+json, with its status and problem type. */
@Singleton
public class EnrollmentExceptionHandler implements ExceptionHandler<EnrollmentException, HttpResponse<Problem>> {

    private record Answer(HttpStatus status, String type) {
    }

    private static final Map<Class<? extends EnrollmentException>, Answer> ANSWERS = Map.of(
            InvalidFieldsException.class, new Answer(HttpStatus.BAD_REQUEST, "invalid-request"),
            UnknownChainException.class, new Answer(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-chain"),
            EnrollmentNotAllowedException.class, new Answer(HttpStatus.UNPROCESSABLE_ENTITY, "enrollment-not-allowed"),
            InvalidReferralException.class, new Answer(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-referral"),
            EmailTakenException.class, new Answer(HttpStatus.CONFLICT, "email-taken"),
            MemberStateException.class, new Answer(HttpStatus.CONFLICT, "member-state"),
            MemberNotFoundException.class, new Answer(HttpStatus.NOT_FOUND, "not-found"));

    /** The kit's, so that these answers look like every other problem the services give. */
    private final ExceptionHandler<ProblemException, HttpResponse<Problem>> problems;

    EnrollmentExceptionHandler(ExceptionHandler<ProblemException, HttpResponse<Problem>> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, EnrollmentException exception) {
        return problems.handle(request, toProblem(exception));
    }

    public static ProblemException toProblem(EnrollmentException exception) {
        Answer answer = ANSWERS.get(exception.getClass());
        if (answer == null) {
            throw new IllegalStateException("no problem type for " + exception.getClass().getName(), exception);
        }
        return new ProblemException(answer.status(), answer.type(), exception.getMessage(), exception.errors().stream()
                .map(error -> new Problem.FieldError(error.field(), error.message()))
                .toList());
    }
}
