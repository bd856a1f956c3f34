package io.patronage.kit.kafka;

import io.patronage.contracts.chains.ChainConfigured;

import java.util.Optional;

/**
 * What a decoder checks a till record's chain against. The kit's {@code ChainDirectory} is one (as
 * {@code Chains}); declared here so that the Kafka package does not depend on the chains package, which reads
 * its topic through this one.
 */
@FunctionalInterface
public interface ChainLookup {

    /** The chain as last configured, or empty when there is no such chain. */
    Optional<ChainConfigured> find(String chainId);
}
