package io.patronage.infra;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/** Kafka and a MongoDB replica set in Docker containers, for machines that have a Docker engine. */
final class ContainerInfrastructure implements Infrastructure {

    private static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.0");
    private static final DockerImageName MONGO_IMAGE = DockerImageName.parse("mongo:8");

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerInfrastructure(KafkaContainer kafka, MongoDBContainer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static ContainerInfrastructure start() {
        ContainerInfrastructure containers =
                new ContainerInfrastructure(new KafkaContainer(KAFKA_IMAGE), new MongoDBContainer(MONGO_IMAGE));
        try {
            Startables.deepStart(containers.kafka, containers.mongo).join();
        } catch (RuntimeException e) {
            containers.close();
            throw e;
        }
        return containers;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            mongo.stop();
        }
    }
}
