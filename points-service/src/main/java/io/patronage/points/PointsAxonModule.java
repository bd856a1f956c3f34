package io.patronage.points;

import io.micronaut.context.annotation.Value;
import io.patronage.kit.axon.AxonModule;
import io.patronage.kit.axon.BoundedCache;
import io.patronage.points.account.PointsAccount;
import io.patronage.points.balance.BalanceProjection;
import io.patronage.points.balance.BalanceStore;
import jakarta.inject.Singleton;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;

/**
 * The points account, cached strongly so the hot path does not read the event store and snapshotted every
 * {@code patronage.points.snapshot-every} events (0: never) so a cache miss on a long account loads little, and
 * the balance projection (the kit publishes the events, see {@code PointsEventPublisher}).
 */
@Singleton
class PointsAxonModule implements AxonModule {

    private final BalanceStore balances;
    private final int accountCacheSize;
    private final int snapshotEvery;

    PointsAxonModule(BalanceStore balances,
                     @Value("${patronage.points.account-cache-size:100000}") int accountCacheSize,
                     @Value("${patronage.points.snapshot-every:200}") int snapshotEvery) {
        this.balances = balances;
        this.accountCacheSize = accountCacheSize;
        this.snapshotEvery = snapshotEvery;
    }

    @Override
    public void configure(Configurer configurer) {
        AggregateConfigurer<PointsAccount> account = AggregateConfigurer.defaultConfiguration(PointsAccount.class)
                .configureCache(config -> new BoundedCache(accountCacheSize));
        if (snapshotEvery > 0) {
            account.configureSnapshotTrigger(config ->
                    new EventCountSnapshotTriggerDefinition(config.snapshotter(), snapshotEvery));
        }
        configurer.configureAggregate(account);
        configurer.eventProcessing()
                .registerEventHandler(config -> new BalanceProjection(balances, config.eventStore(), accountCacheSize));
    }
}
