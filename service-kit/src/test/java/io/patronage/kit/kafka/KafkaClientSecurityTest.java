package io.patronage.kit.kafka;

import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class KafkaClientSecurityTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"points-service\" password=\"s3cret\";";

    @Test
    void everyClientTakesTheSecuritySettingsFromTheEnvironmentAndNothingElseOfKafkaStar() {
        // as Kubernetes passes them: environment variables from the Secrets
        try (DefaultEnvironment environment = new DefaultEnvironment(() -> List.of("test"))) {
            environment.addPropertySource(PropertySource.of("env", Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", "broker:9093",
                    "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                    "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                    "KAFKA_SASL_JAAS_CONFIG", JAAS,
                    "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                    "KAFKA_SSL_TRUSTSTORE_CERTIFICATES", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
                    "KAFKA_SSL_KEYSTORE_PASSWORD", "",
                    "KAFKA_MAX_POLL_RECORDS", "7"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE));
            environment.start();
            Map<String, Object> config = new KafkaClientSecurity(environment).with(Map.of("client.id", "points-service-producer", "security.protocol", "PLAINTEXT"));
            assertEquals(Map.of(
                    "client.id", "points-service-producer",
                    "security.protocol", "SASL_SSL",
                    "sasl.mechanism", "SCRAM-SHA-512",
                    "sasl.jaas.config", JAAS,
                    "ssl.truststore.type", "PEM",
                    "ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"),
                    config);
        }
    }

    @Test
    void withoutSettingsClientsStayPlaintextAsOnTheEmbeddedBroker() {
        KafkaClientSecurity none = new KafkaClientSecurity(Map.of());
        assertEquals(Map.of("client.id", "x"), none.with(Map.of("client.id", "x")));
    }

    @Test
    void neverPrintsTheJaasConfiguration() {
        String printed = new KafkaClientSecurity(Map.of("sasl.jaas.config", JAAS)).toString();
        assertFalse(printed.contains("s3cret"), printed);
        assertEquals("KafkaClientSecurity[sasl.jaas.config]", printed);
    }
}
