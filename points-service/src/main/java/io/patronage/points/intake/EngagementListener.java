package io.patronage.points.intake;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.engagement.EngagementEvent;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.points.earning.AwardPoints;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.List;

/**
 * Engagement bonuses: a survey completed, a review or a social share earns what the member's program gives for
 * its type (nothing when it gives none), once per {@code chainId:engagementId}. Unknown members are skipped.
 */
@Singleton
class EngagementListener implements TopicListener {

    private final CommandGateway commands;

    EngagementListener(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "engagement";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.ENGAGEMENT);
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        for (InboundMessage message : batch) {
            EngagementEvent event = (EngagementEvent) message.payload();
            try {
                commands.sendAndWait(new AwardPoints(event.memberId(), "engagement:" + message.messageId(),
                        event.type(), event.occurredAt().toInstant()));
            } catch (AggregateNotFoundException e) {
                // not a member of ours
            }
        }
    }
}
