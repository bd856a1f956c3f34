package io.patronage.points.balance;

import io.patronage.points.earning.Contribution;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.returns.PointsReversed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /members/{id}/points/transactions/{transactionId}}. */
record TransactionExplanation(String transactionId, String chainId, String storeId, OffsetDateTime occurredAt,
                              String currency, BigDecimal amount, BigDecimal eligibleAmount, String ruleVersion,
                              long points, List<Contribution> breakdown, Instant availableAt, Instant expiresAt,
                              List<Return> returns) {

    static TransactionExplanation of(PointsEarned earned, List<PointsReversed> returns) {
        return new TransactionExplanation(earned.transactionId(), earned.chainId(), earned.storeId(),
                earned.occurredAt(), earned.currency(), earned.amount(), earned.eligibleAmount(),
                earned.ruleVersion(), earned.points(), earned.breakdown(),
                earned.lot() == null ? null : earned.lot().availableAt(),
                earned.lot() == null ? null : earned.lot().expiresAt(),
                returns.stream().map(r -> new Return(r.transactionId(), r.returnedAmount(), r.points(), r.shortfall(),
                        r.debt(), r.occurredAt())).toList());
    }

    record Return(String transactionId, BigDecimal returnedAmount, long points, long shortfall, long debt,
                  OffsetDateTime occurredAt) {
    }
}
