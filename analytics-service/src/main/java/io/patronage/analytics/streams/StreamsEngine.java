package io.patronage.analytics.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.patronage.kit.chains.ChainDirectory;
import io.patronage.kit.kafka.KafkaClientSecurity;
import io.patronage.kit.kafka.TopicProvisioner;
import io.patronage.kit.lifecycle.ServiceInstance;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs the analytics topology with the Micronaut application: started once the HTTP server listens, the topics
 * exist and the chains are read (service-kit's own startup steps, repeated harmlessly), closed when the server stops
 * (before the context closes) so that the
 * instance's transaction is committed and it leaves its group.
 * <p>
 * {@code exactly_once_v2}: a record's state changes, the views it publishes, its dead letter and its offset are
 * committed in one Kafka transaction, so a crash never counts a record twice nor loses one. Internal topics
 * (changelogs, repartitions) take the cluster's default replication factor ({@code replication.factor=-1}): 1 on the
 * embedded single node, whatever the cluster says in production.
 */
@Singleton
public class StreamsEngine {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsEngine.class);

    private final Topology topology;
    private final Properties config = new Properties();
    private final TopicProvisioner topics;
    private final ChainDirectory chains;
    private final MeterRegistry meters;
    private final Duration startupWait;
    private final String advertisedHost;
    private HostInfo self;
    private KafkaStreams streams;
    private StreamsMeters metrics;

    StreamsEngine(Topology topology, TopicProvisioner topics, ChainDirectory chains, MeterRegistry meters,
                  ServiceInstance instance, KafkaClientSecurity security,
                  @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                  @Value("${patronage.analytics.advertised-host:localhost}") String advertisedHost,
                  @Value("${patronage.analytics.application-id}") String applicationId,
                  @Value("${patronage.analytics.state-dir}") String stateDir,
                  @Value("${patronage.analytics.commit-interval:100ms}") Duration commitInterval,
                  @Value("${patronage.analytics.stream-threads:2}") int streamThreads,
                  @Value("${patronage.analytics.startup-wait:60s}") Duration startupWait) {
        this.startupWait = startupWait;
        this.advertisedHost = advertisedHost;
        this.topology = topology;
        this.topics = topics;
        this.chains = chains;
        this.meters = meters;
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        // one directory per instance: two instances on one machine must not share (and lock) one
        config.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(stateDir, instance.id().replaceAll("[^A-Za-z0-9._-]", "_"))
                .toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        // each thread commits its own transactions: while one waits for the broker, the other processes
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        // the topology has no global stores; this is the 5.0 default, and it silences a start-up warning per config:
        // each stream thread's partition assignor reads a StreamsConfig of its own from the main consumer's settings
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        config.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
                true);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        config.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // Each commit's next transaction meets CONCURRENT_TRANSACTIONS until the broker has written the last one's
        // markers; the producer's default backoff (100 ms, growing to 1 s) then stalls every stage of the topology.
        config.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG), 50);
        // an instance that died (kill -9) is replaced in the group, and as the views' owner, after 10 s
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        config.putAll(security.with(Map.of()));
    }

    /**
     * Started once the HTTP server listens, so that the topology can tell the other instances where this one answers
     * ({@code application.server}): a view held by another instance is read there.
     */
    @EventListener
    synchronized void onStartup(ServerStartupEvent event) {
        self = new HostInfo(advertisedHost, event.getSource().getPort());
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        topics.provision();
        chains.start();
        streams = new KafkaStreams(topology, config);
        streams.setUncaughtExceptionHandler(failure -> {
            LOG.error("analytics topology failed; readiness is DOWN", failure);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .SHUTDOWN_CLIENT;
        });
        metrics = StreamsMeters.bind(streams, topology.describe(), meters);
        streams.start();
        awaitRunning();
        LOG.info("analytics topology {} as {}", streams.state(), config.get(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    @EventListener
    void onServerShutdown(ServerShutdownEvent event) {
        stop();
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    private synchronized void stop() {
        if (streams != null) {
            // leave the group at once, so the other instances take the partitions (and answer for them) now rather
            // than after the session timeout
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
            metrics.close();
            streams = null;
        }
    }

    /**
     * Waits (at most {@code patronage.analytics.startup-wait}) until the topology runs, its state restored, so that
     * the first HTTP reads find the stores; after that the service starts anyway, answering 503 until they are there.
     */
    private void awaitRunning() {
        long deadline = System.nanoTime() + startupWait.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            if (!streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Where the chain stage's stores hold a key of it (a chain id): this instance, another one, or empty while the
     * topology is rebalancing.
     */
    public Optional<HostInfo> ownerOf(String store, String key) {
        KafkaStreams running = streams;
        if (running == null) {
            return Optional.empty();
        }
        KeyQueryMetadata metadata = running.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return Optional.empty();
        }
        return Optional.of(metadata.activeHost());
    }

    public boolean isSelf(HostInfo host) {
        return host.equals(self);
    }

    public String applicationId() {
        return config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.NOT_RUNNING : running.state();
    }

    /**
     * A store of this instance, for interactive queries.
     *
     * @throws InvalidStateStoreException while the topology is not running (starting, rebalancing, restoring)
     */
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        KafkaStreams running = streams;
        if (running == null) {
            throw new InvalidStateStoreException("the analytics topology is not running");
        }
        return running.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
