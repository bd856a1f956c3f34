package io.patronage.contracts.chains;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Bounds on a chain's till records: a record outside them is implausible and dead-lettered rather than earned
 * on. Absent values mean the defaults below, which make an overflow downstream impossible whatever the
 * currency (a purchase of {@code 10^12} units earning even 1,000 points per unit is far from
 * {@code Long.MAX_VALUE}).
 *
 * @param maxTotal     largest {@code total} of one record, in the chain's currency; default {@code 10^12}
 * @param maxLines     most lines on one record; default 500
 * @param maxClockSkew how far {@code occurredAt} may be ahead of the receiving service's clock; default 10 minutes
 * @param maxAge       how far {@code occurredAt} may lie in the past; default: no limit beyond 2000-01-01
 */
public record TillLimits(BigDecimal maxTotal,
                         Integer maxLines,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) Duration maxClockSkew,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) Duration maxAge) {

    public static final BigDecimal DEFAULT_MAX_TOTAL = BigDecimal.TEN.pow(12);
    public static final int DEFAULT_MAX_LINES = 500;
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(10);
    public static final TillLimits DEFAULTS = new TillLimits(null, null, null, null);

    public TillLimits {
        if (maxTotal != null && maxTotal.signum() <= 0) {
            throw new IllegalArgumentException("maxTotal must be positive");
        }
        if (maxLines != null && maxLines < 0) {
            throw new IllegalArgumentException("maxLines must not be negative");
        }
        if (maxClockSkew != null && maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew must not be negative");
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
    }

    public BigDecimal maxTotalOrDefault() {
        return maxTotal == null ? DEFAULT_MAX_TOTAL : maxTotal;
    }

    public int maxLinesOrDefault() {
        return maxLines == null ? DEFAULT_MAX_LINES : maxLines;
    }

    public Duration maxClockSkewOrDefault() {
        return maxClockSkew == null ? DEFAULT_MAX_CLOCK_SKEW : maxClockSkew;
    }
}
