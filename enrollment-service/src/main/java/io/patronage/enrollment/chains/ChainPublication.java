package io.patronage.enrollment.chains;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.chains.TillLimits;
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
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the configured chains to {@code loyalty.chains.v1} at startup, before the service is ready, so every
 * service knows them. Only a chain whose record differs from the topic's is published, with a {@code ce_id}
 * derived from its content: a restart adds nothing to the topic, and replicas starting together publish the same
 * record under the same id.
 */
@Singleton
public class ChainPublication {

    private static final Logger LOG = LoggerFactory.getLogger(ChainPublication.class);

    private final List<ChainSettings> chains;
    private final ChainPolicies policies;
    private final TopicProvisioner topics;
    private final ChainDirectory directory;
    private final EventPublisher publisher;
    private final Clock clock;

    ChainPublication(List<ChainSettings> chains, ChainPolicies policies, TopicProvisioner topics,
                     ChainDirectory directory, EventPublisher publisher, Clock clock) {
        this.chains = chains;
        this.policies = policies;
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

    public void publish() {
        Instant now = clock.instant();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        List<String> published = new ArrayList<>();
        for (ChainSettings settings : chains) {
            ChainConfigured wanted = record(settings, policies.find(settings.getChainId()).orElseThrow(), now);
            if (directory.find(wanted.chainId()).filter(wanted::sameAs).isPresent()) {
                continue;
            }
            String id = "chain:" + wanted.chainId() + "@" + Fingerprint.of(wanted.withConfiguredAt(null));
            sent.add(publisher.publish(wanted, id, now));
            published.add(wanted.chainId());
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot publish the chains " + published + " to loyalty.chains.v1", e);
        }
        LOG.info("chains published to loyalty.chains.v1: {}; {} unchanged", published, chains.size() - published.size());
    }

    /** The chain's record, checked: a configuration error stops the service rather than a till record. */
    static ChainConfigured record(ChainSettings settings, ChainPolicy policy, Instant now) {
        String key = "patronage.enrollment.chains." + settings.getChainId();
        if (settings.getCurrency() == null || !isCurrency(settings.getCurrency())) {
            throw new IllegalArgumentException(key + ".currency must be an ISO 4217 code such as EUR, is "
                    + settings.getCurrency());
        }
        TillLimits limits;
        try {
            limits = new TillLimits(settings.getTillMaxTotal(), settings.getTillMaxLines(),
                    settings.getTillMaxClockSkew(), settings.getTillMaxAge());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ".till-*: " + e.getMessage(), e);
        }
        return new ChainConfigured(settings.getChainId(), settings.getCurrency(), policy.timeZone().getId(),
                policy.defaultLocale(), limits, now);
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
