package io.patronage.launcher.demo;

import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionLine;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.launcher.demo.DemoChain.Product;
import io.patronage.launcher.demo.DemoChain.Store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Synthetic purchases at the demo chains' tills, stamped with the store's local time and offset. About
 * 30% carry no card (a non-member sale); the others carry a random enrolled member's card of that chain.
 */
final class TransactionGenerator {

    static final double WITHOUT_CARD = 0.3;
    private static final int MAX_LINES = 4;

    private final List<DemoChain> chains;
    private final Map<String, List<DemoMember>> membersByChain;
    private final Random random;
    private final Clock clock;

    TransactionGenerator(List<DemoChain> chains, List<DemoMember> members, Random random, Clock clock) {
        this.chains = List.copyOf(chains);
        this.membersByChain = members.stream().collect(Collectors.groupingBy(DemoMember::chainId));
        this.random = random;
        this.clock = clock;
    }

    PosTransaction next() {
        DemoChain chain = pick(chains);
        Store store = pick(chain.stores());
        List<DemoMember> members = membersByChain.getOrDefault(chain.chainId(), List.of());
        String cardNumber = members.isEmpty() || random.nextDouble() < WITHOUT_CARD ? null : pick(members).cardNumber();
        List<TransactionLine> lines = lines(chain);
        BigDecimal total = lines.stream()
                .map(line -> lineAmount(line, chain.minorUnits()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(chain.minorUnits(), RoundingMode.UNNECESSARY);
        OffsetDateTime occurredAt = OffsetDateTime.now(clock.withZone(store.zone())).truncatedTo(ChronoUnit.SECONDS);
        return new PosTransaction(UUID.randomUUID().toString(), chain.chainId(), store.storeId(), cardNumber,
                TransactionType.PURCHASE, occurredAt, chain.currency(), total, lines, List.of(), null);
    }

    /** What the till charges for a line: rounded to the chain's minor units, as tills do line by line. */
    static BigDecimal lineAmount(TransactionLine line, int minorUnits) {
        return line.quantity().multiply(line.unitPrice()).setScale(minorUnits, RoundingMode.HALF_UP);
    }

    private List<TransactionLine> lines(DemoChain chain) {
        List<Product> products = new ArrayList<>(chain.products());
        Collections.shuffle(products, random);
        int count = 1 + random.nextInt(Math.min(MAX_LINES, products.size()));
        return products.subList(0, count).stream()
                .map(product -> new TransactionLine(product.sku(), product.category(), quantity(product),
                        product.unitPrice()))
                .toList();
    }

    private BigDecimal quantity(Product product) {
        if (product.weighed()) {
            // 0.250 to 2.500 kg off the scale
            return BigDecimal.valueOf(250 + random.nextInt(2_251), 3);
        }
        return BigDecimal.valueOf(1 + random.nextInt(3));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
