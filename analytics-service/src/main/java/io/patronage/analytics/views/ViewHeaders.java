package io.patronage.analytics.views;

import io.patronage.contracts.IntegrationEvent;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.Fingerprint;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.time.Instant;

/** The CloudEvents headers (binary mode) of a record the topology publishes. */
final class ViewHeaders {

    private ViewHeaders() {
    }

    /** The ce_id is the key and a fingerprint of the content: a recomputation publishes the same ids. */
    static Headers of(IntegrationEvent view, Instant time, String source) {
        return of(view, view.key() + "@" + Fingerprint.of(view), time, source);
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
