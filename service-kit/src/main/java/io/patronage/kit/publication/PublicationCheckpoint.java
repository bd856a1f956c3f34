package io.patronage.kit.publication;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.patronage.kit.kafka.EventPublisher;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Remembers up to when every stored event is known to be on Kafka, so that after a crash only the
 * events since then are published again ({@link PublicationRecovery}), instead of none (lost) or all.
 * <p>
 * Every few seconds it notes the time, flushes the producer and, when no publication failed, saves that
 * time minus a margin (events are timestamped when created, a little before they are stored and published).
 * When publications failed it publishes again from the last checkpoint first, and only then moves on.
 */
@Singleton
public class PublicationCheckpoint {

    static final Duration MARGIN = Duration.ofMinutes(1);
    private static final String ID = "publication";
    private static final Logger LOG = LoggerFactory.getLogger(PublicationCheckpoint.class);

    private final MongoCollection<Document> checkpoints;
    private final EventPublisher publisher;
    private final PublicationRecovery recovery;
    private long failuresSeen;

    PublicationCheckpoint(MongoDatabase database, EventPublisher publisher, PublicationRecovery recovery) {
        this.checkpoints = database.getCollection("publication_checkpoints");
        this.publisher = publisher;
        this.recovery = recovery;
    }

    /** At startup, before consuming: publish again whatever may not have reached Kafka before the last stop. */
    public synchronized void recover() {
        Instant since = saved();
        if (since == null) {
            save(Instant.now().minus(MARGIN));
            return;
        }
        recovery.republishSince(since);
        publisher.flush();
        failuresSeen = publisher.failures();
    }

    @Scheduled(fixedDelay = "${patronage.publication.checkpoint-interval:5s}",
            initialDelay = "${patronage.publication.checkpoint-interval:5s}")
    public synchronized void checkpoint() {
        Instant now = Instant.now();
        publisher.flush();
        if (publisher.failures() != failuresSeen) {
            Instant since = saved();
            LOG.warn("{} publications failed; publishing again from {}", publisher.failures() - failuresSeen, since);
            failuresSeen = publisher.failures();
            recovery.republishSince(since == null ? now.minus(MARGIN) : since);
            publisher.flush();
            if (publisher.failures() != failuresSeen) {
                failuresSeen = publisher.failures();
                return;
            }
        }
        save(now.minus(MARGIN));
    }

    public Instant saved() {
        Document checkpoint = checkpoints.find(Filters.eq("_id", ID)).first();
        return checkpoint == null ? null : checkpoint.getDate("publishedUntil").toInstant();
    }

    private void save(Instant publishedUntil) {
        checkpoints.replaceOne(Filters.eq("_id", ID),
                new Document("_id", ID).append("publishedUntil", Date.from(publishedUntil)),
                new ReplaceOptions().upsert(true));
    }
}
