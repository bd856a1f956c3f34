package io.patronage.rewards.till;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import io.patronage.contracts.Topics;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.StandardDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TillListenerTest {

    private final List<String> handled = new ArrayList<>();

    @Test
    void eachPolicyGetsTheBatchsTransactionsInOrder() {
        new TillListener(List.of(policy("coupons"), policy("punch cards"), policy("milestones")), new StandardDecoder())
                .onBatch(List.of(message("T-1"), message("T-2")));
        assertEquals(List.of("coupons T-1", "coupons T-2", "punch cards T-1", "punch cards T-2", "milestones T-1",
                "milestones T-2"), handled);
    }

    @Test
    void aPolicyThatFailsKeepsNoOtherFromTheRecordWhichFailsOnceAfterAllRan() {
        IllegalStateException coupons = new IllegalStateException("coupon policy failed");
        IllegalArgumentException milestones = new IllegalArgumentException("milestone policy failed");
        TillListener listener = new TillListener(List.of(failing(coupons), policy("punch cards"), failing(milestones)),
                new StandardDecoder());

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> listener.onBatch(List.of(message("T-1"))));
        assertSame(coupons, thrown, "the first failure is the dead letter's reason");
        assertEquals(List.of(milestones), List.of(thrown.getSuppressed()));
        assertEquals(List.of("punch cards T-1"), handled);
    }

    @Test
    void anInfrastructureFailureStopsTheBatchAtOnceForTheKitToRetryIt() {
        MongoSocketException outage = new MongoSocketException("mongo unreachable", new ServerAddress());
        TillListener listener = new TillListener(List.of(policy("coupons"), failing(outage), policy("milestones")),
                new StandardDecoder());

        assertSame(outage, assertThrows(MongoSocketException.class, () -> listener.onBatch(List.of(message("T-1")))));
        assertEquals(List.of("coupons T-1"), handled, "the rest waits for the retry");
    }

    private Consumer<List<PosTransaction>> policy(String name) {
        return transactions -> transactions.forEach(transaction -> handled.add(name + " " + transaction.transactionId()));
    }

    private static Consumer<List<PosTransaction>> failing(RuntimeException failure) {
        return transactions -> {
            throw failure;
        };
    }

    private static InboundMessage message(String transactionId) {
        PosTransaction transaction = new PosTransaction(transactionId, "chain-1", "store-1", "card-1",
                TransactionType.PURCHASE, OffsetDateTime.parse("2026-12-03T10:00:00+02:00"), "EUR",
                new BigDecimal("2.50"), List.of(), List.of(), null);
        return new InboundMessage("chain-1:" + transactionId, Instant.parse("2026-12-03T08:00:00Z"), transaction,
                new ConsumerRecord<>(Topics.TRANSACTIONS.name(), 0, 0L, "card-1", new byte[0]));
    }
}
