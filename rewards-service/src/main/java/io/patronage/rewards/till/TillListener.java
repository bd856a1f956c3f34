package io.patronage.rewards.till;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.kit.chains.Chains;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.MessageDecoder;
import io.patronage.kit.kafka.StandardDecoder;
import io.patronage.kit.kafka.TopicListener;
import io.patronage.kit.kafka.TransientFailures;
import io.patronage.rewards.automatic.PunchCardStamping;
import io.patronage.rewards.automatic.SpendMilestoneCounting;
import io.patronage.rewards.coupons.CouponsAtTheTill;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The service's one consumer group on {@code retail.transactions.v1} ({@code rewards-service.till}): each record is
 * decoded (and checked against its chain) once, deduplicated by the kit on {@code chainId:transactionId}, and handed
 * to the policies in order: coupons used at the till, punch cards, spend milestones. A record that cannot be decoded
 * is dead-lettered once.
 * <p>
 * The kit marks a batch processed only after all three policies handled it, so a crash between two of them delivers
 * the batch again to all three: each policy's own bookkeeping (see each) makes a record it handled already change
 * nothing, so every policy handles each record exactly once. A policy that fails on a record does not keep the others
 * from it: the record goes to the dead-letter topic once, after all of them ran.
 */
@Singleton
class TillListener implements TopicListener {

    private final List<Consumer<List<PosTransaction>>> policies;
    private final MessageDecoder decoder;

    @Inject
    TillListener(CouponsAtTheTill coupons, PunchCardStamping punchCards, SpendMilestoneCounting milestones,
                 Chains chains, Clock clock) {
        this(List.of(coupons::handle, punchCards::handle, milestones::handle), new StandardDecoder(chains, clock));
    }

    /** @param policies what handles the till records, in order */
    TillListener(List<Consumer<List<PosTransaction>>> policies, MessageDecoder decoder) {
        this.policies = List.copyOf(policies);
        this.decoder = decoder;
    }

    @Override
    public String name() {
        return "till";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.TRANSACTIONS);
    }

    @Override
    public MessageDecoder decoder() {
        return decoder;
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        List<PosTransaction> transactions = batch.stream().map(InboundMessage::payload)
                .filter(PosTransaction.class::isInstance).map(PosTransaction.class::cast).toList();
        RuntimeException failed = null;
        for (Consumer<List<PosTransaction>> policy : policies) {
            try {
                policy.accept(transactions);
            } catch (RuntimeException failure) {
                if (TransientFailures.isTransient(failure)) {
                    throw failure; // the kit retries the batch once the infrastructure is back
                }
                if (failed == null) {
                    failed = failure;
                } else {
                    failed.addSuppressed(failure);
                }
            }
        }
        if (failed != null) {
            throw failed; // the kit retries the batch record by record: only the failing record is dead-lettered
        }
    }
}
