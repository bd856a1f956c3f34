package io.patronage.analytics.views;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.kit.kafka.CloudEventHeaders;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.time.Instant;

/** The CloudEvents headers (binary mode) of a record the topology publishes. */
final class ViewHeaders {

    private ViewHeaders() {
    }

    /** @param time {@code ce_time}, left out when {@code null} */
    static Headers of(IntegrationEvent view, String id, Instant time, String source) {
        Headers headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        CloudEventHeaders.put(headers, CloudEventHeaders.ID, id);
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, IntegrationEvent.typeOf(view.getClass()));
        CloudEventHeaders.put(headers, CloudEventHeaders.SOURCE, source);
        if (time != null) {
            CloudEventHeaders.put(headers, CloudEventHeaders.TIME, time.toString());
        }
        CloudEventHeaders.put(headers, CloudEventHeaders.SUBJECT, view.key());
        CloudEventHeaders.put(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return headers;
    }
}
