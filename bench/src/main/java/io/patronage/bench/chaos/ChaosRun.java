package io.patronage.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patronage.bench.kafka.ChainRecords;
import io.patronage.bench.kafka.Clients;
import io.patronage.bench.kafka.Enrollments;
import io.patronage.bench.measure.Fmt;
import io.patronage.bench.measure.Report;
import io.patronage.bench.platform.BenchFailure;
import io.patronage.bench.platform.Http;
import io.patronage.bench.platform.Progress;
import io.patronage.bench.platform.ServiceUnderTest;
import io.patronage.contracts.Topics;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.harness.Service;
import io.patronage.harness.workload.Chain;
import io.patronage.harness.workload.Delivery;
import io.patronage.harness.workload.Member;
import io.patronage.harness.workload.TransactionGenerator;
import io.patronage.harness.workload.Universe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The chaos run of issue 15: a seeded stream of purchases with every record delivered twice and 1% poison records,
 * while points-service runs as two instances of one consumer group (the second joins mid-stream: a rebalance), three
 * {@code kill -9} of a points-service instance and one of analytics-service, each restarted. Then it checks, as
 * figures: every balance against the bench's own count (1 point per whole currency unit, the default program), the
 * rebuild, every poison record in the dead-letter topic and nothing else there, published events against distinct
 * {@code ce_id}s, and analytics' totals against a recount.
 */
public final class ChaosRun {

    /** Starts one instance of a service: the same instance name means the same instance restarted. */
    public interface Services {
        ServiceUnderTest start(Service service, String instance);
    }

    private static final Service POINTS = Service.POINTS;
    private static final Service ANALYTICS = Service.ANALYTICS;
    private static final String POINTS_GROUP = "points-service.transactions";
    private static final String ANALYTICS_GROUP = "analytics-service.views";
    private static final Duration READINESS = Duration.ofMinutes(4);
    private static final Duration CONVERGENCE = Duration.ofMinutes(5);
    private static final double POISON_SHARE = 0.01;
    private static final int RESEND_WINDOW = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record on the wire: a first delivery, its resend, or a poison record. */
    record Send(String key, byte[] value, boolean poison) {
    }

    /** What happens once the stream has reached a share of its records. */
    private record Fault(double at, String description, Runnable action) {
    }

    private final Services services;
    private final String bootstrapServers;
    private final Report report;
    private final Map<String, ServiceUnderTest> running = new LinkedHashMap<>();
    /** Faults run one after the other, beside the stream, which goes on meanwhile. */
    private final ExecutorService faults = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-faults");
        thread.setDaemon(true);
        return thread;
    });

    private ChaosRun(Services services, String bootstrapServers, Report report) {
        this.services = services;
        this.bootstrapServers = bootstrapServers;
        this.report = report;
    }

    /** @return whether every figure is at its "must" */
    public static boolean run(Services services, String bootstrapServers, Universe universe,
                              TransactionGenerator generator, int purchases, int rate, long seed, Report report) {
        ChaosRun chaos = new ChaosRun(services, bootstrapServers, report);
        try {
            return chaos.run(universe, generator, purchases, rate, seed);
        } finally {
            chaos.faults.shutdownNow();
            chaos.running.values().forEach(ServiceUnderTest::close);
        }
    }

    private boolean run(Universe universe, TransactionGenerator generator, int purchaseCount, int rate, long seed) {
        start(POINTS, "points-a");
        start(ANALYTICS, "analytics");
        awaitRunningReady();

        List<Delivery> purchases = purchases(generator, purchaseCount);
        Map<String, String> memberByCard = universe.members().stream()
                .collect(Collectors.toMap(Member::cardNumber, Member::memberId));
        Recount recount = new Recount(universe, purchases, memberByCard);
        List<Send> sends = schedule(purchases, universe, new SplittableRandom(seed));

        try (KafkaProducer<String, byte[]> producer = Clients.producer(bootstrapServers, "chaos-pos-gateway")) {
            ChainRecords.publish(producer, universe.chains());
            Enrollments.publish(producer, universe.members());
            awaitAccountsOpened(universe.members());
            List<Fault> faults = List.of(
                    new Fault(0.15, "second points-service instance joins (rebalance)",
                            () -> start(POINTS, "points-b")),
                    new Fault(0.30, "kill -9 points-a", () -> killAndRestart(POINTS, "points-a")),
                    new Fault(0.45, "kill -9 analytics-service", () -> killAndRestart(ANALYTICS, "analytics")),
                    new Fault(0.60, "kill -9 points-b", () -> killAndRestart(POINTS, "points-b")),
                    new Fault(0.80, "kill -9 points-a", () -> killAndRestart(POINTS, "points-a")));
            List<Future<?>> faultsRun = new ArrayList<>();
            Set<String> poisonPositions = stream(producer, sends, faults, rate, faultsRun);
            awaitFaults(faultsRun);

            long sentRecords = sends.size();
            long poisonSent = sends.stream().filter(Send::poison).count();
            report.row("chaos: records sent", Fmt.count(sentRecords) + " (" + Fmt.count(purchases.size())
                    + " purchases, each twice, and " + Fmt.count(poisonSent) + " poison records)");
            report.row("chaos: duplicates sent", Fmt.count(sentRecords - purchases.size() - poisonSent / 2));

            boolean balances = checkBalances(recount);
            boolean rebuild = checkRebuild();
            boolean deadLetters = checkDeadLetters(poisonPositions);
            boolean published = checkPublished();
            boolean analytics = checkAnalytics(recount);
            return balances && rebuild && deadLetters && published && analytics;
        }
    }

    /** First deliveries of purchases only: the bench's count of their points needs no return policy. */
    private static List<Delivery> purchases(TransactionGenerator generator, int count) {
        List<Delivery> purchases = new ArrayList<>(count);
        while (purchases.size() < count) {
            Delivery delivery = generator.next();
            if (!delivery.duplicate() && delivery.type() == TransactionType.PURCHASE) {
                purchases.add(delivery);
            }
        }
        return purchases;
    }

    /** Every purchase twice (the copy within the next {@value #RESEND_WINDOW} records), poison among them. */
    static List<Send> schedule(List<Delivery> purchases, Universe universe, SplittableRandom random) {
        List<Send> firsts = new ArrayList<>();
        int poisonEvery = (int) Math.round(1 / POISON_SHARE);
        String chainId = universe.chains().get(0).chainId();
        int poison = 0;
        for (int i = 0; i < purchases.size(); i++) {
            Delivery purchase = purchases.get(i);
            firsts.add(new Send(purchase.key(), purchase.value(), false));
            if (i % poisonEvery == poisonEvery / 2) {
                firsts.add(new Send("poison-" + poison, PoisonRecords.next(poison++, chainId, random), true));
            }
        }
        List<List<Send>> slots = new ArrayList<>();
        firsts.forEach(send -> slots.add(new ArrayList<>(List.of(send))));
        for (int i = 0; i < firsts.size(); i++) {
            int at = Math.min(slots.size() - 1, i + 1 + random.nextInt(RESEND_WINDOW));
            slots.get(at).add(firsts.get(i));
        }
        return slots.stream().flatMap(List::stream).toList();
    }

    /** Sends at a fixed rate, running each fault when its share of the stream is reached; returns poison positions. */
    private Set<String> stream(KafkaProducer<String, byte[]> producer, List<Send> sends, List<Fault> schedule, int rate,
                               List<Future<?>> faults) {
        Progress progress = new Progress("chaos");
        List<CompletableFuture<String>> poison = new ArrayList<>();
        long started = System.nanoTime();
        int nextFault = 0;
        for (int i = 0; i < sends.size(); i++) {
            while (nextFault < schedule.size() && i >= schedule.get(nextFault).at() * sends.size()) {
                Fault fault = schedule.get(nextFault++);
                int at = i;
                faults.add(this.faults.submit(() -> {
                    progress.print("at record " + Fmt.count(at) + ": " + fault.description());
                    report.note("chaos from record " + at + ": " + fault.description());
                    fault.action().run();
                }));
            }
            Send send = sends.get(i);
            CompletableFuture<String> position = new CompletableFuture<>();
            producer.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), send.key(), send.value()),
                    (metadata, error) -> complete(position, metadata, error));
            if (send.poison()) {
                poison.add(position);
            }
            long due = started + (long) ((i + 1) * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Progress.pause(wait / 1_000_000);
            }
            int sent = i + 1;
            progress.tick(() -> Fmt.count(sent) + " / " + Fmt.count(sends.size()) + " records sent");
        }
        producer.flush();
        return poison.stream().map(CompletableFuture::join).collect(Collectors.toSet());
    }

    private static void complete(CompletableFuture<String> position, RecordMetadata metadata, Exception error) {
        if (error != null) {
            position.completeExceptionally(error);
        } else {
            position.complete(metadata.partition() + "@" + metadata.offset());
        }
    }

    private void start(Service service, String instance) {
        ServiceUnderTest process = services.start(service, instance);
        synchronized (running) {
            running.put(instance, process);
        }
    }

    /** Once the instance is up and consuming, SIGKILL; a new process of the same instance a moment later. */
    private void killAndRestart(Service service, String instance) {
        ServiceUnderTest victim;
        synchronized (running) {
            victim = running.get(instance);
        }
        victim.awaitReady(READINESS);
        victim.kill();
        Progress.pause(2_000);
        start(service, instance);
    }

    private void awaitFaults(List<Future<?>> faults) {
        for (Future<?> fault : faults) {
            try {
                fault.get();
            } catch (Exception e) {
                throw new BenchFailure("a fault could not be injected: " + e, e);
            }
        }
        awaitRunningReady();
    }

    private void awaitRunningReady() {
        List<ServiceUnderTest> processes;
        synchronized (running) {
            processes = List.copyOf(running.values());
        }
        processes.forEach(process -> process.awaitReady(READINESS));
    }

    private Http points() {
        synchronized (running) {
            return running.get("points-a").http();
        }
    }

    private void awaitAccountsOpened(List<Member> members) {
        Set<String> pending = members.stream().map(Member::memberId).collect(Collectors.toCollection(HashSet::new));
        Progress progress = new Progress("chaos enrollment");
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new BenchFailure(pending.size() + " accounts not opened after " + CONVERGENCE);
            }
            pending.removeIf(member -> balance(member).isPresent());
            progress.tick(() -> Fmt.count(members.size() - pending.size()) + " / " + Fmt.count(members.size())
                    + " accounts open");
            Progress.pause(200);
        }
    }

    private Optional<Long> balance(String memberId) {
        try {
            return points().json("/members/" + URLEncoder.encode(memberId, StandardCharsets.UTF_8) + "/points")
                    .map(body -> body.path("balance"))
                    .filter(JsonNode::isNumber)
                    .map(JsonNode::asLong);
        } catch (BenchFailure e) {
            return Optional.empty();
        }
    }

    private boolean checkBalances(Recount recount) {
        Map<String, Long> expected = recount.balances();
        Map<String, Long> wrong = new HashMap<>(expected);
        Progress progress = new Progress("chaos balances");
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        while (!wrong.isEmpty() && System.nanoTime() < deadline) {
            wrong.entrySet().removeIf(member -> balance(member.getKey()).equals(Optional.of(member.getValue())));
            progress.tick(() -> Fmt.count(expected.size() - wrong.size()) + " / " + Fmt.count(expected.size())
                    + " balances exact");
            if (!wrong.isEmpty()) {
                Progress.pause(500);
            }
        }
        wrong.keySet().stream().limit(5).forEach(member -> report.note("chaos: balance of " + member + " is "
                + balance(member).map(String::valueOf).orElse("unreadable") + ", expected " + expected.get(member)));
        report.row("chaos: balances exact", Fmt.count(expected.size() - wrong.size()) + " / "
                + Fmt.count(expected.size()), "all", wrong.isEmpty());
        return wrong.isEmpty();
    }

    private boolean checkRebuild() {
        var response = points().post("/admin/rebuild", Duration.ofMinutes(10));
        JsonNode result = parse(response.body());
        boolean equal = response.statusCode() == 200 && result.path("equal").asBoolean(false);
        report.row("chaos: rebuild equal", "checksum " + result.path("checksumBefore").asText("?") + " -> "
                + result.path("checksumAfter").asText("?") + ", " + result.path("balancesWritten").asText("?")
                + " balances rewritten", "equal, 0 rewritten", equal && result.path("balancesWritten").asInt(-1) == 0);
        return equal && result.path("balancesWritten").asInt(-1) == 0;
    }

    /** Each consumer group dead-letters every poison record (a redelivered one again: counted once) and nothing else. */
    private boolean checkDeadLetters(Set<String> poison) {
        Map<String, Set<String>> positionsByGroup = new TreeMap<>();
        long[] records = {0};
        TopicScan.scan(bootstrapServers, Topics.TRANSACTIONS.deadLetterTopic(), record -> {
            records[0]++;
            positionsByGroup.computeIfAbsent(TopicScan.header(record, "dlq.consumer.group"), group -> new HashSet<>())
                    .add(TopicScan.header(record, "dlq.original.partition") + "@"
                            + TopicScan.header(record, "dlq.original.offset"));
        });
        boolean all = true;
        for (String group : List.of(POINTS_GROUP, ANALYTICS_GROUP)) {
            Set<String> found = positionsByGroup.getOrDefault(group, Set.of());
            long poisonFound = poison.stream().filter(found::contains).count();
            long others = found.stream().filter(position -> !poison.contains(position)).count();
            boolean exact = poisonFound == poison.size() && others == 0;
            all &= exact;
            report.row("chaos: poison in DLQ (" + group + ")", Fmt.count(poisonFound) + " of " + Fmt.count(poison.size())
                    + " poison records, " + Fmt.count(others) + " good records", "all poison, 0 good", exact);
        }
        report.row("chaos: DLQ records", Fmt.count(records[0]) + " (a record dead-lettered again after a kill -9 "
                + "counts once per group above)");
        return all;
    }

    private boolean checkPublished() {
        long[] records = {0};
        Set<String> ids = new HashSet<>();
        TopicScan.scan(bootstrapServers, Topics.POINTS.name(), record -> {
            records[0]++;
            ids.add(TopicScan.header(record, "ce_id"));
        });
        boolean exact = records[0] == ids.size();
        report.row("chaos: published points events", Fmt.count(records[0]) + " records, " + Fmt.count(ids.size())
                + " distinct ce_id", "equal", exact);
        return exact;
    }

    private boolean checkAnalytics(Recount recount) {
        Map<String, Recount.ChainTotals> expected = recount.chains();
        Map<String, JsonNode> last = new TreeMap<>();
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        Progress progress = new Progress("chaos analytics");
        boolean equal = false;
        while (!equal && System.nanoTime() < deadline) {
            equal = true;
            for (Map.Entry<String, Recount.ChainTotals> chain : expected.entrySet()) {
                Optional<JsonNode> view = participation(chain.getKey());
                view.ifPresent(found -> last.put(chain.getKey(), found));
                equal &= view.map(found -> chain.getValue().matches(found)).orElse(false);
            }
            progress.tick(() -> "waiting for analytics' totals");
            if (!equal) {
                Progress.pause(500);
            }
        }
        long matching = expected.entrySet().stream()
                .filter(chain -> Optional.ofNullable(last.get(chain.getKey())).map(chain.getValue()::matches).orElse(false))
                .count();
        expected.forEach((chain, totals) -> report.note("chaos: " + chain + " recount " + totals + ", analytics "
                + Optional.ofNullable(last.get(chain)).map(Recount.ChainTotals::of).orElse(null)));
        report.row("chaos: analytics totals equal to a recount", matching + " of " + expected.size()
                + " chains (member and non-member purchases, points issued)", "all", equal);
        return equal;
    }

    private Optional<JsonNode> participation(String chainId) {
        Http analytics;
        synchronized (running) {
            analytics = running.get("analytics").http();
        }
        try {
            return analytics.json("/analytics/participation?chainId=" + URLEncoder.encode(chainId, StandardCharsets.UTF_8));
        } catch (BenchFailure e) {
            return Optional.empty();
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bench's own count of what the platform must show: the default program, 1 point per whole unit. */
    private static final class Recount {

        record ChainTotals(long memberPurchases, long nonMemberPurchases, long pointsIssued) {
            boolean matches(JsonNode view) {
                return of(view).equals(this);
            }

            static ChainTotals of(JsonNode view) {
                return new ChainTotals(view.path("memberTransactions").asLong(),
                        view.path("nonMemberTransactions").asLong(), view.path("pointsIssued").asLong());
            }
        }

        private final Map<String, Long> balances = new HashMap<>();
        private final Map<String, long[]> chains = new TreeMap<>();

        Recount(Universe universe, List<Delivery> purchases, Map<String, String> memberByCard) {
            universe.members().forEach(member -> balances.put(member.memberId(), 0L));
            universe.chains().stream().map(Chain::chainId).forEach(chain -> chains.put(chain, new long[3]));
            for (Delivery purchase : purchases) {
                long[] chain = chains.get(purchase.chainId());
                if (!purchase.member()) {
                    chain[1]++;
                    continue;
                }
                long points = total(purchase).setScale(0, RoundingMode.DOWN).longValueExact();
                balances.merge(memberByCard.get(purchase.cardNumber()), points, Long::sum);
                chain[0]++;
                chain[2] += points;
            }
        }

        private static BigDecimal total(Delivery delivery) {
            return new BigDecimal(parse(new String(delivery.value(), StandardCharsets.UTF_8)).path("total").asText());
        }

        Map<String, Long> balances() {
            return balances;
        }

        Map<String, ChainTotals> chains() {
            Map<String, ChainTotals> totals = new TreeMap<>();
            chains.forEach((chain, counts) -> totals.put(chain, new ChainTotals(counts[0], counts[1], counts[2])));
            return totals;
        }
    }
}
