package io.patronage.enrollment.chains;

import io.micronaut.http.HttpStatus;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.audit.AuditTrail;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.http.ProblemException;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.kafka.Fingerprint;
import io.patronage.kit.security.Caller;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates and changes chains at runtime. The compacted {@code loyalty.chains.v1} is the store: a change is published
 * there and answered only once it is on the broker and this instance's chain directory has read it, so the caller's
 * next request (an enrollment, a {@code GET}) sees it. Each creation or change is audited ({@code chain.created} with the
 * chain, {@code chain.updated} with what changed).
 */
@Singleton
public class ChainAdmin {

    private static final Duration SEEN_WITHIN = Duration.ofSeconds(30);

    private final ChainValidator validator;
    private final ChainDirectory directory;
    private final EventPublisher publisher;
    private final AuditTrail audit;
    private final Clock clock;

    ChainAdmin(ChainValidator validator, ChainDirectory directory, EventPublisher publisher, AuditTrail audit,
               Clock clock) {
        this.validator = validator;
        this.directory = directory;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a {@code PUT} did: the chain before (empty: created) and after; equal when nothing changed. */
    public record Change(Optional<ChainConfigured> before, ChainConfigured after) {

        public boolean created() {
            return before.isEmpty();
        }

        public boolean changed() {
            return before.filter(after::sameAs).isEmpty();
        }
    }

    /** Creates or replaces the chain; the same configuration again publishes nothing. */
    public synchronized Change put(Caller actor, String chainId, ChainRequest request) {
        ChainConfigured wanted = validator.validate(chainId, request, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Optional<ChainConfigured> before = directory.find(chainId);
        if (before.filter(wanted::sameAs).isPresent()) {
            return new Change(before, before.get());
        }
        String id = "chain:" + chainId + "@" + Fingerprint.of(wanted.withConfiguredAt(null)) + "@"
                + wanted.configuredAt().toEpochMilli();
        RecordMetadata published;
        try {
            published = publisher.publish(wanted, id, wanted.configuredAt())
                    .get(SEEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while publishing chain " + chainId);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable("chain " + chainId + " could not be published to loyalty.chains.v1; try again");
        }
        try {
            // then this record, or a later change of the chain, is what the directory answers
            directory.awaitRead(published, SEEN_WITHIN);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw unavailable("chain " + chainId + " was published but not read back within "
                    + SEEN_WITHIN.toSeconds() + " s; it applies as soon as it is");
        }
        if (before.isEmpty()) {
            audit.record(actor, chainId, "chain.created", chainId, Map.of("chain", wanted));
        } else {
            audit.record(actor, chainId, "chain.updated", chainId,
                    Map.of("changes", ChainChanges.between(before.get(), wanted)));
        }
        return new Change(before, wanted);
    }

    public List<ChainConfigured> all() {
        return directory.all().values().stream().sorted(Comparator.comparing(ChainConfigured::chainId)).toList();
    }

    public ChainConfigured get(String chainId) {
        return directory.require(chainId);
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "chains-unavailable", detail);
    }
}
