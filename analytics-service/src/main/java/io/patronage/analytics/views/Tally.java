package io.patronage.analytics.views;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one chain counted over one period, or a change to it: every view of the period is read from here. Counts are
 * added exactly ({@link Math#addExact}); sales are in the chain's currency.
 *
 * @param enrolledMembers       members enrolled in the period
 * @param activeMembers         members with at least one purchase in the period
 * @param memberTransactions    purchases with a member card of the chain
 * @param nonMemberTransactions purchases without a card, or with a card the chain never enrolled
 * @param memberSales           total of the member purchases
 * @param nonMemberSales        total of the other purchases
 * @param pointsIssued          points earned and awarded, like every points figure here in hundredths of a point (a
 *                              chain's points keep at most two decimals; {@link ViewRenderer} publishes them as points)
 * @param activeAtStart         members active on the last day before the period (S of the retention rate)
 * @param activeAtEnd           members active on the period's last day (E)
 * @param newActiveAtEnd        of those, members enrolled in the period (N)
 * @param churned               members active at the start and not at the end
 * @param surveys               survey scores (0–10) given in the period
 * @param surveyScores          their sum
 * @param promoters             of those, scores 9 and 10
 * @param detractors            of those, scores 0 to 6
 * @param lastEventAt           the latest event time counted: when the numbers last changed, the same on a replay
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Tally(long enrolledMembers,
                    long activeMembers,
                    long memberTransactions,
                    long nonMemberTransactions,
                    BigDecimal memberSales,
                    BigDecimal nonMemberSales,
                    long pointsIssued,
                    long pointsRedeemed,
                    long pointsExpired,
                    long pointsReversed,
                    long pointsAdjusted,
                    long activeAtStart,
                    long activeAtEnd,
                    long newActiveAtEnd,
                    long churned,
                    Instant lastEventAt,
                    long surveys,
                    long surveyScores,
                    long promoters,
                    long detractors) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            null, 0, 0, 0, 0);

    public Tally {
        memberSales = memberSales == null ? BigDecimal.ZERO : memberSales;
        nonMemberSales = nonMemberSales == null ? BigDecimal.ZERO : nonMemberSales;
    }

    public Tally plus(Tally other) {
        return new Tally(Math.addExact(enrolledMembers, other.enrolledMembers),
                Math.addExact(activeMembers, other.activeMembers),
                Math.addExact(memberTransactions, other.memberTransactions),
                Math.addExact(nonMemberTransactions, other.nonMemberTransactions),
                sum(memberSales, other.memberSales), sum(nonMemberSales, other.nonMemberSales),
                Math.addExact(pointsIssued, other.pointsIssued), Math.addExact(pointsRedeemed, other.pointsRedeemed),
                Math.addExact(pointsExpired, other.pointsExpired), Math.addExact(pointsReversed, other.pointsReversed),
                Math.addExact(pointsAdjusted, other.pointsAdjusted),
                Math.addExact(activeAtStart, other.activeAtStart), Math.addExact(activeAtEnd, other.activeAtEnd),
                Math.addExact(newActiveAtEnd, other.newActiveAtEnd), Math.addExact(churned, other.churned),
                later(lastEventAt, other.lastEventAt), Math.addExact(surveys, other.surveys),
                Math.addExact(surveyScores, other.surveyScores), Math.addExact(promoters, other.promoters),
                Math.addExact(detractors, other.detractors));
    }

    /** Zero as {@link BigDecimal#ZERO}, whatever the scale: a purchase taken back leaves the sum it found. */
    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        BigDecimal sum = a.add(b);
        return sum.signum() == 0 ? BigDecimal.ZERO : sum;
    }

    /** This minus the other's counts (the event time is this one's): the change from {@code other} to this. */
    public Tally minus(Tally other) {
        return new Tally(enrolledMembers - other.enrolledMembers, activeMembers - other.activeMembers,
                memberTransactions - other.memberTransactions, nonMemberTransactions - other.nonMemberTransactions,
                memberSales.subtract(other.memberSales), nonMemberSales.subtract(other.nonMemberSales),
                pointsIssued - other.pointsIssued, pointsRedeemed - other.pointsRedeemed,
                pointsExpired - other.pointsExpired, pointsReversed - other.pointsReversed,
                pointsAdjusted - other.pointsAdjusted, activeAtStart - other.activeAtStart,
                activeAtEnd - other.activeAtEnd, newActiveAtEnd - other.newActiveAtEnd, churned - other.churned,
                lastEventAt, surveys - other.surveys, surveyScores - other.surveyScores, promoters - other.promoters,
                detractors - other.detractors);
    }

    /** No count changes (whatever the event time). */
    public boolean countsNothing() {
        return withLastEventAt(null).equals(ZERO);
    }

    public Tally withLastEventAt(Instant at) {
        return new Tally(enrolledMembers, activeMembers, memberTransactions, nonMemberTransactions,
                memberSales.stripTrailingZeros().signum() == 0 ? BigDecimal.ZERO : memberSales,
                nonMemberSales.stripTrailingZeros().signum() == 0 ? BigDecimal.ZERO : nonMemberSales,
                pointsIssued, pointsRedeemed, pointsExpired, pointsReversed, pointsAdjusted, activeAtStart, activeAtEnd,
                newActiveAtEnd, churned, at, surveys, surveyScores, promoters, detractors);
    }

    /** Points issued net of returns: issued minus reversed, plus adjustments (which may be negative). */
    public long netPointsIssued() {
        return pointsIssued - pointsReversed + pointsAdjusted;
    }

    static Tally enrolled(Instant at) {
        return ZERO.withEnrolled(1, at);
    }

    private Tally withEnrolled(long n, Instant at) {
        return new Tally(n, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, at, 0, 0, 0, 0);
    }

    static Tally memberPurchase(BigDecimal total, Instant at) {
        return new Tally(0, 0, 1, 0, total, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, at, 0, 0, 0, 0);
    }

    static Tally nonMemberPurchase(BigDecimal total, Instant at) {
        return new Tally(0, 0, 0, 1, null, total, 0, 0, 0, 0, 0, 0, 0, 0, 0, at, 0, 0, 0, 0);
    }

    /** A purchase counted as a non-member's whose card turned out to be a member's. */
    static Tally nonMemberPurchaseTakenBack(BigDecimal total, Instant at) {
        return new Tally(0, 0, 0, -1, null, total.negate(), 0, 0, 0, 0, 0, 0, 0, 0, 0, at, 0, 0, 0, 0);
    }

    static Tally points(long issued, long redeemed, long expired, long reversed, long adjusted, Instant at) {
        return new Tally(0, 0, 0, 0, null, null, issued, redeemed, expired, reversed, adjusted, 0, 0, 0, 0, at, 0, 0,
                0, 0);
    }

    /** A member's activity flags in a period, each 0 or 1. */
    static Tally activity(boolean active, boolean atStart, boolean atEnd, boolean newAtEnd, boolean churned) {
        return new Tally(0, bit(active), 0, 0, null, null, 0, 0, 0, 0, 0, bit(atStart), bit(atEnd), bit(newAtEnd),
                bit(churned), null, 0, 0, 0, 0);
    }

    /** A survey's score, 0 to 10: 9–10 is a promoter, 0–6 a detractor. */
    static Tally survey(int score, Instant at) {
        return new Tally(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, at, 1, score, bit(score >= 9),
                bit(score <= 6));
    }

    private static long bit(boolean flag) {
        return flag ? 1 : 0;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
