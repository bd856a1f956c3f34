package io.patronage.contracts.chains;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.patronage.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A chain's configuration as every service needs it, on the compacted {@code loyalty.chains.v1}: the latest
 * record per chain id is the chain as it is now. A chain with no record is unknown: its till records are
 * dead-lettered and HTTP calls about it answer 404.
 * <p>
 * Records written before the enrollment policy and the point value travelled here read with
 * {@link EnrollmentPolicy#OPEN} and no point value.
 *
 * @param currency         ISO 4217 code every till record of the chain must carry
 * @param timeZone         IANA zone id, e.g. {@code Europe/Athens}
 * @param defaultLocale    BCP 47 tag of members who give none
 * @param tillLimits       what a plausible till record of the chain looks like; {@code null} for the defaults
 * @param enrollmentPolicy who may join the chain's program; {@code null} reads as {@link EnrollmentPolicy#OPEN}
 * @param pointValue       what one point is worth in {@code currency} (e.g. {@code 0.01} EUR), written as a decimal
 *                         string so that no consumer reads it through floating point; {@code null} when not
 *                         configured (records from before point values)
 * @param configuredAt     when this configuration was published
 */
public record ChainConfigured(String chainId,
                              String currency,
                              String timeZone,
                              String defaultLocale,
                              TillLimits tillLimits,
                              EnrollmentPolicy enrollmentPolicy,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal pointValue,
                              Instant configuredAt) implements IntegrationEvent {

    public ChainConfigured {
        tillLimits = tillLimits == null ? TillLimits.DEFAULTS : tillLimits;
        enrollmentPolicy = enrollmentPolicy == null ? EnrollmentPolicy.OPEN : enrollmentPolicy;
    }

    /** A chain with an open enrollment policy and no point value, as records written before those were. */
    public ChainConfigured(String chainId, String currency, String timeZone, String defaultLocale,
                           TillLimits tillLimits, Instant configuredAt) {
        this(chainId, currency, timeZone, defaultLocale, tillLimits, null, null, configuredAt);
    }

    @Override
    public String key() {
        return chainId;
    }

    /** The same configuration, whenever it was published (a point value of 0.010 is the same as 0.01). */
    public boolean sameAs(ChainConfigured other) {
        return other != null && normalized().equals(other.normalized());
    }

    public ChainConfigured withConfiguredAt(Instant at) {
        return new ChainConfigured(chainId, currency, timeZone, defaultLocale, tillLimits, enrollmentPolicy, pointValue,
                at);
    }

    private ChainConfigured normalized() {
        return new ChainConfigured(chainId, currency, timeZone, defaultLocale, tillLimits, enrollmentPolicy,
                pointValue == null ? null : pointValue.stripTrailingZeros(), null);
    }
}
