package io.patronage.rewards.redemption;

import io.patronage.kit.publication.PublicationRecovery;
import io.patronage.kit.publication.StoredEventsRecovery;
import jakarta.inject.Singleton;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Brings the redemption views, the members' coupons and the saga up to date with what a crashed instance stored: the
 * kit calls it with the instance's publication checkpoint (its events before it were all handled) before it publishes
 * again what Kafka lacks, at this instance's start for its own previous run, or once a dead instance's checkpoint is
 * claimed. One ordered pass over the events stored since then; each redemption the crashed instance stored events of
 * gets its events from the first of them on (those of other instances too, so that what came later is not undone),
 * in order, handed again to every handler but the publication (which the kit runs next); its earlier events were
 * handled by the instances that stored them.
 * <p>
 * Handing an event again is harmless where it was handled before the crash: the views set what an event says (its
 * request only when the view does not exist yet, so the deadline of a redemption answered since is not noted again),
 * the saga starts only when none runs for the redemption, a terminal event ends it and gives its reservation back
 * once, and of a redemption whose coupon is stored the saga gets only the coupon (which ends it), never the debit
 * again.
 */
@Singleton
class RedemptionRecovery implements StoredEventsRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(RedemptionRecovery.class);

    private final Configuration axon;
    private final EventStorageEngine storage;
    private final RedemptionViews views;

    RedemptionRecovery(Configuration axon, EventStorageEngine storage, RedemptionViews views) {
        this.axon = axon;
        this.storage = storage;
        this.views = views;
    }

    @Override
    public void recover(Instant since, String storedBy) {
        long start = System.nanoTime();
        Map<String, List<DomainEventMessage<?>>> crashed = new LinkedHashMap<>();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(storage.createTokenAt(since), false)) {
            events.filter(DomainEventMessage.class::isInstance).map(event -> (DomainEventMessage<?>) event)
                    .forEach(event -> {
                        if (storedBy == null || storedBy.equals(event.getMetaData().get(PublicationRecovery.STORED_BY))) {
                            crashed.putIfAbsent(event.getAggregateIdentifier(), new ArrayList<>());
                        }
                        List<DomainEventMessage<?>> ofRedemption = crashed.get(event.getAggregateIdentifier());
                        if (ofRedemption != null) {
                            ofRedemption.add(event);
                        }
                    });
        }
        List<EventHandlerInvoker> handlers = handlers();
        crashed.values().forEach(events -> {
            events.sort(Comparator.comparingLong(DomainEventMessage::getSequenceNumber));
            boolean couponStored = events.stream().anyMatch(event -> event.getPayload() instanceof CouponIssued);
            for (DomainEventMessage<?> event : events) {
                replay(event, handlers, couponStored);
            }
        });
        LOG.info("handlers brought up to date with the events of {} redemptions stored since {} by {} ({} ms)",
                crashed.size(), since, storedBy == null ? "any instance" : storedBy,
                (System.nanoTime() - start) / 1_000_000);
    }

    private void replay(DomainEventMessage<?> event, List<EventHandlerInvoker> handlers, boolean couponStored) {
        boolean viewExists = event.getPayload() instanceof RedemptionRequested requested
                && views.find(requested.redemptionId()).isPresent();
        DefaultUnitOfWork.startAndGet(event).execute(() -> {
            for (EventHandlerInvoker handler : handlers) {
                boolean saga = handler instanceof AbstractSagaManager;
                // once the coupon is stored, all the saga has left to do is end on it
                boolean handled = saga ? couponStored && !(event.getPayload() instanceof CouponIssued) : viewExists;
                if (!handled && handler.canHandle(event, Segment.ROOT_SEGMENT)) {
                    handle(handler, event);
                }
            }
        });
    }

    private static void handle(EventHandlerInvoker handler, DomainEventMessage<?> event) {
        try {
            handler.handle(event, Segment.ROOT_SEGMENT);
        } catch (Exception e) {
            throw new IllegalStateException("cannot hand stored event " + event.getIdentifier() + " of redemption "
                    + event.getAggregateIdentifier() + " to its handlers again", e);
        }
    }

    /** The views and the saga: every subscribing processor but the publication. */
    private List<EventHandlerInvoker> handlers() {
        return axon.eventProcessingConfiguration().eventProcessors().entrySet().stream()
                .filter(processor -> !PublicationRecovery.PROCESSING_GROUP.equals(processor.getKey()))
                .map(Map.Entry::getValue)
                .filter(SubscribingEventProcessor.class::isInstance)
                .flatMap(processor -> invokers(((SubscribingEventProcessor) processor).eventHandlerInvoker()))
                .toList();
    }

    /** A processor's handlers one by one, so that the saga's is told from the views'. */
    private static Stream<EventHandlerInvoker> invokers(EventHandlerInvoker invoker) {
        return invoker instanceof MultiEventHandlerInvoker multi
                ? multi.delegates().stream().flatMap(RedemptionRecovery::invokers) : Stream.of(invoker);
    }
}
