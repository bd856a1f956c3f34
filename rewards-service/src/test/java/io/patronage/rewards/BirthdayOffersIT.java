package io.patronage.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.members.MemberErased;
import io.patronage.contracts.members.MemberOptedOut;
import io.patronage.contracts.notifications.BirthdayOfferParameters;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.rewards.CouponIssued;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patronage.testsupport.HttpProbe.json;
import static io.patronage.testsupport.Records.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Birthday offers on the simulated clock: set by ops over HTTP; moving the clock a year ahead grants each member's
 * coupon on their birthday (or the first of its month), at the chain-local midnight, once; members who opted out or
 * were erased get none, and an erasure leaves neither card number nor birthday in any collection.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BirthdayOffersIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    private final HttpProbe service = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private final RewardsProbe rewards = new RewardsProbe(service, kafka);

    @Inject
    EmbeddedServer server;

    @Inject
    MongoDatabase database;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("rewards-birthday-offers-it", Map.of(
                "patronage.clock.simulated", "true",
                "patronage.rewards.birthday-interval", "1h"));
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void opsSetTheOfferOverTheApiValidatedByFieldAndAuditedWhenItChanges() {
        String chain = kafka.configureChain("chain-" + UUID.randomUUID(), "EUR");
        HttpProbe ops = rewards.ops(chain);
        String path = "/chains/" + chain + "/birthday-offer";
        assertEquals(404, ops.get(path).statusCode());
        assertEquals(List.of("rewardId", "when"), fields(ops.put(path, "{\"rewardId\":\"yacht\",\"when\":\"WEEK\"}")));
        assertEquals(List.of("when"), fields(ops.put(path, "{\"rewardId\":\"free-coffee\"}")));
        assertEquals(List.of("rewardId"), fields(ops.put(path, "{\"when\":\"DAY\"}")));
        assertEquals(403, service.as(TestTokens.ops("another-chain")).put(path,
                "{\"rewardId\":\"free-coffee\",\"when\":\"DAY\"}").statusCode());
        assertEquals(404, ops.get(path).statusCode(), "an invalid offer sets nothing");

        HttpResponse<String> created = ops.put(path, "{\"rewardId\":\"free-coffee\",\"when\":\"DAY\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(path, created.headers().firstValue("Location").orElseThrow());
        assertEquals(200, ops.put(path, "{\"rewardId\":\"free-coffee\",\"when\":\"DAY\"}").statusCode());
        HttpResponse<String> changed = ops.put(path, "{\"rewardId\":\"free-coffee\",\"when\":\"MONTH\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        JsonNode offer = json(ops.get(path));
        assertEquals("MONTH", offer.get("when").asText());
        assertEquals(json(created).get("since").asText(), offer.get("since").asText(), "a change keeps since");

        List<String> audited = new ArrayList<>();
        json(ops.get("/audit?chainId=" + chain)).get("records").forEach(record -> {
            if (record.get("action").asText().equals("birthday-offer.updated")) {
                audited.add(record.get("details").get("when").asText() + " " + record.get("actor").asText());
            }
        });
        assertEquals(List.of("DAY ops-" + chain, "MONTH ops-" + chain), audited, "an unchanged offer records nothing");
    }

    @Test
    void movingTheClockAYearAheadGrantsEachBirthdayOnItsDayOnceAndNoneToMembersWhoLeft() {
        Instant start = now();
        String byDay = chainIn(AUCKLAND, "DAY");
        String byMonth = chainIn(ATHENS, "MONTH");
        LocalDate today = LocalDate.ofInstant(start, AUCKLAND);
        LocalDate birthday = today.plusDays(10);
        String celebrating = enroll(byDay, MonthDay.from(birthday));
        String leapDay = enroll(byDay, MonthDay.of(Month.FEBRUARY, 29));
        String noBirthday = enroll(byDay, null);
        String optedOut = enroll(byDay, MonthDay.from(birthday));
        String erased = enroll(byDay, MonthDay.from(today.plusDays(3)));
        LocalDate firstOfMonth = LocalDate.ofInstant(start, ATHENS).plusDays(40).withDayOfMonth(1);
        String monthly = enroll(byMonth, MonthDay.of(firstOfMonth.getMonth(), 15));

        kafka.send(CloudEventRecord.of(new MemberOptedOut(optedOut, byDay, Instant.now()))
                .withSource("/patronage/enrollment-service"));
        kafka.send(CloudEventRecord.of(new MemberErased(erased, byDay, Instant.now()))
                .withSource("/patronage/enrollment-service"));
        await().atMost(PATIENCE).until(() -> member(optedOut).containsKey("leftAt")
                && member(erased).containsKey("erasedAt"));
        // the erased member's enrollment read again (a replay, a resend) brings neither card nor birthday back
        kafka.send(CloudEventRecord.of(new MemberEnrolled(erased, byDay, "card-" + erased,
                MonthDay.from(today.plusDays(3)), "en", Instant.now())).withSource("/patronage/enrollment-service")
                .onPartition(0));
        enroll(byDay, null, 0); // after it on the same partition: once known, the resend was handled
        assertErasureLeftNothingPersonal(erased, MonthDay.from(today.plusDays(3)));
        assertFalse(anyDocumentHolds("card-" + optedOut), "an opted-out member's card names them no more");

        // past the first of the monthly member's month; a member born that month who enrolls now waits a year
        advanceTo(firstOfMonth.plusDays(1).atStartOfDay(ATHENS).toInstant());
        String lateInTheMonth = enroll(byMonth, MonthDay.of(firstOfMonth.getMonth(), 20));
        Instant end = start.plus(Duration.ofDays(366));
        advanceTo(end);

        CouponIssued coupon = awaitCoupons(celebrating, 1).get(0);
        assertEquals(birthday.atStartOfDay(AUCKLAND).toInstant(), coupon.issuedAt(), "at the chain-local midnight");
        assertEquals("birthday:" + byDay + ":" + celebrating + ":" + birthday.getYear(), coupon.redemptionId());
        assertEquals(0, coupon.pointsSpent());
        NotificationRequested told = notifications(celebrating).get(0);
        assertEquals(new BirthdayOfferParameters(coupon.couponCode(), "free-coffee", coupon.expiresAt()),
                NotificationParameters.read(told.kind(), told.parameters()).orElseThrow());
        assertTrue(told.marketing());

        List<LocalDate> leapDays = new ArrayList<>();
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            LocalDate day = MonthDay.of(Month.FEBRUARY, 29).atYear(year); // 28 February in a common year
            if (!day.isBefore(today) && !day.isAfter(LocalDate.ofInstant(end, AUCKLAND))) {
                leapDays.add(day);
            }
        }
        List<CouponIssued> leapCoupons = awaitCoupons(leapDay, leapDays.size());
        assertEquals(leapDays, leapCoupons.stream().map(each -> LocalDate.ofInstant(each.issuedAt(), AUCKLAND))
                .toList());
        assertEquals(firstOfMonth.atStartOfDay(ATHENS).toInstant(), awaitCoupons(monthly, 1).get(0).issuedAt(),
                "on the first of the birthday's month");

        // the job again (the move answers once it ran): a code is claimed before any grant, and none was
        advanceTo(end.plus(Duration.ofHours(2)));
        assertEquals(1, codesClaimed(celebrating), "each birthday once a year, however often the job runs");
        assertEquals(leapDays.size(), codesClaimed(leapDay));
        assertEquals(1, codesClaimed(monthly));
        for (String none : List.of(noBirthday, optedOut, erased, lateInTheMonth)) {
            assertEquals(0, codesClaimed(none), none + " gets no birthday coupon");
            assertEquals(List.of(), events(none), none + " gets no birthday coupon");
        }
        assertEquals(1, events(celebrating).size());
        assertEquals(LocalDate.ofInstant(end.plus(Duration.ofHours(2)), AUCKLAND).toString(),
                json(rewards.ops(byDay).get("/chains/" + byDay + "/birthday-offer")).get("processedThrough").asText());
    }

    @Test
    void aWithdrawnOfferGrantsNothingAndSetAgainStartsFromThatDay() {
        Instant start = now();
        String chain = chainIn(ATHENS, "DAY");
        String path = "/chains/" + chain + "/birthday-offer";
        HttpProbe ops = rewards.ops(chain);
        String member = enroll(chain, MonthDay.from(LocalDate.ofInstant(start, ATHENS).plusDays(5)));

        assertEquals(403, service.as(TestTokens.ops("another-chain")).delete(path).statusCode());
        assertEquals(204, ops.delete(path).statusCode());
        assertEquals(404, ops.get(path).statusCode());
        assertEquals(404, ops.delete(path).statusCode(), "withdrawn once");
        List<String> actions = new ArrayList<>();
        json(ops.get("/audit?chainId=" + chain)).get("records")
                .forEach(record -> actions.add(record.get("action").asText()));
        assertTrue(actions.contains("birthday-offer.withdrawn"), actions.toString());

        advanceTo(start.plus(Duration.ofDays(10)));
        assertEquals(0, codesClaimed(member), "no birthday coupon while the offer is withdrawn");
        HttpResponse<String> again = ops.put(path, "{\"rewardId\":\"free-coffee\",\"when\":\"DAY\"}");
        assertEquals(201, again.statusCode(), "set again: a new offer " + again.body());
        assertEquals(LocalDate.ofInstant(start.plus(Duration.ofDays(10)), ATHENS),
                LocalDate.ofInstant(Instant.parse(json(again).get("since").asText()), ATHENS));
        advanceTo(start.plus(Duration.ofDays(12)));
        assertEquals(0, codesClaimed(member), "the days while it was withdrawn are not caught up");
    }

    /** No document of any collection holds the erased member's card number, nor their birthday next to their id. */
    private void assertErasureLeftNothingPersonal(String memberId, MonthDay birthday) {
        assertFalse(anyDocumentHolds("card-" + memberId), "the card number is gone");
        for (String name : database.listCollectionNames()) {
            for (Document document : database.getCollection(name).find()) {
                String text = document.toJson();
                assertFalse(text.contains(memberId) && text.contains(birthday.toString()),
                        name + " holds the erased member's birthday: " + text);
            }
        }
        assertEquals(List.of("_id", "chainId", "erasedAt"), new ArrayList<>(member(memberId).keySet()));
    }

    private long codesClaimed(String memberId) {
        return database.getCollection("coupon_codes").countDocuments(Filters.eq("memberId", memberId));
    }

    private boolean anyDocumentHolds(String text) {
        for (String name : database.listCollectionNames()) {
            for (Document document : database.getCollection(name).find()) {
                if (document.toJson().contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Document member(String memberId) {
        Document member = database.getCollection("members").find(Filters.eq("_id", memberId)).first();
        return member == null ? new Document() : member;
    }

    private String chainIn(ZoneId zone, String when) {
        String chain = kafka.configureChain(new ChainConfigured("chain-" + UUID.randomUUID(), "EUR", zone.getId(),
                "en", null, Instant.now()));
        HttpProbe ops = rewards.ops(chain);
        await().atMost(PATIENCE).until(() -> ops.put("/chains/" + chain + "/birthday-offer",
                "{\"rewardId\":\"free-coffee\",\"when\":\"" + when + "\"}").statusCode() / 100 == 2);
        return chain;
    }

    private String enroll(String chain, MonthDay birthday) {
        return enroll(chain, birthday, null);
    }

    private String enroll(String chain, MonthDay birthday, Integer partition) {
        String member = "m-" + UUID.randomUUID();
        CloudEventRecord enrollment = CloudEventRecord.of(new MemberEnrolled(member, chain, "card-" + member,
                birthday, "en", Instant.now())).withSource("/patronage/enrollment-service");
        kafka.send(partition == null ? enrollment : enrollment.onPartition(partition));
        await().atMost(PATIENCE).until(() -> rewards.member(member).get("/members/" + member + "/coupons")
                .statusCode() == 200);
        return member;
    }

    private Instant now() {
        return Instant.parse(json(service.as(TestTokens.admin()).get("/admin/clock")).get("now").asText());
    }

    private void advanceTo(Instant target) {
        HttpResponse<String> moved = service.as(TestTokens.admin()).post("/admin/clock",
                "{\"advanceTo\":\"" + target + "\"}");
        assertEquals(200, moved.statusCode(), moved.body());
    }

    private static List<String> fields(HttpResponse<String> answer) {
        assertEquals(400, answer.statusCode(), answer.body());
        List<String> fields = new ArrayList<>();
        json(answer).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private List<CouponIssued> awaitCoupons(String member, int count) {
        await().atMost(PATIENCE).until(() -> events(member).size() >= count);
        return events(member);
    }

    private List<CouponIssued> events(String member) {
        return kafka.records(Topics.REWARDS.name(), Records.keyed(member)).stream()
                .filter(record -> IntegrationEvent.typeOf(CouponIssued.class)
                        .equals(header(record, CloudEventHeaders.TYPE)))
                .map(record -> Records.payload(record, CouponIssued.class)).toList();
    }

    private List<NotificationRequested> notifications(String member) {
        await().atMost(PATIENCE).until(() -> !kafka.records(Topics.NOTIFICATIONS.name(), Records.keyed(member))
                .isEmpty());
        return kafka.records(Topics.NOTIFICATIONS.name(), Records.keyed(member)).stream()
                .map(record -> Records.payload(record, NotificationRequested.class)).toList();
    }
}
