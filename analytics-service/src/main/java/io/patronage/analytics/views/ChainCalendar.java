package io.patronage.analytics.views;

import io.patronage.analytics.periods.Period;
import io.patronage.analytics.periods.PeriodKind;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.kafka.ChainLookup;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Which day an instant is in a chain's time zone, and which periods contain it. */
final class ChainCalendar {

    private final ChainLookup chains;

    ChainCalendar(ChainLookup chains) {
        this.chains = chains;
    }

    /** The chain's zone; UTC for a chain without a valid zone (the decoders have refused unknown chains already). */
    ZoneId zone(String chainId) {
        String zone = chains.find(chainId).map(ChainConfigured::timeZone).orElse(null);
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    boolean known(String chainId) {
        return chains.find(chainId).isPresent();
    }

    LocalDate day(String chainId, Instant at) {
        return LocalDate.ofInstant(at, zone(chainId));
    }

    /** Whether the period has begun at {@code now} in the chain's zone (all time always has). */
    boolean started(String chainId, Period period, Instant now) {
        return period.kind() == PeriodKind.ALL_TIME
                || !now.isBefore(period.first().atStartOfDay(zone(chainId)).toInstant());
    }

    /** Whether the period is over at {@code now} in the chain's zone (all time never is). */
    boolean ended(String chainId, Period period, Instant now) {
        return period.kind() != PeriodKind.ALL_TIME
                && !now.isBefore(period.last().plusDays(1).atStartOfDay(zone(chainId)).toInstant());
    }

    /** The change counted in every period containing the day, all time included. */
    static List<Fact.PeriodChange> everyPeriodOf(LocalDate day, Tally change) {
        List<Fact.PeriodChange> changes = new ArrayList<>();
        for (PeriodKind kind : PeriodKind.values()) {
            Period period = kind.of(day);
            changes.add(new Fact.PeriodChange(kind, period.id(), change));
        }
        return changes;
    }
}
