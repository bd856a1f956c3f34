package io.patronage.analytics.views;

import io.patronage.analytics.streams.JsonSerde;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.analytics.CustomerSummaryView;
import io.patronage.contracts.analytics.CustomerValueView;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.kafka.ChainLookup;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Partitioned by chain: each member's orders net of the returns matched to them, and, at most once per
 * {@link ViewSettings#publishInterval()} per changed chain, the chain's customer-value rows (those that changed)
 * and its summary, from one scan of the chain's members ({@link CustomerValue}: RFM quintiles, CLV, best and worst).
 * The scan is O(members) however little changed, so it is paced ({@link ScanPacing}): a chain of a million members
 * is published less often, instead of its scans taking the whole stream thread.
 * <p>
 * A {@code MemberErased} deletes the member's orders, tombstones their row and republishes the summary without
 * them; a one-way hash of the member (not the id) is kept so that a late till record of theirs is ignored.
 */
final class CustomerStage implements Processor<String, Fact, String, IntegrationEvent> {

    static final String CUSTOMERS = "customers";
    static final String SUMMARIES = "customer-summaries";
    static final String CHANGED = "customers-changed";
    static final String ERASED = "customers-erased";
    static final String[] STORE_NAMES = {CUSTOMERS, SUMMARIES, CHANGED, ERASED};
    static final List<StoreBuilder<?>> STORES = List.of(
            ViewsTopology.store(CUSTOMERS, JsonSerde.of(StoredCustomer.class)),
            ViewsTopology.store(SUMMARIES, JsonSerde.of(CustomerSummaryView.class)),
            ViewsTopology.store(CHANGED, Serdes.String()),
            ViewsTopology.store(ERASED, Serdes.String()));

    private final ChainLookup chains;
    private final ChainCalendar calendar;
    private final ViewSettings settings;
    private final ValueSettings values;
    private final String source;
    private ProcessorContext<String, IntegrationEvent> context;
    private KeyValueStore<String, StoredCustomer> customers;
    private KeyValueStore<String, CustomerSummaryView> summaries;
    private KeyValueStore<String, String> changed;
    private KeyValueStore<String, String> erased;
    private ScanPacing pacing;

    CustomerStage(ChainLookup chains, ViewSettings settings, ValueSettings values, String source) {
        this.chains = chains;
        this.calendar = new ChainCalendar(chains);
        this.settings = settings;
        this.values = values;
        this.source = source;
    }

    @Override
    public void init(ProcessorContext<String, IntegrationEvent> context) {
        this.context = context;
        this.customers = context.getStateStore(CUSTOMERS);
        this.summaries = context.getStateStore(SUMMARIES);
        this.changed = context.getStateStore(CHANGED);
        this.erased = context.getStateStore(ERASED);
        this.pacing = new ScanPacing();
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publish());
    }

    @Override
    public void process(Record<String, Fact> record) {
        if (record.value() instanceof Fact.MemberTill till) {
            if (erased.get(erasure(till.chainId(), till.memberId())) != null) {
                return;
            }
            String key = StoredCustomer.storeKey(till.chainId(), till.memberId());
            StoredCustomer before = customers.get(key);
            before = before != null ? before : StoredCustomer.none(till.chainId(), till.memberId());
            StoredCustomer after = till.isReturn()
                    ? before.returned(till.originalTransactionId(), till.occurredAt(), till.total(),
                            values.returnWindow())
                    : before.bought(till.transactionId(), till.occurredAt(), till.total(), values.returnWindow());
            if (after != null) {
                customers.put(key, after);
                changed.put(till.chainId(), "");
            }
        } else if (record.value() instanceof Fact.CustomerErased gone) {
            erased.put(erasure(gone.chainId(), gone.memberId()), "");
            String key = StoredCustomer.storeKey(gone.chainId(), gone.memberId());
            if (customers.get(key) != null) {
                customers.delete(key);
                changed.put(gone.chainId(), "");
            }
            context.forward(new Record<>(gone.chainId() + "|member|" + gone.memberId(), null, record.timestamp(),
                    new RecordHeaders()));
        }
    }

    private void publish() {
        List<String> chainIds = new ArrayList<>();
        try (KeyValueIterator<String, String> pending = changed.all()) {
            pending.forEachRemaining(entry -> chainIds.add(entry.key));
        }
        long now = context.currentSystemTimeMs();
        for (String chainId : chainIds) {
            if (!pacing.due(chainId, now)) {
                continue;
            }
            long start = System.nanoTime();
            int scanned = publish(chainId);
            changed.delete(chainId);
            pacing.scanned(chainId, now, (System.nanoTime() - start) / 1_000_000, scanned);
        }
    }

    /**
     * One scan of the chain's members: O(members × log members) per publication of a changed chain.
     *
     * @return the members scanned
     */
    private int publish(String chainId) {
        List<StoredCustomer> members = new ArrayList<>();
        try (KeyValueIterator<String, StoredCustomer> scan =
                     customers.prefixScan(chainId + "|", Serdes.String().serializer())) {
            scan.forEachRemaining(entry -> members.add(entry.value));
        }
        String currency = chains.find(chainId).map(ChainConfigured::currency).orElse(null);
        CustomerValue.Result result = CustomerValue.of(chainId, currency, calendar.zone(chainId), members,
                values.lifetimeYears(chainId), values.topCustomers());
        for (int i = 0; i < members.size(); i++) {
            CustomerValueView row = result.rows().get(i);
            StoredCustomer member = members.get(i);
            if (!row.equals(member.published())) {
                customers.put(StoredCustomer.storeKey(chainId, member.memberId()), member.withPublished(row));
                send(row, row.computedAt());
            }
        }
        if (!result.summary().equals(summaries.get(chainId))) {
            summaries.put(chainId, result.summary());
            send(result.summary(), result.summary().computedAt());
        }
        return members.size();
    }

    private void send(IntegrationEvent view, Instant time) {
        context.forward(new Record<>(view.key(), view, RecordTime.of(time, context), ViewHeaders.of(view, time, source)));
    }

    /** A one-way hash of an erased member: enough to recognise their late records, not to name them. */
    static String erasure(String chainId, String memberId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((chainId + "|" + memberId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
