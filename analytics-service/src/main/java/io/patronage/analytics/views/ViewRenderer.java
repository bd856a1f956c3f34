package io.patronage.analytics.views;

import io.patronage.analytics.periods.PeriodKind;
import io.patronage.contracts.analytics.ChurnView;
import io.patronage.contracts.analytics.CohortView;
import io.patronage.contracts.analytics.ParticipationView;
import io.patronage.contracts.analytics.PointsView;
import io.patronage.contracts.analytics.RetentionView;
import io.patronage.contracts.analytics.SatisfactionView;
import io.patronage.contracts.chains.ChainConfigured;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.ArrayList;
import java.util.List;

/** The published views of a stored tally or cohort: the same records on the topics and over HTTP. */
final class ViewRenderer {

    private ViewRenderer() {
    }

    static ParticipationView participation(StoredTally stored, String currency, boolean isFinal) {
        Tally t = stored.tally();
        long all = t.memberTransactions() + t.nonMemberTransactions();
        BigDecimal share = all == 0 ? null
                : BigDecimal.valueOf(t.memberTransactions()).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_EVEN);
        return new ParticipationView(stored.chainId(), stored.period(), t.enrolledMembers(), t.activeMembers(),
                t.memberTransactions(), t.nonMemberTransactions(), share, currency, t.memberSales(),
                t.nonMemberSales(), points(t.pointsIssued()), points(t.pointsRedeemed()), isFinal, t.lastEventAt());
    }

    /**
     * @param chain    the chain's configuration, for the liability's money value ({@code null}: unknown)
     * @param expiring the chain's expiring points as of today, for the all-time view ({@code null}: none known)
     */
    static PointsView points(StoredTally stored, ChainConfigured chain, StoredExpiries.Expiring expiring,
                             boolean isFinal) {
        Tally t = stored.tally();
        BigDecimal change = points(t.netPointsIssued() - t.pointsRedeemed() - t.pointsExpired());
        boolean allTime = stored.kind() == PeriodKind.ALL_TIME;
        BigDecimal liability = allTime ? change : null;
        String currency = chain == null ? null : chain.currency();
        BigDecimal pointValue = chain == null ? null : chain.pointValue();
        return new PointsView(stored.chainId(), stored.period(), points(t.pointsIssued()), points(t.pointsRedeemed()),
                points(t.pointsExpired()), points(t.pointsReversed()), points(t.pointsAdjusted()),
                points(t.netPointsIssued()), change, liability, currency, pointValue,
                money(liability, pointValue, currency), allTime && expiring != null ? expiring.asOf() : null,
                allTime ? points(expiring == null ? 0L : expiring.in30Days()) : null,
                allTime ? points(expiring == null ? 0L : expiring.in60Days()) : null,
                allTime ? points(expiring == null ? 0L : expiring.in90Days()) : null, isFinal, t.lastEventAt());
    }

    /** Hundredths of a point (as the tallies count) as points: {@code 257} is 2.57, {@code 15000} is 150. */
    static BigDecimal points(long hundredths) {
        BigDecimal points = BigDecimal.valueOf(hundredths, 2).stripTrailingZeros();
        return points.scale() < 0 ? points.setScale(0) : points;
    }

    /** Points at the point value, in the currency's minor units (half-even); {@code null} when either is unknown. */
    static BigDecimal money(BigDecimal points, BigDecimal pointValue, String currency) {
        if (points == null || pointValue == null || currency == null) {
            return null;
        }
        int minorUnits;
        try {
            minorUnits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            minorUnits = 2;
        }
        return points.multiply(pointValue).setScale(minorUnits, RoundingMode.HALF_EVEN);
    }

    static RetentionView retention(StoredTally stored, int windowDays, boolean isFinal) {
        Tally t = stored.tally();
        return new RetentionView(stored.chainId(), stored.period(), t.activeAtStart(), t.activeAtEnd(),
                t.newActiveAtEnd(), percent(t.activeAtEnd() - t.newActiveAtEnd(), t.activeAtStart()), windowDays,
                isFinal, t.lastEventAt());
    }

    static ChurnView churn(StoredTally stored, int windowDays, boolean isFinal) {
        Tally t = stored.tally();
        return new ChurnView(stored.chainId(), stored.period(), t.activeAtStart(), t.churned(),
                percent(t.churned(), t.activeAtStart()), windowDays, isFinal, t.lastEventAt());
    }

    static SatisfactionView satisfaction(StoredTally stored, boolean isFinal) {
        Tally t = stored.tally();
        BigDecimal average = t.surveys() == 0 ? null : BigDecimal.valueOf(t.surveyScores())
                .divide(BigDecimal.valueOf(t.surveys()), 2, RoundingMode.HALF_EVEN);
        return new SatisfactionView(stored.chainId(), stored.period(), t.surveys(), average, t.promoters(),
                t.surveys() - t.promoters() - t.detractors(), t.detractors(),
                percent(t.promoters() - t.detractors(), t.surveys()), isFinal, t.lastEventAt());
    }

    static CohortView cohort(StoredCohort stored) {
        List<CohortView.CohortMonth> months = new ArrayList<>();
        int last = stored.buyers().isEmpty() ? 0 : stored.buyers().lastKey();
        for (int month = 0; month <= last; month++) {
            long buyers = stored.buyers().getOrDefault(month, 0L);
            BigDecimal share = stored.members() == 0 ? null : BigDecimal.valueOf(buyers)
                    .divide(BigDecimal.valueOf(stored.members()), 4, RoundingMode.HALF_EVEN);
            months.add(new CohortView.CohortMonth(month, buyers, share));
        }
        return new CohortView(stored.chainId(), stored.cohort(), stored.members(), months, stored.computedAt());
    }

    static boolean hasRetention(PeriodKind kind) {
        return ActivityPolicy.RETENTION_KINDS.contains(kind);
    }

    /** part / whole × 100, two decimals; {@code null} for a whole of 0. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN);
    }

    static StoredTally empty(String chainId, PeriodKind kind, String period, Instant at) {
        return new StoredTally(chainId, kind, period, Tally.ZERO.withLastEventAt(at), 0);
    }
}
