package io.patronage.analytics.views;

import io.patronage.contracts.Topics;
import io.patronage.contracts.engagement.EngagementEvent;
import io.patronage.contracts.members.CardReplaced;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.contracts.members.MemberErased;
import io.patronage.contracts.points.ExpiryChange;
import io.patronage.contracts.points.PointsAdjusted;
import io.patronage.contracts.points.PointsAwarded;
import io.patronage.contracts.points.PointsEarned;
import io.patronage.contracts.points.PointsExpired;
import io.patronage.contracts.points.PointsLimits;
import io.patronage.contracts.points.PointsRedeemed;
import io.patronage.contracts.points.PointsReversed;
import io.patronage.kit.kafka.PoisonMessageException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The facts each decoded record contributes; refuses (dead-letters) what cannot be counted. */
final class FactMapper {

    private final ChainCalendar calendar;
    private final UnknownChains unknownChains;

    FactMapper(ChainCalendar calendar, UnknownChains unknownChains) {
        this.calendar = calendar;
        this.unknownChains = unknownChains;
    }

    /** Enrollments, new cards and erasures; the other member events change no view. */
    List<Fact> member(Object payload) {
        if (payload instanceof MemberEnrolled enrolled) {
            required(enrolled.chainId(), "chainId", "MemberEnrolled");
            required(enrolled.memberId(), "memberId", "MemberEnrolled");
            if (enrolled.enrolledAt() == null) {
                throw new PoisonMessageException("MemberEnrolled without enrolledAt cannot be counted");
            }
            if (!known(Topics.MEMBERS, enrolled.chainId())) {
                return List.of();
            }
            // enrolled before the card is issued: the card stage hands on the card's earlier sales when it is
            List<Fact> facts = new ArrayList<>();
            facts.add(new Fact.Enrolled(enrolled.chainId(), enrolled.memberId(), enrolled.enrolledAt()));
            if (enrolled.cardNumber() != null && !enrolled.cardNumber().isBlank()) {
                facts.add(new Fact.CardIssued(enrolled.chainId(), enrolled.cardNumber(), enrolled.memberId()));
            }
            return facts;
        }
        if (payload instanceof MemberErased erased) {
            required(erased.chainId(), "chainId", "MemberErased");
            required(erased.memberId(), "memberId", "MemberErased");
            return known(Topics.MEMBERS, erased.chainId())
                    ? List.of(new Fact.Erased(erased.chainId(), erased.memberId())) : List.of();
        }
        if (payload instanceof CardReplaced replaced && replaced.newCardNumber() != null && replaced.chainId() != null) {
            if (!known(Topics.MEMBERS, replaced.chainId())) {
                return List.of();
            }
            return List.of(new Fact.CardIssued(replaced.chainId(), replaced.newCardNumber(), replaced.memberId()));
        }
        return List.of();
    }

    List<Fact> points(Object payload) {
        if (payload instanceof PointsEarned e) {
            return points("PointsEarned", e.chainId(), e.occurredAt(),
                    Tally.points(issued(hundredths(e.points())), 0, 0, 0, 0, e.occurredAt()), e.expiryChanges());
        }
        if (payload instanceof PointsAwarded e) {
            return points("PointsAwarded", e.chainId(), e.awardedAt(),
                    Tally.points(issued(hundredths(e.points())), 0, 0, 0, 0, e.awardedAt()), e.expiryChanges());
        }
        if (payload instanceof PointsRedeemed e) {
            return points("PointsRedeemed", e.chainId(), e.redeemedAt(),
                    Tally.points(0, debit(hundredths(e.points())), 0, 0, 0, e.redeemedAt()), e.expiryChanges());
        }
        if (payload instanceof PointsExpired e) {
            return points("PointsExpired", e.chainId(), e.expiredAt(),
                    Tally.points(0, 0, debit(hundredths(e.points())), 0, 0, e.expiredAt()), e.expiryChanges());
        }
        if (payload instanceof PointsReversed e) {
            return points("PointsReversed", e.chainId(), e.occurredAt(),
                    Tally.points(0, 0, 0, debit(hundredths(e.points())), 0, e.occurredAt()), e.expiryChanges());
        }
        if (payload instanceof PointsAdjusted e) {
            return points("PointsAdjusted", e.chainId(), e.adjustedAt(),
                    Tally.points(0, 0, 0, 0, hundredths(e.points()), e.adjustedAt()), e.expiryChanges());
        }
        return List.of();
    }

    /**
     * A survey's score; other engagement (reviews, shares), surveys without a score and surveys of a chain not
     * configured change no view.
     */
    List<Fact> engagement(Object payload) {
        EngagementEvent event = (EngagementEvent) payload;
        if (!"SURVEY_COMPLETED".equals(event.type()) || event.score() == null
                || !known(Topics.ENGAGEMENT, event.chainId())) {
            return List.of();
        }
        Instant at = event.occurredAt().toInstant();
        return List.of(new Fact.DayChange(event.chainId(), calendar.day(event.chainId(), at),
                Tally.survey(event.score(), at)));
    }

    /** @param expiryChanges what the event changed in the member's expiring points; {@code null} in older records */
    private List<Fact> points(String type, String chainId, Instant at, Tally change, List<ExpiryChange> expiryChanges) {
        required(chainId, "chainId", type);
        if (at == null) {
            throw new PoisonMessageException(type + " without its time cannot be counted");
        }
        if (!known(Topics.POINTS, chainId)) {
            return List.of();
        }
        Map<String, Long> byDay = new TreeMap<>();
        for (ExpiryChange expiry : expiryChanges == null ? List.<ExpiryChange>of() : expiryChanges) {
            if (expiry == null || expiry.expiresAt() == null) {
                throw new PoisonMessageException(type + " with an expiry change without its instant");
            }
            byDay.merge(calendar.day(chainId, expiry.expiresAt()).toString(), hundredths(expiry.points()),
                    Math::addExact);
        }
        return List.of(new Fact.DayChange(chainId, calendar.day(chainId, at), change, byDay));
    }

    /**
     * Points (at most two decimals, within the ledger's ceiling) in the hundredths of a point the tallies count.
     *
     * @throws PoisonMessageException for points missing, finer than a hundredth or beyond the ceiling
     */
    static long hundredths(BigDecimal points) {
        if (points == null || points.stripTrailingZeros().scale() > PointsLimits.MAX_DECIMALS
                || points.abs().compareTo(BigDecimal.valueOf(PointsLimits.BALANCE)) > 0) {
            throw new PoisonMessageException("points must have at most " + PointsLimits.MAX_DECIMALS
                    + " decimals and be within the ledger's ceiling of " + PointsLimits.BALANCE + ": "
                    + (points == null ? "none" : points.toPlainString()));
        }
        return points.movePointRight(2).longValueExact();
    }

    /** Whether the chain is configured; an event of another chain is counted as skipped. */
    private boolean known(io.patronage.contracts.Topic topic, String chainId) {
        if (calendar.known(chainId)) {
            return true;
        }
        unknownChains.skipped(topic);
        return false;
    }

    private static long issued(long points) {
        if (points < 0 || points > PointsLimits.TRANSACTION) {
            throw new PoisonMessageException("points must be between 0 and " + PointsLimits.TRANSACTION + ": " + points);
        }
        return points;
    }

    private static long debit(long points) {
        if (points < 0 || points > PointsLimits.BALANCE) {
            throw new PoisonMessageException("points must be between 0 and " + PointsLimits.BALANCE + ": " + points);
        }
        return points;
    }

    private static void required(String value, String field, String type) {
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException(type + " without " + field + " cannot be counted");
        }
    }
}
