package io.patronage.points.publishing;

import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.notifications.PointsExpiringParameters;
import io.patronage.contracts.notifications.TierChangedParameters;
import io.patronage.kit.publication.IntegrationEventMapper.Publication;
import io.patronage.points.expiry.ExpiryAnnounced;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.tiers.TierChanged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each notification the mapper asks for carries its kind's complete parameters record, as enrollment reads it. */
class NotificationContractTest {

    private static final Instant AT = Instant.parse("2026-11-27T08:15:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-31T21:59:59Z");

    private final PointsEventPublisher mapper = new PointsEventPublisher(null, (chainId, at) -> ProgramRules.DEFAULT);

    @Test
    void expiringPointsAreAnnouncedWithThePointsAndTheExpiryDate() {
        NotificationRequested notice = notification(new ExpiryAnnounced("m-1", "chain-1", "notice-1", 40, EXPIRES,
                List.of("lot-1"), AT));

        assertEquals("notice-1", notice.notificationId());
        assertEquals(new PointsExpiringParameters(new BigDecimal("40"), EXPIRES), read(notice));
    }

    @Test
    void aTierChangeIsAnnouncedWithTheTiersAndTheReason() {
        assertEquals(new TierChangedParameters("SILVER", "GOLD", "QUALIFIED"),
                read(notification(new TierChanged("m-1", "chain-1", "SILVER", "GOLD", "QUALIFIED", AT))));
        assertEquals(new TierChangedParameters(null, "SILVER", "QUALIFIED"),
                read(notification(new TierChanged("m-1", "chain-1", null, "SILVER", "QUALIFIED", AT))));
        assertEquals(new TierChangedParameters("GOLD", null, "DOWNGRADED"),
                read(notification(new TierChanged("m-1", "chain-1", "GOLD", null, "DOWNGRADED", AT))));
    }

    private NotificationRequested notification(Object domainEvent) {
        return mapper.map(domainEvent, "event-1", AT).stream().map(Publication::event)
                .filter(NotificationRequested.class::isInstance).map(NotificationRequested.class::cast)
                .findFirst().orElseThrow();
    }

    private static NotificationParameters read(NotificationRequested notice) {
        return NotificationParameters.read(notice.kind(), notice.parameters()).orElseThrow();
    }
}
