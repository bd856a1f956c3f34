package io.patronage.contracts.chains;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * A chain's configuration as every service needs it, on the compacted {@code loyalty.chains.v1}: the latest
 * record per chain id is the chain as it is now. A chain with no record is unknown: its till records are
 * dead-lettered and HTTP calls about it answer 404.
 *
 * @param currency      ISO 4217 code every till record of the chain must carry
 * @param timeZone      IANA zone id, e.g. {@code Europe/Athens}
 * @param defaultLocale BCP 47 tag of members who give none
 * @param tillLimits    what a plausible till record of the chain looks like; {@code null} for the defaults
 * @param configuredAt  when this configuration was published
 */
public record ChainConfigured(String chainId,
                              String currency,
                              String timeZone,
                              String defaultLocale,
                              TillLimits tillLimits,
                              Instant configuredAt) implements IntegrationEvent {

    public ChainConfigured {
        tillLimits = tillLimits == null ? TillLimits.DEFAULTS : tillLimits;
    }

    @Override
    public String key() {
        return chainId;
    }

    /** The same configuration, whenever it was published. */
    public boolean sameAs(ChainConfigured other) {
        return other != null && withConfiguredAt(null).equals(other.withConfiguredAt(null));
    }

    public ChainConfigured withConfiguredAt(Instant at) {
        return new ChainConfigured(chainId, currency, timeZone, defaultLocale, tillLimits, at);
    }
}
