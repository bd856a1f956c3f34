package io.patronage.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patronage.harness.Service;
import io.patronage.launcher.demo.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --demo} as a user watches it: coupons are issued (welcome offers, completed punch cards), used at the till
 * and left to expire, which the members' coupons over HTTP show and the demo tells.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIT {

    @RegisterExtension
    final RunningPlatform running = new RunningPlatform(Duration.ofMinutes(3), System.out);

    @Test
    void couponsAreIssuedUsedAndExpiredAndAPunchCardCompletes() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (Demo demo = Demo.start(running.platform(), running.dataDir(), out)) {
            await("the demo enrolled its members").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> Files.exists(running.dataDir().resolve("demo-members.json")));
            List<String> members = new ArrayList<>();
            new ObjectMapper().readTree(running.dataDir().resolve("demo-members.json").toFile())
                    .forEach(member -> members.add(member.path("memberId").asText()));

            // Welcome coupons at once, a card completed within a few minutes, expiry after the 2-minute validity.
            await("a welcome coupon, a punch card's coupon, a coupon used and one expired")
                    .atMost(Duration.ofMinutes(7)).pollInterval(Duration.ofSeconds(10))
                    .until(() -> seen(members).containsAll(List.of("welcome", "punch", "USED", "EXPIRED")));
            await("the demo told each first").atMost(Duration.ofSeconds(30)).until(() -> {
                String told = printed.toString(StandardCharsets.UTF_8);
                return told.contains("got a welcome coupon") && told.contains("completed the punch card")
                        && told.contains("used coupon") && told.contains("expired unused");
            });
            await("a progress line counts the coupons").atMost(Duration.ofSeconds(30))
                    .until(() -> printed.toString(StandardCharsets.UTF_8).matches("(?s).*coupons: [1-9][\\d,]* issued, [1-9][\\d,]* used, [1-9][\\d,]* expired.*"));
        } finally {
            System.out.print(printed.toString(StandardCharsets.UTF_8));
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Stopped after"), "the demo stops when closed");
    }

    /** What the members' coupons show: where they came from and the statuses they reached. */
    private List<String> seen(List<String> members) {
        List<String> seen = new ArrayList<>();
        for (String memberId : members) {
            JsonNode coupons = running.outside().getJson(running.platform().url(Service.REWARDS),
                    "/members/" + memberId + "/coupons?limit=1000");
            for (JsonNode coupon : coupons) {
                seen.add(coupon.path("redemptionId").asText().split(":")[0]);
                seen.add(coupon.path("status").asText());
            }
        }
        return seen;
    }
}
