package io.patronage.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.contracts.retail.PosTransaction;
import io.patronage.harness.Service;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * The rewards side of the demo: each demo chain gets a thank-you reward whose coupon is valid for two minutes, a
 * welcome offer of it and a punch card (every fifth visit earns it). The demo watches its members' coupons: every
 * other new one is shown at the member's next purchase (used at the till), the rest are left to expire. Not
 * thread-safe: the demo calls it from its one thread.
 */
final class DemoRewards {

    static final String REWARD_ID = "demo-thank-you";
    static final String PUNCH_CARD_ID = "demo-every-5th-visit";
    static final int PUNCH_CARD_VISITS = 5;
    static final String COUPON_VALIDITY = "PT2M";

    private final DemoClient client;
    private final PrintStream out;
    private final Map<String, Queue<String>> toShowByCard = new HashMap<>();
    private final Map<String, String> statusByCode = new HashMap<>();
    private final Set<String> firstsTold = new HashSet<>();
    private int seen;

    DemoRewards(DemoClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /** Defines (again: a PUT of the same definition changes nothing) each chain's reward, welcome offer and card. */
    void setUp(List<DemoChain> chains) throws IOException, InterruptedException {
        for (DemoChain chain : chains) {
            String base = "/chains/" + chain.chainId();
            client.put(Service.REWARDS, base + "/rewards/" + REWARD_ID, Map.of(
                    "name", Map.of("en", "Thank you: 10% off", "el", "Ευχαριστούμε: 10% έκπτωση",
                            "ms", "Terima kasih: diskaun 10%", "fa", "سپاس: ۱۰٪ تخفیف"),
                    "pointsCost", 100,
                    "coupon", Map.of("kind", "PERCENT_OFF", "percentOff", 10),
                    "couponValidity", COUPON_VALIDITY));
            client.put(Service.REWARDS, base + "/welcome-offer", Map.of("rewardId", REWARD_ID));
            client.put(Service.REWARDS, base + "/punch-cards/" + PUNCH_CARD_ID,
                    Map.of("rewardId", REWARD_ID, "visits", PUNCH_CARD_VISITS));
        }
        out.println(Demo.PREFIX + "Rewards: each chain's new members get a welcome coupon, every "
                + PUNCH_CARD_VISITS + "th visit completes a punch card; coupons are valid for 2 minutes, the demo uses"
                + " every other one at the member's next purchase");
    }

    /** The purchase with a coupon of its member shown at the till, if one waits to be used. */
    PosTransaction atTheTill(PosTransaction transaction) {
        Queue<String> waiting = transaction.hasCard() ? toShowByCard.get(transaction.cardNumber()) : null;
        if (waiting == null || waiting.isEmpty()) {
            return transaction;
        }
        List<String> codes = new ArrayList<>(transaction.couponCodes() == null ? List.of() : transaction.couponCodes());
        codes.add(waiting.poll());
        return new PosTransaction(transaction.transactionId(), transaction.chainId(), transaction.storeId(),
                transaction.cardNumber(), transaction.type(), transaction.occurredAt(), transaction.currency(),
                transaction.total(), transaction.lines(), codes, transaction.originalTransactionId(),
                transaction.pointsPayment());
    }

    /** Reads the members' coupons: new ones, used ones, expired ones; the first of each kind is told. */
    void watch(List<DemoMember> members) throws IOException, InterruptedException {
        for (DemoMember member : members) {
            for (JsonNode coupon : client.coupons(member.memberId())) {
                if (!REWARD_ID.equals(coupon.path("rewardId").asText())) {
                    continue;
                }
                String code = coupon.path("couponCode").asText();
                String status = coupon.path("status").asText();
                String before = statusByCode.put(code, status);
                if (before == null) {
                    seen++;
                    if (seen % 2 == 1 && "ISSUED".equals(status)) {
                        toShowByCard.computeIfAbsent(member.cardNumber(), card -> new ArrayDeque<>()).add(code);
                    }
                    boolean punchCard = coupon.path("redemptionId").asText().startsWith("punch:");
                    tellFirst(punchCard ? "punch" : "welcome", member.displayName()
                            + (punchCard ? " completed the punch card (" + PUNCH_CARD_VISITS + " visits)"
                            : " got a welcome coupon") + ": " + code + ", valid until " + coupon.path("expiresAt").asText());
                }
                if (!status.equals(before) && "USED".equals(status)) {
                    tellFirst("used", member.displayName() + " used coupon " + code + " at the till (transaction "
                            + coupon.path("transactionId").asText() + ")");
                } else if (!status.equals(before) && "EXPIRED".equals(status)) {
                    tellFirst("expired", member.displayName() + "'s coupon " + code + " expired unused");
                }
            }
        }
    }

    /** e.g. {@code coupons: 40 issued, 12 used, 9 expired}. */
    String describe() {
        long used = statusByCode.values().stream().filter("USED"::equals).count();
        long expired = statusByCode.values().stream().filter("EXPIRED"::equals).count();
        return String.format(Locale.ROOT, "coupons: %,d issued, %,d used, %,d expired", statusByCode.size(), used,
                expired);
    }

    private void tellFirst(String kind, String what) {
        if (firstsTold.add(kind)) {
            out.println(Demo.PREFIX + what);
        }
    }
}
