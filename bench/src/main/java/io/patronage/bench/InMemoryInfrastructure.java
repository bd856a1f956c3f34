package io.patronage.bench;

import io.patronage.infra.EmbeddedKafka;
import io.patronage.infra.EmbeddedMongo;
import io.patronage.infra.Infrastructure;

/** The tests' variant: a temporary broker and mongo-java-server's memory backend. */
final class InMemoryInfrastructure implements Infrastructure {

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;

    private InMemoryInfrastructure(EmbeddedKafka kafka, EmbeddedMongo mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static InMemoryInfrastructure start() {
        EmbeddedMongo mongo = EmbeddedMongo.inMemory();
        try {
            return new InMemoryInfrastructure(EmbeddedKafka.startTemporary(), mongo);
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.connectionString();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            mongo.close();
        }
    }
}
