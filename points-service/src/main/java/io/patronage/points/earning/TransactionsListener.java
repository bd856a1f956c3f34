package io.patronage.points.earning;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.points.account.EarnPoints;
import io.patronage.points.members.CardDirectory;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.List;
import java.util.Optional;

/**
 * Turns members' purchases into {@link EarnPoints}. Transactions without a card or with a card no member
 * holds are non-member transactions: not ours, not an error. Returns are left alone for now (their
 * reversal is a later step), and are neither errors nor dead letters.
 */
@Singleton
class TransactionsListener implements TopicListener {

    private final CommandGateway commands;
    private final CardDirectory directory;

    TransactionsListener(CommandGateway commands, CardDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @Override
    public String name() {
        return "transactions";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.TRANSACTIONS);
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        for (InboundMessage message : batch) {
            PosTransaction transaction = (PosTransaction) message.payload();
            member(transaction).ifPresent(memberId -> commands.sendAndWait(new EarnPoints(memberId, transaction)));
        }
    }

    private Optional<String> member(PosTransaction transaction) {
        if (transaction.type() != TransactionType.PURCHASE || !transaction.hasCard()) {
            return Optional.empty();
        }
        return directory.memberFor(transaction.chainId(), transaction.cardNumber());
    }
}
