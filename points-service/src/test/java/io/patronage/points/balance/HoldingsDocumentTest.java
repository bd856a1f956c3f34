package io.patronage.points.balance;

import io.patronage.points.ledger.OpenLot;
import io.patronage.points.tiers.Activity;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class HoldingsDocumentTest {

    private static final Instant AT = Instant.parse("2026-02-01T09:00:00Z");

    @Test
    void whatIsStoredReadsBackAsFolded() {
        MemberPoints points = new MemberPoints(new Balance("m-1", "chain-1", 95, 120, 20, 7), List.of(
                new OpenLot("chain-1:t-1", AT.plusNanos(1_500), AT.plusNanos(1_500), null, null, 40),
                new OpenLot("chain-1:t-2", AT, AT.plusSeconds(86_400), AT.plusSeconds(864_000), null, 60)),
                Map.of("chain-1:t-1", new LotOrigin(50, new PointsLot.Source(PointsLot.Type.PURCHASE, "t-1")),
                        "chain-1:t-2", new LotOrigin(60, new PointsLot.Source(PointsLot.Type.ADJUSTMENT, "tkt-1"))), 5,
                "gold", List.of(new Activity(AT, 60, new BigDecimal("60.50"), 1),
                new Activity(AT.plusMillis(3), -10, new BigDecimal("-10.00"), 0)), AT.minusNanos(7), null);

        assertEquals(points, BalanceStore.points(roundTrip(BalanceStore.document(points))));
    }

    @Test
    void aDocumentWithoutLotsWasWrittenByAnOlderVersion() {
        Document older = new Document("_id", "m-1").append("chainId", "chain-1").append("balance", 5L)
                .append("lifetimeEarned", 5L).append("lifetimeRedeemed", 0L).append("version", 1L);

        MemberPoints points = BalanceStore.points(roundTrip(older));

        assertFalse(points.complete());
        assertEquals(new Balance("m-1", "chain-1", 5, 5, 0, 1), points.balance());
    }

    @Test
    void aDocumentWhoseLotsHaveNoOriginsWasWrittenByAnOlderVersion() {
        Document older = new Document("_id", "m-1").append("chainId", "chain-1").append("balance", 5L)
                .append("lifetimeEarned", 5L).append("lifetimeRedeemed", 0L).append("version", 1L)
                .append("lots", List.of(new Document("id", "chain-1:t-1").append("at", Date.from(AT))
                        .append("left", 5L)))
                .append("debt", 0L).append("tier", null).append("activity", List.of()).append("activityFrom", null)
                .append("frozen", null);

        assertFalse(BalanceStore.points(roundTrip(older)).complete());
    }

    private static Document roundTrip(Document document) {
        return new DocumentCodec().decode(new RawBsonDocument(document, new DocumentCodec()).asBsonReader(), null);
    }
}
