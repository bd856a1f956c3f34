package io.patronage.points.intake;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Till records whose card no member holds yet, kept by card ({@code _id = chainId:cardNumber}, collection
 * {@code parked_transactions}) with their place on the topic: a member who enrolls at the till and buys at once
 * may reach points-service before their enrollment does. They are handled when the card is filed.
 */
@Singleton
class ParkedTransactions {

    private final MongoCollection<Document> parked;
    private final Counter parkedCount;

    ParkedTransactions(MongoDatabase database, MeterRegistry meters) {
        this.parked = database.getCollection("parked_transactions");
        this.parkedCount = Counter.builder("patronage.points.transactions.parked")
                .description("till records parked until their card is filed").register(meters);
    }

    /** Parks records by card in one bulk write; parking one twice keeps it once. */
    void park(Map<String, List<ConsumerRecord<String, byte[]>>> byCard) {
        if (byCard.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        byCard.forEach((card, records) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", card),
                Updates.combine(Updates.setOnInsert("since", new Date()), Updates.combine(records.stream()
                        .map(record -> Updates.set("records." + record.partition() + "-" + record.offset(), toDocument(record)))
                        .toList())),
                new UpdateOptions().upsert(true))));
        parked.bulkWrite(writes);
        parkedCount.increment(byCard.values().stream().mapToInt(List::size).sum());
    }

    /** The records parked under these cards, in their order on the topic. */
    List<ConsumerRecord<String, byte[]>> parkedFor(Collection<String> cards) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (Document card : parked.find(Filters.in("_id", cards))) {
            card.get("records", Document.class).values().forEach(record -> records.add(toRecord((Document) record)));
        }
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return records;
    }

    void remove(Collection<String> cards) {
        parked.deleteMany(Filters.in("_id", cards));
    }

    private static Document toDocument(ConsumerRecord<String, byte[]> record) {
        return new Document("topic", record.topic())
                .append("partition", record.partition())
                .append("offset", record.offset())
                .append("key", record.key())
                .append("value", new Binary(record.value()));
    }

    private static ConsumerRecord<String, byte[]> toRecord(Document record) {
        return new ConsumerRecord<>(record.getString("topic"), record.getInteger("partition"), record.getLong("offset"),
                record.getString("key"), record.get("value", Binary.class).getData());
    }
}
