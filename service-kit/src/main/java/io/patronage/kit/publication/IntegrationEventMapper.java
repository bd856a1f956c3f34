package io.patronage.kit.publication;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.List;

/**
 * What a service tells other services when one of its domain events is stored: the published language for it.
 * The kit's {@link IntegrationEventPublisher} publishes what the service's one bean of this type returns.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

    /**
     * @param eventId  the domain event's id: the {@code ce_id} of what announces it (see
     *                 {@link IntegrationEventPublisher#ceId}), and a stable seed for ids derived from it
     * @param storedAt when the domain event was stored
     * @return the integration events announcing {@code domainEvent}, in order; empty when it announces nothing
     */
    List<Publication> map(Object domainEvent, String eventId, Instant storedAt);

    /** An integration event and its {@code ce_time}: when the fact happened. */
    record Publication(IntegrationEvent event, Instant time) {
    }
}
