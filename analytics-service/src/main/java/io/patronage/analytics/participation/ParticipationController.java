package io.patronage.analytics.participation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.patronage.contracts.analytics.ParticipationView;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;

import java.time.Instant;
import java.util.List;

@Controller("/analytics/participation")
class ParticipationController {

    private final ParticipationStore views;
    private final ChainDirectory chains;

    ParticipationController(ParticipationStore views, ChainDirectory chains) {
        this.views = views;
        this.chains = chains;
    }

    /**
     * A chain nothing was counted for yet gets zeros, computed now: no data is a valid answer, not a 404. A chain
     * that is not on loyalty.chains.v1 is a 404.
     */
    @Get
    ParticipationView participation(@Nullable @QueryValue String chainId) {
        if (chainId == null || chainId.isBlank()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request",
                    "the query parameter chainId is required",
                    List.of(new Problem.FieldError("chainId", "is required")));
        }
        chains.require(chainId);
        return views.stored(ViewKey.allTime(chainId)).view(Instant.now());
    }
}
