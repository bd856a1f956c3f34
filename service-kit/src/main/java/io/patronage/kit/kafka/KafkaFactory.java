package io.patronage.kit.kafka;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;

/** The service's one Kafka producer and admin client, on {@code KAFKA_BOOTSTRAP_SERVERS}, secured by {@link KafkaClientSecurity}. */
@Factory
class KafkaFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Producer<String, byte[]> producer(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                                      @Value("${micronaut.application.name}") String application,
                                      KafkaClientSecurity security) {
        return new KafkaProducer<>(security.with(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, application + "-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Singleton
    @Bean(preDestroy = "close")
    Admin kafkaAdmin(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                     @Value("${micronaut.application.name}") String application,
                     KafkaClientSecurity security) {
        return Admin.create(security.with(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, application + "-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000)));
    }
}
