package io.patronage.launcher.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.patronage.contracts.Topics;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.harness.workload.TransactionGenerator;
import io.patronage.launcher.Console;
import io.patronage.launcher.Platform;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --demo}: enrolls members of three chains, then streams a few synthetic POS transactions a second to
 * {@code retail.transactions.v1} as a POS system would (plain JSON, keyed by card number or transaction id),
 * and every ten seconds prints how a member's balance and the chain's participation move; coupons are issued
 * (welcome offers, punch cards), used at the till and left to expire ({@link DemoRewards}).
 */
public final class Demo implements AutoCloseable {

    static final String PREFIX = Console.prefix("demo");
    private static final long SEND_EVERY_MILLIS = 300;
    private static final long PROGRESS_EVERY_SECONDS = 10;
    private static final long WATCH_EVERY_SECONDS = 5;

    private final PrintStream out;
    private final ObjectMapper json = json();
    private final DemoClient client;
    private final DemoEnrollment enrollment;
    private final DemoRewards rewards;
    private final List<DemoChain> chains = DemoChains.all();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "patronage-demo"));
    private final Producer<String, String> producer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sentWithoutCard = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private TransactionGenerator generator;
    private List<DemoMember> members = List.of();
    private int progressRound;
    private int failedWatches;

    private Demo(Platform platform, Path dataDir, PrintStream out) {
        this.out = out;
        this.client = new DemoClient(platform, json);
        this.enrollment = new DemoEnrollment(client, json, dataDir, out, new Random());
        this.rewards = new DemoRewards(client, out);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "patronage-demo",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    /** ISO-8601 times with their offset, and amounts written as they are (never 1.2E+7). */
    static ObjectMapper json() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    public static Demo start(Platform platform, Path dataDir, PrintStream out) {
        Demo demo = new Demo(platform, dataDir, out);
        demo.executor.execute(demo::begin);
        return demo;
    }

    private void begin() {
        try {
            rewards.setUp(chains);
        } catch (IOException e) {
            out.println(PREFIX + "Could not set up the demo's rewards: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            members = enrollment.members(chains);
        } catch (IOException e) {
            out.println(PREFIX + "Enrollment failed, sending non-member transactions only: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        generator = DemoTraffic.generator(chains, members, new Random().nextLong(), Clock.systemUTC());
        out.println(PREFIX + "Streaming about " + 1000 / SEND_EVERY_MILLIS + " POS transactions a second to "
                + Topics.TRANSACTIONS.name() + "; progress every " + PROGRESS_EVERY_SECONDS + " s");
        executor.scheduleAtFixedRate(this::sendOne, 0, SEND_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        executor.scheduleAtFixedRate(this::watchCoupons, WATCH_EVERY_SECONDS, WATCH_EVERY_SECONDS, TimeUnit.SECONDS);
        executor.scheduleAtFixedRate(this::reportProgress, PROGRESS_EVERY_SECONDS, PROGRESS_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void sendOne() {
        try {
            PosTransaction transaction = rewards.atTheTill(generator.nextTransaction());
            String key = transaction.hasCard() ? transaction.cardNumber() : transaction.transactionId();
            producer.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), key, json.writeValueAsString(transaction)),
                    (metadata, error) -> {
                        if (error != null) {
                            if (failed.getAndIncrement() == 0) {
                                out.println(PREFIX + "Kafka did not take a transaction: " + error);
                            }
                        } else {
                            sent.incrementAndGet();
                            if (!transaction.hasCard()) {
                                sentWithoutCard.incrementAndGet();
                            }
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // A scheduled task that throws is never run again: report and go on.
            out.println(PREFIX + "Could not send a transaction: " + e);
        }
    }

    private void reportProgress() {
        DemoChain chain = chains.get(progressRound++ % chains.size());
        StringBuilder line = new StringBuilder(PREFIX).append(String.format(Locale.ROOT,
                "%,d transactions sent (%,d without a card)", sent.get(), sentWithoutCard.get()));
        if (failed.get() > 0) {
            line.append(String.format(Locale.ROOT, ", %,d failed", failed.get()));
        }
        members.stream().filter(member -> member.chainId().equals(chain.chainId())).findFirst()
                .ifPresent(member -> line.append(" | ").append(member.displayName()).append(": ")
                        .append(ask(() -> client.points(member.memberId())
                                .map(points -> String.format(Locale.ROOT, "%,d points", points.path("balance").asLong()))
                                .orElse("no points account yet"))));
        line.append(" | ").append(chain.chainId()).append(": ")
                .append(ask(() -> client.participation(chain.chainId())
                        .map(Demo::describeParticipation)
                        .orElse("no participation yet")));
        line.append(" | ").append(rewards.describe());
        out.println(line);
    }

    private void watchCoupons() {
        String failure;
        try {
            failure = ask(() -> {
                rewards.watch(members);
                return null;
            });
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: report and go on.
            failure = e.toString();
        }
        if (failure != null && failedWatches++ == 0) {
            out.println(PREFIX + "Could not read the members' coupons: " + failure);
        }
    }

    private interface Query {
        String answer() throws IOException, InterruptedException;
    }

    /** The answer, or what went wrong: a service that is down should not stop the demo. */
    private static String ask(Query query) {
        try {
            return query.answer();
        } catch (IOException e) {
            return String.valueOf(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String describeParticipation(JsonNode view) {
        return String.format(Locale.ROOT, "%,d members, %,d member / %,d non-member transactions, %,d points issued, %,d redeemed",
                view.path("enrolledMembers").asLong(), view.path("memberTransactions").asLong(),
                view.path("nonMemberTransactions").asLong(), view.path("pointsIssued").asLong(),
                view.path("pointsRedeemed").asLong());
    }

    /** Stops sending and flushes what the producer still holds. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        out.println(PREFIX + String.format(Locale.ROOT, "Stopped after %,d transactions", sent.get()));
    }
}
