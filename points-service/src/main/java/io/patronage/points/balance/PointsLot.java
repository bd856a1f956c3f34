package io.patronage.points.balance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.patronage.points.ledger.OpenLot;
import io.patronage.points.ledger.PointsUnit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

/**
 * One open lot of {@code GET /members/{memberId}/points/lots}: the points it brought ({@code earned}) and has left,
 * when they were earned, can be spent and expire ({@code null}: never), and the purchase, award or adjustment they
 * came from.
 */
@Introspected
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointsLot(BigDecimal earned, BigDecimal remaining, Instant earnedAt, Instant availableAt,
                        Instant expiresAt, Source source) {

    /** Soonest expiry first (never-expiring lots last), then oldest earned first. */
    static final Comparator<PointsLot> BY_EXPIRY = Comparator
            .comparing(PointsLot::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PointsLot::earnedAt);

    static PointsLot of(OpenLot lot, LotOrigin origin, PointsUnit unit) {
        return new PointsLot(unit.points(origin.earned()), unit.points(lot.remaining()), lot.earnedAt(),
                lot.availableAt(), lot.expiresAt(), origin.source());
    }

    /** {@code id} is the transaction id of a purchase, the award id of an award, the adjustment id of an adjustment. */
    public record Source(Type type, String id) {
    }

    public enum Type { PURCHASE, AWARD, ADJUSTMENT }
}
