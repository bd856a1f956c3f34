package io.patronage.harness.workload;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.patronage.contracts.members.Luhn;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionGeneratorTest {

    private static final int COUNT = 10_000;
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    private Universe universe;
    private List<Delivery> deliveries;
    private List<PosTransaction> transactions;

    @BeforeAll
    void generate() {
        universe = Universe.generate(42, 3, 30, 2_000);
        deliveries = new TransactionGenerator(universe, 42).next(COUNT);
        transactions = deliveries.stream().map(TransactionGeneratorTest::parse).toList();
    }

    @Test
    void aboutThirtyPercentOfTransactionsCarryNoCard() {
        List<Delivery> originals = deliveries.stream().filter(d -> !d.duplicate()).toList();
        double nonMemberShare = originals.stream().filter(d -> !d.member()).count() / (double) originals.size();
        assertTrue(nonMemberShare > 0.27 && nonMemberShare < 0.33, "non-member share " + nonMemberShare);
    }

    @Test
    void returnsReferenceAnEarlierPurchaseOfTheSameChainAndCard() {
        Map<String, PosTransaction> purchasesSoFar = new HashMap<>();
        int returns = 0;
        for (int i = 0; i < COUNT; i++) {
            PosTransaction transaction = transactions.get(i);
            if (deliveries.get(i).duplicate()) {
                continue;
            }
            if (transaction.type() == TransactionType.RETURN) {
                returns++;
                String originalKey = transaction.chainId() + ":" + transaction.originalTransactionId();
                PosTransaction original = purchasesSoFar.get(originalKey);
                assertNotNull(original, "return " + transaction.transactionId() + " of an unknown or later purchase");
                assertEquals(original.cardNumber(), transaction.cardNumber());
                assertEquals(original.currency(), transaction.currency());
                assertTrue(transaction.total().compareTo(original.total()) <= 0, "returns more than was bought");
            } else {
                purchasesSoFar.put(transaction.chainId() + ":" + transaction.transactionId(), transaction);
            }
        }
        double share = returns / (double) COUNT;
        assertTrue(share > 0.02 && share < 0.04, "return share " + share);
    }

    @Test
    void duplicatesAreByteIdenticalResendsOfEarlierDeliveries() {
        Map<String, Delivery> firstDelivery = new HashMap<>();
        int duplicates = 0;
        for (Delivery delivery : deliveries) {
            Delivery first = firstDelivery.get(delivery.transactionKey());
            if (delivery.duplicate()) {
                duplicates++;
                assertNotNull(first, "a duplicate of nothing sent before");
                assertEquals(first.key(), delivery.key());
                assertArrayEquals(first.value(), delivery.value());
            } else {
                assertEquals(null, first, "a new transaction reuses the id " + delivery.transactionKey());
                firstDelivery.put(delivery.transactionKey(), delivery);
            }
        }
        double share = duplicates / (double) COUNT;
        assertTrue(share > 0.005 && share < 0.015, "duplicate share " + share);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        List<Delivery> again = new TransactionGenerator(Universe.generate(42, 3, 30, 2_000), 42).next(COUNT);
        for (int i = 0; i < COUNT; i++) {
            assertEquals(deliveries.get(i).key(), again.get(i).key());
            assertArrayEquals(deliveries.get(i).value(), again.get(i).value());
        }
        List<Delivery> other = new TransactionGenerator(Universe.generate(43, 3, 30, 2_000), 43).next(100);
        assertFalse(Arrays.equals(deliveries.get(0).value(), other.get(0).value()));
    }

    @Test
    void amountsUseEachCurrencysMinorUnitsAndTimesTheStoresOffset() {
        Map<String, Store> stores = universe.stores().stream().collect(Collectors.toMap(Store::storeId, s -> s));
        Map<String, Integer> scales = Map.of("EUR", 2, "MYR", 2, "IRR", 0);
        for (PosTransaction transaction : transactions) {
            assertEquals(scales.get(transaction.currency()), transaction.total().scale(), transaction.currency());
            boolean plausible = transaction.type() == TransactionType.PURCHASE
                    ? transaction.total().compareTo(BigDecimal.ONE) >= 0
                    : transaction.total().signum() > 0;
            assertTrue(plausible, transaction.type() + " of " + transaction.total());
            Store store = stores.get(transaction.storeId());
            assertEquals(store.zone().getRules().getOffset(transaction.occurredAt().toInstant()),
                    transaction.occurredAt().getOffset());
        }
        Set<String> currencies = transactions.stream().map(PosTransaction::currency).collect(Collectors.toSet());
        assertEquals(Set.of("EUR", "MYR", "IRR"), currencies);
    }

    @Test
    void cardNumbersCarryALuhnCheckDigitAndBelongToTheMembersChain() {
        for (Member member : universe.members()) {
            String card = member.cardNumber();
            assertEquals(16, card.length());
            assertEquals(card.charAt(15) - '0', Luhn.checkDigit(card.substring(0, 15)));
        }
        Map<String, String> chainOfCard = universe.members().stream()
                .collect(Collectors.toMap(Member::cardNumber, member -> member.chain().chainId()));
        transactions.stream().filter(PosTransaction::hasCard)
                .forEach(t -> assertEquals(chainOfCard.get(t.cardNumber()), t.chainId()));
    }

    private static PosTransaction parse(Delivery delivery) {
        try {
            return JSON.readValue(delivery.value(), PosTransaction.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
