package io.patronage.infra;

import java.nio.file.Path;

/** Where the platform's Kafka and MongoDB are: started here, in containers, or given from outside. */
public interface Infrastructure extends AutoCloseable {

    /** Kafka {@code bootstrap.servers}, e.g. {@code localhost:9092}. */
    String kafkaBootstrapServers();

    /** A MongoDB connection string without a database, e.g. {@code mongodb://localhost:27017}. */
    String mongoUri();

    @Override
    void close();

    /**
     * The infrastructure for tests, shared by the whole JVM and stopped when it exits; {@link #close()} on it
     * does nothing. Chosen once:
     * <ol>
     *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} both set (system property or environment
     *       variable): those, nothing is started;</li>
     *   <li>system property {@code patronage.infra=containers}, or {@code auto} (the default) with a Docker
     *       engine present: {@code apache/kafka} and {@code mongo} containers;</li>
     *   <li>otherwise ({@code embedded}, or no Docker): an in-process Kafka broker and an in-memory MongoDB
     *       wire server.</li>
     * </ol>
     */
    static Infrastructure forTests() {
        return SharedTestInfrastructure.get();
    }

    /** In-process infrastructure that keeps nothing: a temporary broker and an in-memory MongoDB wire server. */
    static Infrastructure temporary() {
        return EmbeddedInfrastructure.temporary();
    }

    /**
     * In-process infrastructure whose data survives a restart: the Kafka log in {@code dataDir/kafka}, the
     * MongoDB data in {@code dataDir/mongo}. A port of 0 picks a free one.
     */
    static Infrastructure embedded(Path dataDir, int kafkaPort, int mongoPort) {
        return EmbeddedInfrastructure.persistent(dataDir, kafkaPort, mongoPort);
    }
}
