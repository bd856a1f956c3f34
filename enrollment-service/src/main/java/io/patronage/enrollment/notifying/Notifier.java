package io.patronage.enrollment.notifying;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.enrollment.chains.ChainPolicies;
import io.patronage.enrollment.chains.ChainPolicy;
import io.patronage.enrollment.member.MemberStatus;
import io.patronage.enrollment.profile.MemberProfile;
import io.patronage.enrollment.profile.MemberProfiles;
import io.patronage.kit.kafka.DispatchingListener;
import io.patronage.kit.kafka.PoisonMessageException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Messages members on request of any service ({@code loyalty.notifications.v1}), in their language and locale
 * (dates in their calendar and the chain's time zone, numbers in their digits), by email (the channel every member has). Transactional messages go to every active member; marketing
 * messages only with marketing-email consent; nothing goes to members who opted out or were erased.
 * One message per notification id, whatever Kafka redelivers: the id is reserved before sending and
 * released if sending fails, so that a retry sends it. A crash between reserving and sending loses that
 * one message (at most once: a member is never sent the same message twice).
 */
@Singleton
class Notifier extends DispatchingListener {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    static final String EMAIL = "EMAIL";

    private final MemberProfiles profiles;
    private final MessageTemplates templates;
    private final Mailer mailer;
    private final SentNotifications sent;
    private final Clock clock;
    private final ChainPolicies chains;

    Notifier(MemberProfiles profiles, MessageTemplates templates, Mailer mailer, SentNotifications sent, Clock clock,
             ChainPolicies chains) {
        this.profiles = profiles;
        this.chains = chains;
        this.templates = templates;
        this.mailer = mailer;
        this.sent = sent;
        this.clock = clock;
        on(NotificationRequested.class, (request, message) -> handle(request));
    }

    @Override
    public String name() {
        return "notifier";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.NOTIFICATIONS);
    }

    /**
     * The message in the member's language and locale; a kind without template, a required parameter missing or
     * a template needing a value the notification lacks goes to the dead-letter topic with the reason.
     */
    private MessageTemplates.Message render(NotificationRequested request, MemberProfile member) {
        NotificationParameters parameters;
        try {
            parameters = NotificationParameters.read(request.kind(), request.parameters())
                    .orElseThrow(() -> new PoisonMessageException("no message template for kind " + request.kind()));
        } catch (NotificationParameters.MissingParameterException e) {
            throw new PoisonMessageException("notification " + request.notificationId() + ": " + e.getMessage());
        }
        ZoneId zone = chains.find(request.chainId()).map(ChainPolicy::timeZone).orElse(ZoneOffset.UTC);
        Map<String, String> values = new HashMap<>(LocalizedValues.of(parameters, member.locale(), zone));
        values.putIfAbsent("firstName", member.firstName());
        values.putIfAbsent("lastName", member.lastName());
        values.putIfAbsent("cardNumber", member.cardNumber());
        try {
            return templates.render(request.kind(), member.locale(), values)
                    .orElseThrow(() -> new PoisonMessageException("no message template for kind " + request.kind()));
        } catch (MessageTemplates.MissingValueException e) {
            throw new PoisonMessageException("notification " + request.notificationId() + ": " + e.getMessage());
        }
    }

    void handle(NotificationRequested request) {
        if (Stream.of(request.notificationId(), request.memberId(), request.chainId(), request.kind())
                .anyMatch(id -> id == null || id.isBlank())) {
            // Not a notification for someone unknown here (those are skipped), but no notification at all.
            throw new PoisonMessageException("a notification needs notificationId, memberId, chainId and kind");
        }
        MemberProfile member = profiles.find(request.memberId()).orElse(null);
        if (member == null || !member.chainId().equals(request.chainId())) {
            LOG.warn("notification {} is for member {} of chain {}, who is not known here: not sent",
                    request.notificationId(), request.memberId(), request.chainId());
            return;
        }
        if (member.status() != MemberStatus.ACTIVE || member.email() == null
                || request.marketing() && !member.consents().marketingEmail()) {
            LOG.debug("notification {} not sent: member {} is {} (marketing consent {})", request.notificationId(),
                    member.memberId(), member.status(), member.consents().marketingEmail());
            return;
        }
        MessageTemplates.Message text = render(request, member);
        if (!sent.claim(request.notificationId(), member.memberId(), request.kind(), EMAIL, clock.instant())) {
            return;
        }
        try {
            mailer.send(member.memberId(), request.notificationId(), member.email(), member.firstName() + " " + member.lastName(),
                    text.subject(), text.body());
        } catch (RuntimeException e) {
            sent.release(request.notificationId());
            throw e;
        }
    }
}
