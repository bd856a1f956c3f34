package io.patronage.bench.kafka;

import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.harness.workload.Member;
import org.apache.kafka.clients.producer.Producer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Publishes members' enrollments as enrollment-service does: MemberEnrolled CloudEvents keyed by member id. */
public final class Enrollments {

    private Enrollments() {
    }

    public static void publish(Producer<String, byte[]> producer, List<Member> members) {
        for (Member member : members) {
            MemberEnrolled event = member.enrolled();
            producer.send(CloudEventRecords.of(event, eventId(event), "/patronage/enrollment-service",
                    event.enrolledAt()));
        }
        producer.flush();
    }

    /** Derived from the member, so that enrolling the same member again is recognised as the same event. */
    private static String eventId(MemberEnrolled event) {
        return UUID.nameUUIDFromBytes(("enrolled:" + event.memberId()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
