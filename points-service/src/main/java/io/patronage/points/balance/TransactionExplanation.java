package io.patronage.points.balance;

import io.patronage.points.earning.PointsEarned;
import io.patronage.points.ledger.PointsUnit;
import io.patronage.points.returns.PointsReversed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /members/{id}/points/transactions/{transactionId}}. */
record TransactionExplanation(String transactionId, String chainId, String storeId, OffsetDateTime occurredAt,
                              String currency, BigDecimal amount, BigDecimal eligibleAmount, String ruleVersion,
                              BigDecimal points, List<RulePoints> breakdown, Instant availableAt, Instant expiresAt,
                              List<Return> returns) {

    static TransactionExplanation of(PointsEarned earned, List<PointsReversed> returns, PointsUnit unit) {
        return new TransactionExplanation(earned.transactionId(), earned.chainId(), earned.storeId(),
                earned.occurredAt(), earned.currency(), earned.amount(), earned.eligibleAmount(),
                earned.ruleVersion(), unit.points(earned.points()),
                earned.breakdown().stream().map(c -> new RulePoints(c.rule(), unit.points(c.points()))).toList(),
                earned.lot() == null ? null : earned.lot().availableAt(),
                earned.lot() == null ? null : earned.lot().expiresAt(),
                returns.stream().map(r -> new Return(r.transactionId(), r.returnedAmount(), unit.points(r.points()),
                        unit.points(r.shortfall()), unit.points(r.debt()), r.occurredAt())).toList());
    }

    /** What one rule contributed, e.g. {@code base}, {@code category:wine}, {@code cap}. */
    record RulePoints(String rule, BigDecimal points) {
    }

    record Return(String transactionId, BigDecimal returnedAmount, BigDecimal points, BigDecimal shortfall,
                  BigDecimal debt, OffsetDateTime occurredAt) {
    }
}
