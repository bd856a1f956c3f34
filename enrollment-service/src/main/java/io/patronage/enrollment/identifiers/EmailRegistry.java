package io.patronage.enrollment.identifiers;

import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One member per email address and chain, in the {@code emails} collection ({@code _id} =
 * {@code chainId:normalized email}). Addresses are compared in Unicode NFC and lower case (mailbox
 * providers treat the local part case-insensitively in practice).
 *
 * <p>An enrollment claims the address before it records the member and releases it if it fails. If the
 * process dies in between, the claim names a member that never came to be: once such a claim is older
 * than {@code patronage.enrollment.email-claim-grace} (longer than any enrollment takes), the next
 * member with that address takes it over, conditionally on it still naming the same non-member.
 */
@Singleton
public class EmailRegistry {

    private final ClaimRegistry emails;
    private final Clock clock;
    private final Duration grace;

    EmailRegistry(MongoDatabase database, Clock clock,
                  @Value("${patronage.enrollment.email-claim-grace:PT1M}") Duration grace) {
        this.emails = new ClaimRegistry(database, "emails", clock);
        this.clock = clock;
        this.grace = grace;
    }

    public static String normalize(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /**
     * Claims the address for the member; true if they now hold it (also when they already did).
     *
     * @param isMember whether a member id belongs to an enrolled member, to recognise abandoned claims
     */
    public boolean claim(String chainId, String email, String memberId, Predicate<String> isMember) {
        String id = id(chainId, email);
        if (emails.claim(id, memberId, chainId)) {
            return true;
        }
        Optional<ClaimRegistry.Claim> existing = emails.find(id);
        if (existing.isEmpty()) {
            return emails.claim(id, memberId, chainId);
        }
        ClaimRegistry.Claim claim = existing.get();
        if (claim.memberId().equals(memberId)) {
            return true;
        }
        boolean abandoned = claim.claimedAt().plus(grace).isBefore(clock.instant()) && !isMember.test(claim.memberId());
        return abandoned && emails.takeOver(id, claim.memberId(), memberId, chainId);
    }

    public Optional<String> holder(String chainId, String email) {
        return emails.holder(id(chainId, email));
    }

    public void release(String chainId, String email, String memberId) {
        emails.release(id(chainId, email), memberId);
    }

    /** Frees whatever address the member holds, also one an interrupted erasure no longer knows. */
    public void releaseAllOf(String memberId) {
        emails.releaseAllOf(memberId);
    }

    private static String id(String chainId, String email) {
        return chainId + ":" + normalize(email);
    }
}
