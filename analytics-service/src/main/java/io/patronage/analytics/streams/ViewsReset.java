package io.patronage.analytics.streams;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * {@code java -jar analytics-service.jar reset}: makes the next start of the analytics application recompute every
 * view from offset 0 of its input topics, as Kafka's {@code kafka-streams-application-reset} with
 * {@code --to-earliest} does, plus the local state. Every instance must be stopped first (it refuses while the
 * application's group has members). It deletes the application's consumer group (its committed offsets: with none,
 * the application reads from the earliest offset), its internal topics (changelogs and repartition topics, named
 * {@code <application id>-...}) and the local state of every instance under the state directory. The view topics
 * are left as they are: being compacted, the recomputed records replace the old ones key by key.
 * <p>
 * Configured as the service is ({@code application.yml}, the environment): {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code PATRONAGE_ANALYTICS_APPLICATION_ID}, {@code PATRONAGE_ANALYTICS_STATE_DIR} and the {@code KAFKA_SECURITY_*},
 * {@code KAFKA_SASL_*}, {@code KAFKA_SSL_*} client settings.
 *
 * @param admin         the Admin client's configuration
 * @param applicationId the Kafka Streams application id (its consumer group, the prefix of its internal topics)
 * @param stateDir      where the instances keep their state, a directory per instance id
 */
public record ViewsReset(Map<String, Object> admin, String applicationId, Path stateDir) {

    public ViewsReset {
        admin = Map.copyOf(admin);
    }

    /** The reset of the application the service's configuration names. */
    public static ViewsReset configured(Environment environment) {
        Map<String, Object> admin = new HashMap<>();
        environment.getProperties("kafka", StringConvention.RAW).forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                admin.put(key, value.toString());
            }
        });
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getRequiredProperty("kafka.bootstrap.servers", String.class));
        return new ViewsReset(admin,
                environment.getRequiredProperty("patronage.analytics.application-id", String.class),
                Path.of(environment.getRequiredProperty("patronage.analytics.state-dir", String.class)));
    }

    /** The {@code reset} command: reads the configuration without starting the service. */
    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.builder().args(args).build()) {
            Environment environment = context.getEnvironment().start();
            ViewsReset reset = configured(environment);
            System.out.println(reset.run());
        } catch (IllegalStateException e) {
            System.err.println("reset refused: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * @return what was reset, in a sentence
     * @throws IllegalStateException while an instance of the application runs
     */
    public String run() {
        try (Admin kafka = Admin.create(admin)) {
            int running = members(kafka);
            if (running > 0) {
                throw new IllegalStateException(running + " instance(s) of " + applicationId
                        + " are running: stop every instance first");
            }
            try {
                kafka.deleteConsumerGroups(List.of(applicationId)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
            List<String> internal = kafka.listTopics().names().get().stream()
                    .filter(topic -> topic.startsWith(applicationId + "-")
                            && (topic.endsWith("-changelog") || topic.endsWith("-repartition")))
                    .sorted().toList();
            kafka.deleteTopics(internal).all().get();
            int states = deleteLocalState();
            return "reset " + applicationId + ": consumer group deleted, " + internal.size()
                    + " internal topics deleted, local state of " + states
                    + " instance(s) deleted; the next start recomputes every view from offset 0";
        } catch (ExecutionException e) {
            throw new IllegalStateException("the reset of " + applicationId + " failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private int members(Admin kafka) throws InterruptedException, ExecutionException {
        try {
            ConsumerGroupDescription group = kafka.describeConsumerGroups(List.of(applicationId)).all().get()
                    .get(applicationId);
            return group == null ? 0 : group.members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
    }

    /** Each instance keeps its state in {@code <state-dir>/<instance id>/<application id>} (StreamsEngine). */
    private int deleteLocalState() {
        if (!Files.isDirectory(stateDir)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> instances = Files.list(stateDir)) {
            for (Path instance : instances.toList()) {
                Path state = instance.resolve(applicationId);
                if (Files.isDirectory(state)) {
                    delete(state);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deleted;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
