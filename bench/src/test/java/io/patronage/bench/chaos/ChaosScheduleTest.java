package io.patronage.bench.chaos;

import io.patronage.contracts.retail.TransactionType;
import io.patronage.harness.workload.Delivery;
import io.patronage.harness.workload.TransactionGenerator;
import io.patronage.harness.workload.Universe;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChaosScheduleTest {

    @Test
    void everyRecordGoesOutTwiceTheCopyAfterTheFirstAndOnePercentArePoison() {
        Universe universe = Universe.generate(7, 2, 4, 50);
        TransactionGenerator generator = new TransactionGenerator(universe, 7);
        List<Delivery> purchases = generator.next(3_000).stream()
                .filter(delivery -> !delivery.duplicate() && delivery.type() == TransactionType.PURCHASE)
                .limit(2_000)
                .toList();

        List<ChaosRun.Send> sends = ChaosRun.schedule(purchases, universe, new SplittableRandom(7));

        Map<String, Integer> copies = new HashMap<>();
        Map<String, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < sends.size(); i++) {
            String value = new String(sends.get(i).value(), StandardCharsets.UTF_8);
            copies.merge(value, 1, Integer::sum);
            firstAt.putIfAbsent(value, i);
        }
        assertTrue(copies.values().stream().allMatch(count -> count == 2), "every record exactly twice");
        long poison = sends.stream().filter(ChaosRun.Send::poison).count();
        assertEquals(2 * 20, poison, "1% of the records");
        assertEquals(2 * purchases.size() + poison, sends.size());
        purchases.forEach(purchase -> assertTrue(firstAt.containsKey(new String(purchase.value(), StandardCharsets.UTF_8))));
    }
}
