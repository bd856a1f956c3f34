package io.patronage.analytics.participation;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Another instance wrote a view since this one read it. Retriable: the service kit redelivers the
 * batch, which is then folded into the reloaded views, skipping what they already counted.
 */
class ConcurrentViewUpdateException extends RetriableException {

    ConcurrentViewUpdateException(String message) {
        super(message);
    }
}
