package io.patronage.analytics.views;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.Problem;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How every view of a chain is read over HTTP: for an analyst or ops of the chain (another chain's caller gets 403,
 * before learning whether the chain exists), from this instance's stores when it holds the chain, else from the
 * instance that does; while the topology restores or rebalances, the read waits.
 */
@Singleton
class ChainViewReads {

    /**
     * How long a read waits while the topology rebalances or restores (an instance left or died: its session times
     * out after 10 s) before answering 503.
     */
    private static final Duration READ_WAIT = Duration.ofSeconds(15);

    private final ChainDirectory chains;
    private final Forwarding forwarding;

    ChainViewReads(ChainDirectory chains, Forwarding forwarding) {
        this.chains = chains;
        this.forwarding = forwarding;
    }

    /**
     * @param store the store that decides which instance holds the chain's views
     * @param local the answer from this instance's stores, as JSON or CSV ({@link ViewAnswer})
     */
    HttpResponse<?> read(HttpRequest<?> request, Caller caller, String chainId, String store,
                         Function<ChainConfigured, Object> local) {
        if (chainId == null || chainId.isBlank()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request",
                    "the query parameter chainId is required",
                    List.of(new Problem.FieldError("chainId", "is required")));
        }
        caller.requireChain(chainId, Roles.ANALYST, Roles.OPS);
        ChainConfigured chain = chains.require(chainId);
        long deadline = System.nanoTime() + READ_WAIT.toNanos();
        while (true) {
            try {
                Optional<HttpResponse<?>> owners = forwarding.toOwner(request, store, chainId);
                return owners.isPresent() ? owners.get() : ViewAnswer.of(request, local.apply(chain));
            } catch (InvalidStateStoreException | Forwarding.OwnerUnavailable e) {
                if (System.nanoTime() > deadline) {
                    throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "views-not-ready",
                            e instanceof Forwarding.OwnerUnavailable ? e.getMessage()
                                    : "the analytics views are being restored or rebalanced; try again in a moment");
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "views-not-ready", "interrupted");
        }
    }
}
