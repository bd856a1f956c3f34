package io.patronage.points.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.kit.axon.BoundedCache;
import io.patronage.kit.json.Json;
import io.patronage.kit.kafka.ConflictingResendException;
import io.patronage.kit.kafka.DeadLetterPublisher;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.points.Transactions;
import io.patronage.points.account.PointsAccount;
import io.patronage.points.earning.PointsEarned;
import io.patronage.points.intake.CardDirectory.CardAssignment;
import io.patronage.points.ledger.Lot;
import io.patronage.points.membership.OpenPointsAccount;
import io.patronage.points.membership.PointsAccountOpened;
import io.patronage.points.program.Bonuses;
import io.patronage.points.program.ProgramCatalog;
import io.patronage.points.program.ProgramRules;
import io.patronage.points.publishing.PointsEventPublishers;
import io.patronage.points.referral.RecordReferral;
import io.patronage.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
    private ProgramRules rules = ProgramRules.DEFAULT;
    private final MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());
    private MongoClient mongo;
    private MongoDatabase database;
    private CardDirectory directory;
    private Configuration axon;
    private TransactionsListener listener;

    @BeforeEach
    void start() {
        mongo = MongoClients.create(TestInfrastructure.mongoUri());
        database = mongo.getDatabase("transactions-it-" + UUID.randomUUID());
        directory = CardDirectories.on(database);
        directory.register(List.of(new CardAssignment("chain-1", "card-1", MEMBER)));
        ProgramCatalog catalog = (chainId, occurredAt) -> {
            if (occurredAt.equals(FAILING.toInstant())) {
                throw new IllegalStateException("no program readable for this transaction");
            }
            return rules;
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
        axon.commandGateway().sendAndWait(new OpenPointsAccount(MEMBER, "chain-1", "card-1", null,
                Instant.parse("2026-01-01T00:00:00Z")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ChainConfigured chain = new ChainConfigured("chain-1", "EUR", "Europe/Athens", "en", null, Instant.EPOCH);
        listener = new TransactionsListener(axon.commandGateway(), directory,
                chainId -> chain.chainId().equals(chainId) ? Optional.of(chain) : Optional.empty(),
                new ParkedTransactions(database, meters), new DeadLetterPublisher(kafka, meters), Clock.systemUTC(),
                "points-service");
        appends.set(0);
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        mongo.close();
    }

    private final AtomicLong offsets = new AtomicLong();

    /** As the kit hands a record over: decoded, with the record as it came from Kafka. */
    private InboundMessage message(PosTransaction transaction) {
        try {
            ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("retail.transactions.v1", 0,
                    offsets.getAndIncrement(), transaction.cardNumber(), Json.mapper().writeValueAsBytes(transaction));
            return new InboundMessage("chain-1:" + transaction.transactionId(), Instant.now(), transaction, record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

    /** With several instances, the one that consumed the enrollment is not the one that sees the purchase. */
    @Test
    void aCardFiledByAnotherInstanceEarns() {
        axon.commandGateway().sendAndWait(new OpenPointsAccount("m-2", "chain-1", "card-2", null,
                Instant.parse("2026-01-01T00:00:00Z")));
        CardDirectories.on(database).register(List.of(new CardAssignment("chain-1", "card-2", "m-2")));

        PosTransaction purchase = Transactions.purchase("t-9", "EUR", "10.00");
        listener.onBatch(List.of(message(new PosTransaction(purchase.transactionId(), "chain-1", "store-7", "card-2",
                purchase.type(), purchase.occurredAt(), "EUR", purchase.total(), List.of(), List.of(), null))));

        assertEquals(List.of("t-9"), axon.eventStore().readEvents("m-2").asStream()
                .filter(event -> event.getPayload() instanceof PointsEarned)
                .map(event -> ((PointsEarned) event.getPayload()).transactionId())
                .toList());
    }

    /** A member enrolled at the till buys at once: the purchase may come before the enrollment. */
    @Test
    void aPurchaseWhoseCardIsFiledLaterEarnsWhenItIs() {
        PosTransaction purchase = Transactions.purchase("t-early", "EUR", "42.00");
        listener.onBatch(List.of(message(new PosTransaction(purchase.transactionId(), "chain-1", "store-7", "card-3",
                purchase.type(), purchase.occurredAt(), "EUR", purchase.total(), List.of(), List.of(), null))));
        axon.commandGateway().sendAndWait(new OpenPointsAccount("m-3", "chain-1", "card-3", null,
                Instant.parse("2026-01-01T00:00:00Z")));

        assertEquals(List.of(), earnings("m-3"), "parked, not a non-member sale");
        assertEquals(1, database.getCollection("parked_transactions").countDocuments());

        directory.register(List.of(new CardAssignment("chain-1", "card-3", "m-3")));

        assertEquals(List.of("t-early"), earnings("m-3"));
        assertEquals(0, database.getCollection("parked_transactions").countDocuments(), "released");
    }

    private List<String> earnings(String memberId) {
        return axon.eventStore().readEvents(memberId).asStream()
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

    @Test
    void aFrozenReferrerGetsNoBonusAndTheRefereesPurchaseStillEarns() {
        rules = new ProgramRules("referral-v1", null, null, null, null, java.math.BigDecimal.ONE, null, null, null,
                null, null, new Bonuses(null, 0, null, 0, 300, 150, null), null, 0, null, null);
        OffsetDateTime at = OffsetDateTime.parse("2026-02-01T10:00:00Z");
        DefaultUnitOfWork.startAndGet(null).execute(() -> axon.eventStore().publish(
                new GenericDomainEventMessage<>("PointsAccount", "m-referrer", 0, new PointsAccountOpened("m-referrer",
                        "chain-1", "card-2", null, Instant.parse("2026-01-01T00:00:00Z"))),
                new GenericDomainEventMessage<>("PointsAccount", "m-referrer", 1, new PointsEarned("m-referrer",
                        "chain-1", "t-old", "s-1", "EUR", java.math.BigDecimal.TEN, java.math.BigDecimal.TEN,
                        Long.MAX_VALUE, "v0", List.of(), at, new Lot("chain-1:t-old", Long.MAX_VALUE, at.toInstant()),
                        Long.MAX_VALUE))));
        axon.commandGateway().sendAndWait(new RecordReferral(MEMBER, "m-referrer"));

        listener.onBatch(List.of(message(Transactions.purchase("t-1", "EUR", "10.00"))));

        assertEquals(List.of(160L), axon.eventStore().readEvents(MEMBER).asStream()
                .filter(event -> event.getPayload() instanceof PointsEarned)
                .map(event -> ((PointsEarned) event.getPayload()).points()).toList(), "10 points and the referee's 150");
        assertEquals(2, axon.eventStore().readEvents("m-referrer").asStream().count(), "no award on a frozen account");
    }

    @Test
    void aConflictingResendReachesTheKitUnwrappedAndOnlyItIsDeadLetteredOnTheRetry() {
        listener.onBatch(List.of(message(Transactions.purchase("t-1", "EUR", "10.00"))));
        List<InboundMessage> batch = List.of(message(Transactions.purchase("t-2", "EUR", "20.00")),
                message(Transactions.purchase("t-1", "EUR", "99.00")),
                message(Transactions.purchase("t-3", "EUR", "30.00")));

        // thrown as is through sendAndWait and both units of work: the kit's dead-letter path sees its type
        assertThrows(ConflictingResendException.class, () -> listener.onBatch(batch));
        assertEquals(List.of("t-1"), storedEarnings(), "nothing of the failed batch is stored");

        List<String> deadLettered = new ArrayList<>();
        for (InboundMessage message : batch) {
            try {
                listener.onBatch(List.of(message));
            } catch (ConflictingResendException e) {
                deadLettered.add(message.messageId());
            }
        }
        listener.onBatch(List.of(message(Transactions.purchase("t-1", "EUR", "10.00"))));

        assertEquals(List.of("chain-1:t-1"), deadLettered);
        assertEquals(List.of("t-1", "t-2", "t-3"), storedEarnings());
        assertEquals(storedEarningIds(), published());
    }
}
