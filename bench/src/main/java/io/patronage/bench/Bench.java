package io.patronage.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.patronage.bench.BenchOptions.Measurement;
import io.patronage.bench.chaos.ChaosRun;
import io.patronage.bench.kafka.ChainRecords;
import io.patronage.bench.kafka.Clients;
import io.patronage.bench.kafka.PointsWatcher;
import io.patronage.bench.measure.AnalyticsProbe;
import io.patronage.bench.measure.AnalyticsReplay;
import io.patronage.bench.measure.AnalyticsState;
import io.patronage.bench.measure.Baseline;
import io.patronage.bench.measure.EarnRun;
import io.patronage.bench.measure.Enrollment;
import io.patronage.bench.measure.Expectations;
import io.patronage.bench.measure.Fmt;
import io.patronage.bench.measure.LatencyRun;
import io.patronage.bench.measure.Platform;
import io.patronage.bench.measure.Rebuild;
import io.patronage.bench.measure.RedemptionRun;
import io.patronage.bench.measure.Report;
import io.patronage.bench.measure.StoreRates;
import io.patronage.bench.platform.BenchFailure;
import io.patronage.bench.platform.ServiceUnderTest;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.harness.Service;
import io.patronage.harness.ServiceJars;
import io.patronage.harness.workload.Chain;
import io.patronage.harness.workload.Delivery;
import io.patronage.harness.workload.Member;
import io.patronage.harness.workload.TransactionGenerator;
import io.patronage.harness.workload.Universe;
import io.patronage.infra.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The benchmark suite of issue 4, in one run: embedded Kafka and Mongo in this JVM, points-service and
 * analytics-service spawned from their jars, then the store's own rates, the raw Kafka baseline, enrollment,
 * the earn run (throughput, storage cost, analytics lag), the fixed-rate latency run and the rebuild. Prints a
 * table and writes {@code bench/results/<timestamp>.json}.
 */
public final class Bench {

    private static final Service POINTS = Service.POINTS;
    private static final Service ANALYTICS = Service.ANALYTICS;
    private static final Service REWARDS = Service.REWARDS;
    private static final String POINTS_DATABASE = "patronage-points";
    private static final String ANALYTICS_DATABASE = "patronage-analytics";
    private static final String REWARDS_DATABASE = "patronage-rewards";
    /** Members whose apps redeem in the redemption run, four requests each. */
    private static final int REDEEMERS = 500;
    private static final Duration READINESS = Duration.ofMinutes(4);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The generated world and the records of the warm-up and the earn run; the latency run draws more. */
    private record Workload(Universe universe, TransactionGenerator generator, List<Delivery> warmup,
                            List<Delivery> load) {
    }

    private final BenchOptions options;
    private final Path root;
    private final Report report = new Report();
    private final Instant startedAt = Instant.now();
    private final Path runDir;
    private final Optional<Profiling> profiling;
    private final ServiceJars jars;
    private final List<ServiceUnderTest> services = new CopyOnWriteArrayList<>();
    private EarnRun.Result earn;

    private Bench(BenchOptions options, Path root) {
        this.options = options;
        this.root = root;
        this.runDir = root.resolve("bench/results").resolve(STAMP.format(startedAt));
        this.profiling = options.profile() ? Optional.of(new Profiling(runDir)) : Optional.empty();
        Set<Service> needed = EnumSet.noneOf(Service.class);
        if (options.needsPointsService()) {
            needed.add(POINTS);
        }
        if (options.measures(Measurement.ANALYTICS)) {
            needed.add(ANALYTICS);
        }
        if (options.measures(Measurement.REDEEM)) {
            needed.add(REWARDS);
        }
        this.jars = ServiceLauncher.requireJars(root, needed);
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        int status = 0;
        try {
            new Bench(options, repositoryRoot()).run();
        } catch (BenchFailure e) {
            System.err.println("bench failed: " + e.getMessage());
            status = 1;
        }
        // The embedded broker leaves non-daemon threads behind.
        System.exit(status);
    }

    private void run() {
        Map<String, Object> machine = MachineInfo.collect();
        report.put("startedAt", startedAt.toString());
        report.put("machine", machine);
        report.put("options", optionsJson());
        System.out.println("Patronage bench: " + Fmt.count(options.transactions()) + " transactions, "
                + Fmt.count(options.members()) + " members, " + options.stores() + " stores, " + options.chains()
                + " chains, seed " + options.seed() + ", Mongo " + options.mongo().name().toLowerCase());
        System.out.println("machine: " + MachineInfo.describe(machine));
        Workload workload = generate();

        Path workDir = createTemporaryDirectory();
        Thread stopServices = new Thread(() -> services.forEach(ServiceUnderTest::close), "stop-services");
        Runtime.getRuntime().addShutdownHook(stopServices);
        BenchFailure failure = null;
        try (Infrastructure infra = startInfrastructure(workDir);
             MongoClient mongo = MongoClients.create(infra.mongoUri())) {
            runOn(infra, mongo, new ServiceLauncher(jars, workDir, runDir, options.heap(), profiling), workload);
        } catch (BenchFailure e) {
            // What was measured before the failure is still worth the file.
            failure = e;
            report.note("the run stopped early: " + e.getMessage());
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopServices);
            deleteQuietly(workDir);
        }
        if (earn != null) {
            profiling.ifPresent(p -> p.summarise(earn.from(), earn.to(), report));
        }
        finish();
        if (failure != null) {
            throw failure;
        }
    }

    /** Everything that needs the infrastructure; the services stop before it does. */
    private void runOn(Infrastructure infra, MongoClient mongo, ServiceLauncher launcher, Workload workload) {
        if (options.chaos()) {
            runChaos(infra, launcher, workload);
            return;
        }
        try {
            Optional<ServiceUnderTest> points = Optional.empty();
            Optional<ServiceUnderTest> analytics = Optional.empty();
            if (options.needsPointsService()) {
                points = Optional.of(launcher.start(POINTS, infra, POINTS_DATABASE, true));
                services.add(points.get());
            }
            if (options.measures(Measurement.ANALYTICS)) {
                analytics = Optional.of(launcher.start(ANALYTICS, infra, ANALYTICS_DATABASE, true));
                services.add(analytics.get());
            }
            Optional<ServiceUnderTest> rewards = Optional.empty();
            if (options.measures(Measurement.REDEEM)) {
                rewards = Optional.of(launcher.start(REWARDS, infra, REWARDS_DATABASE, false));
                services.add(rewards.get());
            }
            for (ServiceUnderTest service : services) {
                System.out.println("[start] waiting for " + service.name() + " (log: " + root.relativize(service.log())
                        + ")");
                service.awaitReady(READINESS);
            }

            if (options.measures(Measurement.STORAGE)) {
                int documents = Math.max(10_000, Math.min(options.transactions(), 100_000));
                StoreRates.measure(mongo, documents, options.members(), report);
            }
            Optional<Baseline.Result> baseline = Optional.empty();
            if (options.measures(Measurement.BASELINE)) {
                baseline = Optional.of(Baseline.run(infra.kafkaBootstrapServers(), workload.warmup(), workload.load(),
                        report));
            }
            if (points.isPresent()) {
                measurePlatform(infra, mongo, launcher, points.get(), analytics, rewards, workload, baseline);
            }
        } finally {
            services.forEach(ServiceUnderTest::close);
        }
    }

    private void runChaos(Infrastructure infra, ServiceLauncher launcher, Workload workload) {
        Map<Service, String> databases = Map.of(POINTS, POINTS_DATABASE, ANALYTICS, ANALYTICS_DATABASE);
        boolean met = ChaosRun.run((service, instance) -> launcher.start(service, instance, infra,
                        databases.get(service), false), infra.kafkaBootstrapServers(), workload.universe(),
                workload.generator(), options.transactions(), options.rate() == null ? 300 : options.rate(),
                options.seed(), report);
        if (!met) {
            throw new BenchFailure("chaos run: a figure missed its \"must\" (see the table)");
        }
    }

    private void measurePlatform(Infrastructure infra, MongoClient mongo, ServiceLauncher launcher,
                                 ServiceUnderTest points, Optional<ServiceUnderTest> analytics,
                                 Optional<ServiceUnderTest> rewards, Workload workload,
                                 Optional<Baseline.Result> baseline) {
        Universe universe = workload.universe();
        Expectations expectations = new Expectations(universe.chains().stream().map(Chain::chainId).toList(),
                universe.members());
        Map<String, String> memberByCard = universe.members().stream()
                .collect(Collectors.toMap(Member::cardNumber, Member::memberId));
        Optional<AnalyticsProbe> probe = analytics.map(service -> new AnalyticsProbe(service.http()));
        String bootstrap = infra.kafkaBootstrapServers();
        try (KafkaProducer<String, byte[]> producer = Clients.producer(bootstrap, "bench-pos-gateway");
             PointsWatcher watcher = new PointsWatcher(bootstrap)) {
            Platform platform = new Platform(bootstrap, mongo, POINTS_DATABASE, points, analytics, producer, watcher,
                    expectations, memberByCard);
            ChainRecords.publish(producer, universe.chains());
            Enrollment.run(platform, universe.members(), probe, report);
            if (options.runsEarnPhase() || options.measures(Measurement.LATENCY)) {
                EarnRun.warmUp(platform, workload.warmup());
            }
            if (options.runsEarnPhase()) {
                profiling.ifPresent(Profiling::startOwnRecording);
                earn = EarnRun.run(platform, workload.load(), baseline, probe, report);
                profiling.ifPresent(Profiling::stopOwnRecording);
                analytics.ifPresent(service -> AnalyticsState.report(service, launcher.stateDir(ANALYTICS.artifact()),
                        options.members(), workload.load().size(), report));
            }
            if (options.measures(Measurement.LATENCY)) {
                int rate = options.rate() != null ? options.rate()
                        : (int) Math.max(1, Math.round(earn.perSecond() / 2));
                int count = (int) Math.max(200, Math.min(2_000_000L, (long) rate * options.latencySeconds()));
                LatencyRun.run(platform, workload.generator().next(count), rate, probe, report);
            }
            rewards.ifPresent(service -> RedemptionRun.run(service, bootstrap, launcher.tokens(),
                    RedemptionRun.withPoints(points, universe.members(), REDEEMERS), report));
            if (options.measures(Measurement.REBUILD)) {
                Rebuild.run(platform, options.rebuildEvents(), report);
            }
            if (analytics.isPresent() && options.runsEarnPhase()) {
                replayAnalytics(infra, launcher, analytics.get(), platform);
            }
        }
    }

    /** Last, when nothing else sends: the reset and a recomputation of every view by a new analytics-service. */
    private void replayAnalytics(Infrastructure infra, ServiceLauncher launcher, ServiceUnderTest analytics,
                                 Platform platform) {
        System.out.println("[analytics replay] reading the live views, stopping analytics-service, reset, "
                + "recomputing every view");
        AnalyticsReplay.run(() -> {
            analytics.close();
            launcher.run(ANALYTICS, ANALYTICS.artifact(), infra, ANALYTICS_DATABASE, "reset");
        }, () -> {
            ServiceUnderTest replaying = launcher.start(ANALYTICS, ANALYTICS.artifact() + "-replay", infra,
                    ANALYTICS_DATABASE, true);
            services.add(replaying);
            return replaying;
        }, READINESS, platform, report);
    }

    private Infrastructure startInfrastructure(Path workDir) {
        System.out.println("[start] embedded Kafka broker and MongoDB wire server ("
                + options.mongo().name().toLowerCase() + ") in " + workDir);
        return options.mongo() == BenchOptions.MongoBackend.MEMORY
                ? Infrastructure.temporary()
                : Infrastructure.embedded(workDir, 0, 0);
    }

    private Workload generate() {
        Universe universe = Universe.generate(options.seed(), options.chains(), options.stores(), options.members());
        TransactionGenerator generator = new TransactionGenerator(universe, options.seed());
        if (options.chaos()) {
            return new Workload(universe, generator, List.of(), List.of());
        }
        List<Delivery> warmup = generator.next(options.warmup());
        List<Delivery> load = generator.next(options.transactions());

        long duplicates = load.stream().filter(Delivery::duplicate).count();
        List<Delivery> originals = load.stream().filter(d -> !d.duplicate()).toList();
        long nonMember = originals.stream().filter(d -> !d.member()).count();
        long returns = originals.stream().filter(d -> d.type() == TransactionType.RETURN).count();
        double averageBytes = load.stream().mapToInt(d -> d.value().length).average().orElse(0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("records", load.size());
        json.put("duplicates", duplicates);
        json.put("nonMemberShare", Fmt.round(nonMember / (double) originals.size()));
        json.put("returns", returns);
        json.put("earningTransactions", load.stream().filter(Delivery::earns).count());
        json.put("averageRecordBytes", Math.round(averageBytes));
        json.put("chains", universe.chains().stream()
                .collect(Collectors.toMap(Chain::chainId, Chain::currency, (a, b) -> a, LinkedHashMap::new)));
        report.put("workload", json);
        System.out.printf("workload: %s records (%s duplicate resends, %s returns, %.1f%% non-member), %d B average, "
                        + "chains %s%n", Fmt.count(load.size()), Fmt.count(duplicates), Fmt.count(returns),
                100.0 * nonMember / originals.size(), Math.round(averageBytes), json.get("chains"));
        return new Workload(universe, generator, warmup, load);
    }

    private void finish() {
        report.put("finishedAt", Instant.now().toString());
        report.put("loadAverageAtEnd", Math.round(MachineInfo.loadAverage() * 100) / 100.0);
        Path file = report.write(root.resolve("bench/results").resolve(STAMP.format(startedAt) + ".json"));
        System.out.println();
        System.out.print(report.table());
        System.out.println();
        String kept = options.profile() ? "logs, flight recordings" : "logs";
        System.out.println("results: " + root.relativize(file)
                + (Files.isDirectory(runDir) ? " (" + kept + " in " + root.relativize(runDir) + ")" : ""));
    }

    private Map<String, Object> optionsJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transactions", options.transactions());
        json.put("members", options.members());
        json.put("stores", options.stores());
        json.put("chains", options.chains());
        json.put("rate", options.rate());
        json.put("only", options.only().stream().map(m -> m.name().toLowerCase()).toList());
        json.put("seed", options.seed());
        json.put("warmup", options.warmup());
        json.put("latencySeconds", options.latencySeconds());
        json.put("rebuildEvents", options.rebuildEvents());
        json.put("mongo", options.mongo().name().toLowerCase());
        json.put("serviceHeap", options.heap());
        json.put("profile", options.profile());
        json.put("chaos", options.chaos());
        return json;
    }

    /** The checkout this jar was built in ({@code <root>/bench/target/patronage-bench.jar}), else the working dir. */
    private static Path repositoryRoot() {
        try {
            Path location = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = location.getParent();
            if (target != null && target.getFileName().toString().equals("target")
                    && target.getParent() != null && target.getParent().getFileName().toString().equals("bench")) {
                return target.getParent().getParent();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("patronage-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
