package io.patronage.rewards.catalog;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;

import java.net.URI;
import java.time.Clock;
import java.util.Currency;
import java.util.List;

/** A chain manages its own rewards: create or update (a new version each time), read, withdraw. */
@Controller("/chains/{chainId}/rewards")
@ExecuteOn(TaskExecutors.BLOCKING)
class CatalogController {

    private final Catalog catalog;
    private final ChainDirectory chains;
    private final Clock clock;

    CatalogController(Catalog catalog, ChainDirectory chains, Clock clock) {
        this.catalog = catalog;
        this.chains = chains;
        this.clock = clock;
    }

    /** 201 when created, 200 when updated (or unchanged); the body is the reward as stored, with its version. */
    @Put("/{rewardId}")
    HttpResponse<Reward> save(@PathVariable String chainId, @PathVariable String rewardId,
                              @Body RewardDefinition definition) {
        ChainConfigured chain = chains.require(chainId);
        List<Problem.FieldError> problems = RewardRules.problems(rewardId, definition,
                Currency.getInstance(chain.currency()));
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request",
                    "the reward definition is invalid: " + problems.get(0).field() + " " + problems.get(0).message(),
                    problems);
        }
        Catalog.Saved saved = catalog.save(chainId, rewardId, definition, clock.instant());
        return saved.created()
                ? HttpResponse.created(saved.reward(), URI.create("/chains/" + chainId + "/rewards/" + rewardId))
                : HttpResponse.ok(saved.reward());
    }

    /** The chain's own reward, or the configured one it offers, withdrawn or not. */
    @Get("/{rewardId}")
    Reward reward(@PathVariable String chainId, @PathVariable String rewardId) {
        chains.require(chainId);
        return catalog.current(chainId, rewardId).or(() -> catalog.current(null, rewardId))
                .orElseThrow(() -> ProblemException.notFound("reward", rewardId));
    }

    @Get("/{rewardId}/versions/{version}")
    Reward version(@PathVariable String chainId, @PathVariable String rewardId, @PathVariable long version) {
        chains.require(chainId);
        return catalog.version(chainId, rewardId, version).or(() -> catalog.version(null, rewardId, version))
                .orElseThrow(() -> ProblemException.notFound("version " + version + " of reward", rewardId));
    }

    /** Redemptions already requested go on; new ones are refused. */
    @Delete("/{rewardId}")
    Reward withdraw(@PathVariable String chainId, @PathVariable String rewardId) {
        chains.require(chainId);
        return catalog.withdraw(chainId, rewardId, clock.instant())
                .orElseThrow(() -> ProblemException.notFound("reward", rewardId));
    }
}
