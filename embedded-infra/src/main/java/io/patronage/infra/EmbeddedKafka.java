package io.patronage.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import io.patronage.harness.Ports;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker running in this JVM: one KRaft node that is both broker and controller.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;
    private final String clusterId;
    private final Optional<Path> temporaryLogDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, int port, String clusterId, Optional<Path> temporaryLogDir) {
        this.server = server;
        this.port = port;
        this.clusterId = clusterId;
        this.temporaryLogDir = temporaryLogDir;
    }

    /**
     * Starts a broker whose data lives in {@code logDir}. A directory formatted by an earlier run is
     * reused as it is, so topics, records and committed offsets survive a restart.
     *
     * @param port the PLAINTEXT port, or 0 for a free one
     */
    public static EmbeddedKafka start(Path logDir, int port) {
        return start(logDir, port, Optional.empty());
    }

    /** Starts a broker on a free port with a temporary log directory that {@link #close()} deletes. */
    public static EmbeddedKafka startTemporary() {
        Path logDir = Directories.createTemporary("patronage-kafka-");
        try {
            return start(logDir, 0, Optional.of(logDir));
        } catch (RuntimeException e) {
            Directories.deleteRecursively(logDir);
            throw e;
        }
    }

    /**
     * Like {@link #startTemporary()}, but secured as Kafka runs in production (without TLS): every client logs in
     * with SASL, SCRAM-SHA-512 for the users one creates through the Admin API, PLAIN for the super user
     * {@code admin} with this password; and may do only what ACLs allow (StandardAuthorizer, no ACL no access).
     */
    public static EmbeddedKafka startTemporarySecured(String adminPassword) {
        Path logDir = Directories.createTemporary("patronage-kafka-");
        try {
            return start(logDir, 0, Optional.of(logDir), Optional.of(adminPassword));
        } catch (RuntimeException e) {
            Directories.deleteRecursively(logDir);
            throw e;
        }
    }

    private static EmbeddedKafka start(Path logDir, int requestedPort, Optional<Path> temporaryLogDir) {
        return start(logDir, requestedPort, temporaryLogDir, Optional.empty());
    }

    private static EmbeddedKafka start(Path logDir, int requestedPort, Optional<Path> temporaryLogDir,
                                       Optional<String> adminPassword) {
        long startedAt = System.nanoTime();
        Directories.create(logDir);
        List<Integer> freePorts = Ports.free(2);
        int port = requestedPort == 0 ? freePorts.get(0) : requestedPort;
        int controllerPort = freePorts.get(1) == port ? freePorts.get(0) : freePorts.get(1);

        Properties properties = brokerProperties(logDir, port, controllerPort);
        adminPassword.ifPresent(password -> secure(properties, port, password));
        String clusterId = existingClusterId(logDir).orElseGet(() -> format(properties));
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
        try {
            // Returns once the broker is registered and unfenced, i.e. ready for clients.
            server.startup();
        } catch (RuntimeException e) {
            // A failed broker stops itself but leaves the controller running, which would fight the next
            // start on this log directory and halt the JVM.
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }

        LOG.info("Kafka broker started on localhost:{} in {} ms (cluster {}, log dir {})",
                port, (System.nanoTime() - startedAt) / 1_000_000, clusterId, logDir);
        return new EmbeddedKafka(server, port, clusterId, temporaryLogDir);
    }

    private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", String.valueOf(NODE_ID));
        // A static voter set (kraft.version 0) keeps no controller address in the log,
        // so a restart may pick a different controller port.
        props.setProperty("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        props.setProperty("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());

        props.setProperty("num.partitions", "1");
        props.setProperty("auto.create.topics.enable", "true");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // Internal topics default to replication factor 3 and 50 partitions; one node needs neither.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.num.partitions", "1");
        return props;
    }

    private static void secure(Properties props, int port, String adminPassword) {
        props.setProperty("listeners", "SASL_PLAINTEXT://localhost:" + port + ","
                + props.getProperty("listeners").replaceFirst("^PLAINTEXT://[^,]*,", ""));
        props.setProperty("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
        props.setProperty("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.setProperty("inter.broker.listener.name", "SASL_PLAINTEXT");
        props.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN");
        props.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
        props.setProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                        + adminPassword + "\" user_admin=\"" + adminPassword + "\";");
        props.setProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The controller listener is this JVM's own (localhost, plaintext): its anonymous principal is the node itself.
        props.setProperty("super.users", "User:admin;User:ANONYMOUS");
        props.setProperty("allow.everyone.if.no.acl.found", "false");
        props.setProperty("auto.create.topics.enable", "false");
    }

    /** The cluster id of a log directory formatted earlier, read from the meta.properties that formatting wrote. */
    private static Optional<String> existingClusterId(Path logDir) {
        Path metaProperties = logDir.resolve("meta.properties");
        if (!Files.exists(metaProperties)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(metaProperties)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + metaProperties, e);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    /** Formats the log directory with {@code kafka-storage format} and returns the new cluster id. */
    private static String format(Properties brokerProperties) {
        String clusterId = Uuid.randomUuid().toString();
        Path configFile = null;
        try (PrintStream silent = new PrintStream(OutputStream.nullOutputStream())) {
            configFile = Files.createTempFile("patronage-kafka-", ".properties");
            try (Writer writer = Files.newBufferedWriter(configFile)) {
                brokerProperties.store(writer, null);
            }
            int exitCode = StorageTool.execute(
                    new String[] {"format", "--config", configFile.toString(), "--cluster-id", clusterId}, silent);
            if (exitCode != 0) {
                throw new IllegalStateException("kafka-storage format exited with " + exitCode);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not format the Kafka log directory", e);
        } finally {
            deleteQuietly(configFile);
        }
        return clusterId;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover file in the temp directory is harmless.
        }
    }

    /** The address clients bootstrap from: {@code localhost:PORT}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The id written into the log directory when it was formatted; stays the same across restarts. */
    public String clusterId() {
        return clusterId;
    }

    /** Shuts the broker down and waits until it has stopped. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        temporaryLogDir.ifPresent(Directories::deleteRecursively);
        LOG.info("Kafka broker on localhost:{} stopped", port);
    }
}
