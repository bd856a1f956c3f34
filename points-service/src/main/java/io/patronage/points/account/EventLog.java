package io.patronage.points.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.axonframework.config.Configuration;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ordered pass over the whole event store ({@code domainevents}), read with the driver in (timestamp,
 * sequence) order in large batches and deserialized with the service's event serializer: what rebuilds and
 * re-ratings work against, instead of a tracking processor or one read per account.
 */
@Singleton
public class EventLog {

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);

    private final MongoCollection<Document> events;
    private final Configuration axon;
    private final int batchSize;
    private final int progressEvery;

    EventLog(MongoDatabase database, Configuration axon,
             @Value("${patronage.points.rebuild.batch-size:10000}") int batchSize,
             @Value("${patronage.points.rebuild.progress-every:100000}") int progressEvery) {
        this.events = database.getCollection("domainevents");
        this.axon = axon;
        this.batchSize = batchSize;
        this.progressEvery = progressEvery;
    }

    /** What a pass hands over: an account event with its place in the account's stream and its timestamp. */
    public interface Sink {
        void accept(long sequence, java.time.Instant timestamp, PointsAccountEvent event);
    }

    /** Hands every stored account event to {@code sink} in log order; returns how many events were read. */
    public long forEach(String pass, Sink sink) {
        Serializer serializer = axon.eventSerializer();
        EventEntryConfiguration fields = EventEntryConfiguration.getDefault();
        long count = 0;
        try (MongoCursor<Document> cursor = events.find()
                .sort(Sorts.ascending(fields.timestampProperty(), fields.sequenceNumberProperty()))
                .batchSize(batchSize).iterator()) {
            while (cursor.hasNext()) {
                EventEntry entry = new EventEntry(cursor.next(), fields);
                Object payload = serializer.deserialize(entry.getPayload());
                count++;
                if (payload instanceof PointsAccountEvent event) {
                    sink.accept(entry.getSequenceNumber(), entry.getTimestamp(), event);
                }
                if (count % progressEvery == 0) {
                    LOG.info("{}: {} events read", pass, count);
                }
            }
        }
        return count;
    }

    public int batchSize() {
        return batchSize;
    }
}
