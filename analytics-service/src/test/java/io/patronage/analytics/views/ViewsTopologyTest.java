package io.patronage.analytics.views;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.points.ExpiryChange;
import io.patronage.contracts.points.PointsAdjusted;
import io.patronage.contracts.points.PointsAwarded;
import io.patronage.contracts.points.PointsEarned;
import io.patronage.contracts.points.PointsExpired;
import io.patronage.contracts.points.PointsReversed;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.kit.json.Json;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.DeadLetterPublisher;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The views on a small hand-computed dataset, through the whole topology (TopologyTestDriver, real RocksDB stores).
 * Every record is sent twice: nothing may count twice.
 */
class ViewsTopologyTest {

    private static final String CHAIN = "aegean";
    /** Aegean's point is worth 0.0133 EUR; Kyoto's 0.5 JPY (no minor units); Naxos was configured before point values. */
    private static final Map<String, ChainConfigured> CHAINS = Map.of(
            CHAIN, new ChainConfigured(CHAIN, "EUR", "Europe/Athens", "el-GR", null, null, new BigDecimal("0.0133"),
                    Instant.parse("2025-01-01T00:00:00Z")),
            "kyoto", new ChainConfigured("kyoto", "JPY", "Asia/Tokyo", "ja-JP", null, null, new BigDecimal("0.5"),
                    Instant.parse("2025-01-01T00:00:00Z")),
            "naxos", new ChainConfigured("naxos", "EUR", "Europe/Athens", "el-GR", null,
                    Instant.parse("2025-01-01T00:00:00Z")));
    private static final Instant NOW = Instant.parse("2026-06-30T00:00:00Z");
    /** A 30-day active window and a 20-day dormancy period keep the hand computation short. */
    private static final ViewSettings SETTINGS = new ViewSettings(90, Map.of(CHAIN, 30), Duration.ofSeconds(1), 60,
            Map.of(CHAIN, 20));

    @TempDir
    Path state;

    /** The service clock: fixed, moved by the tests of periods that start later. */
    private final MovableClock clock = new MovableClock(NOW);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> transactions;
    private TestInputTopic<String, byte[]> members;
    private TestInputTopic<String, byte[]> points;
    private TestInputTopic<String, byte[]> engagement;
    /** The topics of the events skipped for an unknown chain, one entry per event. */
    private final List<String> unknownChains = new java.util.ArrayList<>();

    @BeforeEach
    void start() {
        start(state);
    }

    private void start(Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ViewsTopology.build(id -> Optional.ofNullable(CHAINS.get(id)), clock, SETTINGS,
                ValueSettings.DEFAULTS, "analytics-test", "/patronage/analytics-service", topic -> unknownChains.add(topic.name())), config);
        transactions = driver.createInputTopic(Topics.TRANSACTIONS.name(), new StringSerializer(), new ByteArraySerializer());
        members = driver.createInputTopic(Topics.MEMBERS.name(), new StringSerializer(), new ByteArraySerializer());
        points = driver.createInputTopic(Topics.POINTS.name(), new StringSerializer(), new ByteArraySerializer());
        engagement = driver.createInputTopic(Topics.ENGAGEMENT.name(), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void retentionChurnAndCohortsOfAHandComputedDatasetAreExact() {
        handComputedDataset();

        Map<String, JsonNode> retention = latest(Topics.RETENTION.name());

        Map<String, JsonNode> churn = latest(Topics.CHURN.name());
        Map<String, JsonNode> participation = latest(Topics.PARTICIPATION.name());

        // window 30 days. January: S = 0, E = {A, B}, N = {A, B}
        assertRetention(retention.get("aegean|2026-01"), 0, 2, 2, null);
        // February: S = {A, B} (active on Jan 31), E = {A, C} (bought Feb 20, Feb 10), N = {C}: (2 - 1) / 2 = 50 %
        assertRetention(retention.get("aegean|2026-02"), 2, 2, 1, "50.00");
        // March: S = {A, C}, E = {A (Mar 25, the late record), C (Mar 5)}, N = {} (D never bought): 100 %
        assertRetention(retention.get("aegean|2026-03"), 2, 2, 0, "100.00");
        // Q1: S = 0, E = {A, C}, N = {A, C}
        assertRetention(retention.get("aegean|2026-Q1"), 0, 2, 2, null);
        // B bought on Jan 15 and not since: active at February's start, not at its end
        assertChurn(churn.get("aegean|2026-02"), 2, 1, "50.00");
        assertChurn(churn.get("aegean|2026-03"), 2, 0, "0.00");

        JsonNode february = participation.get("aegean|2026-02");
        assertEquals(1, february.get("enrolledMembers").asLong());
        assertEquals(2, february.get("activeMembers").asLong(), "A and C");
        assertEquals(2, february.get("memberTransactions").asLong());
        assertEquals(0, february.get("nonMemberTransactions").asLong());
        assertDecimal("70.00", february.get("memberSales"));
        JsonNode march = participation.get("aegean|2026-03");
        assertEquals(1, march.get("nonMemberTransactions").asLong(), "the sale after midnight in Athens");
        assertDecimal("0.6667", march.get("memberShare"));
        assertDecimal("5.00", march.get("nonMemberSales"));
        JsonNode allTime = participation.get("aegean|all-time");
        assertEquals(4, allTime.get("enrolledMembers").asLong());
        assertEquals(3, allTime.get("activeMembers").asLong());
        assertEquals(6, allTime.get("memberTransactions").asLong());
        assertDecimal("210.00", allTime.get("memberSales"));
        assertEquals("EUR", allTime.get("currency").asText());
        assertEquals(1, participation.get("aegean|2026-03-01").get("nonMemberTransactions").asLong());
        assertEquals(0, participation.get("aegean|2026-02-28") == null ? 0
                : participation.get("aegean|2026-02-28").get("nonMemberTransactions").asLong());
        assertEquals(1, participation.get("aegean|2026-W08").get("memberTransactions").asLong(), "A on Feb 20");
        assertEquals(1, participation.get("aegean|2026-W09").get("nonMemberTransactions").asLong(), "Sunday March 1");

        // cohorts: January {A, B}: both in month 0, A in months 1 and 2; February {C}: months 0 and 1; March {D}
        JsonNode january = retention.get("aegean|cohort|2026-01");
        assertEquals(2, january.get("members").asLong());
        assertMonths(january, "1.0000", "0.5000", "0.5000");
        assertMonths(retention.get("aegean|cohort|2026-02"), "1.0000", "1.0000");
        assertEquals(1, retention.get("aegean|cohort|2026-03").get("members").asLong());
        assertMonths(retention.get("aegean|cohort|2026-03"), "0.0000");
    }

    @Test
    void everyPublishedRecordIsValidAgainstItsSchemaInTheAsyncApiDocument() throws Exception {
        handComputedDataset();
        pointsDataset();
        surveysDataset();
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        JsonNode schemas;
        try (InputStream in = ViewsTopologyTest.class.getResourceAsStream("/asyncapi.yaml")) {
            schemas = new ObjectMapper(new YAMLFactory()).readTree(in).at("/components/schemas");
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
        Map<String, Integer> validated = new HashMap<>();
        for (String topic : List.of(Topics.PARTICIPATION.name(), Topics.POINTS_VIEW.name(), Topics.RETENTION.name(),
                Topics.CHURN.name(), Topics.SATISFACTION.name(), Topics.DORMANT.name())) {
            for (TestRecord<String, byte[]> record : records(topic)) {
                if (record.value() == null) {
                    continue;
                }
                String type = header(record.headers(), CloudEventHeaders.TYPE).substring("io.patronage.".length());
                ObjectNode schema = schemas.get(type).deepCopy();
                schema.put("additionalProperties", false);
                JsonNode view = Json.mapper().readTree(record.value());
                List<com.networknt.schema.Error> errors = registry.getSchema(schema.toString()).validate(view);
                assertTrue(errors.isEmpty(), type + " " + view + ": " + errors);
                validated.merge(type, 1, Integer::sum);
            }
        }
        assertEquals(java.util.Set.of("ParticipationView", "PointsView", "RetentionView", "CohortView", "ChurnView",
                        "SatisfactionView", "DormantMember"),
                validated.keySet(), "every kind of view was published and checked: " + validated);
    }

    @Test
    void recomputingFromTheSameRecordsPublishesTheSameViews() throws Exception {
        handComputedDataset();
        pointsDataset();
        surveysDataset();
        Map<String, String> live = published();
        driver.close();
        start(state.resolve("recomputed"));

        handComputedDataset();
        pointsDataset();
        surveysDataset();

        assertEquals(live, published());
        assertTrue(live.size() > 50, "a real comparison: " + live.size() + " views");
    }

    @Test
    void participationCountsEachRecordOnceAndNotReturnsNorUnknownCards() {
        enroll("m1", "C-1", "2026-05-01T08:00:00Z");
        purchase("t1", "C-1", "2026-05-02T10:00:00+03:00", "42.50");
        purchase("t2", "C-UNKNOWN", "2026-05-02T10:00:00+03:00", "10.00");
        purchase("t3", null, "2026-05-02T10:00:00+03:00", "1.00");
        send(transactions, "C-1", till("t4", "C-1", "RETURN", "2026-05-03T10:00:00+03:00", "42.50"));
        event(points, "p1", new PointsEarned("m1", CHAIN, "t1", "s1", "EUR", new BigDecimal("42.50"), pointsOf(42), "v1",
                List.of(), pointsOf(42), Instant.parse("2026-05-02T07:00:00Z")));
        event(points, "p2", new PointsRedeemed("r1", "m1", CHAIN, pointsOf(5), pointsOf(37), Instant.parse("2026-05-04T07:00:00Z")));

        JsonNode view = latest(Topics.PARTICIPATION.name()).get("aegean|all-time");
        assertEquals(1, view.get("enrolledMembers").asLong());
        assertEquals(1, view.get("memberTransactions").asLong(), "t1 once; the RETURN not at all");
        assertEquals(2, view.get("nonMemberTransactions").asLong(), "an unknown card and no card");
        assertEquals(42, view.get("pointsIssued").asLong(), "the resent PointsEarned once");
        assertEquals(5, view.get("pointsRedeemed").asLong());
        assertEquals("2026-05-04T07:00:00Z", view.get("computedAt").asText(), "the latest event's time, not the clock");
    }

    @Test
    void aSaleThatArrivesBeforeItsCardsEnrollmentIsTheMembersOnceTheCardIsIssued() throws Exception {
        enroll("m1", "C-1", "2026-05-01T08:00:00Z");
        salesOfCardOneAndOthers();
        Map<String, String> enrolledFirst = withoutIds(published());
        driver.close();
        start(state.resolve("sales-first"));

        salesOfCardOneAndOthers();
        JsonNode before = latest(Topics.PARTICIPATION.name()).get("aegean|all-time");
        assertEquals(0, before.get("memberTransactions").asLong(), "no member holds C-1 yet");
        assertEquals(4, before.get("nonMemberTransactions").asLong());
        enroll("m1", "C-1", "2026-05-01T08:00:00Z");

        Map<String, String> salesFirst = withoutIds(published());
        assertEquals(enrolledFirst, salesFirst);
        String participation = Topics.PARTICIPATION.name() + " aegean|";
        JsonNode view = new ObjectMapper().readTree(salesFirst.get(participation + "all-time"));
        assertEquals(2, view.get("memberTransactions").asLong(), "C-1's two purchases, taken back from non-members");
        assertEquals(2, view.get("nonMemberTransactions").asLong(), "a card no member holds, and no card");
        assertEquals(0, new BigDecimal("52.50").compareTo(view.get("memberSales").decimalValue()));
        assertEquals(0, new BigDecimal("11.00").compareTo(view.get("nonMemberSales").decimalValue()));
        assertEquals(1, new ObjectMapper().readTree(salesFirst.get(participation + "2026-05")).get("activeMembers")
                .asLong());
        KeyValueStore<String, Object> unmatched = driver.getKeyValueStore(CardStage.UNMATCHED);
        try (var left = unmatched.all()) {
            List<String> keys = new java.util.ArrayList<>();
            left.forEachRemaining(entry -> keys.add(entry.key));
            assertEquals(List.of("aegean:C-UNKNOWN\u001ft3"), keys, "only the card no member holds stays kept");
        }
    }

    @Test
    void aViewOfEventsAheadOfTheWallClockIsStampedNoLaterThanTheWallClock() throws Exception {
        // a simulated clock set ahead, or a till whose clock runs ahead within its chain's allowed skew: the broker
        // would refuse a record stamped more than an hour ahead, and stop the topology
        Instant ahead = Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.set(ahead.toString());
        purchase("t-ahead", null, ahead.minusSeconds(60).toString(), "5.00");
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        List<TestRecord<String, byte[]>> views = records(Topics.PARTICIPATION.name());
        assertFalse(views.isEmpty());
        long wallClock = System.currentTimeMillis() + Duration.ofMinutes(1).toMillis();
        for (TestRecord<String, byte[]> view : views) {
            assertTrue(view.timestamp() <= wallClock, view.key() + " stamped " + Instant.ofEpochMilli(view.timestamp()));
            assertEquals(ahead.minusSeconds(60).toString(),
                    Json.mapper().readTree(view.value()).get("computedAt").asText(), "the view keeps the event time");
        }
    }

    private void salesOfCardOneAndOthers() {
        purchase("t1", "C-1", "2026-05-02T10:00:00+03:00", "42.50");
        purchase("t2", "C-1", "2026-05-03T10:00:00+03:00", "10.00");
        send(transactions, "C-1", till("t5", "C-1", "RETURN", "2026-05-04T10:00:00+03:00", "10.00"));
        purchase("t3", "C-UNKNOWN", "2026-05-02T10:00:00+03:00", "10.00");
        purchase("t4", null, "2026-05-02T10:00:00+03:00", "1.00");
    }

    /** The published views without their {@code ce_id}, whose revision counts the changes each went through. */
    private static Map<String, String> withoutIds(Map<String, String> published) {
        Map<String, String> values = new java.util.TreeMap<>();
        published.forEach((key, value) -> values.put(key, value.substring(value.indexOf(' ') + 1)));
        return values;
    }

    @Test
    void pointsAreCountedPerPeriodNetOfReturnsWithTheLiabilityOfAllTime() {
        pointsDataset();

        Map<String, JsonNode> views = latest(Topics.POINTS_VIEW.name());
        JsonNode allTime = views.get("aegean|all-time");
        assertEquals(120, allTime.get("pointsIssued").asLong());
        assertEquals(85, allTime.get("netPointsIssued").asLong(), "120 issued - 30 reversed - 5 adjusted");
        assertEquals(20, allTime.get("liability").asLong(), "85 net - 50 redeemed - 15 expired: the member's balance");
        assertEquals("EUR", allTime.get("currency").asText());
        assertDecimal("0.0133", allTime.get("pointValue"));
        assertEquals(new BigDecimal("0.27"), allTime.get("liabilityValue").decimalValue(),
                "20 points at 0.0133 EUR = 0.266, in cents");
        JsonNode juneView = views.get("aegean|2026-06");
        assertEquals(0, juneView.get("pointsIssued").asLong());
        assertEquals(30, juneView.get("pointsReversed").asLong());
        assertEquals(-100, juneView.get("liabilityChange").asLong());
        assertTrue(juneView.get("liability").isNull());
        assertTrue(juneView.get("liabilityValue").isNull(), "a period has no liability");
        assertEquals(120, views.get("aegean|2026-05").get("liabilityChange").asLong());
    }

    @Test
    void pointsWithDecimalsAreSummedExactlyAndFinerOnesDeadLettered() {
        Instant may = Instant.parse("2026-05-02T07:00:00Z");
        event(points, "d1", new PointsEarned("m1", CHAIN, "t1", "s1", "EUR", new BigDecimal("25.70"),
                new BigDecimal("2.57"), "v1", List.of(), new BigDecimal("2.57"), may));
        event(points, "d2", new PointsAwarded("m1", CHAIN, "a1", "survey", "v1", new BigDecimal("0.43"),
                new BigDecimal("3.00"), may));
        event(points, "d3", new PointsRedeemed("r1", "m1", CHAIN, new BigDecimal("1.5"), new BigDecimal("1.50"), may));
        event(points, "d4", new PointsRedeemed("r2", "m1", CHAIN, new BigDecimal("0.001"), new BigDecimal("1.499"),
                may));

        JsonNode allTime = latest(Topics.POINTS_VIEW.name()).get("aegean|all-time");
        assertEquals(new BigDecimal("3"), allTime.get("pointsIssued").decimalValue(), "2.57 + 0.43, plain: " + allTime);
        assertEquals(new BigDecimal("1.5"), allTime.get("liability").decimalValue(), allTime.toString());
        assertEquals(new BigDecimal("0.02"), allTime.get("liabilityValue").decimalValue(), "1.5 at 0.0133 EUR");
        assertTrue(header(records(Topics.POINTS.deadLetterTopic()).get(0).headers(), DeadLetterPublisher.REASON)
                .contains("at most 2 decimals"), "a thousandth of a point is no chain's");
    }

    @Test
    void satisfactionCountsEachSurveyScoreOnceInItsPeriodOfTheChainsCalendar() {
        surveysDataset();

        Map<String, JsonNode> views = latest(Topics.SATISFACTION.name());
        assertSatisfaction(views.get("aegean|2026-05"), 5, "7.60", 3, 1, 1, "40.00");
        assertTrue(views.get("aegean|2026-05").get("final").asBoolean(), "May has ended on the service clock");
        // 00:30 on June 1 in Athens is still May 31 in UTC: a June answer
        assertSatisfaction(views.get("aegean|2026-06"), 2, "5.00", 0, 1, 1, "-50.00");
        assertFalse(views.get("aegean|2026-06").get("final").asBoolean(), "June runs");
        assertSatisfaction(views.get("aegean|all-time"), 7, "6.86", 3, 2, 2, "14.29");
        assertSatisfaction(views.get("aegean|2026-Q2"), 7, "6.86", 3, 2, 2, "14.29");

        List<TestRecord<String, byte[]>> letters = records(Topics.ENGAGEMENT.deadLetterTopic());
        assertEquals(2, letters.size(), "the score of 11, each delivery");
        assertTrue(reason(letters.get(0)).contains("score must be between 0 and 10: 11"), reason(letters.get(0)));
    }

    @Test
    void theLiabilitysMoneyValueIsInTheCurrencysMinorUnitsAndNullWithoutAPointValue() {
        Instant may = Instant.parse("2026-05-02T07:00:00Z");
        event(points, "k1", new PointsAwarded("m1", "kyoto", "a1", "birthday", "v1", pointsOf(5), pointsOf(5), may));
        event(points, "n1", new PointsAwarded("m2", "naxos", "a1", "birthday", "v1", pointsOf(5), pointsOf(5), may));

        Map<String, JsonNode> views = latest(Topics.POINTS_VIEW.name());
        JsonNode kyoto = views.get("kyoto|all-time");
        assertEquals("JPY", kyoto.get("currency").asText());
        assertEquals(new BigDecimal("2"), kyoto.get("liabilityValue").decimalValue(),
                "5 points at 0.5 JPY = 2.5, half-even to whole yen");
        JsonNode naxos = views.get("naxos|all-time");
        assertEquals(5, naxos.get("liability").asLong());
        assertTrue(naxos.get("pointValue").isNull(), naxos.toString());
        assertTrue(naxos.get("liabilityValue").isNull(), "no point value, no money value: " + naxos);
    }

    @Test
    void theAllTimeViewCountsThePointsExpiringWithin30_60And90DaysOfTodayAsTheClockMoves() {
        Instant july16 = Instant.parse("2026-07-15T21:00:00Z");
        Instant may = Instant.parse("2026-05-02T07:00:00Z");
        event(points, "x1", new PointsEarned("m1", CHAIN, "t1", "s1", "EUR", BigDecimal.TEN, pointsOf(100), "v1", List.of(), pointsOf(100),
                may, List.of(new ExpiryChange(july16, pointsOf(100)))));
        event(points, "x2", new PointsAwarded("m2", CHAIN, "a1", "birthday", "v1", pointsOf(50), pointsOf(50), may,
                List.of(new ExpiryChange(Instant.parse("2026-08-20T10:00:00Z"), pointsOf(50)))));
        event(points, "x3", new PointsEarned("m3", CHAIN, "t3", "s1", "EUR", BigDecimal.TEN, pointsOf(30), "v1", List.of(), pointsOf(30),
                may, List.of()));
        event(points, "x4", new PointsEarned("m4", CHAIN, "t4", "s1", "EUR", BigDecimal.TEN, pointsOf(20), "v1", List.of(), pointsOf(20),
                may, List.of(new ExpiryChange(Instant.parse("2026-10-10T10:00:00Z"), pointsOf(20)))));
        // the oldest lot first: 40 of m1's lot that expires on July 16
        event(points, "x5", new PointsRedeemed("r1", "m1", CHAIN, pointsOf(40), pointsOf(60), Instant.parse("2026-06-01T07:00:00Z"),
                List.of(new ExpiryChange(july16, pointsOf(-40)))));

        // June 30 in Athens: July 16 (60 left) is within 30 days; August 20 within 60; October 10 beyond 90
        Map<String, JsonNode> first = latest(Topics.POINTS_VIEW.name());
        assertTrue(first.get("aegean|2026-05").get("expiringIn30Days").isNull(), "a period has no expiring points");
        JsonNode june30 = first.get("aegean|all-time");
        assertEquals(160, june30.get("liability").asLong());
        assertEquals("2026-06-30", june30.get("expiringAsOf").asText());
        assertExpiring(june30, 60, 110, 110);
        assertTrue(latest(Topics.POINTS_VIEW.name()).isEmpty(), "nothing changed, nothing published again");

        // a month later, with no event: republished by the punctuation for the new day
        clock.set("2026-07-31T21:30:00Z");
        TestRecord<String, byte[]> august1 = latestRecords(Topics.POINTS_VIEW.name()).get("aegean|all-time");
        JsonNode august = json(august1);
        assertEquals("2026-08-01", august.get("expiringAsOf").asText(), "August 1 in Athens");
        assertExpiring(august, 110, 110, 130);
        assertTrue(header(august1.headers(), CloudEventHeaders.ID).endsWith("/2026-08-01"),
                "another day, another record: " + header(august1.headers(), CloudEventHeaders.ID));
        assertEquals(160, august.get("liability").asLong());

        event(points, "x6", new PointsExpired("m1", CHAIN, pointsOf(60), pointsOf(0), Instant.parse("2026-08-01T00:00:00Z"),
                List.of(new ExpiryChange(july16, pointsOf(-60)))));
        JsonNode expired = latest(Topics.POINTS_VIEW.name()).get("aegean|all-time");
        assertExpiring(expired, 50, 50, 70);
        assertEquals(100, expired.get("liability").asLong());
        assertTrue(latest(Topics.POINTS_VIEW.name()).isEmpty());
    }

    private static void assertExpiring(JsonNode view, long in30, long in60, long in90) {
        assertEquals(in30, view.get("expiringIn30Days").asLong(), view.toString());
        assertEquals(in60, view.get("expiringIn60Days").asLong(), view.toString());
        assertEquals(in90, view.get("expiringIn90Days").asLong(), view.toString());
    }

    @Test
    void membersWithoutAPurchaseForTheDormancyPeriodAreListedUntilTheyBuyAgainAsTheClockMoves() {
        clock.set("2026-03-01T10:00:00Z");
        enroll("A", "C-A", "2026-01-05T09:00:00Z");
        purchase("t1", "C-A", "2026-01-10T12:00:00+02:00", "10.00");
        enroll("B", "C-B", "2026-02-01T09:00:00Z");
        enroll("C", "C-C", "2026-02-20T09:00:00Z");
        purchase("t2", "C-C", "2026-02-25T12:00:00+02:00", "10.00");
        // an older purchase read late changes nothing: the last purchase is still January 10
        purchase("t0", "C-A", "2026-01-08T12:00:00+02:00", "10.00");

        // 20 days: A since January 30, B (never bought) since February 21; C not before March 17
        Map<String, TestRecord<String, byte[]>> listed = latestRecords(Topics.DORMANT.name());
        assertEquals(java.util.Set.of("aegean|A", "aegean|B"), listed.keySet());
        JsonNode a = json(listed.get("aegean|A"));
        assertEquals("2026-01-10T10:00:00Z", a.get("lastPurchaseAt").asText());
        assertEquals("2026-01-30", a.get("since").asText());
        assertEquals(20, a.get("daysDormant").asLong(), "counted on the day it fell dormant");
        assertEquals("aegean|A@2026-01-30", header(listed.get("aegean|A").headers(), CloudEventHeaders.ID));
        assertEquals("io.patronage.DormantMember", header(listed.get("aegean|A").headers(), CloudEventHeaders.TYPE));
        JsonNode b = json(listed.get("aegean|B"));
        assertTrue(b.get("lastPurchaseAt").isNull(), b.toString());
        assertEquals("2026-02-21", b.get("since").asText());
        assertTrue(latestRecords(Topics.DORMANT.name()).isEmpty(), "each once");

        purchase("t3", "C-A", "2026-03-01T12:00:00+02:00", "10.00");
        Map<String, TestRecord<String, byte[]>> bought = latestRecords(Topics.DORMANT.name());
        assertEquals(java.util.Set.of("aegean|A"), bought.keySet());
        assertEquals(null, bought.get("aegean|A").value(), "a tombstone: A bought again");

        // 02:00 on March 17 in Athens (still March 16 in UTC): C's 20 days are up; A's new ones are not
        clock.set("2026-03-17T00:00:00Z");
        assertEquals(java.util.Set.of("aegean|C"), latestRecords(Topics.DORMANT.name()).keySet());
        try (var list = driver.<String, Object>getKeyValueStore(ViewsTopology.DORMANT).all()) {
            List<String> keys = new java.util.ArrayList<>();
            list.forEachRemaining(entry -> keys.add(entry.key));
            assertEquals(List.of("aegean|B", "aegean|C"), keys, "the chain's list, as HTTP reads it");
        }
    }

    @Test
    void anErasedMemberIsInNoStoreAndItsDormantRecordIsTombstoned() throws Exception {
        String member = "member-erased-7";
        event(members, "e-x7", new MemberEnrolled(member, CHAIN, "C-ERASE", null, "el-GR",
                Instant.parse("2026-01-05T09:00:00Z")));
        event(members, "e-x8", new io.patronage.contracts.members.CardReplaced(member, CHAIN, "C-ERASE", "C-ERASE-2",
                Instant.parse("2026-01-06T09:00:00Z")));
        purchase("t1", "C-ERASE", "2026-01-10T12:00:00+02:00", "10.00");
        purchase("t2", "C-ERASE-2", "2026-02-10T12:00:00+02:00", "10.00");
        enroll("B", "C-B", "2026-06-25T09:00:00Z");
        assertEquals(java.util.Set.of(CHAIN + "|" + member), latestRecords(Topics.DORMANT.name()).keySet(),
                "dormant since March 2");
        assertTrue(storeRows().stream().anyMatch(row -> row.contains(member)), "the member is in the stores");

        event(members, "x-1", new io.patronage.contracts.members.MemberErased(member, CHAIN,
                Instant.parse("2026-06-29T09:00:00Z")));

        // once the changed views are published (the customer summary's best and worst are recomputed then)
        Map<String, TestRecord<String, byte[]>> dormant = latestRecords(Topics.DORMANT.name());
        List<String> rows = storeRows();
        assertTrue(rows.stream().noneMatch(row -> row.contains(member) || row.contains("C-ERASE")),
                "a scan of every store finds neither the member nor their cards: " + rows);
        assertTrue(rows.stream().anyMatch(row -> row.contains("aegean:B")), "the other member stays: " + rows);
        assertEquals(null, dormant.get(CHAIN + "|" + member).value(), "its dormant record is tombstoned");
        for (String topic : List.of(Topics.PARTICIPATION.name(), Topics.POINTS_VIEW.name(), Topics.RETENTION.name(),
                Topics.CHURN.name(), Topics.DORMANT.name(), Topics.SATISFACTION.name())) {
            for (TestRecord<String, byte[]> record : records(topic)) {
                assertFalse(record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains(member),
                        topic + " " + record.key());
            }
        }
        purchase("t3", "C-ERASE-2", "2026-06-29T12:00:00+02:00", "10.00");
        assertTrue(storeRows().stream().noneMatch(row -> row.contains(member)),
                "a later sale with the erased member's card is a non-member's");
    }

    /** Every row of every store, key and value as JSON. */
    private List<String> storeRows() throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        for (Map.Entry<String, org.apache.kafka.streams.processor.StateStore> store : driver.getAllStateStores().entrySet()) {
            try (var all = driver.<Object, Object>getKeyValueStore(store.getKey()).all()) {
                while (all.hasNext()) {
                    var row = all.next();
                    rows.add(store.getKey() + " " + row.key + " " + Json.mapper().writeValueAsString(row.value));
                }
            }
        }
        return rows;
    }

    @Test
    void unreadableRecordsAreDeadLetteredWithTheirReasonAndTheRecordsAfterThemCounted() {
        transactions.pipeInput("k1", "{not json".getBytes(StandardCharsets.UTF_8));
        once(transactions, "k2", till("t1", null, "PURCHASE", "2026-05-02T10:00:00+03:00", "1.00")
                .replace("\"aegean\"", "\"nowhere\""));
        byte[] huge = new byte[300 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        transactions.pipeInput("k3", huge);
        send(transactions, "k4", till("t9", null, "PURCHASE", "2026-05-02T10:00:00+03:00", "1.00"));
        once(transactions, "k4", till("t9", null, "PURCHASE", "2026-05-02T10:00:00+03:00", "2.00"));
        event(points, "p-negative", new PointsEarned("m1", CHAIN, "t1", "s1", "EUR", BigDecimal.ONE, pointsOf(-3), "v1",
                List.of(), pointsOf(0), Instant.parse("2026-05-02T07:00:00Z")));

        List<TestRecord<String, byte[]>> letters = records(Topics.TRANSACTIONS.deadLetterTopic());
        assertEquals(4, letters.size());
        assertTrue(reason(letters.get(0)).startsWith("malformed transaction JSON"), reason(letters.get(0)));
        assertTrue(reason(letters.get(1)).startsWith("unknown chain nowhere"), reason(letters.get(1)));
        assertEquals("true", header(letters.get(2).headers(), DeadLetterPublisher.TRUNCATED));
        assertEquals("conflicting-resend", reason(letters.get(3)));
        assertEquals(Topics.TRANSACTIONS.name(), header(letters.get(0).headers(), DeadLetterPublisher.ORIGINAL_TOPIC));
        assertEquals("analytics-test", header(letters.get(0).headers(), DeadLetterPublisher.CONSUMER_GROUP));
        List<TestRecord<String, byte[]>> points = records(Topics.POINTS.deadLetterTopic());
        assertEquals(2, points.size(), "a refused event is not marked as seen: each delivery is dead-lettered");
        assertTrue(reason(points.get(0)).startsWith("points must be between 0"), reason(points.get(0)));

        JsonNode view = latest(Topics.PARTICIPATION.name()).get("aegean|all-time");
        assertEquals(1, view.get("nonMemberTransactions").asLong(), "the first t9, once");
        assertDecimal("1.00", view.get("nonMemberSales"));
    }

    @Test
    void membersAndPointsOfAnUnknownChainAreCountedAndSkippedNotDeadLettered() {
        event(members, "e-x", new MemberEnrolled("x1", "nowhere", "C-X", null, "el-GR",
                Instant.parse("2026-05-01T08:00:00Z")));
        event(points, "p-x", new PointsEarned("x1", "nowhere", "t1", "s1", "EUR", BigDecimal.TEN, pointsOf(10), "v1", List.of(),
                pointsOf(10), Instant.parse("2026-05-02T07:00:00Z")));
        event(points, "p-y", new PointsRedeemed("r1", "x1", "nowhere", pointsOf(5), pointsOf(5), Instant.parse("2026-05-03T07:00:00Z")));
        event(points, "p-known", new PointsEarned("m1", CHAIN, "t2", "s1", "EUR", BigDecimal.ONE, pointsOf(7), "v1", List.of(),
                pointsOf(7), Instant.parse("2026-05-02T07:00:00Z")));

        assertEquals(List.of(Topics.MEMBERS.name(), Topics.POINTS.name(), Topics.POINTS.name()), unknownChains,
                "each event once, its resend not again");
        Map<String, JsonNode> views = latest(Topics.POINTS_VIEW.name());
        assertTrue(views.keySet().stream().noneMatch(key -> key.startsWith("nowhere|")), views.keySet().toString());
        assertEquals(7, views.get("aegean|all-time").get("pointsIssued").asLong(), "the known chain's event counted");
        assertTrue(latest(Topics.PARTICIPATION.name()).keySet().stream().noneMatch(key -> key.startsWith("nowhere|")));
        assertTrue(records(Topics.MEMBERS.deadLetterTopic()).isEmpty(), "skipped, not dead-lettered");
        assertTrue(records(Topics.POINTS.deadLetterTopic()).isEmpty());
        try (var cards = driver.<String, String>getKeyValueStore(ViewsTopology.CARDS).all()) {
            assertFalse(cards.hasNext(), "no card of a made-up chain");
        }
    }

    @Test
    void publishedViewsAreCloudEventsWhoseIdNamesTheirRevision() {
        purchase("t1", null, "2026-05-02T10:00:00+03:00", "1.00");
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        TestRecord<String, byte[]> record = driver.createOutputTopic(Topics.PARTICIPATION.name(),
                new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList().stream()
                .filter(r -> r.key().equals("aegean|all-time")).findFirst().orElseThrow();
        assertEquals("io.patronage.ParticipationView", header(record.headers(), CloudEventHeaders.TYPE));
        assertEquals("aegean|all-time@1", header(record.headers(), CloudEventHeaders.ID));
        assertEquals("2026-05-02T07:00:00Z", header(record.headers(), CloudEventHeaders.TIME));
    }

    @Test
    void aPeriodIsPublishedWhenItStartsOnTheServiceClockAndIsProvisionalUntilItEnds() {
        clock.set("2026-02-10T12:00:00Z");
        enroll("A", "C-A", "2026-01-05T09:00:00Z");
        // keeps A active (30-day window) until March 11: it changes March's S and churn, and weeks 8 to 11
        purchase("t1", "C-A", "2026-02-10T12:00:00+02:00", "10.00");

        Map<String, TestRecord<String, byte[]>> retention = latestRecords(Topics.RETENTION.name());
        assertEquals(java.util.Set.of("aegean|2026-W02", "aegean|2026-01", "aegean|2026-W07", "aegean|2026-02",
                "aegean|2026-Q1", "aegean|cohort|2026-01"), retention.keySet(),
                "the enrollment's periods and, of the purchase's, only those that have started");
        assertTrue(json(retention.get("aegean|2026-01")).get("final").asBoolean(), "January is over");
        JsonNode february = json(retention.get("aegean|2026-02"));
        assertRetention(february, 0, 1, 0, null);
        assertFalse(february.get("final").asBoolean(), "the running month is provisional");
        assertTrue(header(retention.get("aegean|2026-02").headers(), CloudEventHeaders.ID).endsWith(".provisional"));
        assertEquals(java.util.Set.of("aegean|2026-W02", "aegean|2026-01", "aegean|2026-W07", "aegean|2026-02",
                "aegean|2026-Q1"), latestRecords(Topics.CHURN.name()).keySet());
        assertEquals(null, latestRecords(Topics.PARTICIPATION.name()).get("aegean|2026-03"));

        // 23:30 in Athens on February 28: March has not started, February has not ended
        clock.set("2026-02-28T21:30:00Z");
        assertEquals(null, latestRecords(Topics.RETENTION.name()).get("aegean|2026-03"));

        // 00:30 in Athens on March 1 (still February 28 in UTC)
        clock.set("2026-02-28T22:30:00Z");
        Map<String, TestRecord<String, byte[]>> march = latestRecords(Topics.RETENTION.name());
        JsonNode marchRetention = json(march.get("aegean|2026-03"));
        assertRetention(marchRetention, 1, 0, 0, "0.00");
        assertFalse(marchRetention.get("final").asBoolean());
        JsonNode finalFebruary = json(march.get("aegean|2026-02"));
        assertTrue(finalFebruary.get("final").asBoolean(), "February is over: published again, final");
        assertRetention(finalFebruary, 0, 1, 0, null);
        assertEquals("aegean|2026-02@" + header(retention.get("aegean|2026-02").headers(), CloudEventHeaders.ID)
                        .replaceAll(".*@(\\d+)\\.provisional", "$1"),
                header(march.get("aegean|2026-02").headers(), CloudEventHeaders.ID), "the same numbers, a new record");
        assertFalse(march.containsKey("aegean|2026-W10"), "week 10 starts on Monday March 2");
        JsonNode marchChurn = json(latestRecords(Topics.CHURN.name()).get("aegean|2026-03"));
        assertEquals(1, marchChurn.get("churned").asLong(), "A's window ends on March 11, before the month's end");

        clock.set("2026-03-02T00:00:00Z");
        Map<String, TestRecord<String, byte[]>> monday = latestRecords(Topics.RETENTION.name());
        assertEquals(java.util.Set.of("aegean|2026-W09", "aegean|2026-W10"), monday.keySet(),
                "week 9 ends (final), week 10 starts; nothing else changed");
        assertTrue(json(monday.get("aegean|2026-W09")).get("final").asBoolean());
        assertFalse(json(monday.get("aegean|2026-W10")).get("final").asBoolean());
        assertTrue(latestRecords(Topics.RETENTION.name()).isEmpty(), "each is published once");
    }

    /** A and B enroll in January, C in February, D in March (who never buys). */
    private void handComputedDataset() {
        enroll("A", "C-A", "2026-01-05T09:00:00Z");
        enroll("B", "C-B", "2026-01-07T09:00:00Z");
        enroll("C", "C-C", "2026-02-03T09:00:00Z");
        enroll("D", "C-D", "2026-03-01T09:00:00Z");
        purchase("t1", "C-A", "2026-01-10T12:00:00+02:00", "10.00");
        purchase("t2", "C-B", "2026-01-15T12:00:00+02:00", "20.00");
        purchase("t3", "C-A", "2026-02-20T12:00:00+02:00", "30.00");
        purchase("t4", "C-C", "2026-02-10T12:00:00+02:00", "40.00");
        purchase("t5", "C-C", "2026-03-05T12:00:00+02:00", "50.00");
        // after midnight in Athens, still February 28 in UTC: a March sale of the chain
        purchase("t6", null, "2026-03-01T00:30:00+02:00", "5.00");
        // an offline till's late record, read last: A's March purchase
        purchase("t7", "C-A", "2026-03-25T12:00:00+02:00", "60.00");
    }

    private void pointsDataset() {
        Instant may = Instant.parse("2026-05-02T07:00:00Z");
        Instant june = Instant.parse("2026-06-02T07:00:00Z");
        event(points, "p1", new PointsEarned("m1", CHAIN, "t1", "s1", "EUR", new BigDecimal("100"), pointsOf(100), "v1", List.of(),
                pointsOf(100), may, List.of(new ExpiryChange(Instant.parse("2027-05-02T07:00:00Z"), pointsOf(100)))));
        event(points, "p2", new PointsAwarded("m1", CHAIN, "a1", "birthday", "v1", pointsOf(20), pointsOf(120), may));
        event(points, "p3", new PointsReversed("m1", CHAIN, "t2", "t1", "EUR", new BigDecimal("30"), pointsOf(30), pointsOf(0), pointsOf(90), june));
        event(points, "p4", new PointsRedeemed("r1", "m1", CHAIN, pointsOf(50), pointsOf(40), june));
        event(points, "p5", new PointsExpired("m1", CHAIN, pointsOf(15), pointsOf(25), june));
        event(points, "p6", new PointsAdjusted("m1", CHAIN, "adj1", pointsOf(-5), "goodwill", "staff", pointsOf(20), june));
    }

    /**
     * May: 10, 9, 9, 7, 3 (average 7.60; promoters 3, passives 1, detractors 1: NPS 40); June: 8, 2 (average 5.00,
     * NPS -50). A review's score, a survey without a score and a score of 11 count nothing; each is sent twice.
     */
    private void surveysDataset() {
        survey("s1", "SURVEY_COMPLETED", 10, "2026-05-03T10:00:00+03:00");
        survey("s2", "SURVEY_COMPLETED", 9, "2026-05-04T10:00:00+03:00");
        survey("s3", "SURVEY_COMPLETED", 9, "2026-05-05T10:00:00+03:00");
        survey("s4", "SURVEY_COMPLETED", 7, "2026-05-06T10:00:00+03:00");
        survey("s5", "SURVEY_COMPLETED", 3, "2026-05-07T10:00:00+03:00");
        survey("s6", "SURVEY_COMPLETED", 8, "2026-06-01T00:30:00+03:00");
        survey("s7", "SURVEY_COMPLETED", 2, "2026-06-10T10:00:00+03:00");
        survey("r1", "REVIEW", 5, "2026-06-11T10:00:00+03:00");
        survey("s8", "SURVEY_COMPLETED", null, "2026-06-12T10:00:00+03:00");
        survey("s9", "SURVEY_COMPLETED", 11, "2026-06-13T10:00:00+03:00");
    }

    private void survey(String id, String type, Integer score, String at) {
        send(engagement, "m1", "{\"engagementId\":\"" + id + "\",\"chainId\":\"aegean\",\"memberId\":\"m1\",\"type\":\""
                + type + "\",\"score\":" + score + ",\"occurredAt\":\"" + at + "\"}");
    }

    private static void assertSatisfaction(JsonNode view, long responses, String average, long promoters,
                                           long passives, long detractors, String nps) {
        assertEquals(responses, view.get("responses").asLong(), view.toString());
        assertDecimal(average, view.get("averageScore"), view.toString());
        assertEquals(promoters, view.get("promoters").asLong(), view.toString());
        assertEquals(passives, view.get("passives").asLong(), view.toString());
        assertEquals(detractors, view.get("detractors").asLong(), view.toString());
        assertDecimal(nps, view.get("netPromoterScore"), view.toString());
    }

    /** The latest record per topic and key, with its ce_id: what a data team sees once the topics are compacted. */
    private Map<String, String> published() {
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        Map<String, String> views = new java.util.TreeMap<>();
        for (String topic : List.of(Topics.PARTICIPATION.name(), Topics.POINTS_VIEW.name(), Topics.RETENTION.name(),
                Topics.CHURN.name(), Topics.SATISFACTION.name(), Topics.DORMANT.name(), Topics.CUSTOMERS.name(),
                Topics.BASKETS.name(), Topics.COUPONS.name())) {
            for (TestRecord<String, byte[]> record : records(topic)) {
                views.put(topic + " " + record.key(), header(record.headers(), CloudEventHeaders.ID) + " "
                        + (record.value() == null ? "tombstone" : new String(record.value(), StandardCharsets.UTF_8)));
            }
        }
        return views;
    }

    private void enroll(String member, String card, String at) {
        event(members, "e-" + member, new MemberEnrolled(member, CHAIN, card, null, "el-GR", Instant.parse(at)));
    }

    private void purchase(String id, String card, String at, String total) {
        send(transactions, card == null ? id : card, till(id, card, "PURCHASE", at, total));
    }

    private static String till(String id, String card, String type, String at, String total) {
        return "{\"transactionId\":\"" + id + "\",\"chainId\":\"aegean\",\"storeId\":\"s1\",\"cardNumber\":"
                + (card == null ? "null" : "\"" + card + "\"") + ",\"type\":\"" + type + "\",\"occurredAt\":\"" + at
                + "\",\"currency\":\"EUR\",\"total\":\"" + total + "\",\"lines\":[],\"couponCodes\":[]}";
    }

    private void once(TestInputTopic<String, byte[]> topic, String key, String json) {
        topic.pipeInput(key, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Twice, as a redelivery would. */
    private void send(TestInputTopic<String, byte[]> topic, String key, String json) {
        for (int i = 0; i < 2; i++) {
            topic.pipeInput(key, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void event(TestInputTopic<String, byte[]> topic, String id, IntegrationEvent event) {
        Headers headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.ID, id);
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, IntegrationEvent.typeOf(event.getClass()));
        try {
            byte[] value = Json.mapper().writeValueAsBytes(event);
            for (int i = 0; i < 2; i++) {
                topic.pipeInput(new TestRecord<>(event.key(), value, headers));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest record per key on a view topic, once the changed views are published. */
    private Map<String, JsonNode> latest(String topic) {
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        Map<String, JsonNode> views = new HashMap<>();
        driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList()
                .forEach(record -> {
                    try {
                        views.put(record.key(), Json.mapper().readTree(record.value()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        return views;
    }

    /** The latest record per key published on a topic since the last read, once the changed views are published. */
    private Map<String, TestRecord<String, byte[]>> latestRecords(String topic) {
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        Map<String, TestRecord<String, byte[]>> views = new java.util.TreeMap<>();
        records(topic).forEach(record -> views.put(record.key(), record));
        return views;
    }

    private static JsonNode json(TestRecord<String, byte[]> record) {
        try {
            return Json.mapper().readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Everything published on a topic since the last read. */
    private List<TestRecord<String, byte[]>> records(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
    }

    private static String reason(TestRecord<String, byte[]> record) {
        return header(record.headers(), DeadLetterPublisher.REASON);
    }

    private static String header(Headers headers, String name) {
        return CloudEventHeaders.get(headers, name);
    }

    private static void assertRetention(JsonNode view, long s, long e, long n, String rate) {
        assertEquals(s, view.get("activeAtStart").asLong(), "S of " + view);
        assertEquals(e, view.get("activeAtEnd").asLong(), "E of " + view);
        assertEquals(n, view.get("newActiveAtEnd").asLong(), "N of " + view);
        if (rate == null) {
            assertTrue(view.get("retentionRate").isNull(), view.toString());
        } else {
            assertDecimal(rate, view.get("retentionRate"), view.toString());
        }
        assertEquals(30, view.get("activeWindowDays").asInt());
    }

    private static void assertChurn(JsonNode view, long activeAtStart, long churned, String rate) {
        assertEquals(activeAtStart, view.get("activeAtStart").asLong(), view.toString());
        assertEquals(churned, view.get("churned").asLong(), view.toString());
        assertDecimal(rate, view.get("churnRate"), view.toString());
    }

    private static void assertDecimal(String expected, JsonNode actual) {
        assertDecimal(expected, actual, "");
    }

    /** By value: a JSON tree keeps 50.00 as 5E+1. */
    private static void assertDecimal(String expected, JsonNode actual, String message) {
        assertTrue(actual != null && actual.isNumber() && new BigDecimal(expected).compareTo(actual.decimalValue()) == 0,
                "expected " + expected + " but was " + actual + " " + message);
    }

    private static void assertMonths(JsonNode cohort, String... shares) {
        assertEquals(shares.length, cohort.get("months").size(), cohort.toString());
        for (int i = 0; i < shares.length; i++) {
            assertEquals(i, cohort.get("months").get(i).get("monthsSinceEnrollment").asInt());
            assertDecimal(shares[i], cohort.get("months").get(i).get("share"), cohort.toString());
        }
    }

    private static BigDecimal pointsOf(long points) {
        return BigDecimal.valueOf(points);
    }
}
