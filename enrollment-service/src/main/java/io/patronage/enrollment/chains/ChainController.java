package io.patronage.enrollment.chains;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;

import java.net.URI;
import java.util.List;

/**
 * The chain admin API: chains (tenants) created and changed at runtime, as {@code loyalty.chains.v1} has them.
 * Creating and changing a chain is for admins; reading one also for its ops and its sign-up channels ({@code pos}),
 * which show its policy (minimum age, required consents) on their forms.
 */
@Controller("/chains")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ChainController {

    private final ChainAdmin admin;

    ChainController(ChainAdmin admin) {
        this.admin = admin;
    }

    /** Creates the chain ({@code 201}) or replaces its configuration ({@code 200}); answers it as published. */
    @Put("/{chainId}")
    @Secured(Roles.ADMIN)
    HttpResponse<ChainConfigured> put(Caller caller, @PathVariable String chainId, @Nullable @Body ChainRequest request) {
        ChainAdmin.Change change = admin.put(caller, chainId, request);
        return change.created()
                ? HttpResponse.created(change.after(), URI.create("/chains/" + chainId))
                : HttpResponse.ok(change.after());
    }

    /** Every chain for an admin; the chains of the token for ops and pos. */
    @Get
    ChainList list(Caller caller) {
        if (caller.has(Roles.ADMIN)) {
            return new ChainList(admin.all());
        }
        caller.requireRole(Roles.OPS, Roles.POS);
        return new ChainList(admin.all().stream().filter(chain -> mayRead(caller, chain.chainId())).toList());
    }

    @Get("/{chainId}")
    ChainConfigured get(Caller caller, @PathVariable String chainId) {
        if (!mayRead(caller, chainId)) {
            caller.requireChain(chainId, Roles.OPS, Roles.POS);
        }
        return admin.get(chainId);
    }

    private static boolean mayRead(Caller caller, String chainId) {
        return caller.has(Roles.ADMIN) || caller.actsFor(chainId, Roles.OPS, Roles.POS);
    }

    /** Every chain, by chain id. */
    record ChainList(List<ChainConfigured> chains) {
    }
}
