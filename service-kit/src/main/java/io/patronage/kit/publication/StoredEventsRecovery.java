package io.patronage.kit.publication;

import java.time.Instant;

/**
 * What a service does about the events a crashed instance stored since its publication checkpoint, before the kit
 * publishes again what of them Kafka lacks ({@link PublicationCheckpoint}). Subscribing handlers (projections, sagas)
 * run in the unit of work that stores the events, so a {@code kill -9} between the append and them leaves stored
 * events they never saw; a bean of this type brings them up to date. It runs first so that nothing is announced to
 * other services (a debit request, say) whose effects here are missing. A recovery that fails is tried again later
 * with the same range, and a range may be recovered more than once: it must be idempotent.
 */
public interface StoredEventsRecovery {

    /**
     * @param since    the crashed instance's checkpoint: its events stored before were all handled
     * @param storedBy the instance whose events these are, or {@code null} for every event (a checkpoint kept by a
     *                 version that did not tag events with their instance)
     */
    void recover(Instant since, String storedBy);
}
