package io.patronage.points.intake;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.engagement.EngagementEvent;
import io.patronage.kit.kafka.DispatchingListener;
import io.patronage.points.earning.AwardPoints;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.List;

/**
 * Engagement bonuses: a survey completed, a review or a social share earns what the member's program gives for
 * its type (nothing when it gives none), once per {@code chainId:engagementId}. Unknown members are skipped; an
 * event naming another chain than the member's is refused by the account (dead-lettered).
 */
@Singleton
class EngagementListener extends DispatchingListener {

    EngagementListener(CommandGateway commands) {
        on(EngagementEvent.class, (event, message) -> commands.sendAndWait(new AwardPoints(event.memberId(),
                        event.chainId(), "engagement:" + message.messageId(), event.type(), event.occurredAt().toInstant())),
                ignore()); // not a member of ours
    }

    @Override
    public String name() {
        return "engagement";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.ENGAGEMENT);
    }
}
