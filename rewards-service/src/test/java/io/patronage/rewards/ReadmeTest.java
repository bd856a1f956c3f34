package io.patronage.rewards;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.points.PointsDebitRequested;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.contracts.points.PointsRedemptionRejected;
import io.patronage.contracts.rewards.CouponIssued;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's Kafka table names every topic and event the service uses, as the registry spells them. */
class ReadmeTest {

    @Test
    void documentsTheTopicsAndEventsOfTheService() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        for (Class<? extends IntegrationEvent> event : List.of(MemberEnrolled.class, PointsRedeemed.class,
                PointsRedemptionRejected.class, PointsDebitRequested.class, CouponIssued.class,
                NotificationRequested.class)) {
            String row = "| `" + Topics.topicOf(event).name() + "` |";
            assertTrue(readme.lines().anyMatch(line -> line.contains(row) && line.contains(event.getSimpleName())),
                    "README lists " + event.getSimpleName() + " on " + Topics.topicOf(event).name());
        }
    }
}
