package io.patronage.rewards.availability;

import io.patronage.kit.chains.ChainDirectory;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time zone a chain's reward windows and limit periods are read in. A chain not (yet) on {@code loyalty.chains.v1}
 * is read in UTC: it can only offer the configured rewards, which have neither.
 */
@Singleton
public class ChainZones {

    private final ChainDirectory chains;

    ChainZones(ChainDirectory chains) {
        this.chains = chains;
    }

    public ZoneId of(String chainId) {
        return chains.find(chainId).map(chain -> chain.timeZone() == null ? (ZoneId) ZoneOffset.UTC
                : ZoneId.of(chain.timeZone())).orElse(ZoneOffset.UTC);
    }
}
