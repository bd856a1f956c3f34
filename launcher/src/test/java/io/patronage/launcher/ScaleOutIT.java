package io.patronage.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.harness.Ports;
import io.patronage.harness.Service;
import io.patronage.harness.ServiceProcess;
import io.patronage.testsupport.Records;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.patronage.launcher.Outside.awaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances of every service in one consumer group each, as a Kubernetes scale-out runs them: members enrolled
 * and purchases made before the second instances join, while both run, and after the first ones stop, each
 * through whichever instance; then every balance is checked on both points-service instances and every published
 * event is on its topic exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

    private static final Duration READINESS_TIMEOUT = Duration.ofMinutes(4);
    private static final String CHAIN = "aegean-market-gr";

    @RegisterExtension
    final RunningPlatform running = new RunningPlatform(READINESS_TIMEOUT, System.out);
    private final Map<Service, URI> second = new EnumMap<>(Service.class);
    /** Member id to card number, and each member's points so far. */
    private final Map<String, String> cards = new LinkedHashMap<>();
    private final Map<String, Long> expectedPoints = new HashMap<>();
    private final List<String> purchases = new ArrayList<>();

    @Test
    void everyBalanceAndEveryPublishedEventIsRightAcrossRebalances() throws Exception {
        enrollAndBuy(running.platform().url(Service.ENROLLMENT), 4);

        List<Integer> ports = Ports.free(Service.values().length);
        List<ServiceProcess> secondInstances = new ArrayList<>();
        for (Service service : Service.values()) {
            secondInstances.add(running.platform().startAnotherInstance(service, service.artifact() + "-2",
                    ports.get(service.ordinal())));
            second.put(service, URI.create("http://localhost:" + ports.get(service.ordinal())));
        }
        enrollAndBuy(second.get(Service.ENROLLMENT), 4);
        enrollAndBuy(running.platform().url(Service.ENROLLMENT), 4);
        buyAgain();

        // a member enrolled before the scale-out (four purchases of at least 30 euros) redeems through the second
        // rewards-service instance
        String early = cards.keySet().iterator().next();
        awaitBalances(List.of(running.platform().url(Service.POINTS), second.get(Service.POINTS)));
        String redemptionId = awaiting("the second rewards-service instance accepts the redemption")
                .until(() -> running.outside().redeem(second.get(Service.REWARDS), early, "free-coffee"), Optional::isPresent)
                .orElseThrow();
        JsonNode redemption = awaiting("the redemption saga finishes")
                .until(() -> running.outside().find(running.platform().url(Service.REWARDS), "/redemptions/" + redemptionId),
                        view -> !view.isMissingNode() && !"PENDING".equals(view.path("status").asText()));
        assertEquals("COMPLETED", redemption.path("status").asText(), redemption.toString());
        expectedPoints.merge(early, -100L, Long::sum);

        // the second instances leave: their partitions go back to the first ones
        secondInstances.forEach(ServiceProcess::requestStop);
        secondInstances.forEach(process -> process.awaitStop(Duration.ofSeconds(30)));
        enrollAndBuy(running.platform().url(Service.ENROLLMENT), 2);
        buyAgain();

        awaitBalances(List.of(running.platform().url(Service.POINTS)));
        assertPublishedOnce();
        long issued = expectedPoints.values().stream().mapToLong(Long::longValue).sum() + 100;
        Map<String, Long> participation = Outside.counts(cards.size(), purchases.size(), 0, issued, 100);
        awaiting("analytics counts every member, purchase and point once")
                .untilAsserted(() -> assertEquals(participation,
                        running.outside().participation(running.platform().url(Service.ANALYTICS), CHAIN)));
    }

    /** Enrolls members through {@code enrollment}, then every member buys once, for 30 to 79 euros (1 point each). */
    private void enrollAndBuy(URI enrollment, int members) throws Exception {
        for (int i = 0; i < members; i++) {
            JsonNode enrolled = running.outside().enroll(enrollment, CHAIN);
            cards.put(enrolled.path("memberId").asText(), enrolled.path("cardNumber").asText());
        }
        // analytics tells member from non-member sales by the cards it knows; a sale it sees before the enrollment
        // counts as a non-member's (points-service parks it instead): known limit, see analytics-service README
        awaiting("analytics knows every member enrolled").until(() -> running.outside().participation(
                running.platform().url(Service.ANALYTICS), CHAIN).get("enrolledMembers") == cards.size());
        buyAgain();
    }

    /** Every member enrolled so far buys once more. */
    private void buyAgain() throws Exception {
        for (Map.Entry<String, String> member : cards.entrySet()) {
            long euros = 30 + purchases.size() % 50;
            String transactionId = "T-" + UUID.randomUUID();
            running.outside().produce(member.getValue(), Outside.purchase(transactionId, CHAIN, member.getValue(), euros + ".99"));
            purchases.add(transactionId);
            expectedPoints.merge(member.getKey(), euros, Long::sum);
        }
    }

    private void awaitBalances(List<URI> pointsInstances) {
        for (URI points : pointsInstances) {
            awaiting("every balance on " + points).untilAsserted(() -> {
                Map<String, Long> balances = new HashMap<>();
                for (String memberId : expectedPoints.keySet()) {
                    balances.put(memberId, running.outside().balance(points, memberId));
                }
                assertEquals(expectedPoints, balances);
            });
        }
    }

    /** Each member enrolled once and each purchase earned once on Kafka, and no ce_id twice on any topic. */
    private void assertPublishedOnce() {
        awaiting("a PointsEarned of every purchase on loyalty.points.v1").untilAsserted(() -> {
            List<String> earned = running.outside().readAll("loyalty.points.v1").stream()
                    .filter(record -> "io.patronage.PointsEarned".equals(Records.header(record, "ce_type")))
                    .map(record -> Records.text(record).replaceAll(".*\"transactionId\":\"([^\"]+)\".*", "$1"))
                    .toList();
            assertEquals(Set.of(), purchases.stream().filter(id -> !earned.contains(id)).collect(Collectors.toSet()),
                    "purchases without a PointsEarned on Kafka");
            assertEquals(purchases.size(), earned.size(), "one PointsEarned per purchase");
        });
        Map<String, Long> enrollments = countByType("loyalty.members.v1", "io.patronage.MemberEnrolled");
        assertEquals(cards.keySet(), enrollments.keySet());
        assertEquals(Set.of(1L), Set.copyOf(enrollments.values()), "one MemberEnrolled per member");
        for (String topic : List.of("loyalty.members.v1", "loyalty.points.v1", "loyalty.notifications.v1",
                "loyalty.rewards.v1", "loyalty.points-requests.v1")) {
            List<ConsumerRecord<String, byte[]>> records = running.outside().readAll(topic);
            Set<String> ids = records.stream().map(record -> Records.header(record, "ce_id")).collect(Collectors.toSet());
            assertEquals(records.size(), ids.size(), topic + ": an event published twice");
        }
    }

    private Map<String, Long> countByType(String topic, String type) {
        return running.outside().readAll(topic).stream()
                .filter(record -> type.equals(Records.header(record, "ce_type")))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }
}
