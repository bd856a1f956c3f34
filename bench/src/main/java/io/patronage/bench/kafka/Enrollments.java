package io.patronage.bench.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.patronage.bench.workload.Member;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.MemberEnrolled;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Publishes members' enrollments as enrollment-service does: MemberEnrolled CloudEvents keyed by member id. */
public final class Enrollments {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Enrollments() {
    }

    public static void publish(Producer<String, byte[]> producer, List<Member> members) {
        for (Member member : members) {
            MemberEnrolled event = member.enrolled();
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(Topics.MEMBERS.name(), event.key(), json(event));
            Headers headers = record.headers();
            header(headers, "ce_specversion", "1.0");
            header(headers, "ce_id", eventId(event));
            header(headers, "ce_type", IntegrationEvent.typeOf(MemberEnrolled.class));
            header(headers, "ce_source", "/patronage/enrollment-service");
            header(headers, "ce_time", event.enrolledAt().toString());
            header(headers, "ce_subject", event.memberId());
            header(headers, "content-type", "application/json");
            producer.send(record);
        }
        producer.flush();
    }

    /** Derived from the member, so that enrolling the same member again is recognised as the same event. */
    private static String eventId(MemberEnrolled event) {
        return UUID.nameUUIDFromBytes(("enrolled:" + event.memberId()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(MemberEnrolled event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
