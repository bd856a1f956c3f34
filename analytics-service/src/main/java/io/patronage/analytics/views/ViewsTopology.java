package io.patronage.analytics.views;

import io.patronage.analytics.streams.DeadLetter;
import io.patronage.analytics.streams.Intake;
import io.patronage.analytics.streams.JsonSerde;
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
 * retail.transactions.v1 ─┐ intake: decode, dedupe, dead-letter ─► by card ─► CardStage ─┬► by member ─► MemberStage ─┐
 * loyalty.members.v1 ─────┤                                     ─► by member ───────────┘                           │
 * loyalty.points.v1 ──────┤                                     ─► by chain ─────────────────────────────► ChainStage ◄┘
 * retail.engagement.v1 ───┘
 *                                                                                                          │
 *                  participation, points, retention (and cohorts), churn, satisfaction topics ◄────────────┘
 * member facts ─► DormancyStage ─► dormant topic, and by chain ─► ChainStage (each chain's dormant list)
 * </pre>
 * {@link MemberCards} sits on the members' intake before any re-keying, to revoke an erased member's cards.
 * Beside them, partitioned by chain: {@link CustomerStage} (members' purchases and returns from the card stage,
 * erasures) to the customers topic, {@link BasketStage} (purchases' lines) to the baskets topic and
 * {@link CouponStage} (purchases' coupon codes, coupons issued on loyalty.rewards.v1) to the coupons topic.
 * <p>
 * Every stage keeps its state in a RocksDB store backed by a changelog topic; the re-keyed streams between stages
 * are repartition topics of {@value #PARTITIONS} partitions.
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
                applicationId, payload -> ValueFacts.concat(mapper.transaction(payload),
                        ValueFacts.till(payload, values.basketLines())));
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

        builder.addStateStore(store(CARDS, Serdes.String()));
        KStream<String, Fact> byCard = stage(intake, Fact.Stage.CARD, "intake-by-card")
                .process(() -> new CardStage(calendar), Named.as("card-stage"), CARDS);

        builder.addStateStore(store(MEMBERS, JsonSerde.of(MemberActivity.class)));
        KStream<String, Fact> memberFacts = stage(intake, Fact.Stage.MEMBER, "intake-by-member")
                .merge(stage(byCard, Fact.Stage.MEMBER, "cards-by-member"), Named.as("member-facts"));
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
        stage(intake, Fact.Stage.CHAIN, "intake-by-chain")
                .merge(stage(byCard, Fact.Stage.CHAIN, "cards-by-chain"), Named.as("chain-facts-cards"))
                .merge(stage(byMember, Fact.Stage.CHAIN, "members-by-chain"), Named.as("chain-facts"))
                .merge(stage(dormancy, Fact.Stage.CHAIN, "dormancy-by-chain"), Named.as("chain-facts-dormancy"))
                .process(() -> new ChainStage(chains, clock, settings, source), Named.as("chain-stage"),
                        TALLIES, COHORTS, ChainStage.UNPUBLISHED, EXPIRING, DORMANT)
                .to((key, view, context) -> Topics.topicOf(view.getClass()).name(),
                        Produced.with(KEYS, JsonSerde.of(IntegrationEvent.class)).withName("views"));

        CustomerStage.STORES.forEach(builder::addStateStore);
        stage(intake, Fact.Stage.CUSTOMER, "intake-by-customer-chain")
                .merge(stage(byCard, Fact.Stage.CUSTOMER, "cards-by-customer-chain"), Named.as("customer-facts"))
                .process(() -> new CustomerStage(chains, settings, values, source), Named.as("customer-stage"),
                        CustomerStage.STORE_NAMES)
                .to(Topics.CUSTOMERS.name(), Produced.with(KEYS, JsonSerde.of(IntegrationEvent.class))
                        .withName("customer-views"));

        BasketStage.STORES.forEach(builder::addStateStore);
        stage(intake, Fact.Stage.BASKET, "intake-by-basket-chain")
                .process(() -> new BasketStage(settings, values, source), Named.as("basket-stage"),
                        BasketStage.STORE_NAMES)
                .to(Topics.BASKETS.name(), Produced.with(KEYS, JsonSerde.of(IntegrationEvent.class))
                        .withName("basket-views"));

        CouponStage.STORES.forEach(builder::addStateStore);
        stage(intake, Fact.Stage.COUPON, "intake-by-coupon-chain")
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
        builder.addStateStore(store(seen, Serdes.String()));
        KStream<String, Object> decoded = builder.stream(topic.name(), Consumed.with(KEYS, Serdes.ByteArray())
                        .withName("read-" + name))
                .process(() -> new Intake<>(decoder, seen, applicationId, mapper, Fact::key), Named.as("intake-" + name), seen);
        decoded.filter((key, value) -> value instanceof DeadLetter, Named.as("dead-letters-" + name))
                .mapValues(value -> ((DeadLetter) value).value(), Named.as("dead-letter-values-" + name))
                .to(topic.deadLetterTopic(), Produced.with(KEYS, Serdes.ByteArray()).withName("dlq-" + name));
        return decoded.filter((key, value) -> value instanceof Fact, Named.as("facts-" + name))
                .mapValues(value -> (Fact) value, Named.as("fact-values-" + name));
    }

    /** The facts for one stage, re-keyed by what that stage is partitioned on. */
    private static KStream<String, Fact> stage(KStream<String, Fact> facts, Fact.Stage stage, String name) {
        return facts.filter((key, fact) -> fact.stage() == stage, Named.as(name + "-filter"))
                .repartition(Repartitioned.<String, Fact>as(name).withKeySerde(KEYS).withValueSerde(FACTS)
                        .withNumberOfPartitions(PARTITIONS));
    }

    static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), KEYS, values).withCachingEnabled();
    }
}
