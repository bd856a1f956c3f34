package io.patronage.contracts.notifications;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.Map;

/**
 * Asks enrollment-service, which holds contact details and consents, to message a member in their
 * language through their channel.
 *
 * @param notificationId unique, so a redelivered request sends one message
 * @param kind           one of {@link NotificationParameters#KINDS}: {@code WELCOME}, {@code POINTS_EXPIRING},
 *                       {@code COUPON_ISSUED}, {@code TIER_CHANGED}, {@code PUNCH_CARD_COMPLETED},
 *                       {@code BIRTHDAY_OFFER}, {@code WIN_BACK_OFFER}
 * @param marketing      {@code true} when the message needs marketing consent; transactional ones don't
 * @param parameters     the kind's {@link NotificationParameters} record in its wire form; build it with
 *                       {@link #of}, read it with {@link NotificationParameters#read}
 */
public record NotificationRequested(String notificationId,
                                    String memberId,
                                    String chainId,
                                    String kind,
                                    boolean marketing,
                                    Map<String, String> parameters,
                                    Instant requestedAt) implements IntegrationEvent {

    public static NotificationRequested of(String notificationId, String memberId, String chainId, boolean marketing,
                                           NotificationParameters parameters, Instant requestedAt) {
        return new NotificationRequested(notificationId, memberId, chainId, parameters.kind(), marketing,
                parameters.toMap(), requestedAt);
    }

    @Override
    public String key() {
        return memberId;
    }
}
