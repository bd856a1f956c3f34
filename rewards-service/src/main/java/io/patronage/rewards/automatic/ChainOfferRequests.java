package io.patronage.rewards.automatic;

import io.micronaut.http.HttpResponse;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.security.Caller;
import io.patronage.kit.security.Roles;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the welcome, win-back and birthday offer controllers share: only the chain's ops see and change its offer, a
 * change or a withdrawal is audited ({@code <kind>.updated}, {@code <kind>.withdrawn}), a chain without one is a 404.
 * {@code kind} is the offer's path segment, e.g. {@code win-back-offer}.
 */
@Singleton
class ChainOfferRequests {

    private final ChainDirectory chains;
    private final AuditTrail audit;

    ChainOfferRequests(ChainDirectory chains, AuditTrail audit) {
        this.chains = chains;
        this.audit = audit;
    }

    void requireOps(Caller caller, String chainId) {
        caller.requireChain(chainId, Roles.OPS);
        chains.require(chainId);
    }

    /** Audits a change ({@code created} and {@code details}); 201 when the offer was set first, else 200. */
    <T> HttpResponse<T> saved(Caller caller, String chainId, String kind, SavedOffer<T> saved,
                              Map<String, Object> details) {
        if (saved.changed()) {
            Map<String, Object> audited = new LinkedHashMap<>();
            audited.put("created", saved.created());
            audited.putAll(details);
            audit.record(caller, chainId, kind + ".updated", chainId, audited);
        }
        return saved.created()
                ? HttpResponse.created(saved.offer(), URI.create("/chains/" + chainId + "/" + kind))
                : HttpResponse.ok(saved.offer());
    }

    /** Audits the withdrawal; 404 when the chain had no offer to withdraw. */
    void withdrawn(Caller caller, String chainId, String kind, boolean withdrawn) {
        if (!withdrawn) {
            throw notFound(chainId, kind);
        }
        audit.record(caller, chainId, kind + ".withdrawn", chainId, Map.of());
    }

    <T> T found(String chainId, String kind, Optional<T> offer) {
        return offer.orElseThrow(() -> notFound(chainId, kind));
    }

    /** e.g. {@code win-back offer of chain chain-1 not found}. */
    private static ProblemException notFound(String chainId, String kind) {
        return ProblemException.notFound(kind.replaceFirst("-offer$", " offer") + " of chain", chainId);
    }
}
