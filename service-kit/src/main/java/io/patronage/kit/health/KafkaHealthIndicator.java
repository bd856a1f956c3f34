package io.patronage.kit.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.patronage.kit.kafka.KafkaConsumers;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ready when the Kafka cluster answers and every consumer loop of this service is healthy.
 * (micronaut-kafka's own indicator does not work with Kafka clients 4, and we don't use it.)
 */
@Readiness
@Singleton
class KafkaHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Admin admin;
    private final KafkaConsumers consumers;

    KafkaHealthIndicator(Admin admin, KafkaConsumers consumers) {
        this.admin = admin;
        this.consumers = consumers;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3_000));
            details.put("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS));
            details.put("brokers", cluster.nodes().get(3, TimeUnit.SECONDS).size());
            Map<String, String> failing = consumers.unhealthy();
            if (!failing.isEmpty()) {
                details.put("failingConsumers", failing);
            }
            healthStatus = failing.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            healthStatus = HealthStatus.DOWN;
            details.put("error", e.toString());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "kafka";
    }
}
