package io.patronage.bench.measure;

import io.patronage.bench.kafka.Enrollments;
import io.patronage.bench.platform.BenchFailure;
import io.patronage.bench.platform.Http;
import io.patronage.bench.platform.Progress;
import io.patronage.bench.platform.Prometheus;
import io.patronage.harness.workload.Member;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enrolls the members through {@code loyalty.members.v1} and waits until points-service has opened their
 * accounts and analytics counts them. Not a target of issue 4, but reported: accounts opened per second.
 */
public final class Enrollment {

    private static final String GROUP = "points-service.members";
    /** The counter moves once per consumed batch, and opening a batch of accounts may take long on a big store. */
    private static final Duration STALL = Duration.ofMinutes(5);

    private Enrollment() {
    }

    public static void run(Platform platform, List<Member> members, Optional<AnalyticsProbe> analytics, Report report) {
        Progress progress = new Progress("enroll");
        long start = System.nanoTime();
        Enrollments.publish(platform.producer(), members);
        AccountsOpened opened = new AccountsOpened(platform.points().http(), members);
        if (!progress.await(opened::all, opened::count,
                () -> "accounts opened " + Fmt.count(opened.count()) + "/" + Fmt.count(members.size()),
                STALL, platform.services())) {
            throw new BenchFailure("points-service did not open the members' accounts; see " + platform.points().log());
        }
        for (int i = 0; i < members.size(); i += Math.max(1, members.size() / 50)) {
            if (!opened.readable(members.get(i))) {
                throw new BenchFailure("member " + members.get(i).memberId() + " has no readable points account");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.print(Fmt.count(members.size()) + " accounts opened in " + Fmt.seconds(seconds));
        analytics.ifPresent(probe -> {
            if (!probe.awaitEnrolled(platform.expectations().snapshot())) {
                report.note("analytics-service did not count all enrollments within 3 minutes");
            }
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("members", members.size());
        json.put("seconds", Fmt.round(seconds));
        json.put("accountsOpenedPerSecond", Fmt.round(members.size() / seconds));
        report.put("enrollment", json);
        report.row("enrollment: accounts opened (MemberEnrolled → account)",
                Fmt.rate(members.size() / seconds) + " /s");
    }

    /**
     * Accounts opened so far: the members consumer's processed counter on {@code /prometheus}, or, where the
     * service has none, the members whose account reads over HTTP, in enrollment order.
     */
    private static final class AccountsOpened {

        private final Http points;
        private final List<Member> members;
        private int readable;

        AccountsOpened(Http points, List<Member> members) {
            this.points = points;
            this.members = members;
        }

        long count() {
            Double processed = Prometheus.byLabel(points.text("/prometheus"), EarnRun.PROCESSED, "group").get(GROUP);
            if (processed != null) {
                return Math.round(processed);
            }
            while (readable < members.size() && readable(members.get(readable))) {
                readable++;
            }
            return readable;
        }

        boolean all() {
            return count() >= members.size();
        }

        boolean readable(Member member) {
            return points.status("/members/" + URLEncoder.encode(member.memberId(), StandardCharsets.UTF_8) + "/points")
                    == 200;
        }
    }
}
