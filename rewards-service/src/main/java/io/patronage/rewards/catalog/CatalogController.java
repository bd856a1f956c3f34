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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * A chain manages its own rewards: create or update (a new version each time), read, withdraw — ops of the chain
 * only (another chain's ops: 403); every change is audited.
 */
@Controller("/chains/{chainId}/rewards")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CatalogController {

    private final Catalog catalog;
    private final ChainDirectory chains;
    private final AuditTrail audit;
    private final Clock clock;

    CatalogController(Catalog catalog, ChainDirectory chains, AuditTrail audit, Clock clock) {
        this.catalog = catalog;
        this.chains = chains;
        this.audit = audit;
        this.clock = clock;
    }

    /** 201 when created, 200 when updated (or unchanged); the body is the reward as stored, with its version. */
    @Put("/{rewardId}")
    HttpResponse<Reward> save(Caller caller,
                              @PathVariable String chainId, @PathVariable String rewardId,
                              @Body RewardDefinition definition) {
        caller.requireChain(chainId, Roles.OPS);
        ChainConfigured chain = chains.require(chainId);
        List<Problem.FieldError> problems = RewardRules.problems(rewardId, definition,
                Currency.getInstance(chain.currency()));
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request",
                    "the reward definition is invalid: " + problems.get(0).field() + " " + problems.get(0).message(),
                    problems);
        }
        Catalog.Saved saved = catalog.save(chainId, rewardId, definition, clock.instant());
        if (saved.created() || saved.changed()) {
            audit.record(caller, chainId, "reward.updated", rewardId, Map.of("created", saved.created(),
                    "version", saved.reward().version(), "definition", definition));
        }
        return saved.created()
                ? HttpResponse.created(saved.reward(), URI.create("/chains/" + chainId + "/rewards/" + rewardId))
                : HttpResponse.ok(saved.reward());
    }

    /** The chain's own reward, or the configured one it offers, withdrawn or not. */
    @Get("/{rewardId}")
    Reward reward(Caller caller,
                  @PathVariable String chainId, @PathVariable String rewardId) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        return catalog.current(chainId, rewardId).or(() -> catalog.current(null, rewardId))
                .orElseThrow(() -> ProblemException.notFound("reward", rewardId));
    }

    @Get("/{rewardId}/versions/{version}")
    Reward version(Caller caller, @PathVariable String chainId, @PathVariable String rewardId,
                   @PathVariable long version) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        return catalog.version(chainId, rewardId, version).or(() -> catalog.version(null, rewardId, version))
                .orElseThrow(() -> ProblemException.notFound("version " + version + " of reward", rewardId));
    }

    /** Redemptions already requested go on; new ones are refused. */
    @Delete("/{rewardId}")
    Reward withdraw(Caller caller,
                    @PathVariable String chainId, @PathVariable String rewardId) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
        Catalog.Saved withdrawn = catalog.withdraw(chainId, rewardId, clock.instant())
                .orElseThrow(() -> ProblemException.notFound("reward", rewardId));
        if (withdrawn.changed()) {
            audit.record(caller, chainId, "reward.withdrawn", rewardId, Map.of("version", withdrawn.reward().version()));
        }
        return withdrawn.reward();
    }
}
