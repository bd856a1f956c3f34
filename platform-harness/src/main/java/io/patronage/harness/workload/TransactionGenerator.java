package io.patronage.harness.workload;

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
import java.time.Clock;
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
 * The stream of till records of a {@link Universe}, deterministic for a seed. With the {@link Mix#BLACK_FRIDAY}
 * mix, of the deliveries about 1% are duplicates (a POS resending one of its last records, byte for byte); of
 * the rest about 3% are returns of earlier purchases, the others purchases, about 70% of them by members (a card
 * on the transaction). Baskets have a long-tailed size and long-tailed prices; amounts use each chain's currency
 * and minor units, each line rounded as tills do; {@code occurredAt} is the store's local time with its offset,
 * on a clock running at a simulated Black Friday pace, or on a real clock for live traffic.
 */
public final class TransactionGenerator {

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
    private final Mix mix;
    /** {@code null}: the simulated clock, {@link #simulatedNow}. */
    private final Clock liveClock;
    private final Universe universe;
    private final Weighted<Store> storesByTraffic;
    private final Weighted<Member> membersByActivity;
    private final Map<Chain, List<Store>> storesByChain;
    private final Map<String, Integer> sequenceByStore = new HashMap<>();
    private final Deque<Delivery> resendable = new ArrayDeque<>();
    private final List<Purchase> returnable = new ArrayList<>();
    private Instant simulatedNow = Universe.START;

    /** A purchase that may still be returned. */
    private record Purchase(String transactionId, Store store, String cardNumber, List<TransactionLine> lines) {
    }

    /** The bench's stream: the Black Friday mix on a simulated clock, the same bytes for the same seed. */
    public TransactionGenerator(Universe universe, long seed) {
        this(universe, seed, Mix.BLACK_FRIDAY, null);
    }

    /**
     * Live traffic: transactions stamped with {@code clock}'s time, their ids unique across runs too (a
     * restarted demo must not resend the ids of its last run).
     */
    public TransactionGenerator(Universe universe, long seed, Mix mix, Clock clock) {
        this.random = new SplittableRandom(seed);
        this.mix = mix;
        this.liveClock = clock;
        this.universe = universe;
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

    /** The next record as sent: a new transaction serialized, or now and then a resend of a recent one. */
    public Delivery next() {
        if (random.nextDouble() < mix.duplicateShare() && !resendable.isEmpty()) {
            int age = random.nextInt(resendable.size());
            return resendable.stream().skip(age).findFirst().orElseThrow().resent();
        }
        Delivery delivery = deliver(nextTransaction());
        if (resendable.size() == RESENDABLE) {
            resendable.removeLast();
        }
        resendable.addFirst(delivery);
        return delivery;
    }

    /** The next new transaction, never a resend: for a sender that serializes it itself. */
    public PosTransaction nextTransaction() {
        if (liveClock == null) {
            simulatedNow = simulatedNow.plusNanos(
                    (long) (-Math.log(1 - random.nextDouble()) / SIMULATED_TRANSACTIONS_PER_SECOND * 1e9));
        }
        return random.nextDouble() < mix.returnShare() && !returnable.isEmpty() ? nextReturn() : nextPurchase();
    }

    private PosTransaction nextPurchase() {
        Store store;
        String card = null;
        if (membersByActivity != null && random.nextDouble() < mix.memberShare()) {
            Member member = membersByActivity.draw(random);
            store = random.nextDouble() < 0.85 ? member.homeStore() : anyStoreOf(member.chain());
            card = member.cardNumber();
        } else {
            store = storesByTraffic.draw(random);
        }
        ChainProfile market = store.chain().profile();
        Catalog catalog = universe.catalogOf(store.chain());
        List<TransactionLine> lines = new ArrayList<>();
        int size = (int) Math.max(1, Math.min(80, Math.round(Gaussian.logNormal(random, 5, 0.9))));
        for (int i = 0; i < size; i++) {
            lines.add(line(catalog, market));
        }
        // A till rejects nothing, but a basket under one currency unit earns nothing and is rare: top it up.
        while (total(lines, market).compareTo(BigDecimal.ONE) < 0) {
            lines.add(line(catalog, market));
        }
        List<String> coupons = random.nextDouble() < mix.couponShare()
                ? List.of(COUPONS.get(random.nextInt(COUPONS.size())))
                : List.of();
        String transactionId = transactionId(store);
        remember(new Purchase(transactionId, store, card, lines));
        return new PosTransaction(transactionId, store.chain().chainId(), store.storeId(), card,
                TransactionType.PURCHASE, occurredAt(store), market.currency(), total(lines, market), lines, coupons,
                null);
    }

    /** Returns one line, several lines or the whole basket of a recent purchase, often at the same store. */
    private PosTransaction nextReturn() {
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
        return new PosTransaction(transactionId(store), store.chain().chainId(), store.storeId(),
                original.cardNumber(), TransactionType.RETURN, occurredAt(store), market.currency(),
                total(lines, market), lines, List.of(), original.transactionId());
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

    private TransactionLine line(Catalog catalog, ChainProfile market) {
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
                .map(line -> lineAmount(line, market.scale()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(market.scale(), RoundingMode.UNNECESSARY);
    }

    /** What the till charges for a line: rounded to the chain's minor units, as tills do line by line. */
    public static BigDecimal lineAmount(TransactionLine line, int minorUnits) {
        return line.quantity().multiply(line.unitPrice()).setScale(minorUnits, RoundingMode.HALF_UP);
    }

    private Store anyStoreOf(Chain chain) {
        List<Store> stores = storesByChain.get(chain);
        return stores.get(random.nextInt(stores.size()));
    }

    private String transactionId(Store store) {
        int sequence = sequenceByStore.merge(store.storeId(), 1, Integer::sum);
        String till = store.storeId() + "-T" + (1 + random.nextInt(store.tills()));
        return liveClock == null ? till + "-" + sequence : till + "-" + liveClock.millis() + "-" + sequence;
    }

    private OffsetDateTime occurredAt(Store store) {
        Instant now = liveClock == null ? simulatedNow : liveClock.instant();
        return now.truncatedTo(ChronoUnit.MILLIS).atZone(store.zone()).toOffsetDateTime();
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
