package io.patronage.analytics.participation;

import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.kit.chains.Chains;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.kit.kafka.MessageDecoder;
import io.patronage.kit.kafka.StandardDecoder;
import io.patronage.kit.kafka.TopicListener;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Counts enrollments, till transactions and points into the participation views, then publishes
 * each view the batch changed. One bulk write per batch, whatever its size.
 */
@Singleton
class ParticipationListener implements TopicListener {

    private final ParticipationStore views;
    private final MemberCards cards;
    private final EventPublisher publisher;
    private final MessageDecoder decoder;

    ParticipationListener(ParticipationStore views, MemberCards cards, EventPublisher publisher, Chains chains,
                          Clock clock) {
        this.views = views;
        this.cards = cards;
        this.publisher = publisher;
        this.decoder = new StandardDecoder(chains, clock);
    }

    @Override
    public String name() {
        return "participation";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topics.MEMBERS, Topics.TRANSACTIONS, Topics.POINTS);
    }

    /** Till records that are implausible for their chain are dead-lettered, never counted. */
    @Override
    public MessageDecoder decoder() {
        return decoder;
    }

    @Override
    public void onBatch(List<InboundMessage> batch) {
        List<String> cardsOfSales = new ArrayList<>();
        for (InboundMessage message : batch) {
            if (message.payload() instanceof PosTransaction sale && sale.hasCard()) {
                cardsOfSales.add(MemberCard.key(sale.chainId(), sale.cardNumber()));
            }
        }
        Set<String> knownCards = cards.known(cardsOfSales);
        List<ParticipationLedger.Fact> facts = batch.stream()
                .map(message -> new ParticipationLedger.Fact(LogPosition.of(message.record()), message.payload()))
                .toList();
        // Mongo keeps milliseconds: the view in memory must be the one a restart reads back.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ParticipationLedger.Outcome outcome = ParticipationLedger.apply(facts, views::current, knownCards::contains, now);
        cards.addAll(outcome.newCards());
        views.saveAll(outcome.changed());
        publish(outcome);
    }

    /** Waits for the brokers, so a failed publication fails the batch and is retried rather than lost. */
    private void publish(ParticipationLedger.Outcome outcome) {
        CompletableFuture<?>[] sent = outcome.toPublish().stream()
                .flatMap(key -> views.find(key).stream())
                .map(state -> publisher.publish(state.view(state.computedAt()),
                        state.key().id() + "@" + state.revision(), state.computedAt()))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sent).join();
    }
}
