package io.patronage.kit.kafka;

import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TopicListener} that handles a batch message by message, each by the handler its listener declared for
 * the payload's type ({@link #on}); a message of a type without a handler is skipped.
 */
public abstract class DispatchingListener implements TopicListener {

    private final Map<Class<?>, Handler<Object>> handlers = new HashMap<>();

    /** Declares, in the constructor, how messages whose payload is a {@code type} are handled. */
    protected final <T> void on(Class<T> type, Handler<? super T> handler) {
        handlers.put(type, (payload, message) -> handler.handle(type.cast(payload), message));
    }

    /**
     * Declares a handler that sends commands to an aggregate which may not exist here (a member enrolled before this
     * service existed, or already gone): when it does not ({@link AggregateNotFoundException}),
     * {@code ifNoAggregate} handles the message instead.
     */
    protected final <T> void on(Class<T> type, Handler<? super T> handler, Handler<? super T> ifNoAggregate) {
        on(type, (T payload, InboundMessage message) -> {
            try {
                handler.handle(payload, message);
            } catch (AggregateNotFoundException e) {
                ifNoAggregate.handle(payload, message);
            }
        });
    }

    /** A handler for messages that only concern aggregates that exist: others change nothing. */
    protected static <T> Handler<T> ignore() {
        return (payload, message) -> {
        };
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        dispatch(batch);
    }

    /** Hands each message to its handler, in order. */
    protected final void dispatch(List<InboundMessage> batch) {
        for (InboundMessage message : batch) {
            Handler<Object> handler = handlers.get(message.payload().getClass());
            if (handler != null) {
                handler.handle(message.payload(), message);
            }
        }
    }

    @FunctionalInterface
    protected interface Handler<T> {
        void handle(T payload, InboundMessage message);
    }
}
