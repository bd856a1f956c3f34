package io.patronage.rewards.redemption;

import io.patronage.contracts.notifications.BirthdayOfferParameters;
import io.patronage.contracts.notifications.CouponIssuedParameters;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.notifications.PunchCardCompletedParameters;
import io.patronage.contracts.notifications.WinBackOfferParameters;
import io.patronage.kit.publication.IntegrationEventMapper.Publication;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void birthdayAndWinBackCouponsAreAnnouncedAsTheirOffersForMembersWhoWantOffers() {
        Instant expiresAt = AT.plusSeconds(86_400);
        var birthday = new RedemptionPublisher().map(new CouponGranted("birthday:chain-1:m-1:2027", "m-1", "chain-1",
                "cake", "C-46", AT, expiresAt, CouponGranted.BIRTHDAY_OFFER, "birthday", 0), "event-4", AT);
        var winBack = new RedemptionPublisher().map(new CouponGranted("winback:chain-1:m-1:2027-02-01", "m-1",
                "chain-1", "coffee", "C-47", AT, expiresAt, CouponGranted.WIN_BACK_OFFER, "win-back", 0), "event-5", AT);

        assertEquals(0, ((io.patronage.contracts.rewards.CouponIssued) birthday.get(0).event()).pointsSpent());
        NotificationRequested happyBirthday = (NotificationRequested) birthday.get(1).event();
        assertEquals(new BirthdayOfferParameters("C-46", "cake", expiresAt),
                NotificationParameters.read(happyBirthday.kind(), happyBirthday.parameters()).orElseThrow());
        assertTrue(happyBirthday.marketing(), "an offer is marketing: sent only with the member's consent");
        NotificationRequested missYou = (NotificationRequested) winBack.get(1).event();
        assertEquals("winback:chain-1:m-1:2027-02-01",
                ((io.patronage.contracts.rewards.CouponIssued) winBack.get(0).event()).redemptionId());
        assertEquals(new WinBackOfferParameters("C-47", "coffee", expiresAt),
                NotificationParameters.read(missYou.kind(), missYou.parameters()).orElseThrow());
        assertTrue(missYou.marketing());
        NotificationRequested welcome = (NotificationRequested) new RedemptionPublisher().map(new CouponGranted(
                "welcome:chain-1:m-1", "m-1", "chain-1", "coffee", "C-48", AT, expiresAt, CouponGranted.WELCOME_OFFER,
                "welcome", 0), "event-6", AT).get(1).event();
        assertFalse(welcome.marketing(), "the other coupons' messages stay transactional");
    }
}
