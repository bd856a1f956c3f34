package io.patronage.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.contracts.retail.TransactionType;
import io.patronage.harness.workload.TransactionGenerator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoTrafficTest {

    private static final Instant NOW = Instant.parse("2026-11-27T21:30:00Z");
    private static final List<DemoChain> CHAINS = DemoChains.all();
    private static final Map<String, DemoChain> BY_ID =
            CHAINS.stream().collect(Collectors.toMap(DemoChain::chainId, Function.identity()));

    private static final List<DemoMember> MEMBERS = members();
    private static final List<PosTransaction> TRANSACTIONS = generate(3_000);

    @Test
    void totalsAreTheSumOfTheLinesInTheChainsMinorUnits() {
        for (PosTransaction transaction : TRANSACTIONS) {
            DemoChain chain = BY_ID.get(transaction.chainId());
            BigDecimal sum = transaction.lines().stream()
                    .map(line -> TransactionGenerator.lineAmount(line, chain.minorUnits()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);

            assertEquals(chain.currency(), transaction.currency());
            assertEquals(chain.minorUnits(), transaction.total().scale(), transaction.toString());
            assertEquals(0, sum.compareTo(transaction.total()), transaction.toString());
            assertTrue(transaction.total().signum() > 0, transaction.toString());
        }
        assertTrue(TRANSACTIONS.stream().anyMatch(t -> t.currency().equals("IRR")));
    }

    @Test
    void occurredAtIsTheStoresLocalTimeWithItsOffset() {
        for (PosTransaction transaction : TRANSACTIONS) {
            DemoChain.Store store = BY_ID.get(transaction.chainId()).stores().stream()
                    .filter(s -> s.storeId().equals(transaction.storeId())).findFirst().orElseThrow();

            assertEquals(NOW, transaction.occurredAt().toInstant());
            assertEquals(store.zone().getRules().getOffset(NOW), transaction.occurredAt().getOffset());
        }
        assertTrue(TRANSACTIONS.stream().anyMatch(t -> t.occurredAt().getOffset().equals(ZoneOffset.ofHoursMinutes(3, 30))),
                "a Tehran store at +03:30");
    }

    @Test
    void aboutThreeInTenHaveNoCardAndTheOthersAMemberOfTheirOwnChain() {
        Map<String, Set<String>> cardsByChain = MEMBERS.stream().collect(Collectors.groupingBy(DemoMember::chainId,
                Collectors.mapping(DemoMember::cardNumber, Collectors.toSet())));

        long withoutCard = TRANSACTIONS.stream().filter(t -> t.cardNumber() == null).count();

        assertTrue(withoutCard > 750 && withoutCard < 1050, withoutCard + " of 3000 without a card");
        TRANSACTIONS.stream().filter(PosTransaction::hasCard).forEach(t ->
                assertTrue(cardsByChain.get(t.chainId()).contains(t.cardNumber()), t.toString()));
    }

    @Test
    void everyTransactionIsAPurchaseWithItsOwnIdAndValidLines() {
        assertEquals(TRANSACTIONS.size(), TRANSACTIONS.stream().map(PosTransaction::transactionId).distinct().count());
        for (PosTransaction transaction : TRANSACTIONS) {
            assertEquals(TransactionType.PURCHASE, transaction.type());
            assertFalse(transaction.lines().isEmpty());
            transaction.lines().forEach(line -> assertTrue(line.quantity().signum() > 0 && line.unitPrice().signum() > 0));
        }
    }

    @Test
    void isWrittenAsThePlainJsonPosSystemsSend() throws Exception {
        ObjectMapper json = Demo.json();
        PosTransaction anonymousInTehran = TRANSACTIONS.stream()
                .filter(t -> t.chainId().equals("khorshid-ir") && !t.hasCard()).findFirst().orElseThrow();

        JsonNode written = json.readTree(json.writeValueAsString(anonymousInTehran));

        assertTrue(written.get("cardNumber").isNull());
        assertEquals("PURCHASE", written.get("type").asText());
        assertTrue(written.get("occurredAt").asText().endsWith("+03:30"), written.get("occurredAt").asText());
        assertEquals(anonymousInTehran.total().toPlainString(), written.get("total").toString());
        assertEquals(List.of(), json.convertValue(written.get("couponCodes"), List.class));
        assertEquals(anonymousInTehran, json.treeToValue(written, PosTransaction.class));
    }

    private static List<PosTransaction> generate(int count) {
        TransactionGenerator generator = DemoTraffic.generator(CHAINS, MEMBERS, 42, Clock.fixed(NOW, ZoneOffset.UTC));
        return IntStream.range(0, count).mapToObj(i -> generator.nextTransaction()).toList();
    }

    private static List<DemoMember> members() {
        List<DemoMember> members = new ArrayList<>();
        for (DemoChain chain : CHAINS) {
            for (int i = 0; i < 3; i++) {
                members.add(new DemoMember(chain.chainId(), chain.chainId() + "-member-" + i,
                        chain.chainId().hashCode() + "-" + i, "First", "Last"));
            }
        }
        return members;
    }
}
