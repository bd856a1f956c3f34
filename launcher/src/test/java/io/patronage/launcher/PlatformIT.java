package io.patronage.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.harness.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.patronage.launcher.Outside.awaiting;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole platform as the launcher runs it (embedded Kafka and MongoDB here, each service in its own JVM
 * from its packaged jar), driven only through HTTP and a plain Kafka producer, as outside clients would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformIT {

    private static final Duration READINESS_TIMEOUT = Duration.ofMinutes(3);

    /** Everything the platform printed, as well as on the console. */
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @RegisterExtension
    final RunningPlatform running = new RunningPlatform(READINESS_TIMEOUT,
            new PrintStream(new TeeOutputStream(System.out, printed), true, StandardCharsets.UTF_8));

    @Test
    void aPurchaseEarnsPointsThatBuyACouponAndAnalyticsCountsItAll() throws Exception {
        // A demo chain the launcher created through the chain API; the platform and its data are this test's alone.
        String chainId = "aegean-market-gr";
        JsonNode enrolled = enroll(chainId);
        String memberId = enrolled.path("memberId").asText();
        String cardNumber = enrolled.path("cardNumber").asText();
        assertFalse(memberId.isBlank() || cardNumber.isBlank(), enrolled.toString());

        JsonNode account = awaiting("points-service opens an account for the new member")
                .until(() -> find(Service.POINTS, "/members/" + memberId + "/points"), found -> !found.isMissingNode());
        assertEquals(0, account.path("balance").asLong(), account.toString());

        produce(cardNumber, Outside.purchase(UUID.randomUUID().toString(), chainId, cardNumber, "123.45"));
        String anonymousSale = UUID.randomUUID().toString();
        produce(anonymousSale, Outside.purchase(anonymousSale, chainId, null, "19.99"));

        awaiting("1 point per whole euro of 123.45 EUR").untilAsserted(() -> assertEquals(123, balance(memberId)));

        // rewards-service learns about the member from Kafka too, so it may not know them for a moment.
        String redemptionId = awaiting("rewards-service accepts the redemption")
                .until(() -> running.outside().redeem(running.platform().url(Service.REWARDS), memberId, "free-coffee"), Optional::isPresent).orElseThrow();
        JsonNode redemption = awaiting("the redemption saga finishes")
                .until(() -> find(Service.REWARDS, "/redemptions/" + redemptionId),
                        view -> !view.isMissingNode() && !"PENDING".equals(view.path("status").asText()));
        assertEquals("COMPLETED", redemption.path("status").asText(), redemption.toString());
        String couponCode = redemption.path("couponCode").asText();
        assertFalse(couponCode.isBlank(), redemption.toString());

        JsonNode coupons = getJson(Service.REWARDS, "/members/" + memberId + "/coupons");
        assertTrue(coupons.findValuesAsText("couponCode").contains(couponCode), coupons.toString());
        awaiting("123 points less the 100 of a free coffee").untilAsserted(() -> assertEquals(23, balance(memberId)));

        Map<String, Long> expected = Outside.counts(1, 1, 1, 123, 100);
        awaiting("analytics counts the member, both sales and the points")
                .untilAsserted(() -> assertEquals(expected, running.outside().participation(running.platform().url(Service.ANALYTICS), chainId)));
    }

    @Test
    void enrollmentRunsWithThisInstallationsOwnMasterKeyReadableByItsOwnerOnly() throws Exception {
        Path key = running.dataDir().resolve("keys/enrollment-master.key");

        assertEquals(32, Base64.getDecoder().decode(Files.readString(key).strip()).length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        // enrollment-service does not start without a master key unless told to use the public one, which it says.
        String said = printed();
        assertTrue(said.contains("Generated this installation's enrollment master key"), said);
        assertFalse(said.contains("PUBLIC DEVELOPMENT"), said);
    }

    @Test
    void aKilledServiceIsRestartedOnItsPortAndSaysWhy() throws Exception {
        String memberId = enroll("bintang-my").path("memberId").asText();
        ProcessHandle killed = running.platform().process(Service.ENROLLMENT);

        killed.destroyForcibly();
        killed.onExit().get(30, TimeUnit.SECONDS);

        String back = "enrollment-service is back: ready on " + running.platform().url(Service.ENROLLMENT);
        await("enrollment-service restarted and ready").atMost(READINESS_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> printed().contains(back));
        String said = printed();
        assertTrue(said.contains("enrollment-service exited unexpectedly with exit code 137 (signal 9)"), said);
        assertTrue(said.contains("Restarting enrollment-service in 1 s"), said);
        assertNotEquals(killed.pid(), running.platform().process(Service.ENROLLMENT).pid());
        // The member enrolled before the crash is readable: the new process got the same master key.
        assertEquals("Ελένη", getJson(Service.ENROLLMENT, "/members/" + memberId).path("firstName").asText());
    }

    private JsonNode enroll(String chainId) {
        return running.outside().enroll(running.platform().url(Service.ENROLLMENT), chainId);
    }

    private void produce(String key, String value) {
        running.outside().produce(key, value);
    }

    private long balance(String memberId) {
        return running.outside().balance(running.platform().url(Service.POINTS), memberId);
    }

    private JsonNode find(Service service, String path) {
        return running.outside().find(running.platform().url(service), path);
    }

    private JsonNode getJson(Service service, String path) {
        return running.outside().getJson(running.platform().url(service), path);
    }

    private String printed() {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    /** Writes to the console and keeps a copy. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        TeeOutputStream(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            console.write(bytes, offset, length);
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }
}
