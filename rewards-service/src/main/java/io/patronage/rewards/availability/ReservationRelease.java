package io.patronage.rewards.availability;

/** Gives back the stock and limit a redemption reserved; once, however often it is asked. */
@FunctionalInterface
public interface ReservationRelease {

    void release(String redemptionId);
}
