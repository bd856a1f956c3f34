package io.patronage.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.patronage.bench.platform.BenchFailure;
import io.patronage.bench.platform.Progress;
import org.bson.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rebuild, against its baseline in the same run. The baseline: one pass over points-service's event store
 * (axon-mongo's {@code domainevents}, one document per event, in store order) with the MongoDB driver, every
 * payload parsed with Jackson: what any rebuild must at least do. The rebuild: {@code POST /admin/rebuild} on
 * points-service, which answers when done; timed, with the balance read model compared before and after.
 */
public final class Rebuild {

    private static final String EVENTS = "domainevents";
    private static final String BALANCES = "balances";
    private static final int PASSES = 3;
    private static final double TARGET_EVENTS_PER_SECOND = 50_000;
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Pass(long events, long payloadBytes, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    private Rebuild() {
    }

    /** @param targetEvents grow the log to this many events first (copies of the earn run's accounts); 0: as it is */
    public static void run(Platform platform, long targetEvents, Report report) {
        MongoDatabase database = platform.mongo().getDatabase(platform.pointsDatabase());
        Map<String, Object> json = new LinkedHashMap<>();
        report.put("rebuild", json);
        long copied = EventLogCopies.growTo(database, targetEvents);
        json.put("copiedEvents", copied);
        Progress progress = new Progress("rebuild");

        List<Pass> passes = new ArrayList<>();
        for (int i = 0; i < PASSES; i++) {
            Pass pass = rawPass(database.getCollection(EVENTS), progress);
            progress.print("raw pass " + (i + 1) + ": " + Fmt.count(pass.events()) + " events in "
                    + Fmt.seconds(pass.seconds()) + ", " + Fmt.rate(pass.perSecond()) + " events/s");
            passes.add(pass);
        }
        Pass best = passes.stream().max(Comparator.comparingDouble(Pass::perSecond)).orElseThrow();
        json.put("events", best.events());
        json.put("payloadBytes", best.payloadBytes());
        json.put("rawPassEventsPerSecond", passes.stream().map(p -> Fmt.round(p.perSecond())).toList());
        report.row("rebuild baseline: driver read + Jackson, 1st pass", Fmt.rate(passes.get(0).perSecond())
                + " events/s (" + Fmt.count(best.events()) + " events"
                + (copied > 0 ? ", " + Fmt.count(copied) + " of them in copied accounts" : "") + ")");
        report.row("rebuild baseline: driver read + Jackson, best of " + PASSES,
                Fmt.rate(best.perSecond()) + " events/s");

        String before = checksum(database);
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = platform.points().http().post("/admin/rebuild", REBUILD_TIMEOUT);
        } catch (BenchFailure e) {
            json.put("rebuild", "failed: " + e.getMessage());
            report.row("REBUILD (POST /admin/rebuild)", "failed: " + e.getMessage());
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() / 100 != 2) {
            progress.print("POST /admin/rebuild answered " + response.statusCode() + ": not available yet");
            json.put("rebuild", "not available yet (POST /admin/rebuild answered " + response.statusCode() + ")");
            report.row("REBUILD (POST /admin/rebuild)", "not available yet");
            return;
        }
        String after = checksum(database);
        JsonNode answer = parse(response.body());
        long events = answer.path("events").asLong(best.events());
        double perSecond = events / seconds;
        boolean identical = before.equals(after) && answer.path("equal").asBoolean(true);
        progress.print("rebuilt " + Fmt.count(events) + " events in " + Fmt.seconds(seconds) + ": "
                + Fmt.rate(perSecond) + " events/s, balances " + (identical ? "identical" : "DIFFERENT"));
        Map<String, Object> rebuild = new LinkedHashMap<>();
        rebuild.put("seconds", Fmt.round(seconds));
        rebuild.put("events", events);
        rebuild.put("eventsPerSecond", Fmt.round(perSecond));
        rebuild.put("ratioToRawPass", Fmt.round(perSecond / best.perSecond()));
        rebuild.put("balancesIdentical", identical);
        rebuild.put("benchChecksumBefore", before);
        rebuild.put("benchChecksumAfter", after);
        rebuild.put("answer", answer);
        json.put("rebuild", rebuild);
        report.row("REBUILD (POST /admin/rebuild)", Fmt.rate(perSecond) + " events/s, "
                        + Fmt.ratio(perSecond / best.perSecond()) + " the raw pass", "≥ 50,000 events/s",
                perSecond >= TARGET_EVENTS_PER_SECOND);
        report.row("  balances identical after rebuild", identical ? "yes" : "NO", "identical", identical);
    }

    /** Reads every event once, in store order, parsing each payload. */
    private static Pass rawPass(MongoCollection<Document> events, Progress progress) {
        long count = 0;
        long bytes = 0;
        long start = System.nanoTime();
        for (Document event : events.find().batchSize(1_000)) {
            Object serialized = event.get("serializedPayload");
            String payload = serialized instanceof String text ? text : ((Document) serialized).toJson();
            parse(payload);
            count++;
            bytes += payload.length();
            if ((count & 0xFFF) == 0) {
                long read = count;
                progress.tick(() -> "read " + Fmt.count(read) + " events");
            }
        }
        return new Pass(count, bytes, (System.nanoTime() - start) / 1e9);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON: " + json, e);
        }
    }

    /** SHA-256 over every member's balance, lifetime earned and lifetime redeemed, by member id. */
    private static String checksum(MongoDatabase database) {
        Map<String, String> balances = new TreeMap<>();
        for (Document balance : database.getCollection(BALANCES).find()) {
            balances.put(String.valueOf(balance.get("_id")),
                    balance.get("balance") + "|" + balance.get("lifetimeEarned") + "|" + balance.get("lifetimeRedeemed"));
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            balances.forEach((member, figures) ->
                    digest.update((member + "|" + figures + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
