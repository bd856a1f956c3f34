package io.patronage.kit.chains;

import io.patronage.contracts.chains.ChainConfigured;

import java.util.Optional;

/** The chains a service knows, by chain id. */
@FunctionalInterface
public interface Chains {

    /** The chain as last configured, or empty when there is no such chain. */
    Optional<ChainConfigured> find(String chainId);
}
