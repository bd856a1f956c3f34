package io.patronage.enrollment.publishing;

import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.notifications.WelcomeParameters;
import io.patronage.enrollment.member.CardReplaced;
import io.patronage.enrollment.member.ConsentsChanged;
import io.patronage.enrollment.member.MemberEnrolled;
import io.patronage.enrollment.member.MemberErased;
import io.patronage.enrollment.member.MemberOptedOut;
import io.patronage.enrollment.member.PersonalData;
import io.patronage.enrollment.member.ReferralRegistered;
import io.patronage.enrollment.privacy.PersonalDataVault;
import io.patronage.kit.publication.IntegrationEventMapper;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.UUID;

/**
 * What members' events tell the other services, on {@code loyalty.members.v1}, without their personal data, and the
 * welcome message asked for on {@code loyalty.notifications.v1}; the kit's
 * {@link io.patronage.kit.publication.IntegrationEventPublisher} publishes them, {@code ce_time} when the fact
 * happened.
 */
@Singleton
public class MemberEventPublisher implements IntegrationEventMapper {

    private final PersonalDataVault vault;

    MemberEventPublisher(PersonalDataVault vault) {
        this.vault = vault;
    }

    @Override
    public List<Publication> map(Object domainEvent, String eventId, Instant storedAt) {
        if (domainEvent instanceof MemberEnrolled event) {
            return enrolled(event);
        } else if (domainEvent instanceof ReferralRegistered event) {
            return List.of(new Publication(new io.patronage.contracts.members.ReferralRegistered(event.memberId(),
                    event.chainId(), event.referrerMemberId(), event.registeredAt()), event.registeredAt()));
        } else if (domainEvent instanceof ConsentsChanged event) {
            Instant changedAt = latest(event.consents().marketingEmailChangedAt(),
                    event.consents().marketingSmsChangedAt());
            return List.of(new Publication(new io.patronage.contracts.members.ConsentsChanged(event.memberId(),
                    event.chainId(), event.consents().marketingEmail(), event.consents().marketingSms(), changedAt),
                    changedAt));
        } else if (domainEvent instanceof CardReplaced event) {
            return List.of(new Publication(new io.patronage.contracts.members.CardReplaced(event.memberId(),
                    event.chainId(), event.oldCardNumber(), event.newCardNumber(), event.replacedAt()),
                    event.replacedAt()));
        } else if (domainEvent instanceof MemberOptedOut event) {
            return List.of(new Publication(new io.patronage.contracts.members.MemberOptedOut(event.memberId(),
                    event.chainId(), event.optedOutAt()), event.optedOutAt()));
        } else if (domainEvent instanceof MemberErased event) {
            return List.of(new Publication(new io.patronage.contracts.members.MemberErased(event.memberId(),
                    event.chainId(), event.erasedAt()), event.erasedAt()));
        }
        return List.of();
    }

    private List<Publication> enrolled(MemberEnrolled event) {
        PersonalData person = vault.open(event.memberId(), event.personalData(), PersonalData.class).orElse(null);
        return List.of(
                new Publication(new io.patronage.contracts.members.MemberEnrolled(event.memberId(), event.chainId(),
                        event.cardNumber(),
                        person == null || person.birthDate() == null ? null : MonthDay.from(person.birthDate()),
                        person == null ? null : person.locale(), event.enrolledAt()), event.enrolledAt()),
                new Publication(NotificationRequested.of(welcomeNotificationId(event.memberId()), event.memberId(),
                        event.chainId(), false, new WelcomeParameters(event.cardNumber()), event.enrolledAt()),
                        event.enrolledAt()));
    }

    /** The same for every delivery of one enrollment, so the notifier sends one welcome. */
    public static String welcomeNotificationId(String memberId) {
        return UUID.nameUUIDFromBytes(("welcome:" + memberId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
