package io.patronage.enrollment.chains;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.enrollment.refusal.FieldError;
import io.patronage.enrollment.refusal.InvalidFieldsException;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.kafka.Fingerprint;
import io.patronage.kit.kafka.TopicProvisioner;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Publishes the configuration's seed chains to {@code loyalty.chains.v1} at startup, before the service is ready:
 * only a chain the topic does not have yet, so a chain changed through the admin API keeps its changes over a
 * restart. The record's {@code ce_id} is derived from its content, so replicas starting together publish the same
 * record under the same id.
 */
@Singleton
public class ChainPublication {

    private static final Logger LOG = LoggerFactory.getLogger(ChainPublication.class);

    private final List<ChainSettings> seeds;
    private final ChainValidator validator;
    private final TopicProvisioner topics;
    private final ChainDirectory directory;
    private final EventPublisher publisher;
    private final Clock clock;

    ChainPublication(List<ChainSettings> seeds, ChainValidator validator, TopicProvisioner topics,
                     ChainDirectory directory, EventPublisher publisher, Clock clock) {
        this.seeds = seeds;
        this.validator = validator;
        this.topics = topics;
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The kit's lifecycle provisions the topic and starts the directory too; both do nothing the second time. */
    @EventListener
    void onStartup(StartupEvent event) {
        topics.provision();
        directory.start();
        publish();
    }

    /** Publishes the seeds the topic does not have; a seed with an invalid field stops the service. */
    public void publish() {
        Instant now = clock.instant();
        List<ChainConfigured> wanted = seeds.stream().map(seed -> record(seed, validator, now)).toList();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        List<String> published = new ArrayList<>();
        for (ChainConfigured chain : wanted) {
            if (directory.find(chain.chainId()).isPresent()) {
                continue;
            }
            String id = "chain:" + chain.chainId() + "@" + Fingerprint.of(chain.withConfiguredAt(null));
            sent.add(publisher.publish(chain, id, now));
            published.add(chain.chainId());
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot publish the chains " + published + " to loyalty.chains.v1", e);
        }
        LOG.info("seed chains published to loyalty.chains.v1: {}; {} already there", published,
                wanted.size() - published.size());
    }

    /** The seed's record, checked: a configuration error stops the service, naming its keys. */
    static ChainConfigured record(ChainSettings seed, ChainValidator validator, Instant now) {
        try {
            return validator.validate(seed.getChainId(), seed.toRequest(), now);
        } catch (InvalidFieldsException e) {
            throw new IllegalArgumentException("patronage.enrollment.chains." + seed.getChainId() + ": "
                    + e.errors().stream().map(error -> key(error) + " " + error.message())
                    .collect(Collectors.joining("; ")), e);
        }
    }

    /** The configuration key of a field: {@code tillLimits.maxTotal} is {@code till-max-total}. */
    private static String key(FieldError error) {
        String field = error.field().replace("enrollmentPolicy.mode", "enrollment").replace("enrollmentPolicy.", "")
                .replace("tillLimits.max", "tillMax");
        return field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }
}
