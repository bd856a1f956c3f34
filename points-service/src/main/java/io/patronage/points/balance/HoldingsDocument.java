package io.patronage.points.balance;

import io.patronage.points.ledger.OpenLot;
import io.patronage.points.tiers.Activity;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a balance document stores what answers the figures beside the balance ({@link MemberPoints}), compactly: a lot
 * as {@code {id, at, available, expires, left, earned, source: {type, id}}} (no {@code available} when it is
 * {@code at}, no {@code expires} when never; no {@code earned} and {@code source} in a document written before they
 * were kept), an activity as {@code {at, points, spend, visits}}. Instants are BSON dates, or ISO-8601 strings when
 * finer than a millisecond, so that what is read back is what was folded.
 */
final class HoldingsDocument {

    static final String LOTS = "lots";

    private HoldingsDocument() {
    }

    static Document append(MemberPoints points, Document document) {
        if (!points.complete()) {
            return document;
        }
        return document
                .append(LOTS, points.lots().stream().map(lot -> lot(lot, points.origins().get(lot.lotId()))).toList())
                .append("debt", points.debt())
                .append("tier", points.tier())
                .append("activity", points.activity().stream().map(HoldingsDocument::activity).toList())
                .append("activityFrom", points.activityFrom() == null ? null : instant(points.activityFrom()))
                .append("frozen", points.frozen());
    }

    /** The document's {@link MemberPoints}; without lots (written by an older version) not {@link MemberPoints#complete}. */
    static MemberPoints read(Balance balance, Document document) {
        List<Document> lots = document.getList(LOTS, Document.class);
        if (lots == null) {
            return new MemberPoints(balance, null, Map.of(), 0, null, List.of(), null, null);
        }
        Map<String, LotOrigin> origins = new HashMap<>();
        for (Document lot : lots) {
            Document source = lot.get("source", Document.class);
            if (source != null) {
                PointsLot.Type type = PointsLot.Type.valueOf(source.getString("type"));
                origins.put(lot.getString("id"), new LotOrigin(lot.get("earned", Number.class).longValue(),
                        new PointsLot.Source(type, source.getString("id"))));
            }
        }
        return new MemberPoints(balance, lots.stream().map(HoldingsDocument::lot).toList(), Map.copyOf(origins),
                document.get("debt", Number.class).longValue(), document.getString("tier"),
                document.getList("activity", Document.class).stream().map(HoldingsDocument::activity).toList(),
                instant(document.get("activityFrom")), document.getString("frozen"));
    }

    private static Document lot(OpenLot lot, LotOrigin origin) {
        Document document = new Document("id", lot.lotId()).append("at", instant(lot.earnedAt()));
        if (!lot.availableAt().equals(lot.earnedAt())) {
            document.append("available", instant(lot.availableAt()));
        }
        if (lot.expiresAt() != null) {
            document.append("expires", instant(lot.expiresAt()));
        }
        return document.append("left", lot.remaining()).append("earned", origin.earned()).append("source",
                new Document("type", origin.source().type().name()).append("id", origin.source().id()));
    }

    private static OpenLot lot(Document document) {
        Instant earnedAt = instant(document.get("at"));
        Object available = document.get("available");
        return new OpenLot(document.getString("id"), earnedAt, available == null ? earnedAt : instant(available),
                instant(document.get("expires")), null, document.get("left", Number.class).longValue());
    }

    private static Document activity(Activity activity) {
        return new Document("at", instant(activity.at())).append("points", activity.points())
                .append("spend", activity.spend().toString()).append("visits", activity.visits());
    }

    private static Activity activity(Document document) {
        return new Activity(instant(document.get("at")), document.get("points", Number.class).longValue(),
                new BigDecimal(document.getString("spend")), document.get("visits", Number.class).intValue());
    }

    private static Object instant(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 ? Date.from(instant) : instant.toString();
    }

    private static Instant instant(Object stored) {
        return stored == null ? null : stored instanceof Date date ? date.toInstant() : Instant.parse((String) stored);
    }
}
