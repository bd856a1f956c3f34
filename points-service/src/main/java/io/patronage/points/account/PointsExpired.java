package io.patronage.points.account;

import java.time.Instant;
import java.util.List;

/** What was left of lots whose expiry instant passed. */
public record PointsExpired(String memberId, String chainId, long points, List<LotDebit> debits, long balanceAfter,
                            Instant expiredAt) implements PointsAccountEvent {
}
