package io.patronage.enrollment.publishing;

import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.enrollment.member.CardReplaced;
import io.patronage.enrollment.member.ConsentsChanged;
import io.patronage.enrollment.member.MemberEnrolled;
import io.patronage.enrollment.member.MemberErased;
import io.patronage.enrollment.member.MemberOptedOut;
import io.patronage.enrollment.member.PersonalData;
import io.patronage.enrollment.member.ReferralRegistered;
import io.patronage.enrollment.privacy.PersonalDataVault;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.publication.PublicationRecovery;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.MonthDay;
import java.util.Map;
import java.util.UUID;

/**
 * Tells the other services about members, on {@code loyalty.members.v1}, without their personal data,
 * and asks for the welcome message on {@code loyalty.notifications.v1}.
 *
 * <p>With the embedded event store the events are appended to storage in the prepare-commit phase of
 * the command's unit of work, and only then handed to subscribing processors such as this one, still
 * inside that unit of work. Publishing is deferred to after the root unit of work has committed, so
 * Kafka only ever hears of changes that succeeded. The Kafka record's {@code ce_id} is the domain
 * event's identifier: publishing the same fact again (a replay) yields the same id, which consumers
 * deduplicate on; {@code ce_time} is when the fact happened. Being in the kit's {@code publication}
 * processing group, it is run again over the events stored since the last publication checkpoint at
 * startup and after a failed send, so a crash between storing and publishing loses nothing.
 */
@Singleton
@ProcessingGroup(PublicationRecovery.PROCESSING_GROUP)
public class MemberEventPublisher {

    public static final String WELCOME = "WELCOME";

    private final EventPublisher publisher;
    private final PersonalDataVault vault;

    MemberEventPublisher(EventPublisher publisher, PersonalDataVault vault) {
        this.publisher = publisher;
        this.vault = vault;
    }

    @EventHandler
    void on(MemberEnrolled event, @MessageIdentifier String eventId) {
        PersonalData person = vault.open(event.memberId(), event.personalData(), PersonalData.class).orElse(null);
        publisher.publishAfterCommit(new io.patronage.contracts.members.MemberEnrolled(event.memberId(), event.chainId(),
                event.cardNumber(), person == null || person.birthDate() == null ? null : MonthDay.from(person.birthDate()),
                person == null ? null : person.locale(),
                event.enrolledAt()), eventId, event.enrolledAt());
        String notificationId = welcomeNotificationId(event.memberId());
        publisher.publishAfterCommit(new NotificationRequested(notificationId, event.memberId(), event.chainId(), WELCOME, false,
                Map.of("cardNumber", event.cardNumber()), event.enrolledAt()), notificationId, event.enrolledAt());
    }

    @EventHandler
    void on(ReferralRegistered event, @MessageIdentifier String eventId) {
        publisher.publishAfterCommit(new io.patronage.contracts.members.ReferralRegistered(event.memberId(), event.chainId(),
                event.referrerMemberId(), event.registeredAt()), eventId, event.registeredAt());
    }

    @EventHandler
    void on(ConsentsChanged event, @MessageIdentifier String eventId) {
        Instant changedAt = latest(event.consents().marketingEmailChangedAt(), event.consents().marketingSmsChangedAt());
        publisher.publishAfterCommit(new io.patronage.contracts.members.ConsentsChanged(event.memberId(), event.chainId(),
                event.consents().marketingEmail(), event.consents().marketingSms(), changedAt), eventId, changedAt);
    }

    @EventHandler
    void on(CardReplaced event, @MessageIdentifier String eventId) {
        publisher.publishAfterCommit(new io.patronage.contracts.members.CardReplaced(event.memberId(), event.chainId(),
                event.oldCardNumber(), event.newCardNumber(), event.replacedAt()), eventId, event.replacedAt());
    }

    @EventHandler
    void on(MemberOptedOut event, @MessageIdentifier String eventId) {
        publisher.publishAfterCommit(new io.patronage.contracts.members.MemberOptedOut(event.memberId(), event.chainId(),
                event.optedOutAt()), eventId, event.optedOutAt());
    }

    @EventHandler
    void on(MemberErased event, @MessageIdentifier String eventId) {
        publisher.publishAfterCommit(new io.patronage.contracts.members.MemberErased(event.memberId(), event.chainId(),
                event.erasedAt()), eventId, event.erasedAt());
    }

    /** The same for every delivery of one enrollment, so the notifier sends one welcome. */
    public static String welcomeNotificationId(String memberId) {
        return UUID.nameUUIDFromBytes(("welcome:" + memberId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
