package io.patronage.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patronage.bench.kafka.Clients;
import io.patronage.bench.platform.BenchFailure;
import io.patronage.bench.platform.Http;
import io.patronage.bench.platform.Progress;
import io.patronage.bench.platform.ServiceUnderTest;
import io.patronage.contracts.Topics;
import io.patronage.harness.workload.Member;
import io.patronage.infra.LocalTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The redemption saga under load (issue 13): members' apps, each with its own token, redeem a one-point reward of
 * their chain over HTTP from 16 threads; rewards-service reserves, asks points-service over Kafka for the points,
 * and issues a coupon when the debit comes back. Reported: requests accepted per second (HTTP 202), and redemptions
 * completed per second (first request → the last {@code CouponIssued} read from {@code loyalty.rewards.v1}).
 */
public final class RedemptionRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REWARD = "bench-redeem";
    private static final int THREADS = 16;
    private static final int PER_MEMBER = 4;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private RedemptionRun() {
    }

    /**
     * @param members members with at least {@value #PER_MEMBER} points each after the earn run
     */
    public static void run(ServiceUnderTest rewards, String bootstrapServers, LocalTokens tokens, List<Member> members,
                           Report report) {
        if (members.isEmpty()) {
            throw new BenchFailure("no member has the points to redeem: did the earn run run?");
        }
        Progress progress = new Progress("redeem");
        Set<String> chains = members.stream().map(member -> member.chain().chainId())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        for (String chain : chains) {
            putReward(rewards, chain);
        }
        Map<String, String> tokenOf = new ConcurrentHashMap<>();
        members.forEach(member -> tokenOf.put(member.memberId(), tokens.mint(member.memberId(), List.of("member"),
                List.of(), Duration.ofHours(1))));
        awaitKnown(rewards, members.get(members.size() - 1), tokenOf, progress);

        int requests = members.size() * PER_MEMBER;
        Map<String, AtomicInteger> answers = new TreeMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int round = 0; round < PER_MEMBER; round++) {
                for (Member member : members) {
                    sent.add(pool.submit(() -> {
                        HttpResponse<String> answer = redeem(rewards, member, tokenOf.get(member.memberId()));
                        synchronized (answers) {
                            answers.computeIfAbsent(String.valueOf(answer.statusCode()), s -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                        if (answer.statusCode() == 202) {
                            accepted.add(field(answer.body(), "redemptionId"));
                        }
                    }));
                }
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new BenchFailure("redemption requests failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        long requested = System.nanoTime();
        double requestSeconds = (requested - start) / 1e9;
        progress.print(Fmt.count(requests) + " requests in " + Fmt.seconds(requestSeconds) + ", answers " + answers);

        long completedAt = awaitCoupons(bootstrapServers, accepted, progress);
        double seconds = (completedAt - start) / 1e9;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("members", members.size());
        json.put("requests", requests);
        json.put("answers", answers.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(), (a, b) -> a, TreeMap::new)));
        json.put("requestSeconds", Fmt.round(requestSeconds));
        json.put("acceptedPerSecond", Fmt.round(accepted.size() / requestSeconds));
        json.put("completedSeconds", Fmt.round(seconds));
        json.put("completedPerSecond", Fmt.round(accepted.size() / seconds));
        report.put("redemptions", json);
        report.row("redemptions: requests answered (HTTP, " + THREADS + " clients)", Fmt.rate(requests / requestSeconds)
                + " /s, " + Fmt.count(accepted.size()) + " of " + Fmt.count(requests) + " accepted");
        report.row("redemptions: completed (request → CouponIssued)", Fmt.rate(accepted.size() / seconds) + " /s");
    }

    private static void putReward(ServiceUnderTest rewards, String chain) {
        HttpResponse<String> answer = rewards.http().put("/chains/" + chain + "/rewards/" + REWARD,
                "{\"name\":{\"en\":\"Bench coupon\"},\"pointsCost\":1,\"couponValidityDays\":30}");
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            throw new BenchFailure("PUT reward " + REWARD + " in " + chain + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }

    /** Until rewards-service has read the last member's enrollment and points (the reward is redeemable for them). */
    private static void awaitKnown(ServiceUnderTest rewards, Member last, Map<String, String> tokenOf,
                                   Progress progress) {
        Http app = rewards.http().as(tokenOf.get(last.memberId()));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!app.json("/rewards?memberId=" + last.memberId())
                .map(offers -> offers.toString().contains("\"redeemable\":true")).orElse(false)) {
            rewards.checkAlive();
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("rewards-service did not learn the members and their points; see "
                        + rewards.log());
            }
            progress.tick(() -> "waiting for rewards-service to know the members");
            Progress.pause(200);
        }
    }

    /** Up to {@code count} members whose balance (read from points-service) pays for every request. */
    public static List<Member> withPoints(ServiceUnderTest points, List<Member> members, int count) {
        List<Member> chosen = new ArrayList<>();
        for (Member member : members) {
            if (chosen.size() == count) {
                break;
            }
            long balance = points.http().json("/members/" + member.memberId() + "/points")
                    .map(account -> account.path("balance").asLong()).orElse(0L);
            if (balance >= PER_MEMBER) {
                chosen.add(member);
            }
        }
        return chosen;
    }

    private static HttpResponse<String> redeem(ServiceUnderTest rewards, Member member, String token) {
        return rewards.http().as(token).post("/members/" + member.memberId() + "/redemptions",
                "{\"rewardId\":\"" + REWARD + "\"}");
    }

    /** {@link System#nanoTime()} when a CouponIssued of every accepted redemption has been read. */
    private static long awaitCoupons(String bootstrapServers, Set<String> accepted, Progress progress) {
        Set<String> issued = new HashSet<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = Clients.assignedConsumer(bootstrapServers, "bench-coupons",
                Topics.REWARDS.name())) {
            while (issued.size() < accepted.size()) {
                if (System.nanoTime() > deadline) {
                    throw new BenchFailure("only " + issued.size() + " of " + accepted.size()
                            + " accepted redemptions issued a coupon within " + TIMEOUT.toMinutes() + " minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (type != null && "io.patronage.CouponIssued".equals(new String(type.value(),
                            StandardCharsets.UTF_8))) {
                        String redemption = field(new String(record.value(), StandardCharsets.UTF_8), "redemptionId");
                        if (accepted.contains(redemption)) {
                            issued.add(redemption);
                        }
                    }
                }
                progress.tick(() -> "coupons issued " + Fmt.count(issued.size()) + "/" + Fmt.count(accepted.size()));
            }
        }
        return System.nanoTime();
    }

    private static String field(String json, String name) {
        try {
            JsonNode node = JSON.readTree(json);
            return node.path(name).asText();
        } catch (IOException e) {
            throw new BenchFailure("unreadable JSON: " + json, e);
        }
    }
}
