package io.patronage.bench.kafka;

import io.patronage.bench.platform.BenchFailure;
import io.patronage.contracts.Topics;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.harness.workload.Chain;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes the workload's chains as enrollment-service does (the bench runs without it): points-service and
 * analytics-service dead-letter till records of a chain they do not know, or in another currency than its own.
 */
public final class ChainRecords {

    private ChainRecords() {
    }

    /** Waits until every chain is on the topic: without them, the services dead-letter every till record. */
    public static void publish(Producer<String, byte[]> producer, List<Chain> chains) {
        Instant now = Instant.now();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Chain chain : chains) {
            ChainConfigured event = new ChainConfigured(chain.chainId(), chain.currency(), chain.timeZone(),
                    chain.locale(), null, now);
            sent.add(producer.send(CloudEventRecords.of(event, "chain:" + chain.chainId() + "@bench",
                    "/patronage/bench", now)));
        }
        producer.flush();
        for (Future<RecordMetadata> send : sent) {
            try {
                send.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new BenchFailure("could not publish the chains on " + Topics.CHAINS.name() + ": " + e, e);
            }
        }
    }
}
