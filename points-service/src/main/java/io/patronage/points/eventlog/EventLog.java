package io.patronage.points.eventlog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.micronaut.context.annotation.Value;
import io.patronage.points.ledger.PointsAccountEvent;
import jakarta.inject.Singleton;
import org.axonframework.config.Configuration;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One pass over the whole event store ({@code domainevents}) in the store's natural order, read with the driver in
 * large batches and deserialized with the service's event serializer: what rebuilds and re-ratings work against,
 * instead of a tracking processor or one read per account. An account's events are appended in sequence order, so
 * they come in that order in practice. Nothing is sorted (the embedded store would sort the whole log in memory);
 * a reader that depends on an account's order checks the sequence (the rebuild replays an account that comes out
 * of order). Events stored under the name they had before they moved to their capability's package are read under
 * their current name ({@link MovedEvents}).
 */
@Singleton
public class EventLog {

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private static final int CHUNK = 2_000;

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

    /** What a pass hands over: an account event with its place in the account's stream. */
    public interface Sink {
        void accept(long sequence, PointsAccountEvent event);
    }

    /**
     * Hands every stored account event to {@code sink}, in store order; returns how many events were read. Only
     * the fields a pass needs are read (not the timestamp, which axon-mongo stores as text to be parsed, nor the
     * metadata), and the payload goes through the service's event serializer as Axon would deserialize it. The next
     * chunk is read from the store on another thread while this one is deserialized (in parallel) and handed over
     * in order.
     */
    public long forEach(String pass, Sink sink) {
        Serializer serializer = axon.eventSerializer();
        EventEntryConfiguration fields = EventEntryConfiguration.getDefault();
        Bson needed = Projections.fields(Projections.excludeId(), Projections.include(
                fields.sequenceNumberProperty(), fields.payloadTypeProperty(), fields.payloadRevisionProperty(),
                fields.payloadProperty()));
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-log-reader");
            thread.setDaemon(true);
            return thread;
        });
        long count = 0;
        try (MongoCursor<Document> cursor = events.find().projection(needed).batchSize(batchSize).iterator()) {
            CompletableFuture<List<Document>> next = CompletableFuture.supplyAsync(() -> chunk(cursor), reader);
            for (List<Document> chunk = join(next); !chunk.isEmpty(); chunk = join(next)) {
                next = CompletableFuture.supplyAsync(() -> chunk(cursor), reader);
                List<Object> payloads = chunk.parallelStream()
                        .map(entry -> serializer.deserialize(payload(entry, fields))).toList();
                for (int i = 0; i < chunk.size(); i++) {
                    if (payloads.get(i) instanceof PointsAccountEvent event) {
                        sink.accept(((Number) chunk.get(i).get(fields.sequenceNumberProperty())).longValue(), event);
                    }
                    if (++count % progressEvery == 0) {
                        LOG.info("{}: {} events read", pass, count);
                    }
                }
            }
        } finally {
            reader.shutdownNow();
        }
        return count;
    }

    private static List<Document> chunk(MongoCursor<Document> cursor) {
        List<Document> chunk = new ArrayList<>(CHUNK);
        while (chunk.size() < CHUNK && cursor.hasNext()) {
            chunk.add(cursor.next());
        }
        return chunk;
    }

    private static List<Document> join(CompletableFuture<List<Document>> chunk) {
        try {
            return chunk.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SerializedObject<?> payload(Document entry, EventEntryConfiguration fields) {
        Object data = entry.get(fields.payloadProperty());
        return new SimpleSerializedObject(data, data.getClass(),
                MovedEvents.currentName(entry.getString(fields.payloadTypeProperty())),
                entry.getString(fields.payloadRevisionProperty()));
    }

    public int batchSize() {
        return batchSize;
    }
}
