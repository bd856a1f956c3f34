package io.patronage.analytics.views;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.naming.conventions.StringConvention;
import io.patronage.kit.chains.ChainDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

@Factory
class ViewsFactory {

    static final String UNKNOWN_CHAIN = "patronage.analytics.unknown.chain";

    /**
     * {@code patronage.analytics.chains.<chainId>.active-window-days} overrides the window for one chain, and
     * {@code ...<chainId>.dormant-after-days} its dormancy period.
     */
    @Singleton
    ViewSettings settings(Environment environment,
                          @Value("${patronage.analytics.active-window-days:90}") int activeWindowDays,
                          @Value("${patronage.analytics.publish-interval:1s}") Duration publishInterval,
                          @Value("${patronage.analytics.dormant-after-days:60}") int dormantAfterDays) {
        return new ViewSettings(activeWindowDays, perChain(environment, ".active-window-days"), publishInterval,
                dormantAfterDays, perChain(environment, ".dormant-after-days"));
    }

    private static Map<String, Integer> perChain(Environment environment, String suffix) {
        Map<String, Integer> values = new HashMap<>();
        environment.getProperties("patronage.analytics.chains", StringConvention.RAW).forEach((key, value) -> {
            if (key.toString().endsWith(suffix)) {
                values.put(key.toString().substring(0, key.toString().length() - suffix.length()),
                        Integer.parseInt(value.toString()));
            }
        });
        return values;
    }

    /** {@code patronage.analytics.chains.<chainId>.expected-lifetime-years} overrides the lifetime for one chain. */
    @Singleton
    ValueSettings valueSettings(Environment environment,
                                @Value("${patronage.analytics.top-customers:10}") int topCustomers,
                                @Value("${patronage.analytics.expected-lifetime-years:3}") BigDecimal lifetimeYears,
                                @Value("${patronage.analytics.basket-lines:20}") int basketLines,
                                @Value("${patronage.analytics.basket-pairs:20}") int basketPairs,
                                @Value("${patronage.analytics.return-window-days:365}") int returnWindowDays) {
        Map<String, BigDecimal> lifetimes = new HashMap<>();
        String suffix = ".expected-lifetime-years";
        environment.getProperties("patronage.analytics.chains", StringConvention.RAW).forEach((key, value) -> {
            if (key.toString().endsWith(suffix)) {
                lifetimes.put(key.toString().substring(0, key.toString().length() - suffix.length()),
                        new BigDecimal(value.toString()));
            }
        });
        return new ValueSettings(topCustomers, lifetimeYears, lifetimes, basketLines, basketPairs,
                Duration.ofDays(returnWindowDays));
    }

    /** Member and points events of unknown chains, on /prometheus as {@code patronage_analytics_unknown_chain_total{topic}}. */
    @Singleton
    Topology topology(ChainDirectory chains, Clock clock, ViewSettings settings, ValueSettings values,
                      MeterRegistry meters, @Value("${patronage.analytics.application-id}") String applicationId,
                      @Value("${micronaut.application.name}") String application) {
        return ViewsTopology.build(chains, clock, settings, values, applicationId, "/patronage/" + application,
                topic -> meters.counter(UNKNOWN_CHAIN, "topic", topic.name()).increment());
    }
}
