package io.patronage.rewards.automatic;

/**
 * A chain's offer as set: {@code created} when the chain had none in force, {@code changed} unless it was set as it
 * already was.
 */
record SavedOffer<T>(T offer, boolean created, boolean changed) {
}
