package io.patronage.rewards.redemption;

import io.patronage.contracts.notifications.CouponIssuedParameters;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.notifications.PunchCardCompletedParameters;
import io.patronage.kit.publication.IntegrationEventMapper.Publication;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedemptionPublisherTest {

    private static final Instant AT = Instant.parse("2026-11-27T08:15:00Z");

    @Test
    void anIssuedCouponIsAnnouncedWithItsCompleteParametersRecord() {
        for (Instant expiresAt : new Instant[]{AT.plusSeconds(86_400), null}) {
            NotificationRequested told = new RedemptionPublisher().map(new CouponIssued("red-1", "m-1", "chain-1",
                            "coffee", 100, "C-42", AT, expiresAt), "event-1", AT).stream().map(Publication::event)
                    .filter(NotificationRequested.class::isInstance).map(NotificationRequested.class::cast)
                    .findFirst().orElseThrow();

            assertEquals("coupon:C-42", told.notificationId());
            assertEquals(new CouponIssuedParameters("C-42", "coffee", expiresAt),
                    NotificationParameters.read(told.kind(), told.parameters()).orElseThrow());
        }
    }

    @Test
    void aCompletedPunchCardsCouponIsPublishedAsIssuedWithoutPointsAndAnnouncedAsSuch() {
        Instant expiresAt = AT.plusSeconds(86_400);
        var published = new RedemptionPublisher().map(new CouponGranted("punch:chain-1:m-1:tenth-coffee:2", "m-1",
                "chain-1", "coffee", "C-44", AT, expiresAt, CouponGranted.PUNCH_CARD, "tenth-coffee", 10), "event-2", AT)
                .stream().map(Publication::event).toList();

        io.patronage.contracts.rewards.CouponIssued issued = (io.patronage.contracts.rewards.CouponIssued) published.get(0);
        assertEquals("C-44", issued.couponCode());
        assertEquals(0, issued.pointsSpent());
        assertEquals("punch:chain-1:m-1:tenth-coffee:2", issued.redemptionId());
        NotificationRequested told = (NotificationRequested) published.get(1);
        assertEquals("coupon:C-44", told.notificationId());
        assertEquals(new PunchCardCompletedParameters("C-44", "coffee", "tenth-coffee", 10, expiresAt),
                NotificationParameters.read(told.kind(), told.parameters()).orElseThrow());
    }

    @Test
    void aSpendMilestonesCouponIsAnnouncedAsAnIssuedCoupon() {
        NotificationRequested told = (NotificationRequested) new RedemptionPublisher().map(new CouponGranted(
                "milestone:chain-1:m-1:every-500:1", "m-1", "chain-1", "coffee", "C-45", AT, null,
                CouponGranted.SPEND_MILESTONE, "every-500", 0), "event-3", AT).get(1).event();

        assertEquals(new CouponIssuedParameters("C-45", "coffee", null),
                NotificationParameters.read(told.kind(), told.parameters()).orElseThrow());
    }
}
