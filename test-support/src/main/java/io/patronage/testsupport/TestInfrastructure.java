package io.patronage.testsupport;

import io.patronage.infra.Infrastructure;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Points a service under test at the test infrastructure (the in-process Kafka broker and Mongo-wire server, or
 * Testcontainers where Docker is): what a {@code TestPropertyProvider} or {@code ApplicationContext.run} needs.
 */
public final class TestInfrastructure {

    private TestInfrastructure() {
    }

    public static String kafkaBootstrapServers() {
        return Infrastructure.forTests().kafkaBootstrapServers();
    }

    public static String mongoUri() {
        return Infrastructure.forTests().mongoUri();
    }

    /**
     * Kafka, MongoDB, a database of its own named {@code databasePrefix-<uuid>}, a free HTTP port and trust in
     * {@link TestTokens}' key; then
     * {@code settings}, which may override any of them (a restarted instance names the database it had).
     */
    public static Map<String, String> serviceProperties(String databasePrefix, Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", kafkaBootstrapServers(),
                "mongodb.uri", mongoUri(),
                "patronage.mongo.database", databasePrefix + "-" + UUID.randomUUID(),
                "micronaut.server.port", "-1",
                "patronage.security.public-key-file", TestTokens.publicKeyFile().toString()));
        properties.putAll(settings);
        return properties;
    }

    public static Map<String, String> serviceProperties(String databasePrefix) {
        return serviceProperties(databasePrefix, Map.of());
    }
}
