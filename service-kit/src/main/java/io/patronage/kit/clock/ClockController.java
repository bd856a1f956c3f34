package io.patronage.kit.clock;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.security.annotation.Secured;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code GET /admin/clock} and {@code POST /admin/clock {"advanceTo":"2027-03-01T00:00:00Z"}}: only with
 * {@code patronage.clock.simulated=true}; otherwise the route does not exist (404).
 */
@Controller("/admin/clock")
@Secured(Roles.ADMIN)
@Requires(property = ClockFactory.SIMULATED, value = "true")
class ClockController {

    private final Clock clock;
    private final ClockDriver driver;
    private final AuditTrail audit;

    ClockController(Clock clock, ClockDriver driver, AuditTrail audit) {
        this.clock = clock;
        this.driver = driver;
        this.audit = audit;
    }

    @Introspected
    record Advance(@Nullable String advanceTo) {
    }

    @Introspected
    record Now(Instant now, boolean simulated) {
    }

    @Introspected
    record Advanced(Instant from, Instant now, int steps) {
    }

    @Get
    @NonBlocking
    Now now() {
        return new Now(clock.instant(), true);
    }

    /** Moves the clock to {@code advanceTo}, running the due work on the way; answers when it has run. */
    @Post
    @ExecuteOn(TaskExecutors.BLOCKING)
    Advanced advance(Caller caller, @Body Advance request) {
        if (request.advanceTo() == null || request.advanceTo().isBlank()) {
            throw ProblemException.badRequest("advanceTo is required: an ISO-8601 instant such as 2027-03-01T00:00:00Z");
        }
        Instant target;
        try {
            target = Instant.parse(request.advanceTo());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("advanceTo must be an ISO-8601 instant such as 2027-03-01T00:00:00Z, not "
                    + request.advanceTo());
        }
        try {
            ClockDriver.Moved moved = driver.advanceTo(target);
            audit.record(caller, null, "clock.advanced", "clock", Map.of("from", moved.from(), "to", moved.now()));
            return new Advanced(moved.from(), moved.now(), moved.steps());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "clock-moves-forward", e.getMessage());
        }
    }
}
