package io.patronage.points.expiry;

import io.patronage.points.ledger.LotDebit;
import io.patronage.points.ledger.PointsAccountEvent;

import java.time.Instant;
import java.util.List;

/** What was left of lots whose expiry instant passed. */
public record PointsExpired(String memberId, String chainId, long points, List<LotDebit> debits, long balanceAfter,
                            Instant expiredAt) implements PointsAccountEvent {
}
