package io.patronage.kit.kafka;

import io.micronaut.context.annotation.Value;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the registry's topics (and their dead-letter topics) that do not exist yet, as the registry
 * describes them. In production Strimzi's KafkaTopic resources own them and this finds nothing to do;
 * {@code patronage.kafka.provision-topics=false} turns it off.
 */
@Singleton
public class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long DEAD_LETTER_RETENTION_MS = TimeUnit.DAYS.toMillis(30);

    private final Admin admin;
    private final boolean enabled;
    private final int maxReplicationFactor;

    TopicProvisioner(Admin admin,
                     @Value("${patronage.kafka.provision-topics:true}") boolean enabled,
                     @Value("${patronage.kafka.replication-factor:3}") int maxReplicationFactor) {
        this.admin = admin;
        this.enabled = enabled;
        this.maxReplicationFactor = maxReplicationFactor;
    }

    public void provision() {
        if (!enabled) {
            return;
        }
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            short replication = (short) Math.min(maxReplicationFactor,
                    admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            List<NewTopic> missing = new ArrayList<>();
            for (Topic topic : Topics.ALL) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), replication).configs(configs(topic)));
                }
                if (!existing.contains(topic.deadLetterTopic())) {
                    missing.add(new NewTopic(topic.deadLetterTopic(), 1, replication).configs(Map.of(
                            TopicConfig.RETENTION_MS_CONFIG, Long.toString(DEAD_LETTER_RETENTION_MS))));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                    LOG.info("created topic {}", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create topic " + name, e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka to provision topics", e);
        }
    }

    private static Map<String, String> configs(Topic topic) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.RETENTION_MS_CONFIG,
                topic.retention() == null ? "-1" : Long.toString(topic.retention().toMillis()));
        if (topic.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return configs;
    }
}
