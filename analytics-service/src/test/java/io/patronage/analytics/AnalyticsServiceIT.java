package io.patronage.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.analytics.ParticipationView;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.members.MemberErased;
import io.patronage.contracts.points.PointsEarned;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.kit.json.Json;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.analytics.streams.StreamsEngine;
import io.patronage.analytics.streams.ViewsReset;
import io.patronage.analytics.views.ViewsTopology;
import io.patronage.kit.publication.PublicationCheckpoint;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.TestTokens;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.ReadmeContract;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsServiceIT implements TestPropertyProvider {

    @Test
    void readmeDocumentsEveryTopicTheServiceConsumesAndPublishes() throws Exception {
        ReadmeContract.assertDocumentsTopics("analytics-service", ViewsTopology.SOURCES);
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    /** An analyst of every chain: the views' readers. */
    private static final String ANALYST = TestTokens.analyst("*");
    private final HttpProbe anonymous = new HttpProbe(() -> this.server.getPort());
    private final HttpProbe service = anonymous.as(ANALYST);
    private final KafkaProbe kafka = new KafkaProbe();
    private final Map<String, String> properties = new HashMap<>();

    @Inject
    EmbeddedServer server;

    @Inject
    MongoDatabase database;

    @Inject
    ApplicationContext context;

    @Inject
    StreamsEngine engine;

    @Override
    public Map<String, String> getProperties() {
        properties.putAll(TestInfrastructure.serviceProperties("analytics-it"));
        properties.putAll(streamsProperties("analytics-it-" + UUID.randomUUID()));
        return properties;
    }

    /** An application id of its own and a fresh state directory, so that no earlier run's state is reused. */
    private static Map<String, String> streamsProperties(String application) {
        try {
            return Map.of("patronage.analytics.application-id", application + ".views",
                    "patronage.analytics.state-dir", Files.createTempDirectory("analytics-state").toString(),
                    "patronage.analytics.publish-interval", "200ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void countsParticipationExactlyOverKafkaAndPublishesTheView() throws Exception {
        String chain = chain();
        event("e-m1", new MemberEnrolled("m1", chain, "C-1", null, "el-GR", AT));
        event("e-m2", new MemberEnrolled("m2", chain, "C-2", null, "pt-PT", AT));
        // a purchase is classified against the cards known when it is consumed: enroll first
        await().atMost(PATIENCE).until(() -> participation(server, chain).get("enrolledMembers").asLong() == 2);

        // one partition each, so the last record of each topic is read after the duplicates before it
        sale(chain, "t1", "C-1", "PURCHASE");
        sale(chain, "t2", "C-2", "PURCHASE");
        sale(chain, "t3", "C-UNKNOWN", "PURCHASE");
        sale(chain, "t4", null, "PURCHASE");
        sale(chain, "t5", "C-1", "RETURN");
        sale(chain, "t1", "C-1", "PURCHASE");
        sale(chain, "t6", null, "PURCHASE");
        event("e-p1", earned(chain, "m1", "t1", 10));
        event("e-p2", earned(chain, "m2", "t2", 25));
        event("e-p1", earned(chain, "m1", "t1", 10));
        event("e-r1", new PointsRedeemed("r1", "m1", chain, BigDecimal.valueOf(5), BigDecimal.valueOf(5), AT));

        // member purchases take two more stages (card, then member) than the rest: wait for them too
        await().atMost(PATIENCE).until(() -> {
            JsonNode view = participation(server, chain);
            return view.get("nonMemberTransactions").asLong() == 3 && view.get("pointsRedeemed").asLong() == 5
                    && view.get("memberTransactions").asLong() >= 2;
        });
        JsonNode view = participation(server, chain);
        assertEquals(chain, view.get("chainId").asText());
        assertEquals("all-time", view.get("period").asText());
        assertEquals(2, view.get("enrolledMembers").asLong());
        assertEquals(2, view.get("memberTransactions").asLong(), "t1 once, t2; the RETURN not at all");
        assertEquals(3, view.get("nonMemberTransactions").asLong(), "unknown card, two without a card");
        assertEquals(35, view.get("pointsIssued").asLong(), "the resent PointsEarned counted once");
        assertEquals(5, view.get("pointsRedeemed").asLong());
        assertEquals("m1", engine.<String>store(ViewsTopology.CARDS).get(chain + ":C-1"), "the card directory");

        ConsumerRecord<String, byte[]> published = publishedView(chain + "|all-time", view);
        ParticipationView record = Json.mapper().readValue(published.value(), ParticipationView.class);
        assertEquals(Instant.parse(view.get("computedAt").asText()), record.computedAt());
        assertEquals(IntegrationEvent.typeOf(ParticipationView.class),
                CloudEventHeaders.get(published.headers(), CloudEventHeaders.TYPE));
        assertNotNull(CloudEventHeaders.get(published.headers(), CloudEventHeaders.ID));
    }

    @Test
    void aNewInstanceOnTheSameDatabaseKeepsTheNumbersAndRereadingTheLogCountsNothingTwice() throws Exception {
        String chain = chain();
        event("e-" + chain, new MemberEnrolled("m9", chain, "C-9", null, "ja-JP", AT));
        sale(chain, "t1", "C-9", "PURCHASE");
        event("p-" + chain, earned(chain, "m9", "t1", 120));
        await().atMost(PATIENCE).until(() -> participation(server, chain).get("pointsIssued").asLong() == 120
                && participation(server, chain).get("memberTransactions").asLong() >= 1);
        JsonNode before = participation(server, chain);

        // A new application id re-reads every topic from offset 0 into state of its own (the documented reset):
        // it must compute the same view, counting the resent records once.
        Map<String, Object> restarted = new HashMap<>(properties);
        String application = "analytics-restarted-" + UUID.randomUUID();
        restarted.put("micronaut.application.name", application);
        restarted.putAll(streamsProperties(application));
        try (ApplicationContext context = ApplicationContext.run(restarted)) {
            EmbeddedServer second = context.getBean(EmbeddedServer.class).start();
            awaitCaughtUp(application + ".views");
            // the source offsets are committed; the stages after the repartition topics may be a moment behind
            await().atMost(PATIENCE).until(() -> before.equals(participation(second, chain)));

            assertEquals(before, participation(second, chain));
            assertEquals(1, participation(second, chain).get("memberTransactions").asLong());
        }
        assertEquals(before, participation(server, chain));
    }

    @Test
    void viewsArePerPeriodOfTheChainsCalendarAndReadableAsCsv() throws Exception {
        String chain = chain();
        event("e-" + chain, new MemberEnrolled("m1", chain, "C-M1", null, "el-GR", AT));
        await().atMost(PATIENCE).until(() -> participation(server, chain).get("enrolledMembers").asLong() == 1);
        sale(chain, "t1", "C-M1", "PURCHASE");
        String months = "/analytics/participation?chainId=" + chain + "&period=month&from=2026-11&to=2026-11";
        await().atMost(PATIENCE).until(() -> {
            JsonNode views = HttpProbe.json(service.get(months));
            return views.size() == 1 && views.get(0).get("memberTransactions").asLong() == 1;
        });

        JsonNode november = HttpProbe.json(service.get(months)).get(0);
        assertEquals("2026-11", november.get("period").asText());
        assertEquals(1, november.get("activeMembers").asLong());
        HttpResponse<String> csv = service.get(months + "&format=csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("content-type").orElseThrow().startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(2, lines.size(), csv.body());
        assertTrue(lines.get(0).startsWith("chainId,period,enrolledMembers,activeMembers,memberTransactions,"), lines.get(0));
        assertTrue(lines.get(1).startsWith(chain + ",2026-11,1,1,1,0,"), lines.get(1));
        HttpResponse<String> accepted = service.send(HttpRequest.newBuilder(service.uri(months)).header("Accept", "text/csv"));
        assertEquals(csv.body(), accepted.body());
        HttpResponse<String> anything = service.send(HttpRequest.newBuilder(service.uri(months)).header("Accept", "*/*"));
        assertTrue(anything.headers().firstValue("content-type").orElseThrow().startsWith("application/json"),
                "a browser's or curl's */* gets JSON");

        HttpProbe.assertProblem(service.get("/analytics/retention?chainId=" + chain + "&period=day"), 400,
                "urn:patronage:problem:invalid-request");
        HttpResponse<String> badFrom = service.get("/analytics/churn?chainId=" + chain + "&period=week&from=2026-11");
        HttpProbe.assertProblem(badFrom, 400, "urn:patronage:problem:invalid-request");
        assertEquals("from", Json.mapper().readTree(badFrom.body()).get("errors").get(0).get("field").asText());
    }

    @Test
    void readinessAndPrometheusShowTheTopology() throws Exception {
        HttpResponse<String> readiness = service.get("/health/readiness");
        HttpResponse<String> prometheus = service.get("/prometheus");

        assertEquals(200, readiness.statusCode(), readiness.body());
        assertEquals("UP", Json.mapper().readTree(readiness.body()).at("/details/analytics-streams/status").asText(),
                readiness.body());
        assertTrue(prometheus.body().contains("kafka_stream_thread_process_rate"), "Streams metrics");
        assertTrue(prometheus.body().contains("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag");
        assertTrue(prometheus.body().contains("kafka_stream_state_estimate_num_keys{rocksdb_state_id=\"tallies\""),
                "keys per store");
        assertFalse(prometheus.body().contains("kafka_stream_processor_node"),
                "not a series per task and processor: a few per instance");
    }

    @Test
    void aSecondInstanceTakesPartOfTheChainsAndEitherAnswersForEveryChain() throws Exception {
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String chain = chain();
            chains.add(chain);
            sale(chain, "t1", null, "PURCHASE");
        }
        await().atMost(PATIENCE).until(() -> chains.stream().allMatch(chain -> counted(server, chain)));

        Map<String, Object> secondProperties = new HashMap<>(properties);
        secondProperties.put("patronage.analytics.state-dir", Files.createTempDirectory("analytics-state").toString());
        try (ApplicationContext context = ApplicationContext.run(secondProperties)) {
            EmbeddedServer second = context.getBean(EmbeddedServer.class).start();
            StreamsEngine secondEngine = context.getBean(StreamsEngine.class);
            // the group rebalances to two members; then each holds some chains and answers for all of them
            await().atMost(PATIENCE).until(() -> chains.stream().allMatch(chain -> counted(server, chain)
                    && counted(second, chain) && secondEngine.ownerOf(ViewsTopology.TALLIES, chain).isPresent()));
            long heldBySecond = chains.stream().filter(chain -> secondEngine.isSelf(
                    secondEngine.ownerOf(ViewsTopology.TALLIES, chain).orElseThrow())).count();

            assertTrue(heldBySecond > 0 && heldBySecond < chains.size(), "the second instance holds "
                    + heldBySecond + " of " + chains.size() + " chains");
            for (String chain : chains) {
                assertEquals(participation(server, chain), participation(second, chain), chain);
                assertEquals(1, participation(second, chain).get("nonMemberTransactions").asLong(), chain);
                // the chain-partitioned stages beside the tallies (here the coupons) are answered by either too
                await().atMost(PATIENCE).until(() -> coupons(server, chain).path("ordersWithoutCoupon").asLong() == 1
                        && coupons(second, chain).equals(coupons(server, chain)));
            }
        }
        // the first instance takes every partition back
        await().atMost(PATIENCE).until(() -> chains.stream().allMatch(chain -> counted(server, chain)));
    }

    private static JsonNode coupons(EmbeddedServer target, String chain) {
        HttpResponse<String> response = new HttpProbe(target::getPort).as(ANALYST).get("/analytics/coupons?chainId=" + chain);
        return response.statusCode() == 200 ? HttpProbe.json(response) : Json.mapper().createObjectNode();
    }

    /** Whether the instance answers for the chain with its one non-member sale (false while rebalancing). */
    private static boolean counted(EmbeddedServer target, String chain) {
        try {
            HttpResponse<String> response = new HttpProbe(target::getPort).as(ANALYST).get("/analytics/participation?chainId=" + chain);
            return response.statusCode() == 200 && HttpProbe.json(response).get("nonMemberTransactions").asLong() == 1;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aMissingChainIdIsAProblem() throws Exception {
        HttpResponse<String> response = service.get("/analytics/participation");

        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode problem = Json.mapper().readTree(response.body());
        assertEquals("chainId", problem.get("errors").get(0).get("field").asText());
    }

    @Test
    void aChainWithNoDataHasZeros() throws Exception {
        JsonNode view = participation(server, chain());

        for (String field : List.of("enrolledMembers", "memberTransactions", "nonMemberTransactions",
                "pointsIssued", "pointsRedeemed")) {
            assertEquals(0, view.get(field).asLong(), field);
        }
        assertNotNull(view.get("computedAt"));
    }

    @Test
    void anUnknownChainIsNotFoundAndItsTillRecordsAreNotCounted() throws Exception {
        String chain = chain();
        String unknown = "never-configured-" + UUID.randomUUID();
        sale(unknown, "t1", null, "PURCHASE");
        sale(chain, "t1", null, "PURCHASE");
        await().atMost(PATIENCE).until(() -> participation(server, chain).get("nonMemberTransactions").asLong() == 1);

        HttpResponse<String> response = service.get("/analytics/participation?chainId=" + unknown);

        assertEquals(404, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("urn:patronage:problem:unknown-chain", Json.mapper().readTree(response.body()).get("type").asText());
        ConsumerRecord<String, byte[]> letter = kafka.awaitDeadLetter(Topics.TRANSACTIONS,
                record -> ("t1").equals(record.key()) && Records.text(record).contains(unknown));
        assertTrue(Records.deadLetterReason(letter).startsWith("unknown chain"), Records.deadLetterReason(letter));
        assertNull(engine.store(ViewsTopology.TALLIES).get(unknown + "|all-time|all-time"),
                "the unknown chain's sale was dead-lettered, not counted");

        // its points events are counted on /prometheus and skipped
        event("p-" + unknown, earned(unknown, "m1", "t1", 10));
        event("p-" + chain, earned(chain, "m1", "t1", 10));
        await().atMost(PATIENCE).until(() -> participation(server, chain).get("pointsIssued").asLong() == 10);
        await().atMost(PATIENCE).until(() -> service.get("/prometheus").body()
                .contains("patronage_analytics_unknown_chain_total{topic=\"loyalty.points.v1\"}"));
        assertNull(engine.store(ViewsTopology.TALLIES).get(unknown + "|all-time|all-time"));
    }

    @Test
    void theDormantListIsPublishedAndServedPagedAndAnErasedMemberLeavesIt() throws Exception {
        String chain = chain();
        // enrolled 90 days ago and never bought: dormant since day 60 (the default period)
        Instant longAgo = Instant.now().minus(Duration.ofDays(90));
        event("e-d1-" + chain, new MemberEnrolled("d1", chain, "C-D1", null, "el-GR", longAgo));
        event("e-d2-" + chain, new MemberEnrolled("d2", chain, "C-D2", null, "el-GR", longAgo));
        String path = "/analytics/dormant?chainId=" + chain;
        await().atMost(PATIENCE).until(() -> HttpProbe.json(service.get(path)).size() == 2);

        JsonNode list = HttpProbe.json(service.get(path));
        assertEquals("d1", list.get(0).get("memberId").asText());
        assertEquals("d2", list.get(1).get("memberId").asText());
        assertTrue(list.get(0).get("daysDormant").asLong() >= 89, list.toString());
        JsonNode page = HttpProbe.json(service.get(path + "&offset=1&limit=1"));
        assertEquals(1, page.size(), page.toString());
        assertEquals("d2", page.get(0).get("memberId").asText());
        HttpResponse<String> tooMany = service.get(path + "&limit=5000");
        HttpProbe.assertProblem(tooMany, 400, "urn:patronage:problem:invalid-request");
        assertEquals("limit", Json.mapper().readTree(tooMany.body()).get("errors").get(0).get("field").asText());
        ConsumerRecord<String, byte[]> published = kafka.awaitRecord(Topics.DORMANT.name(),
                record -> (chain + "|d1").equals(record.key()) && record.value() != null);
        assertEquals("d1", Records.json(published).get("memberId").asText());

        event("x-d1-" + chain, new MemberErased("d1", chain, Instant.now()));
        await().atMost(PATIENCE).until(() -> HttpProbe.json(service.get(path)).size() == 1);
        assertEquals("d2", HttpProbe.json(service.get(path)).get(0).get("memberId").asText());
        kafka.awaitRecord(Topics.DORMANT.name(), record -> (chain + "|d1").equals(record.key()) && record.value() == null);
        assertNull(engine.store(ViewsTopology.MEMBER_CARDS).get(chain + ":d1"), "the erased member's cards");
        assertNull(engine.store(ViewsTopology.CARDS).get(chain + ":C-D1"));
    }

    @Test
    void theResetCommandRefusesWhileAnInstanceRunsThenRecomputesTheSameViewsFromOffsetZero() throws Exception {
        String chain = chain();
        event("e-r-" + chain, new MemberEnrolled("m1", chain, "C-R1", null, "el-GR", AT));
        sale(chain, "t1", "C-R1", "PURCHASE");
        sale(chain, "t2", null, "PURCHASE");
        event("p-r-" + chain, earned(chain, "m1", "t1", 42));
        String application = "analytics-reset-" + UUID.randomUUID();
        Map<String, Object> config = new HashMap<>(properties);
        config.put("micronaut.application.name", application);
        config.putAll(streamsProperties(application));
        String group = application + ".views";
        ViewsReset reset = new ViewsReset(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.get("kafka.bootstrap.servers")), group,
                Path.of((String) config.get("patronage.analytics.state-dir")));

        Map<String, String> live;
        try (ApplicationContext context = ApplicationContext.run(config)) {
            EmbeddedServer instance = context.getBean(EmbeddedServer.class).start();
            await().atMost(PATIENCE).until(() -> participation(instance, chain).get("pointsIssued").asLong() == 42
                    && participation(instance, chain).get("memberTransactions").asLong() == 1
                    && participation(instance, chain).get("nonMemberTransactions").asLong() == 1);
            IllegalStateException refused = assertThrows(IllegalStateException.class, reset::run);
            assertTrue(refused.getMessage().contains("stop every instance first"), refused.getMessage());
            String allTime = Topics.PARTICIPATION.name() + " " + chain + "|all-time";
            live = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> publishedBy(application, chain, Map.of()), views -> views.containsKey(allTime)
                            && views.get(allTime).matches(
                                    ".*\"memberTransactions\":1,\"nonMemberTransactions\":1,.*\"pointsIssued\":42.*"));
        }
        Map<TopicPartition, Long> ends = ends(Topics.PARTICIPATION, Topics.POINTS_VIEW, Topics.RETENTION, Topics.CHURN);

        String done = reset.run();

        assertTrue(done.contains("internal topics deleted"), done);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.get("kafka.bootstrap.servers")))) {
            assertTrue(admin.listTopics().names().get().stream().noneMatch(topic -> topic.startsWith(group + "-")),
                    "no changelog or repartition topic is left");
            assertTrue(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().isEmpty(),
                    "no committed offset is left");
        }
        try (ApplicationContext context = ApplicationContext.run(config)) {
            context.getBean(EmbeddedServer.class).start();
            try {
                await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                        .until(() -> live.equals(publishedBy(application, chain, ends)));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // the comparison below shows the difference
            }
            assertEquals(live, publishedBy(application, chain, ends), "the recomputed records equal the live ones");
            assertTrue(live.size() >= 8, "a real comparison: " + live.keySet());
        }
    }

    /**
     * The latest record per topic and key of the chain's views published by one application (its ce_source), with
     * its ce_id; only the records after {@code after} where given.
     */
    private Map<String, String> publishedBy(String application, String chain, Map<TopicPartition, Long> after) {
        Map<String, String> views = new java.util.TreeMap<>();
        for (Topic topic : List.of(Topics.PARTICIPATION, Topics.POINTS_VIEW, Topics.RETENTION, Topics.CHURN)) {
            for (ConsumerRecord<String, byte[]> record : kafka.records(topic.name())) {
                Long from = after.get(new TopicPartition(record.topic(), record.partition()));
                if (record.key() != null && record.key().startsWith(chain + "|")
                        && ("/patronage/" + application)
                                .equals(CloudEventHeaders.get(record.headers(), CloudEventHeaders.SOURCE))
                        && (from == null || record.offset() >= from)) {
                    views.put(topic.name() + " " + record.key(), CloudEventHeaders.get(record.headers(),
                            CloudEventHeaders.ID) + " " + new String(record.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return views;
    }

    private Map<TopicPartition, Long> ends(Topic... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.get("kafka.bootstrap.servers")))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (Topic topic : topics) {
                IntStream.range(0, topic.partitions())
                        .forEach(partition -> latest.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void servesTheDashboard() throws Exception {
        // open without a token: the page holds no data, its data calls send one
        HttpResponse<String> page = anonymous.get("/");
        HttpResponse<String> script = anonymous.get("/dashboard.js");

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<label for=\"chain-id\">Chain id</label>"), page.body());
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("/analytics/participation?chainId="));
    }

    @Test
    void answersOnlyReadsAndRefusesEveryOtherMethodAsAProblem() throws Exception {
        for (String method : List.of("PUT", "DELETE", "TRACE", "PATCH", "POST")) {
            HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri("/"))
                    .method(method, HttpRequest.BodyPublishers.ofString("x")));

            assertEquals(405, response.statusCode(), method + " " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow(), method);
            assertEquals("GET, HEAD", response.headers().firstValue("allow").orElseThrow(), method);
        }
    }

    /** A new chain, published on loyalty.chains.v1 as enrollment-service does. */
    /** Analytics has no aggregate: the kit starts no Axon, no event store and keeps no publication checkpoint. */
    @Test
    void runsWithoutAxon() {
        assertFalse(context.containsBean(Configuration.class));
        assertFalse(context.containsBean(EventStorageEngine.class));
        assertFalse(context.containsBean(PublicationCheckpoint.class));
        assertFalse(database.listCollectionNames().into(new ArrayList<>()).contains("publication_checkpoints"));
    }

    private String chain() throws Exception {
        String chain = "chain-" + UUID.randomUUID();
        event("c-" + chain, new ChainConfigured(chain, "EUR", "Europe/Athens", "el-GR", null, AT));
        return chain;
    }

    private static PointsEarned earned(String chain, String member, String transaction, long points) {
        return new PointsEarned(member, chain, transaction, "s1", "EUR", BigDecimal.valueOf(points),
                BigDecimal.valueOf(points), "default-v1", List.of(), BigDecimal.valueOf(points), AT);
    }

    /** On the event's topic in the registry, on partition 0 like the till records. */
    private void event(String id, IntegrationEvent event) {
        kafka.send(CloudEventRecord.of(event).withId(id).withTime(AT).onPartition(0));
    }

    /** As a till sends it: plain JSON, no headers, keyed by card (or transaction id when anonymous). */
    private void sale(String chain, String id, String card, String type) {
        String value = "{\"transactionId\":\"" + id + "\",\"chainId\":\"" + chain + "\",\"storeId\":\"s1\","
                + "\"cardNumber\":" + (card == null ? "null" : "\"" + card + "\"") + ",\"type\":\"" + type + "\","
                + "\"occurredAt\":\"2026-11-27T12:00:00+02:00\",\"currency\":\"EUR\",\"total\":\"42.50\","
                + "\"lines\":[{\"sku\":\"A-1\",\"category\":\"bakery\",\"quantity\":1,\"unitPrice\":\"42.50\"}],"
                + "\"couponCodes\":[]}";
        kafka.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), 0, card == null ? id : card,
                value.getBytes(StandardCharsets.UTF_8)));
    }

    private ConsumerRecord<String, byte[]> publishedView(String key, JsonNode expected) {
        return kafka.awaitRecord(Topics.PARTICIPATION.name(),
                record -> key.equals(record.key()) && Records.json(record).equals(expected));
    }

    private void awaitCaughtUp(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.get("kafka.bootstrap.servers")))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (Topic topic : List.of(Topics.MEMBERS, Topics.TRANSACTIONS, Topics.POINTS)) {
                IntStream.range(0, topic.partitions())
                        .forEach(partition -> latest.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            await().atMost(PATIENCE).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    return (offset == null ? 0 : offset.offset()) >= end.getValue();
                });
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode participation(EmbeddedServer target, String chain) throws Exception {
        HttpResponse<String> response = new HttpProbe(target::getPort).as(ANALYST).get("/analytics/participation?chainId=" + chain);
        assertEquals(200, response.statusCode(), response.body());
        return HttpProbe.json(response);
    }
}
