package io.patronage.analytics.streams;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;

import java.util.Map;

/** Ready while the analytics topology runs (or rebalances); DOWN when it failed, stopped or has not started yet. */
@Readiness
@Singleton
class StreamsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final StreamsEngine engine;

    StreamsHealthIndicator(StreamsEngine engine) {
        this.engine = engine;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        KafkaStreams.State state = engine.state();
        healthStatus = state.isRunningOrRebalancing() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("state", state.name(), "applicationId", engine.applicationId());
    }

    @Override
    protected String getName() {
        return "analytics-streams";
    }
}
