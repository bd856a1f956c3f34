package io.patronage.rewards.redemption;

import io.micronaut.context.annotation.Value;
import io.patronage.kit.axon.AxonModule;
import io.patronage.kit.axon.BoundedCache;
import jakarta.inject.Singleton;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;

/** The redemption aggregate, its saga, its projection and its publisher. */
@Singleton
class RedemptionAxonModule implements AxonModule {

    private final int cacheSize;
    private final RedemptionViews redemptionViews;
    private final RedemptionPublisher redemptionPublisher;

    RedemptionAxonModule(@Value("${patronage.rewards.redemption-cache-size:10000}") int cacheSize,
                         RedemptionViews redemptionViews, RedemptionPublisher redemptionPublisher) {
        this.cacheSize = cacheSize;
        this.redemptionViews = redemptionViews;
        this.redemptionPublisher = redemptionPublisher;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Redemption.class)
                .configureCache(config -> new BoundedCache(cacheSize)));
        configurer.eventProcessing()
                .registerSaga(RedemptionSaga.class)
                .registerEventHandler(config -> redemptionViews)
                .registerEventHandler(config -> redemptionPublisher);
    }
}
