package io.patronage.infra;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds the one {@link Infrastructure#forTests()} instance of this JVM. */
final class SharedTestInfrastructure implements Infrastructure {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTestInfrastructure.class);
    private static Infrastructure instance;

    private final Infrastructure delegate;

    private SharedTestInfrastructure(Infrastructure delegate) {
        this.delegate = delegate;
    }

    static synchronized Infrastructure get() {
        if (instance == null) {
            Infrastructure started = start(InfrastructureMode.select(InfrastructureMode::setting, DockerProbe::isDockerAvailable));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "patronage-infra-shutdown"));
            instance = new SharedTestInfrastructure(started);
        }
        return instance;
    }

    private static Infrastructure start(InfrastructureMode mode) {
        Infrastructure started = switch (mode) {
            case EXTERNAL -> new ExternalInfrastructure(
                    InfrastructureMode.setting(InfrastructureMode.KAFKA_BOOTSTRAP_SERVERS),
                    InfrastructureMode.setting(InfrastructureMode.MONGODB_URI));
            case CONTAINERS -> ContainerInfrastructure.start();
            case EMBEDDED -> EmbeddedInfrastructure.temporary();
        };
        LOG.info("Test infrastructure: {}, Kafka at {}, MongoDB at {}",
                mode.name().toLowerCase(Locale.ROOT), started.kafkaBootstrapServers(), started.mongoUri());
        return started;
    }

    @Override
    public String kafkaBootstrapServers() {
        return delegate.kafkaBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return delegate.mongoUri();
    }

    /** Does nothing: other tests in this JVM still use it, and a shutdown hook stops it. */
    @Override
    public void close() {
    }
}
