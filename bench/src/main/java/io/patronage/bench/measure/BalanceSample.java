package io.patronage.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.bench.platform.Http;
import io.patronage.bench.platform.Progress;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a sample of balances over HTTP until each equals the balance its latest PointsEarned announced. */
final class BalanceSample {

    record Outcome(int checked, int matching) {
        boolean allMatch() {
            return checked == matching;
        }
    }

    private BalanceSample() {
    }

    static Outcome check(Platform platform, List<String> memberIds, Duration timeout) {
        Http http = platform.points().http();
        List<String> pending = new ArrayList<>(memberIds);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            pending.removeIf(member -> balance(http, member).equals(platform.watcher().balance(member)));
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return new Outcome(memberIds.size(), memberIds.size() - pending.size());
            }
            Progress.pause(20);
        }
    }

    private static Optional<Long> balance(Http http, String memberId) {
        return http.json("/members/" + URLEncoder.encode(memberId, StandardCharsets.UTF_8) + "/points")
                .map(body -> body.path("balance"))
                .filter(JsonNode::isNumber)
                .map(JsonNode::asLong);
    }
}
