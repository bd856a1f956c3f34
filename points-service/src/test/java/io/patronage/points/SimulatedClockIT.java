package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.TestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.Map;

import static io.patronage.points.SimulatedTime.days;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * points-service on the simulated clock ({@code patronage.clock.simulated=true}), driven over HTTP as the launcher's
 * {@code clock} command drives it: pending points become available, an expiry is announced then happens, each at
 * the instant it was due, and the clock never goes back.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedClockIT implements TestPropertyProvider {

    /** Points pending 14 days, expiring after 30, announced 7 days ahead. */
    private static final String PROGRAM = """
            {"version":"v1","pointsPerUnit":1,"rounding":"DOWN","timeZone":"Europe/Athens","currency":"EUR",
             "pendingDays":14,"expiry":{"afterDays":30,"notifyDaysBefore":7}}""";

    @Inject
    EmbeddedServer server;

    private Outside outside;
    private SimulatedTime time;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-clock-it", Map.of(
                "patronage.clock.simulated", "true",
                "patronage.points.review-initial-delay", "1h"));
    }

    @BeforeAll
    void connect() {
        outside = new Outside(server.getPort(), Topics.POINTS, Topics.NOTIFICATIONS);
        time = new SimulatedTime(outside);
    }

    @AfterAll
    void disconnect() {
        outside.close();
    }

    @Test
    void movingTheClockMakesPendingPointsAvailableThenAnnouncesAndExpiresThemWhenDue() {
        SimulatedTime.Member member = time.enroll(time.chainWithProgram(PROGRAM));
        Instant start = time.now();
        time.purchase(member, "t-1", "100.00");
        JsonNode before = time.awaitBalance(member, "balance", 100);
        assertEquals(100, before.get("pending").asLong(), before.toString());
        JsonNode lot = outside.json("/members/" + member.id() + "/points/lots").get("lots").get(0);
        Instant expiresAt = Instant.parse(lot.get("expiresAt").asText());
        assertTrue(expiresAt.isAfter(start.plus(days(30))), lot.toString());

        JsonNode moved = time.advanceTo(start.plus(days(15)));
        assertTrue(!Instant.parse(moved.get("now").asText()).isBefore(start.plus(days(15))), moved.toString());
        JsonNode available = time.balance(member);
        assertEquals(100, available.get("available").asLong(), available.toString());
        assertEquals(0, available.get("pending").asLong(), available.toString());
        assertEquals(0, outside.seen(Topics.NOTIFICATIONS, member.id(), "io.patronage.NotificationRequested",
                b -> true).size(), "nothing announced 15 days in");

        time.advanceTo(start.plus(days(40)));

        JsonNode notice = outside.awaitRecord(Topics.NOTIFICATIONS, member.id(), "io.patronage.NotificationRequested",
                b -> b.get("kind").asText().equals("POINTS_EXPIRING"));
        assertEquals("100", notice.get("parameters").get("points").asText(), notice.toString());
        assertEquals(expiresAt.toString(), notice.get("parameters").get("expiresAt").asText(), notice.toString());
        assertEquals(expiresAt.minus(days(7)), Instant.parse(notice.get("requestedAt").asText()),
                "announced when the notice was due, not at the end of the move");
        JsonNode expired = outside.awaitRecord(Topics.POINTS, member.id(), "io.patronage.PointsExpired", b -> true);
        assertEquals(100, expired.get("points").asLong(), expired.toString());
        assertEquals(expiresAt, Instant.parse(expired.get("expiredAt").asText()), "expired at its expiry instant");
        JsonNode after = time.balance(member);
        assertEquals(0, after.get("balance").asLong(), after.toString());
        assertEquals("EXPIRED", outside.json("/members/" + member.id() + "/points/statement")
                .get("lines").get(0).get("kind").asText());
    }

    @Test
    void theClockOnlyMovesForwardAndSaysWhy() {
        Instant now = time.now();
        time.advanceTo(now.plus(days(1)));
        HttpProbe.assertProblem(outside.post("/admin/clock", "{\"advanceTo\":\"" + now + "\"}"), 409,
                "urn:patronage:problem:clock-moves-forward");
        HttpProbe.assertProblem(outside.post("/admin/clock", "{}"), 400, "urn:patronage:problem:invalid-request");
        HttpProbe.assertProblem(outside.post("/admin/clock", "{\"advanceTo\":\"next tuesday\"}"), 400,
                "urn:patronage:problem:invalid-request");
        assertTrue(!time.now().isBefore(now.plus(days(1))));
    }
}
