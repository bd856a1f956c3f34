package io.patronage.infra;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An {@link EmbeddedKafka} and an {@link EmbeddedMongo} in this JVM. */
final class EmbeddedInfrastructure implements Infrastructure {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;

    private EmbeddedInfrastructure(EmbeddedKafka kafka, EmbeddedMongo mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static EmbeddedInfrastructure temporary() {
        EmbeddedMongo mongo = EmbeddedMongo.inMemory();
        try {
            return new EmbeddedInfrastructure(EmbeddedKafka.startTemporary(), mongo);
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }

    static EmbeddedInfrastructure persistent(Path dataDir, int kafkaPort, int mongoPort) {
        EmbeddedMongo mongo = EmbeddedMongo.persistent(dataDir.resolve("mongo"), mongoPort);
        try {
            EmbeddedInfrastructure infrastructure =
                    new EmbeddedInfrastructure(EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort), mongo);
            LOG.info("Embedded infrastructure in {}: Kafka at {}, MongoDB at {}",
                    dataDir, infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri());
            return infrastructure;
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
