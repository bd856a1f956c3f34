package io.patronage.points.earning;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.infra.Infrastructure;
import io.patronage.kit.axon.BoundedCache;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.points.Transactions;
import io.patronage.points.account.OpenPointsAccount;
import io.patronage.points.account.PointsAccount;
import io.patronage.points.account.PointsEarned;
import io.patronage.points.members.CardDirectories;
import io.patronage.points.members.CardDirectory;
import io.patronage.points.members.CardDirectory.CardAssignment;
import io.patronage.points.publishing.PointsEventPublishers;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A Kafka batch of transactions in one unit of work: its events appended together, each published once after
 * the commit, and a failing transaction isolated by the kit's message-by-message retry (emulated here as the
 * kit's ConsumerLoop does it).
 */
class TransactionsListenerIT {

    private static final String MEMBER = "m-1";
    private static final OffsetDateTime FAILING = OffsetDateTime.parse("2026-11-27T23:59:00+02:00");

    private final AtomicInteger appends = new AtomicInteger();
    private final MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private MongoClient mongo;
    private Configuration axon;
    private TransactionsListener listener;

    @BeforeEach
    void start() {
        mongo = MongoClients.create(Infrastructure.forTests().mongoUri());
        CardDirectory directory = CardDirectories.on(mongo.getDatabase("transactions-it-" + UUID.randomUUID()));
        directory.register(List.of(new CardAssignment("chain-1", "card-1", MEMBER)));
        ProgramCatalog catalog = (chainId, occurredAt) -> {
            if (occurredAt.equals(FAILING.toInstant())) {
                throw new IllegalStateException("no program readable for this transaction");
            }
            return ProgramRules.DEFAULT;
        };
        InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine() {
            @Override
            public void appendEvents(List<? extends EventMessage<?>> events) {
                appends.incrementAndGet();
                super.appendEvents(events);
            }
        };
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false);
        configurer.eventProcessing().usingSubscribingEventProcessors();
        axon = configurer
                .configureSerializer(config -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(config -> storage)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(PointsAccount.class)
                        .configureCache(config -> new BoundedCache(100)))
                .registerComponent(ParameterResolverFactory.class, config -> MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(PointsAccount.class),
                        new SimpleResourceParameterResolverFactory(Set.of(catalog))))
                .registerEventHandler(config -> PointsEventPublishers.on(new EventPublisher(kafka, "points-service")))
                .buildConfiguration();
        axon.start();
        axon.commandGateway().sendAndWait(new OpenPointsAccount(MEMBER, "chain-1", "card-1", null, "en",
                Instant.parse("2026-01-01T00:00:00Z")));
        listener = new TransactionsListener(axon.commandGateway(), directory, chainId -> java.util.Optional.empty());
        appends.set(0);
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        mongo.close();
    }

    private static InboundMessage message(PosTransaction transaction) {
        return new InboundMessage("chain-1:" + transaction.transactionId(), Instant.now(), transaction, null);
    }

    /** The ce_id of every record sent to Kafka, in order. */
    private List<String> published() {
        return kafka.history().stream()
                .map(record -> new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .toList();
    }

    private List<String> storedEarningIds() {
        return axon.eventStore().readEvents(MEMBER).asStream()
                .filter(event -> event.getPayload() instanceof PointsEarned)
                .map(EventMessage::getIdentifier)
                .toList();
    }

    private List<String> storedEarnings() {
        return axon.eventStore().readEvents(MEMBER).asStream()
                .filter(event -> event.getPayload() instanceof PointsEarned)
                .map(event -> ((PointsEarned) event.getPayload()).transactionId())
                .toList();
    }

    @Test
    void aBatchIsAppendedTogetherAndEachEventPublishedOnce() {
        listener.onBatch(List.of(message(Transactions.purchase("t-1", "EUR", "10.00")),
                message(Transactions.purchase("t-2", "EUR", "20.00")),
                message(Transactions.purchase("t-1", "EUR", "10.00"))));

        assertEquals(List.of("t-1", "t-2"), storedEarnings());
        assertEquals(1, appends.get());
        assertEquals(storedEarningIds(), published());
    }

    @Test
    void aFailingTransactionIsDeadLetteredAndTheOthersAreStoredOnce() {
        List<InboundMessage> batch = List.of(message(Transactions.purchase("t-1", "EUR", "10.00")),
                message(Transactions.purchase("t-bad", "EUR", "15.00", FAILING)),
                message(Transactions.purchase("t-2", "EUR", "20.00")));

        assertThrows(IllegalStateException.class, () -> listener.onBatch(batch));
        assertEquals(List.of(), storedEarnings(), "nothing of the failed batch is stored");
        assertEquals(List.of(), published());

        List<String> deadLettered = new ArrayList<>();
        for (InboundMessage message : batch) {
            try {
                listener.onBatch(List.of(message));
            } catch (IllegalStateException e) {
                deadLettered.add(message.messageId());
            }
        }

        assertEquals(List.of("chain-1:t-bad"), deadLettered);
        assertEquals(List.of("t-1", "t-2"), storedEarnings());
        assertEquals(storedEarningIds(), published());
    }
}
