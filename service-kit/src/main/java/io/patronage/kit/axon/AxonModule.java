package io.patronage.kit.axon;

import org.axonframework.config.Configurer;

/**
 * What a service contributes to its Axon configuration: aggregates, event handlers, sagas.
 * Every bean of this type is applied once, before Axon starts.
 */
@FunctionalInterface
public interface AxonModule {
    void configure(Configurer configurer);
}
