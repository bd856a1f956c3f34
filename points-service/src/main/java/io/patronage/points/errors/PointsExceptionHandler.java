package io.patronage.points.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.patronage.kit.http.Problem;
import jakarta.inject.Singleton;

import java.util.List;

/** The service's one mapping of its refusals to problem+json: status and problem type per kind of refusal. */
@Singleton
class PointsExceptionHandler implements ExceptionHandler<PointsException, HttpResponse<Problem>> {

    private static final String TYPES = "urn:patronage:problem:";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, PointsException exception) {
        HttpStatus status;
        String type;
        if (exception instanceof PointsException.NotFound) {
            status = HttpStatus.NOT_FOUND;
            type = "not-found";
        } else if (exception instanceof PointsException.InvalidRequest) {
            status = HttpStatus.BAD_REQUEST;
            type = "invalid-request";
        } else if (exception instanceof PointsException.AccountFrozen) {
            status = HttpStatus.CONFLICT;
            type = "account-frozen";
        } else if (exception instanceof PointsException.AdjustmentRefused) {
            status = HttpStatus.CONFLICT;
            type = "adjustment-refused";
        } else if (exception instanceof PointsException.RedemptionRejected) {
            status = HttpStatus.CONFLICT;
            type = "redemption-rejected";
        } else if (exception instanceof PointsException.PointsUnitFixed) {
            status = HttpStatus.UNPROCESSABLE_ENTITY;
            type = "points-unit-fixed";
        } else if (exception instanceof PointsException.WrongCurrency) {
            status = HttpStatus.UNPROCESSABLE_ENTITY;
            type = "wrong-currency";
        } else if (exception instanceof PointsException.RetroactiveProgram) {
            status = HttpStatus.UNPROCESSABLE_ENTITY;
            type = "retroactive-program";
        } else if (exception instanceof PointsException.VersionExists) {
            status = HttpStatus.CONFLICT;
            type = "version-exists";
        } else { // Overflow, the last kind
            status = HttpStatus.UNPROCESSABLE_ENTITY;
            type = "points-overflow";
        }
        Problem problem = new Problem(TYPES + type, status.getReason(), status.getCode(), exception.getMessage(),
                request.getPath(), List.of());
        return HttpResponse.<Problem>status(status).contentType(MediaType.of(Problem.CONTENT_TYPE)).body(problem);
    }
}
