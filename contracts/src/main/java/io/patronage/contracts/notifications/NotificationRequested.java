package io.patronage.contracts.notifications;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.Map;

/**
 * Asks enrollment-service, which holds contact details and consents, to message a member in their
 * language through their channel.
 *
 * @param notificationId unique, so a redelivered request sends one message
 * @param kind           e.g. {@code WELCOME}, {@code POINTS_EXPIRING}, {@code COUPON_ISSUED}, {@code TIER_CHANGED}
 * @param marketing      {@code true} when the message needs marketing consent; transactional ones don't
 * @param parameters     values for the message template, e.g. {@code points}, {@code expiresOn}
 */
public record NotificationRequested(String notificationId,
                                    String memberId,
                                    String chainId,
                                    String kind,
                                    boolean marketing,
                                    Map<String, String> parameters,
                                    Instant requestedAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
