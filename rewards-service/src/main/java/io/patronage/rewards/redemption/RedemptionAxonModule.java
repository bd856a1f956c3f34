package io.patronage.rewards.redemption;

import io.micronaut.context.annotation.Value;
import io.patronage.kit.axon.AxonModule;
import io.patronage.kit.axon.BoundedCache;
import jakarta.inject.Singleton;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;

/** The redemption aggregate, its saga and its projection (the kit publishes its events, see {@link RedemptionPublisher}). */
@Singleton
class RedemptionAxonModule implements AxonModule {

    private final int cacheSize;
    private final RedemptionViews redemptionViews;

    RedemptionAxonModule(@Value("${patronage.rewards.redemption-cache-size:10000}") int cacheSize,
                         RedemptionViews redemptionViews) {
        this.cacheSize = cacheSize;
        this.redemptionViews = redemptionViews;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Redemption.class)
                .configureCache(config -> new BoundedCache(cacheSize)));
        configurer.eventProcessing()
                .registerSaga(RedemptionSaga.class)
                .registerEventHandler(config -> redemptionViews);
    }
}
