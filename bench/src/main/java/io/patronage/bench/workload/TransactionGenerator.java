package io.patronage.bench.workload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The stream of till records of a {@link Universe}, deterministic for a seed. Of the deliveries about 1%
 * are duplicates (a POS resending one of its last records, byte for byte); of the rest about 3% are returns
 * of earlier purchases, the others purchases, about 70% of them by members (a card on the transaction).
 * Baskets have a long-tailed size and long-tailed prices; amounts use each chain's currency and minor
 * units; {@code occurredAt} is the store's local time with its offset, on a clock running at a simulated
 * Black Friday pace.
 */
public final class TransactionGenerator {

    public static final double MEMBER_SHARE = 0.70;
    public static final double RETURN_SHARE = 0.03;
    public static final double DUPLICATE_SHARE = 0.01;

    private static final int RESENDABLE = 64;
    private static final int RETURNABLE = 5_000;
    private static final double SIMULATED_TRANSACTIONS_PER_SECOND = 400;
    private static final List<String> COUPONS = List.of("BLACKFRIDAY10", "WELCOME5", "BUNDLE-3FOR2", "APP-BONUS");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final SplittableRandom random;
    private final Catalog catalog;
    private final Weighted<Store> storesByTraffic;
    private final Weighted<Member> membersByActivity;
    private final Map<Chain, List<Store>> storesByChain;
    private final Map<String, Integer> sequenceByStore = new HashMap<>();
    private final Deque<Delivery> resendable = new ArrayDeque<>();
    private final List<Purchase> returnable = new ArrayList<>();
    private Instant clock = Universe.START;

    /** A purchase that may still be returned. */
    private record Purchase(String transactionId, Store store, String cardNumber, List<TransactionLine> lines) {
    }

    public TransactionGenerator(Universe universe, long seed) {
        this.random = new SplittableRandom(seed);
        this.catalog = universe.catalog();
        this.storesByTraffic = Weighted.of(universe.stores(), Store::traffic);
        this.membersByActivity = universe.members().isEmpty() ? null
                : Weighted.of(universe.members(), Member::activity);
        this.storesByChain = universe.stores().stream().collect(Collectors.groupingBy(Store::chain));
    }

    public List<Delivery> next(int count) {
        List<Delivery> deliveries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            deliveries.add(next());
        }
        return deliveries;
    }

    public Delivery next() {
        if (random.nextDouble() < DUPLICATE_SHARE && !resendable.isEmpty()) {
            int age = random.nextInt(resendable.size());
            return resendable.stream().skip(age).findFirst().orElseThrow().resent();
        }
        clock = clock.plusNanos((long) (-Math.log(1 - random.nextDouble()) / SIMULATED_TRANSACTIONS_PER_SECOND * 1e9));
        Delivery delivery = random.nextDouble() < RETURN_SHARE && !returnable.isEmpty() ? nextReturn() : nextPurchase();
        if (resendable.size() == RESENDABLE) {
            resendable.removeLast();
        }
        resendable.addFirst(delivery);
        return delivery;
    }

    private Delivery nextPurchase() {
        Store store;
        String card = null;
        if (membersByActivity != null && random.nextDouble() < MEMBER_SHARE) {
            Member member = membersByActivity.draw(random);
            store = random.nextDouble() < 0.85 ? member.homeStore() : anyStoreOf(member.chain());
            card = member.cardNumber();
        } else {
            store = storesByTraffic.draw(random);
        }
        ChainProfile market = store.chain().profile();
        List<TransactionLine> lines = new ArrayList<>();
        int size = (int) Math.max(1, Math.min(80, Math.round(Gaussian.logNormal(random, 5, 0.9))));
        for (int i = 0; i < size; i++) {
            lines.add(line(market));
        }
        // A till rejects nothing, but a basket under one currency unit earns nothing and is rare: top it up.
        while (total(lines, market).compareTo(BigDecimal.ONE) < 0) {
            lines.add(line(market));
        }
        List<String> coupons = random.nextDouble() < 0.04
                ? List.of(COUPONS.get(random.nextInt(COUPONS.size())))
                : List.of();
        String transactionId = transactionId(store);
        remember(new Purchase(transactionId, store, card, lines));
        return deliver(new PosTransaction(transactionId, store.chain().chainId(), store.storeId(), card,
                TransactionType.PURCHASE, occurredAt(store), market.currency(), total(lines, market), lines, coupons,
                null));
    }

    /** Returns one line, several lines or the whole basket of a recent purchase, often at the same store. */
    private Delivery nextReturn() {
        int index = random.nextInt(returnable.size());
        Purchase original = returnable.get(index);
        returnable.set(index, returnable.get(returnable.size() - 1));
        returnable.remove(returnable.size() - 1);

        List<TransactionLine> lines = new ArrayList<>();
        double shape = random.nextDouble();
        if (shape < 0.6) {
            lines.add(partOf(original.lines().get(random.nextInt(original.lines().size()))));
        } else if (shape < 0.85) {
            original.lines().stream().filter(line -> random.nextBoolean()).forEach(lines::add);
            if (lines.isEmpty()) {
                lines.add(original.lines().get(0));
            }
        } else {
            lines.addAll(original.lines());
        }
        Store store = random.nextDouble() < 0.7 ? original.store() : anyStoreOf(original.store().chain());
        ChainProfile market = store.chain().profile();
        return deliver(new PosTransaction(transactionId(store), store.chain().chainId(), store.storeId(),
                original.cardNumber(), TransactionType.RETURN, occurredAt(store), market.currency(),
                total(lines, market), lines, List.of(), original.transactionId()));
    }

    private TransactionLine partOf(TransactionLine line) {
        boolean countable = line.quantity().scale() == 0 && line.quantity().compareTo(BigDecimal.ONE) > 0;
        return countable && random.nextDouble() < 0.3
                ? new TransactionLine(line.sku(), line.category(), BigDecimal.ONE, line.unitPrice())
                : line;
    }

    private void remember(Purchase purchase) {
        if (returnable.size() < RETURNABLE) {
            returnable.add(purchase);
        } else {
            returnable.set(random.nextInt(RETURNABLE), purchase);
        }
    }

    private TransactionLine line(ChainProfile market) {
        Product product = catalog.draw(random);
        BigDecimal quantity;
        if (product.weighed()) {
            quantity = BigDecimal.valueOf(150 + random.nextInt(2_350), 3);
        } else {
            double q = random.nextDouble();
            quantity = BigDecimal.valueOf(q < 0.8 ? 1 : q < 0.92 ? 2 : 3 + random.nextInt(4));
        }
        return new TransactionLine(product.sku(), product.category(), quantity, price(product, market));
    }

    /** The shelf price in the chain's currency, on its price grid (whole thousands of rials, 5 sen, ...). */
    static BigDecimal price(Product product, ChainProfile market) {
        double minorUnits = product.euroPrice() * market.unitsPerEuro() * Math.pow(10, market.scale());
        long steps = Math.max(1, Math.round(minorUnits / market.priceStep()));
        return BigDecimal.valueOf(steps * market.priceStep(), market.scale());
    }

    private static BigDecimal total(List<TransactionLine> lines, ChainProfile market) {
        return lines.stream()
                .map(line -> line.quantity().multiply(line.unitPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(market.scale(), RoundingMode.HALF_UP);
    }

    private Store anyStoreOf(Chain chain) {
        List<Store> stores = storesByChain.get(chain);
        return stores.get(random.nextInt(stores.size()));
    }

    private String transactionId(Store store) {
        int sequence = sequenceByStore.merge(store.storeId(), 1, Integer::sum);
        return store.storeId() + "-T" + (1 + random.nextInt(store.tills())) + "-" + sequence;
    }

    private OffsetDateTime occurredAt(Store store) {
        return clock.truncatedTo(ChronoUnit.MILLIS).atZone(store.zone()).toOffsetDateTime();
    }

    private static Delivery deliver(PosTransaction transaction) {
        String key = transaction.hasCard() ? transaction.cardNumber() : transaction.transactionId();
        return new Delivery(key, toJson(transaction), transaction.chainId(), transaction.transactionId(),
                transaction.cardNumber(), transaction.type(), false);
    }

    private static byte[] toJson(PosTransaction transaction) {
        try {
            return JSON.writeValueAsBytes(transaction);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize transaction " + transaction.transactionId(), e);
        }
    }
}
