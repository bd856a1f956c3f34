package io.patronage.analytics.views;

import io.patronage.analytics.streams.JsonSerde;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.analytics.BasketView;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Partitioned by chain: counts, per level (products and categories), the purchases containing each item and each
 * pair of items, and publishes a chain's top pairs at most once per {@link ViewSettings#publishInterval()} when its
 * counts changed. A purchase of k distinct items adds k(k − 1)/2 pairs; k is bounded by the receipt lines considered
 * ({@link ValueSettings#basketLines()}), but the pairs of a chain grow with the square of its distinct items.
 * <p>
 * So a publication does not scan them: counts only grow, so a pair not counted since the last publication cannot
 * overtake one of the pairs published then, and the new top is the best of those and of the pairs counted since
 * (remembered in memory). Memory does not survive a restart, a rebalance or an aborted transaction (each
 * initialises the processor again), so the first publication after {@link #init} scans every pair of the chains
 * that changed.
 */
final class BasketStage implements Processor<String, Fact, String, IntegrationEvent> {

    static final String ITEMS = "basket-items";
    static final String PAIRS = "basket-pairs";
    /** Per chain and level: purchases counted and the latest one's time. */
    static final String TOTALS = "basket-totals";
    static final String VIEWS = "basket-views";
    static final String CHANGED = "baskets-changed";
    static final String[] STORE_NAMES = {ITEMS, PAIRS, TOTALS, VIEWS, CHANGED};
    static final List<StoreBuilder<?>> STORES = List.of(
            ViewsTopology.store(ITEMS, Serdes.Long()),
            ViewsTopology.store(PAIRS, Serdes.Long()),
            ViewsTopology.store(TOTALS, JsonSerde.of(BasketTotals.class)),
            ViewsTopology.store(VIEWS, JsonSerde.of(BasketView.class)),
            ViewsTopology.store(CHANGED, Serdes.String()));
    static final List<String> LEVELS = List.of("sku", "category");
    /** Separates the parts of a store key: product codes may hold any printable character. */
    private static final String SEP = "\u001f";

    private final ViewSettings settings;
    private final ValueSettings values;
    private final String source;
    private ProcessorContext<String, IntegrationEvent> context;
    private KeyValueStore<String, Long> items;
    private KeyValueStore<String, Long> pairs;
    private KeyValueStore<String, BasketTotals> totals;
    private KeyValueStore<String, BasketView> views;
    private KeyValueStore<String, String> changed;
    /** Per chain and level ({@code prefix}): the pairs counted since the last publication. */
    private final Map<String, Set<String>> counted = new HashMap<>();
    /** Until the first publication after {@link #init}: what was counted before is not in {@link #counted}. */
    private boolean scanAll;

    /** @param lastEventAt the time of the latest purchase counted */
    record BasketTotals(long transactions, Instant lastEventAt) {
    }

    BasketStage(ViewSettings settings, ValueSettings values, String source) {
        this.settings = settings;
        this.values = values;
        this.source = source;
    }

    @Override
    public void init(ProcessorContext<String, IntegrationEvent> context) {
        this.context = context;
        this.items = context.getStateStore(ITEMS);
        this.pairs = context.getStateStore(PAIRS);
        this.totals = context.getStateStore(TOTALS);
        this.views = context.getStateStore(VIEWS);
        this.changed = context.getStateStore(CHANGED);
        counted.clear();
        scanAll = true;
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publish());
    }

    static String viewKey(String chainId, String level) {
        return chainId + "|" + level;
    }

    @Override
    public void process(Record<String, Fact> record) {
        if (!(record.value() instanceof Fact.Basket basket)) {
            return;
        }
        count(basket.chainId(), "sku", basket.skus(), basket.occurredAt());
        count(basket.chainId(), "category", basket.categories(), basket.occurredAt());
        changed.put(basket.chainId(), "");
    }

    private void count(String chainId, String level, List<String> bought, Instant at) {
        if (bought.isEmpty()) {
            return;
        }
        String prefix = chainId + SEP + level + SEP;
        BasketTotals before = totals.get(prefix);
        Instant latest = before == null || before.lastEventAt().isBefore(at) ? at : before.lastEventAt();
        totals.put(prefix, new BasketTotals(before == null ? 1 : before.transactions() + 1, latest));
        List<String> sorted = bought.stream().sorted().toList();
        Set<String> countedPairs = counted.computeIfAbsent(prefix, key -> new HashSet<>());
        for (int i = 0; i < sorted.size(); i++) {
            increment(items, prefix + sorted.get(i));
            for (int j = i + 1; j < sorted.size(); j++) {
                String pair = sorted.get(i) + SEP + sorted.get(j);
                increment(pairs, prefix + pair);
                countedPairs.add(pair);
            }
        }
    }

    private static void increment(KeyValueStore<String, Long> store, String key) {
        Long before = store.get(key);
        store.put(key, before == null ? 1 : before + 1);
    }

    private void publish() {
        List<String> chainIds = new ArrayList<>();
        try (KeyValueIterator<String, String> pending = changed.all()) {
            pending.forEachRemaining(entry -> chainIds.add(entry.key));
        }
        for (String chainId : chainIds) {
            for (String level : LEVELS) {
                BasketView before = views.get(viewKey(chainId, level));
                BasketView view = view(chainId, level, before);
                if (view != null && !view.equals(before)) {
                    views.put(viewKey(chainId, level), view);
                    send(view);
                }
            }
            changed.delete(chainId);
        }
        counted.clear();
        scanAll = false;
    }

    /** The chain's top pairs of that level; {@code null} before its first purchase with such items. */
    private BasketView view(String chainId, String level, BasketView before) {
        String prefix = chainId + SEP + level + SEP;
        BasketTotals total = totals.get(prefix);
        if (total == null) {
            return null;
        }
        List<Counted> candidates = scanAll || before == null ? scan(prefix) : candidates(prefix, before);
        BigDecimal n = BigDecimal.valueOf(total.transactions());
        List<BasketView.BasketPair> top = best(candidates, values.basketPairs()).stream()
                .map(pair -> {
                    BigDecimal together = BigDecimal.valueOf(pair.together());
                    BigDecimal withA = BigDecimal.valueOf(items.get(prefix + pair.a()));
                    BigDecimal withB = BigDecimal.valueOf(items.get(prefix + pair.b()));
                    return new BasketView.BasketPair(pair.a(), pair.b(), pair.together(), ratio(together, n),
                            ratio(together, withA), ratio(together, withB),
                            ratio(together.multiply(n), withA.multiply(withB)));
                })
                .toList();
        return new BasketView(chainId, level, total.transactions(), top, total.lastEventAt());
    }

    private record Counted(String a, String b, long together) {
    }

    /** Most bought together first; ties in the order of the products' codes. */
    private static final Comparator<Counted> BEST_FIRST = Comparator.comparingLong(Counted::together).reversed()
            .thenComparing(Counted::a).thenComparing(Counted::b);

    /** The {@code n} best candidates, best first, without sorting them all (a chain's pairs may be millions). */
    private static List<Counted> best(List<Counted> candidates, int n) {
        PriorityQueue<Counted> kept = new PriorityQueue<>(n + 1, BEST_FIRST.reversed());
        for (Counted candidate : candidates) {
            if (kept.size() < n) {
                kept.add(candidate);
            } else if (BEST_FIRST.compare(candidate, kept.peek()) < 0) {
                kept.poll();
                kept.add(candidate);
            }
        }
        List<Counted> best = new ArrayList<>(kept);
        best.sort(BEST_FIRST);
        return best;
    }

    /** Every pair of the chain and level: one scan. */
    private List<Counted> scan(String prefix) {
        List<Counted> all = new ArrayList<>();
        try (KeyValueIterator<String, Long> scan = pairs.prefixScan(prefix, Serdes.String().serializer())) {
            scan.forEachRemaining(entry -> {
                String[] ab = entry.key.substring(prefix.length()).split(SEP, 2);
                all.add(new Counted(ab[0], ab[1], entry.value));
            });
        }
        return all;
    }

    /** The pairs published last time and those counted since, with their counts now. */
    private List<Counted> candidates(String prefix, BasketView before) {
        Set<String> keys = new HashSet<>(counted.getOrDefault(prefix, Set.of()));
        before.pairs().forEach(pair -> keys.add(pair.a() + SEP + pair.b()));
        List<Counted> candidates = new ArrayList<>(keys.size());
        for (String key : keys) {
            String[] ab = key.split(SEP, 2);
            candidates.add(new Counted(ab[0], ab[1], pairs.get(prefix + key)));
        }
        return candidates;
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, 4, RoundingMode.HALF_EVEN);
    }

    private void send(BasketView view) {
        context.forward(new Record<>(view.key(), view, RecordTime.of(view.computedAt(), context),
                ViewHeaders.of(view, view.computedAt(), source)));
    }

}
