package io.patronage.points.members;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.points.account.OpenPointsAccount;
import io.patronage.points.members.CardDirectory.CardAssignment;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens a points account for every enrolled member and files their card, account first: a card only ever
 * resolves to a member whose account exists.
 */
@Singleton
class MembersListener implements TopicListener {

    private final CommandGateway commands;
    private final CardDirectory directory;

    MembersListener(CommandGateway commands, CardDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @Override
    public String name() {
        return "members";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.MEMBERS);
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        List<CardAssignment> cards = new ArrayList<>();
        for (InboundMessage message : batch) {
            if (message.payload() instanceof MemberEnrolled enrolled) {
                commands.sendAndWait(OpenPointsAccount.from(enrolled));
                if (enrolled.cardNumber() != null && !enrolled.cardNumber().isBlank()) {
                    cards.add(new CardAssignment(enrolled.chainId(), enrolled.cardNumber(), enrolled.memberId()));
                }
            }
        }
        directory.register(cards);
    }
}
