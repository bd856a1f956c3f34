package io.patronage.points.earning;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.points.account.EarnPoints;
import io.patronage.points.account.ReferralDue;
import io.patronage.points.account.ReturnPurchase;
import io.patronage.points.members.CardDirectory;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Turns members' purchases into {@link EarnPoints} (and a first purchase's referral bonus into an award for
 * the referrer) and their returns into {@link ReturnPurchase}. Transactions without a card or with a card no
 * member holds are non-member transactions: not ours, not an error; so is a return without
 * {@code originalTransactionId}.
 */
@Singleton
class TransactionsListener implements TopicListener {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionsListener.class);

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

    /**
     * Handles the batch in one root unit of work, each command in a unit of work nested in it: the batch's events
     * are appended together, projected and published when the root commits. Nothing is stored before that, so a
     * failing transaction rolls the whole batch back and the kit retries it message by message.
     */
    @Override
    public void onBatch(List<InboundMessage> batch) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (InboundMessage message : batch) {
                PosTransaction transaction = (PosTransaction) message.payload();
                member(transaction).ifPresent(memberId -> handle(memberId, transaction));
            }
        });
    }

    private void handle(String memberId, PosTransaction transaction) {
        if (transaction.type() == TransactionType.PURCHASE) {
            ReferralDue referral = commands.sendAndWait(new EarnPoints(memberId, transaction));
            if (referral != null) {
                awardReferrer(referral);
            }
        } else if (transaction.originalTransactionId() != null) {
            commands.sendAndWait(new ReturnPurchase(memberId, transaction));
        }
    }

    /** The referrer may have no account here (erased, other chain): then there is nobody to award. */
    private void awardReferrer(ReferralDue referral) {
        try {
            commands.sendAndWait(referral.award());
        } catch (AggregateNotFoundException e) {
            LOG.info("referrer {} has no points account: no referral bonus", referral.referrerMemberId());
        }
    }

    private Optional<String> member(PosTransaction transaction) {
        if (!transaction.hasCard()) {
            return Optional.empty();
        }
        return directory.memberFor(transaction.chainId(), transaction.cardNumber());
    }
}
