package io.patronage.enrollment.publishing;

import io.patronage.enrollment.member.MemberEnrolled;
import io.patronage.kit.kafka.EventPublisher;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other services about members, on {@code loyalty.members.v1}, without their personal data.
 *
 * <p>With the embedded event store the events are appended to storage in the prepare-commit phase of
 * the command's unit of work, and only then handed to subscribing processors such as this one, still
 * inside that unit of work. Publishing is deferred to after the root unit of work has committed, so
 * Kafka only ever hears of enrollments that succeeded. The Kafka record's {@code ce_id} is the domain
 * event's identifier: publishing the same fact again (a replay) yields the same id, which consumers
 * deduplicate on; {@code ce_time} is when the member enrolled.
 */
@Singleton
@ProcessingGroup("member-publication")
public class MemberEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(MemberEventPublisher.class);

    private final EventPublisher publisher;

    MemberEventPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(MemberEnrolled event, @MessageIdentifier String eventId) {
        var enrolled = new io.patronage.contracts.members.MemberEnrolled(event.memberId(), event.chainId(),
                event.cardNumber(), event.personalData().birthDate(), event.personalData().locale(),
                event.enrolledAt());
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> {
            try {
                publisher.publish(enrolled, eventId, enrolled.enrolledAt()).whenComplete((sent, error) -> {
                    if (error != null) {
                        logUnpublished(enrolled.memberId(), eventId, error);
                    }
                });
            } catch (RuntimeException e) {
                logUnpublished(enrolled.memberId(), eventId, e);
            }
        });
    }

    private static void logUnpublished(String memberId, String eventId, Throwable error) {
        LOG.error("MemberEnrolled of member {} (event {}) is stored but was not published", memberId, eventId, error);
    }
}
