package io.patronage.kit.publication;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.lifecycle.ServiceInstance;
import io.micronaut.context.annotation.Requires;
import io.patronage.kit.axon.AxonModule;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Remembers, per instance of the service, up to when every event it stored is known to be on Kafka, so that after
 * a crash exactly what did not reach Kafka is published again ({@link PublicationRecovery}).
 * <p>
 * Every few seconds an instance flushes its producer, sends again what failed, and when everything went out saves
 * that time minus a margin (events are timestamped when created, a little before they are stored and published)
 * with a heartbeat. A clean stop that published everything removes the instance's document: nothing to recover. A
 * document whose heartbeat is older than {@code dead-after} belongs to an instance that died (or to this one's
 * previous run, when instances keep their id across restarts): the instance that finds it claims it, publishes
 * again what Kafka lacks since its time, and removes it. Each instance recovers only the dead, so it never
 * republishes what a live instance still has in flight. Before publishing, the service's
 * {@link StoredEventsRecovery} beans bring its handlers up to date with the same events.
 */
@Singleton
@Requires(beans = AxonModule.class)
public class PublicationCheckpoint {

    static final Duration MARGIN = Duration.ofMinutes(1);
    private static final String PREFIX = "publication:";
    private static final Logger LOG = LoggerFactory.getLogger(PublicationCheckpoint.class);

    private final MongoCollection<Document> checkpoints;
    private final EventPublisher publisher;
    private final PublicationRecovery recovery;
    private final List<StoredEventsRecovery> handlerRecoveries;
    private final String instance;
    private final String id;
    private final Duration deadAfter;

    PublicationCheckpoint(MongoDatabase database, EventPublisher publisher, PublicationRecovery recovery,
                          List<StoredEventsRecovery> handlerRecoveries, ServiceInstance instance,
                          @Value("${patronage.publication.dead-after:1m}") Duration deadAfter) {
        this.checkpoints = database.getCollection("publication_checkpoints");
        this.publisher = publisher;
        this.recovery = recovery;
        this.handlerRecoveries = handlerRecoveries;
        this.instance = instance.id();
        this.id = PREFIX + instance.id();
        this.deadAfter = deadAfter;
    }

    /**
     * At startup, before consuming: publish again what the dead instances (this one's previous run among them)
     * may have left unpublished, then start this instance's checkpoint.
     */
    public synchronized void recover() {
        Instant now = Instant.now();
        Document previousRun = checkpoints.find(Filters.eq("_id", id)).first();
        if (previousRun != null) {
            recoverFor(previousRun);
        }
        recoverDead(now);
        if (previousRun != null && publisher.hasFailed()) {
            heartbeat(now); // what the previous run left is not all out yet: keep its checkpoint
        } else {
            save(now.minus(MARGIN), now);
        }
    }

    @Scheduled(fixedDelay = "${patronage.publication.checkpoint-interval:5s}",
            initialDelay = "${patronage.publication.checkpoint-interval:5s}")
    public synchronized void checkpoint() {
        Instant now = Instant.now();
        if (publishedEverything()) {
            save(now.minus(MARGIN), now);
        } else {
            heartbeat(now);
        }
        recoverDead(now);
    }

    /** On a clean stop, after the consumers stopped: with everything published there is nothing to recover. */
    public synchronized void stop() {
        if (publishedEverything()) {
            checkpoints.deleteOne(Filters.eq("_id", id));
        } else {
            LOG.warn("stopping with publications that failed; the next instance to start publishes them");
        }
    }

    /** Flushes the producer and sends again what failed; whether everything is on Kafka now. */
    private boolean publishedEverything() {
        publisher.flush();
        EventPublisher.Failed failed = publisher.takeFailed();
        if (failed.overflowed()) {
            Document own = checkpoints.find(Filters.eq("_id", id)).first();
            recovery.republishSince(own == null ? Instant.now().minus(MARGIN) : own.getDate("publishedUntil").toInstant(),
                    instance);
        } else if (!failed.records().isEmpty()) {
            LOG.warn("{} publications failed; sending them again", failed.records().size());
            failed.records().forEach(publisher::send);
        }
        publisher.flush();
        return !publisher.hasFailed();
    }

    private void recoverDead(Instant now) {
        Instant cutoff = now.minus(deadAfter);
        List<Document> dead = new ArrayList<>();
        for (Document checkpoint : checkpoints.find()) {
            Date heartbeat = checkpoint.getDate("heartbeatAt");
            if (!id.equals(checkpoint.getString("_id")) && (heartbeat == null || heartbeat.toInstant().isBefore(cutoff))) {
                dead.add(checkpoint);
            }
        }
        for (Document checkpoint : dead) {
            if (claim(checkpoint, now)) {
                recoverFor(checkpoint);
            }
        }
    }

    /** Takes a dead instance's checkpoint over unless another instance just did; one claim wins. */
    private boolean claim(Document checkpoint, Instant now) {
        Date heartbeat = checkpoint.getDate("heartbeatAt");
        Bson unchanged = Filters.and(Filters.eq("_id", checkpoint.getString("_id")), Filters.eq("heartbeatAt", heartbeat));
        return checkpoints.updateOne(unchanged, Updates.set("heartbeatAt", Date.from(now))).getModifiedCount() == 1;
    }

    private void recoverFor(Document checkpoint) {
        Instant since = checkpoint.getDate("publishedUntil").toInstant();
        String checkpointId = checkpoint.getString("_id");
        LOG.info("publishing again what {} left unpublished since {}", checkpointId, since);
        // a checkpoint of a version that did not tag events with their instance covers every event
        String storedBy = checkpointId.startsWith(PREFIX) ? checkpointId.substring(PREFIX.length()) : null;
        handlerRecoveries.forEach(handlers -> handlers.recover(since, storedBy));
        recovery.republishSince(since, storedBy);
        publisher.flush();
        if (publisher.hasFailed()) {
            LOG.warn("publication recovery for {} incomplete: Kafka refused some; retrying later", checkpoint.getString("_id"));
            return;
        }
        if (!id.equals(checkpoint.getString("_id"))) {
            checkpoints.deleteOne(Filters.eq("_id", checkpoint.getString("_id")));
        }
    }

    /** This instance's own checkpoint ({@code null} before its first one): up to when its events are on Kafka. */
    public Instant saved() {
        Document checkpoint = checkpoints.find(Filters.eq("_id", id)).first();
        return checkpoint == null ? null : checkpoint.getDate("publishedUntil").toInstant();
    }

    private void save(Instant publishedUntil, Instant now) {
        checkpoints.replaceOne(Filters.eq("_id", id),
                new Document("_id", id).append("publishedUntil", Date.from(publishedUntil))
                        .append("heartbeatAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
    }

    private void heartbeat(Instant now) {
        checkpoints.updateOne(Filters.eq("_id", id), Updates.set("heartbeatAt", Date.from(now)));
    }
}
