package io.patronage.bench.measure;

import com.mongodb.client.MongoClient;
import io.patronage.bench.kafka.PointsWatcher;
import io.patronage.bench.platform.ServiceUnderTest;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running platform under test and the bench's standing instruments on it.
 *
 * @param analytics    empty when analytics is not measured
 * @param memberByCard card number to member id, to find whose balance a transaction changed
 */
public record Platform(String bootstrapServers, MongoClient mongo, String pointsDatabase, ServiceUnderTest points,
                       Optional<ServiceUnderTest> analytics, KafkaProducer<String, byte[]> producer,
                       PointsWatcher watcher, Expectations expectations, Map<String, String> memberByCard) {

    public List<ServiceUnderTest> services() {
        List<ServiceUnderTest> services = new ArrayList<>();
        services.add(points);
        analytics.ifPresent(services::add);
        return services;
    }
}
