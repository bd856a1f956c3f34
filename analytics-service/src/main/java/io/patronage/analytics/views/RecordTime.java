package io.patronage.analytics.views;

import org.apache.kafka.streams.processor.api.ProcessorContext;

import java.time.Instant;

/**
 * The timestamp of a published view's record: the time of the latest event it counts, but never later than the
 * wall clock. The broker refuses a record stamped more than {@code log.message.timestamp.after.max.ms} (an hour, by
 * default) ahead of its own clock, and a refused record stops the topology — every view of every chain, again after
 * each restart. A till whose clock runs ahead (a chain may allow a day of skew) or a simulated clock set ahead
 * would do that. The view's {@code computedAt} and {@code ce_time} keep the event time.
 */
final class RecordTime {

    private RecordTime() {
    }

    static long of(Instant eventTime, ProcessorContext<?, ?> context) {
        long now = context.currentSystemTimeMs();
        return eventTime == null ? now : Math.min(eventTime.toEpochMilli(), now);
    }
}
