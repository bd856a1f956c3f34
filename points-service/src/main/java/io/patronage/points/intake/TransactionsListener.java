package io.patronage.points.intake;

import io.micronaut.context.annotation.Value;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.kit.chains.Chains;
import io.patronage.kit.kafka.DeadLetterPublisher;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.MessageDecoder;
import io.patronage.kit.kafka.StandardDecoder;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.kit.kafka.TransientFailures;
import io.patronage.points.earning.EarnPoints;
import io.patronage.points.earning.AwardOfAnotherChainException;
import io.patronage.points.earning.ReferralDue;
import io.patronage.points.ledger.PointsOverflowException;
import io.patronage.points.returns.ReturnPurchase;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns members' purchases into {@link EarnPoints} (and a first purchase's referral bonus into an award for
 * the referrer) and their returns into {@link ReturnPurchase}. Transactions without a card are non-member
 * transactions: not ours, not an error. A return without {@code originalTransactionId} is matched to the member's
 * purchases of the same SKUs (see {@code Reversals.match}). A card no member holds
 * yet may belong to a member whose enrollment has not reached this service: its transactions are
 * {@linkplain ParkedTransactions parked} and handled when the card is filed.
 */
@Singleton
class TransactionsListener implements TopicListener {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionsListener.class);
    /** Long enough to batch the store writes of a busy moment, short enough not to hold its first points back. */
    private static final Duration UNIT_OF_WORK_BUDGET = Duration.ofMillis(100);

    private final CommandGateway commands;
    private final CardDirectory directory;
    private final MessageDecoder decoder;
    private final ParkedTransactions parked;
    private final DeadLetterPublisher deadLetters;
    private final String group;

    TransactionsListener(CommandGateway commands, CardDirectory directory, Chains chains, ParkedTransactions parked,
                         DeadLetterPublisher deadLetters, Clock clock, @Value("${micronaut.application.name}") String application) {
        this.commands = commands;
        this.directory = directory;
        this.decoder = new StandardDecoder(chains, clock);
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.group = application + "." + name();
        directory.onFiled(this::release);
    }

    @Override
    public String name() {
        return "transactions";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.TRANSACTIONS);
    }

    /** Till records of an unknown chain, in another currency than the chain's or beyond its limits are dead-lettered. */
    @Override
    public MessageDecoder decoder() {
        return decoder;
    }

    /**
     * The account already ignores a transaction it has seen (by chain and transaction id, in the same unit of
     * work as the points), and a non-member's transaction changes nothing: the kit's processed-messages lookup
     * would only add two store round trips per batch.
     */
    @Override
    public boolean deduplicate() {
        return false;
    }

    /**
     * Handles the batch in root units of work of at most {@link #UNIT_OF_WORK_BUDGET} each, each command in a unit
     * of work nested in it: a unit's events are appended together, projected and published when it commits, so a
     * large batch after a pause is published in slices rather than all at its end. Nothing is stored before a
     * commit, so a failing transaction rolls its unit back and the kit retries the batch message by message (the
     * accounts ignore what an earlier unit already committed).
     */
    @Override
    public void onBatch(List<InboundMessage> batch) {
        Map<String, String> members = directory.membersFor(batch.stream()
                .map(message -> (PosTransaction) message.payload())
                .filter(PosTransaction::hasCard)
                .map(TransactionsListener::cardOf)
                .toList());
        Map<String, List<ConsumerRecord<String, byte[]>>> unknown = batch.stream()
                .filter(message -> ((PosTransaction) message.payload()).hasCard())
                .filter(message -> !members.containsKey(cardOf((PosTransaction) message.payload())))
                .collect(Collectors.groupingBy(message -> cardOf((PosTransaction) message.payload()),
                        LinkedHashMap::new, Collectors.mapping(InboundMessage::record, Collectors.toList())));
        if (!unknown.isEmpty()) {
            parked.park(unknown);
            // a card filed since the lookup: its enrollment's release may have run before the parking
            release(directory.membersFor(unknown.keySet()).keySet());
        }
        int next = 0;
        while (next < batch.size()) {
            next = handleFrom(batch, next, members);
        }
    }

    /**
     * Handles what was parked under these cards, now filed (on the thread that filed them, or this one): each
     * record in its own unit of work, one that fails dead-lettered as the kit would. Handling one twice (both
     * threads) changes nothing: the account ignores a transaction it has seen.
     */
    private void release(Collection<String> cards) {
        if (cards.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, byte[]>> records = parked.parkedFor(cards);
        if (records.isEmpty()) {
            return;
        }
        Map<String, String> members = directory.membersFor(cards);
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                PosTransaction transaction = (PosTransaction) decoder.decode(record).payload();
                DefaultUnitOfWork.startAndGet(null).execute(() ->
                        member(transaction, members).ifPresent(memberId -> handle(memberId, transaction)));
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e; // the filing is retried, and with it this release
                }
                deadLetters.send(record, group, e).join();
            }
        }
        parked.remove(cards);
        LOG.info("{} till records parked under {} cards handled now that the cards are filed", records.size(), cards.size());
    }

    /** Handles messages from {@code first} on until the budget is spent; returns the index of the next one. */
    private int handleFrom(List<InboundMessage> batch, int first, Map<String, String> members) {
        long deadline = System.nanoTime() + UNIT_OF_WORK_BUDGET.toNanos();
        int[] next = {first};
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            do {
                PosTransaction transaction = (PosTransaction) batch.get(next[0]++).payload();
                member(transaction, members).ifPresent(memberId -> handle(memberId, transaction));
            } while (next[0] < batch.size() && System.nanoTime() < deadline);
        });
        return next[0];
    }

    private void handle(String memberId, PosTransaction transaction) {
        if (transaction.type() == TransactionType.PURCHASE) {
            ReferralDue referral = commands.sendAndWait(new EarnPoints(memberId, transaction));
            if (referral != null) {
                awardReferrer(referral);
            }
        } else {
            commands.sendAndWait(new ReturnPurchase(memberId, transaction));
        }
    }

    /**
     * The referrer may have no account here (erased, other chain): then there is nobody to award. A referrer's
     * account that refuses the bonus (frozen, at its ceiling, or of another chain) must not cost the referee the purchase.
     */
    private void awardReferrer(ReferralDue referral) {
        try {
            commands.sendAndWait(referral.award());
        } catch (AggregateNotFoundException e) {
            LOG.info("referrer {} has no points account: no referral bonus", referral.referrerMemberId());
        } catch (PointsOverflowException | AwardOfAnotherChainException e) {
            LOG.warn("referrer {} gets no referral bonus: {}", referral.referrerMemberId(), e.getMessage());
        }
    }

    private static Optional<String> member(PosTransaction transaction, Map<String, String> members) {
        if (!transaction.hasCard()) {
            return Optional.empty();
        }
        return Optional.ofNullable(members.get(cardOf(transaction)));
    }

    private static String cardOf(PosTransaction transaction) {
        return CardDirectory.key(transaction.chainId(), transaction.cardNumber());
    }
}
