package io.patronage.points.balance;

import io.micronaut.core.annotation.Introspected;

/** {@code GET /members/{memberId}/points}. */
@Introspected
public record PointsBalance(String memberId, long balance, long lifetimeEarned, long lifetimeRedeemed) {
}
