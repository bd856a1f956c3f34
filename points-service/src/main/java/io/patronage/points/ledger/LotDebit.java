package io.patronage.points.ledger;

import java.time.Instant;

/**
 * Points taken from one lot by a redemption.
 *
 * @param expiresAt the lot's expiry, so that what the debit changes in the member's expiring points can be published;
 *                  {@code null} for a lot that never expires, and in events stored before the field
 */
public record LotDebit(String lotId, long points, Instant expiresAt) {

    /** From a lot that never expires. */
    public LotDebit(String lotId, long points) {
        this(lotId, points, null);
    }
}
