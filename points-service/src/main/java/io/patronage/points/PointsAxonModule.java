package io.patronage.points;

import io.micronaut.context.annotation.Value;
import io.patronage.kit.axon.AxonModule;
import io.patronage.kit.axon.BoundedCache;
import io.patronage.points.account.PointsAccount;
import io.patronage.points.balance.BalanceProjection;
import io.patronage.points.balance.BalanceStore;
import io.patronage.points.publishing.PointsEventPublisher;
import jakarta.inject.Singleton;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;

/**
 * The points account, cached strongly so the hot path does not read the event store, and the two
 * subscribers of its events: the balance projection and the Kafka publisher.
 */
@Singleton
class PointsAxonModule implements AxonModule {

    private final BalanceStore balances;
    private final PointsEventPublisher publisher;
    private final int accountCacheSize;

    PointsAxonModule(BalanceStore balances, PointsEventPublisher publisher,
                     @Value("${patronage.points.account-cache-size:100000}") int accountCacheSize) {
        this.balances = balances;
        this.publisher = publisher;
        this.accountCacheSize = accountCacheSize;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(PointsAccount.class)
                .configureCache(config -> new BoundedCache(accountCacheSize)));
        configurer.eventProcessing()
                .registerEventHandler(config -> new BalanceProjection(balances, config.eventStore()))
                .registerEventHandler(config -> publisher);
    }
}
