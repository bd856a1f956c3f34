package io.patronage.kit.kafka;

import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every Kafka client of the service authenticates and encrypts: the client settings below, read as
 * {@code kafka.<setting>} (so from the environment as {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_TYPE}, {@code KAFKA_SSL_TRUSTSTORE_CERTIFICATES}, ...).
 * None set: plaintext, as on the embedded broker. Every producer, consumer and admin client the kit creates
 * takes them ({@link #with}); an application's own Kafka clients (Kafka Streams) should too.
 */
@Singleton
public class KafkaClientSecurity {

    /** Kafka client settings about security; only these are taken from {@code kafka.*}. */
    static final List<String> SETTINGS = List.of(
            "security.protocol",
            "sasl.mechanism",
            "sasl.jaas.config",
            "ssl.truststore.type",
            "ssl.truststore.location",
            "ssl.truststore.password",
            "ssl.truststore.certificates",
            "ssl.keystore.type",
            "ssl.keystore.location",
            "ssl.keystore.password",
            "ssl.keystore.certificate.chain",
            "ssl.keystore.key",
            "ssl.key.password",
            "ssl.endpoint.identification.algorithm");

    private final Map<String, Object> settings;

    @Inject
    KafkaClientSecurity(PropertyResolver environment) {
        this(read(environment));
    }

    KafkaClientSecurity(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    private static Map<String, String> read(PropertyResolver environment) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String setting : SETTINGS) {
            environment.getProperty("kafka." + setting, String.class)
                    .filter(value -> !value.isBlank())
                    .ifPresent(value -> found.put(setting, value));
        }
        return found;
    }

    /** The client configuration with the security settings added. */
    public Map<String, Object> with(Map<String, Object> config) {
        Map<String, Object> secured = new LinkedHashMap<>(config);
        secured.putAll(settings);
        return secured;
    }

    /** The settings' names, never their values (a JAAS configuration holds a password). */
    @Override
    public String toString() {
        return "KafkaClientSecurity" + settings.keySet();
    }
}
