package io.patronage.kit.chains;

import io.patronage.kit.kafka.ChainLookup;

/** The chains a service knows, by chain id. */
@FunctionalInterface
public interface Chains extends ChainLookup {
}
