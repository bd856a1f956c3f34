package io.patronage.points.account;

/** Points taken from one lot by a redemption. */
public record LotDebit(String lotId, long points) {
}
