package io.patronage.infra;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Runs against whatever {@link Infrastructure#forTests()} picks: {@code -Dpatronage.infra=embedded|containers}. */
class InfrastructureTest {

    @Test
    void forTestsSharesOneWorkingInfrastructure() throws Exception {
        Infrastructure infrastructure = Infrastructure.forTests();
        infrastructure.close();

        assertSame(infrastructure, Infrastructure.forTests());

        // The topic does not exist yet: the broker creates it on first use.
        KafkaClients.produce(infrastructure.kafkaBootstrapServers(), "infrastructure-test", "key", "value");
        assertEquals("value",
                KafkaClients.consumeOne(infrastructure.kafkaBootstrapServers(), "infrastructure-test", "infrastructure-test").value());

        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoCollection<Document> collection = client.getDatabase("patronage").getCollection("infrastructure-test");
            collection.insertOne(new Document("_id", "probe"));
            assertEquals("probe", collection.find(eq("_id", "probe")).first().get("_id"));
        }
    }
}
