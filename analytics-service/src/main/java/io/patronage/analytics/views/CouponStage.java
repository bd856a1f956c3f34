package io.patronage.analytics.views;

import io.patronage.analytics.streams.JsonSerde;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.analytics.CouponView;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.kit.kafka.ChainLookup;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Partitioned by chain: coupons issued (from {@code loyalty.rewards.v1}) and used at the till (the purchases'
 * {@code couponCodes}), and the purchases with a coupon against those without; publishes a changed chain's view at
 * most once per {@link ViewSettings#publishInterval()}. A code used at the till before its issue is read is kept
 * as used, and counts once its issue arrives; a code used again counts once.
 */
final class CouponStage implements Processor<String, Fact, String, IntegrationEvent> {

    static final String COUPONS = "coupons";
    static final String TOTALS = "coupon-totals";
    static final String CHANGED = "coupons-changed";
    static final String[] STORE_NAMES = {COUPONS, TOTALS, CHANGED};
    static final List<StoreBuilder<?>> STORES = List.of(
            ViewsTopology.store(COUPONS, JsonSerde.of(StoredCoupon.class)),
            ViewsTopology.store(TOTALS, JsonSerde.of(CouponTotals.class)),
            ViewsTopology.store(CHANGED, Serdes.String()));
    static final String PERIOD = "all-time";

    private final ChainLookup chains;
    private final ViewSettings settings;
    private final String source;
    private ProcessorContext<String, IntegrationEvent> context;
    private KeyValueStore<String, StoredCoupon> coupons;
    private KeyValueStore<String, CouponTotals> totals;
    private KeyValueStore<String, String> changed;

    /** @param issuedAt {@code null} while only its use is known */
    record StoredCoupon(Instant issuedAt, Instant usedAt) {
    }

    /** @param secondsToUse summed over the used coupons */
    record CouponTotals(long issued, long used, long secondsToUse, long ordersWith, BigDecimal spendWith,
                        long ordersWithout, BigDecimal spendWithout, Instant lastEventAt) {

        static final CouponTotals ZERO = new CouponTotals(0, 0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, null);

        CouponTotals issued(Instant at) {
            return new CouponTotals(issued + 1, used, secondsToUse, ordersWith, spendWith, ordersWithout, spendWithout,
                    latest(at));
        }

        CouponTotals used(Instant issuedAt, Instant usedAt, Instant at) {
            long seconds = Math.max(0, Duration.between(issuedAt, usedAt).toSeconds());
            return new CouponTotals(issued, used + 1, secondsToUse + seconds, ordersWith, spendWith, ordersWithout,
                    spendWithout, latest(at));
        }

        CouponTotals ordered(boolean withCoupon, BigDecimal total, Instant at) {
            return withCoupon
                    ? new CouponTotals(issued, used, secondsToUse, ordersWith + 1, spendWith.add(total), ordersWithout,
                            spendWithout, latest(at))
                    : new CouponTotals(issued, used, secondsToUse, ordersWith, spendWith, ordersWithout + 1,
                            spendWithout.add(total), latest(at));
        }

        private Instant latest(Instant at) {
            return lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
        }
    }

    CouponStage(ChainLookup chains, ViewSettings settings, String source) {
        this.chains = chains;
        this.settings = settings;
        this.source = source;
    }

    @Override
    public void init(ProcessorContext<String, IntegrationEvent> context) {
        this.context = context;
        this.coupons = context.getStateStore(COUPONS);
        this.totals = context.getStateStore(TOTALS);
        this.changed = context.getStateStore(CHANGED);
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publish());
    }

    @Override
    public void process(Record<String, Fact> record) {
        if (record.value() instanceof Fact.CouponIssued issued) {
            CouponTotals total = current(issued.chainId()).issued(issued.issuedAt());
            String key = issued.chainId() + "|" + issued.couponCode();
            StoredCoupon before = coupons.get(key);
            if (before != null && before.issuedAt() != null) {
                return;
            }
            if (before != null) {
                total = total.used(issued.issuedAt(), before.usedAt(), issued.issuedAt());
            }
            coupons.put(key, new StoredCoupon(issued.issuedAt(), before == null ? null : before.usedAt()));
            update(issued.chainId(), total);
        } else if (record.value() instanceof Fact.Order order) {
            CouponTotals total = current(order.chainId())
                    .ordered(!order.couponCodes().isEmpty(), order.total(), order.occurredAt());
            for (String code : order.couponCodes()) {
                String key = order.chainId() + "|" + code;
                StoredCoupon before = coupons.get(key);
                if (before == null) {
                    coupons.put(key, new StoredCoupon(null, order.occurredAt()));
                } else if (before.usedAt() == null) {
                    coupons.put(key, new StoredCoupon(before.issuedAt(), order.occurredAt()));
                    total = total.used(before.issuedAt(), order.occurredAt(), order.occurredAt());
                }
            }
            update(order.chainId(), total);
        }
    }

    private CouponTotals current(String chainId) {
        CouponTotals total = totals.get(chainId);
        return total != null ? total : CouponTotals.ZERO;
    }

    private void update(String chainId, CouponTotals total) {
        totals.put(chainId, total);
        changed.put(chainId, "");
    }

    private void publish() {
        List<String> chainIds = new ArrayList<>();
        try (KeyValueIterator<String, String> pending = changed.all()) {
            pending.forEachRemaining(entry -> chainIds.add(entry.key));
        }
        for (String chainId : chainIds) {
            CouponView view = view(chainId, chains.find(chainId).map(ChainConfigured::currency).orElse(null),
                    current(chainId));
            context.forward(new Record<>(view.key(), view, RecordTime.of(view.computedAt(), context),
                    ViewHeaders.of(view, view.computedAt(), source)));
            changed.delete(chainId);
        }
    }

    static CouponView view(String chainId, String currency, CouponTotals t) {
        BigDecimal useRate = t.issued() == 0 ? null : ratio(BigDecimal.valueOf(t.used()), t.issued(), 4);
        BigDecimal days = t.used() == 0 ? null
                : ratio(BigDecimal.valueOf(t.secondsToUse()), t.used() * 86_400L, 2);
        return new CouponView(chainId, PERIOD, currency, t.issued(), t.used(), useRate, days, t.ordersWith(),
                t.spendWith(), t.ordersWith() == 0 ? null : ratio(t.spendWith(), t.ordersWith(), 2),
                t.ordersWithout(), t.spendWithout(),
                t.ordersWithout() == 0 ? null : ratio(t.spendWithout(), t.ordersWithout(), 2), t.lastEventAt());
    }

    private static BigDecimal ratio(BigDecimal part, long whole, int scale) {
        return part.divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_EVEN);
    }
}
