package io.patronage.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Till records no service can process, of the kinds a broken POS gateway sends: cut-off and trailing-garbage JSON,
 * missing fields, a negative total, a made-up currency, a record far over the size limit. Every service must
 * dead-letter each of them and go on.
 */
final class PoisonRecords {

    private static final List<String> KINDS = List.of("truncated", "not-json", "missing-fields", "negative-total",
            "bad-currency", "trailing-garbage", "oversize");

    private PoisonRecords() {
    }

    /** A poison record of the {@code n}th kind (cycling), with an id no good record has. */
    static byte[] next(int n, String chainId, SplittableRandom random) {
        String id = "POISON-" + n + "-" + Long.toHexString(random.nextLong());
        String good = "{\"transactionId\":\"" + id + "\",\"chainId\":\"" + chainId + "\",\"storeId\":\"S-1\","
                + "\"type\":\"PURCHASE\",\"occurredAt\":\"2026-11-27T10:15:00+02:00\",\"currency\":\"EUR\","
                + "\"total\":\"12.50\",\"lines\":[]}";
        String value = switch (KINDS.get(n % KINDS.size())) {
            case "truncated" -> good.substring(0, good.length() / 2);
            case "not-json" -> "<transaction id=\"" + id + "\"/>";
            case "missing-fields" -> "{\"transactionId\":\"" + id + "\",\"chainId\":\"" + chainId + "\"}";
            case "negative-total" -> good.replace("\"12.50\"", "\"-12.50\"");
            case "bad-currency" -> good.replace("\"EUR\"", "\"EURO\"");
            case "trailing-garbage" -> good + "}{\"total\":\"999\"}";
            default -> good.replace("\"lines\":[]", "\"note\":\"" + "x".repeat(300 * 1024) + "\",\"lines\":[]");
        };
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
