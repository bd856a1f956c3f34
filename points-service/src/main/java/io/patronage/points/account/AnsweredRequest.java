package io.patronage.points.account;

import java.time.Instant;

/** How a redemption request was answered: the event, its id and time, so the answer can be repeated as it was. */
public record AnsweredRequest(String eventId, Instant answeredAt, RedemptionAnswer answer) {
}
