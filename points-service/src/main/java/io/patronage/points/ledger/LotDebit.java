package io.patronage.points.ledger;

/** Points taken from one lot by a redemption. */
public record LotDebit(String lotId, long points) {
}
