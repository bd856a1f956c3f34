package io.patronage.points.expiry;

import io.patronage.points.ledger.PointsAccountEvent;

import java.time.Instant;
import java.util.List;

/** The member is told that {@code points} of these lots expire at {@code expiresAt}; once per lot. */
public record ExpiryAnnounced(String memberId, String chainId, String noticeId, long points, Instant expiresAt,
                              List<String> lotIds, Instant announcedAt) implements PointsAccountEvent {
}
