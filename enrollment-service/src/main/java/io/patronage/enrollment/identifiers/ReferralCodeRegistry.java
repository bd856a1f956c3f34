package io.patronage.enrollment.identifiers;

import com.mongodb.client.MongoDatabase;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Issues unique personal referral codes, in the {@code referral-codes} collection ({@code _id} = code). */
@Singleton
public class ReferralCodeRegistry {

    private final ClaimRegistry codes;
    private final ReferralCodeGenerator generator = new ReferralCodeGenerator(new SecureRandom());

    ReferralCodeRegistry(MongoDatabase database, Clock clock) {
        this.codes = new ClaimRegistry(database, "referral-codes", clock);
    }

    public String issue(String memberId, String chainId) {
        return codes.claimFree(generator::next, memberId, chainId);
    }

    /** Who a code belongs to; codes are matched ignoring case and surrounding spaces, as people type them. */
    public Optional<ClaimRegistry.Claim> find(String code) {
        return codes.find(code.strip().toUpperCase(Locale.ROOT));
    }
}
