package io.patronage.analytics.streams;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reset command reads the service's own configuration (application.yml and what overrides it). */
class ViewsResetTest {

    @Test
    void theResetIsConfiguredAsTheServiceIsWithItsKafkaClientSecurity() {
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "kafka.bootstrap.servers", "broker-1:9093",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.acks", "all",
                "patronage.analytics.state-dir", "/var/lib/analytics")).build()) {
            ViewsReset reset = ViewsReset.configured(context.getEnvironment().start());

            assertEquals("analytics-service.views", reset.applicationId(), "application.yml's default id");
            assertEquals(Path.of("/var/lib/analytics"), reset.stateDir());
            assertEquals(Map.of("bootstrap.servers", "broker-1:9093", "security.protocol", "SASL_SSL",
                    "sasl.mechanism", "SCRAM-SHA-512"), reset.admin(), "only the connection and security settings");
        }
    }
}
