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
import io.patronage.contracts.chains.ChainConfigured;

import java.net.URI;
import java.util.List;

/** The chain admin API: chains (tenants) created and changed at runtime, as {@code loyalty.chains.v1} has them. */
@Controller("/chains")
@ExecuteOn(TaskExecutors.BLOCKING)
class ChainController {

    private final ChainAdmin admin;

    ChainController(ChainAdmin admin) {
        this.admin = admin;
    }

    /** Creates the chain ({@code 201}) or replaces its configuration ({@code 200}); answers it as published. */
    @Put("/{chainId}")
    HttpResponse<ChainConfigured> put(@PathVariable String chainId, @Nullable @Body ChainRequest request) {
        ChainAdmin.Change change = admin.put(chainId, request);
        return change.created()
                ? HttpResponse.created(change.after(), URI.create("/chains/" + chainId))
                : HttpResponse.ok(change.after());
    }

    @Get
    ChainList list() {
        return new ChainList(admin.all());
    }

    @Get("/{chainId}")
    ChainConfigured get(@PathVariable String chainId) {
        return admin.get(chainId);
    }

    /** Every chain, by chain id. */
    record ChainList(List<ChainConfigured> chains) {
    }
}
