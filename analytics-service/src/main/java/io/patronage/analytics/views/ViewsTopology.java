package io.patronage.analytics.views;

import io.patronage.analytics.streams.DeadLetter;
import io.patronage.analytics.streams.Intake;
import io.patronage.analytics.streams.JsonSerde;
import io.patronage.analytics.streams.ObjectCachingStore;
import io.patronage.analytics.streams.ObjectCachingStoreBuilder;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topic;
import io.patronage.contracts.Topics;
import io.patronage.contracts.analytics.DormantMember;
import io.patronage.kit.kafka.ChainLookup;
import io.patronage.kit.kafka.MessageDecoder;
import io.patronage.kit.kafka.CloudEventDecoder;
import io.patronage.kit.kafka.EngagementDecoder;
import io.patronage.kit.kafka.PosTransactionDecoder;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The analytics views as one Kafka Streams topology, built by a plain function so that {@code TopologyTestDriver}
 * runs it without a broker:
 * <pre>
 * retail.transactions.v1 ─┐ intake: decode, dedupe,  ─► by chain ─► CardStage ─┬► MemberStage ─► ChainStage ─► views
 * loyalty.members.v1 ─────┤ dead-letter                          │             │  └► DormancyStage ─┘ └► dormant topic
 * loyalty.points.v1 ──────┤                                      ├─────────────┼► CustomerStage ─► customers topic
 * retail.engagement.v1 ───┤                                      │             ├► BasketStage ─► baskets topic
 * loyalty.rewards.v1 ─────┘                                      └─────────────┴► CouponStage ─► coupons topic
 * </pre>
 * The intake re-keys every fact by its chain, once: every stage is partitioned by chain, so a fact goes on from
 * stage to stage inside its task, not through another repartition topic and another transaction. (With
 * {@code exactly_once_v2} every hop waits for the commit of the one before: with 11 repartition topics on 7
 * sub-topologies, a steady stream was counted seconds late.) A till record, the most frequent input, crosses it as
 * one fact ({@link Fact.Till}): the card stage hands each stage its part. {@link MemberCards} sits on the members' intake
 * before the re-keying, to revoke an erased member's cards.
 * <p>
 * Every stage keeps its state in a RocksDB store backed by a changelog topic; the re-keyed stream is a repartition
 * topic of {@value #PARTITIONS} partitions.
 */
public final class ViewsTopology {

    /** The topics the views read. */
    public static final List<Topic> SOURCES = List.of(Topics.TRANSACTIONS, Topics.MEMBERS, Topics.POINTS,
            Topics.ENGAGEMENT, Topics.REWARDS);
    public static final String TALLIES = ChainStage.TALLIES;
    public static final String COHORTS = ChainStage.COHORTS;
    public static final String CARDS = CardStage.CARDS;
    public static final String MEMBERS = MemberStage.MEMBERS;
    public static final String EXPIRING = ChainStage.EXPIRING;
    public static final String DORMANT = ChainStage.DORMANT;
    public static final String DORMANCY = DormancyStage.DORMANCY;
    public static final String MEMBER_CARDS = MemberCards.MEMBER_CARDS;
    static final int PARTITIONS = 6;
    /** Values each store instance keeps in memory once written: a chain's hot keys, not every member. */
    private static final int CLEAN_ENTRIES = 2_000;

    private static final Serde<String> KEYS = Serdes.String();
    private static final Serde<Fact> FACTS = JsonSerde.of(Fact.class);

    private ViewsTopology() {
    }

    /**
     * @param applicationId the Streams application id, named in dead letters as their consumer group
     * @param source        the CloudEvents {@code ce_source} of the published views
     */
    public static Topology build(ChainLookup chains, Clock clock, ViewSettings settings, ValueSettings values,
                                 String applicationId, String source) {
        return build(chains, clock, settings, values, applicationId, source, topic -> { });
    }

    /** @param unknownChains counts the member and points events of chains not on {@code loyalty.chains.v1} */
    public static Topology build(ChainLookup chains, Clock clock, ViewSettings settings, ValueSettings values,
                                 String applicationId, String source, UnknownChains unknownChains) {
        StreamsBuilder builder = new StreamsBuilder();
        ChainCalendar calendar = new ChainCalendar(chains);
        FactMapper mapper = new FactMapper(calendar, unknownChains);
        MessageDecoder events = new CloudEventDecoder();

        KStream<String, Fact> transactions = intake(builder, Topics.TRANSACTIONS, new PosTransactionDecoder(chains, clock),
                applicationId, payload -> ValueFacts.till(payload, values.basketLines()));
        builder.addStateStore(store(MEMBER_CARDS, JsonSerde.of(String[].class)));
        KStream<String, Fact> members = intake(builder, Topics.MEMBERS, events, applicationId,
                payload -> ValueFacts.concat(mapper.member(payload), ValueFacts.member(payload)))
                .process(MemberCards::new, Named.as("member-cards"), MEMBER_CARDS);
        KStream<String, Fact> points = intake(builder, Topics.POINTS, events, applicationId, mapper::points);
        KStream<String, Fact> surveys = intake(builder, Topics.ENGAGEMENT, new EngagementDecoder(), applicationId,
                mapper::engagement);
        KStream<String, Fact> rewards = intake(builder, Topics.REWARDS, events, applicationId, ValueFacts::rewards);
        KStream<String, Fact> intake = transactions.merge(members, Named.as("intake-members"))
                .merge(points, Named.as("intake-points")).merge(surveys, Named.as("intake-engagement"))
                .merge(rewards, Named.as("intake-rewards"));

        // one re-keying: every stage is partitioned by chain, so a fact goes from stage to stage within its task
        KStream<String, Fact> byChain = intake.repartition(Repartitioned.<String, Fact>as("by-chain")
                .withKeySerde(KEYS).withValueSerde(FACTS).withNumberOfPartitions(PARTITIONS));

        CardStage.STORES.forEach(builder::addStateStore);
        KStream<String, Fact> byCard = only(byChain, Fact.Stage.CARD, "card-facts")
                .process(() -> new CardStage(calendar), Named.as("card-stage"), CardStage.STORE_NAMES);

        builder.addStateStore(store(MEMBERS, JsonSerde.of(MemberActivity.class)));
        KStream<String, Fact> memberFacts = only(byChain, Fact.Stage.MEMBER, "member-facts")
                .merge(only(byCard, Fact.Stage.MEMBER, "card-purchases"), Named.as("member-facts-cards"));
        KStream<String, Fact> byMember = memberFacts
                .process(() -> new MemberStage(calendar, settings), Named.as("member-stage"), MEMBERS);

        builder.addStateStore(store(DORMANCY, JsonSerde.of(MemberDormancy.class)));
        builder.addStateStore(store(DormancyStage.DUE, Serdes.String()));
        KStream<String, Fact> dormancy = memberFacts.process(() -> new DormancyStage(calendar, clock, settings, source),
                Named.as("dormancy-stage"), DORMANCY, DormancyStage.DUE);
        dormancy.map((key, fact) -> KeyValue.pair(((Fact.Dormant) fact).listKey(), ((Fact.Dormant) fact).member()),
                        Named.as("dormant-list"))
                .to(Topics.DORMANT.name(), Produced.with(KEYS, JsonSerde.of(DormantMember.class)).withName("dormant"));

        builder.addStateStore(store(TALLIES, JsonSerde.of(StoredTally.class)));
        builder.addStateStore(store(COHORTS, JsonSerde.of(StoredCohort.class)));
        builder.addStateStore(store(ChainStage.UNPUBLISHED, Serdes.String()));
        builder.addStateStore(store(EXPIRING, JsonSerde.of(StoredExpiries.class)));
        builder.addStateStore(store(DORMANT, JsonSerde.of(DormantMember.class)));
        only(byChain, Fact.Stage.CHAIN, "chain-facts")
                .merge(only(byCard, Fact.Stage.CHAIN, "card-counts"), Named.as("chain-facts-cards"))
                .merge(only(byMember, Fact.Stage.CHAIN, "member-counts"), Named.as("chain-facts-members"))
                .merge(dormancy, Named.as("chain-facts-dormancy"))
                .process(() -> new ChainStage(chains, clock, settings, source), Named.as("chain-stage"),
                        TALLIES, COHORTS, ChainStage.UNPUBLISHED, EXPIRING, DORMANT)
                .to((key, view, context) -> Topics.topicOf(view.getClass()).name(),
                        Produced.with(KEYS, JsonSerde.of(IntegrationEvent.class)).withName("views"));

        CustomerStage.STORES.forEach(builder::addStateStore);
        only(byChain, Fact.Stage.CUSTOMER, "customer-facts")
                .merge(only(byCard, Fact.Stage.CUSTOMER, "card-customers"), Named.as("customer-facts-cards"))
                .process(() -> new CustomerStage(chains, settings, values, source), Named.as("customer-stage"),
                        CustomerStage.STORE_NAMES)
                .to(Topics.CUSTOMERS.name(), Produced.with(KEYS, JsonSerde.of(IntegrationEvent.class))
                        .withName("customer-views"));

        BasketStage.STORES.forEach(builder::addStateStore);
        only(byCard, Fact.Stage.BASKET, "basket-facts")
                .process(() -> new BasketStage(settings, values, source), Named.as("basket-stage"),
                        BasketStage.STORE_NAMES)
                .to(Topics.BASKETS.name(), Produced.with(KEYS, JsonSerde.of(IntegrationEvent.class))
                        .withName("basket-views"));

        CouponStage.STORES.forEach(builder::addStateStore);
        only(byChain, Fact.Stage.COUPON, "coupon-facts")
                .merge(only(byCard, Fact.Stage.COUPON, "card-orders"), Named.as("coupon-facts-orders"))
                .process(() -> new CouponStage(chains, settings, source), Named.as("coupon-stage"),
                        CouponStage.STORE_NAMES)
                .to(Topics.COUPONS.name(), Produced.with(KEYS, JsonSerde.of(IntegrationEvent.class))
                        .withName("coupon-views"));
        return builder.build();
    }

    /** Decoded, deduplicated facts of one topic; its dead letters go to {@code <topic>.dlq}. */
    private static KStream<String, Fact> intake(StreamsBuilder builder, Topic topic, MessageDecoder decoder,
                                                String applicationId, Function<Object, List<Fact>> mapper) {
        String name = topic.name().replace('.', '-');
        String seen = "seen-" + name;
        builder.addStateStore(uncachedStore(seen, Serdes.String()));
        KStream<String, Object> decoded = builder.stream(topic.name(), Consumed.with(KEYS, Serdes.ByteArray())
                        .withName("read-" + name))
                .process(() -> new Intake<>(decoder, seen, applicationId, mapper, Fact::chainId),
                        Named.as("intake-" + name), seen);
        decoded.filter((key, value) -> value instanceof DeadLetter, Named.as("dead-letters-" + name))
                .mapValues(value -> ((DeadLetter) value).value(), Named.as("dead-letter-values-" + name))
                .to(topic.deadLetterTopic(), Produced.with(KEYS, Serdes.ByteArray()).withName("dlq-" + name));
        return decoded.filter((key, value) -> value instanceof Fact, Named.as("facts-" + name))
                .mapValues(value -> (Fact) value, Named.as("fact-values-" + name));
    }

    /** The facts for one stage. */
    private static KStream<String, Fact> only(KStream<String, Fact> facts, Fact.Stage stage, String name) {
        return facts.filter((key, fact) -> fact.stage() == stage, Named.as(name));
    }

    /**
     * A store whose values stay objects in memory between two commits ({@link ObjectCachingStore}): the repeated
     * updates of a key are merged, and each changed key is serialized and written to RocksDB and its changelog once
     * per commit.
     */
    static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return new ObjectCachingStoreBuilder<>(uncachedStore(name, values), CLEAN_ENTRIES);
    }

    /**
     * A store whose keys are all new (message ids): a cache would merge nothing and keep entries no one reads
     * again, so its updates go to RocksDB and the changelog directly.
     */
    static <V> StoreBuilder<KeyValueStore<String, V>> uncachedStore(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), KEYS, values);
    }
}
