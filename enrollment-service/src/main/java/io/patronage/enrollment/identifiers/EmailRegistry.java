package io.patronage.enrollment.identifiers;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static com.mongodb.client.model.Filters.eq;

/**
 * One member per email address and chain, in the {@code emails} collection ({@code _id} =
 * {@code chainId:normalized email}). Addresses are compared in Unicode NFC and lower case (mailbox
 * providers treat the local part case-insensitively in practice).
 *
 * <p>An enrollment claims the address before it records the member and releases it if it fails. If the
 * process dies in between, the claim names a member that never came to be. So that a retry is not refused
 * for that, an enrollment first notes its claim as pending in {@code emails-pending} ({@code _id} = member
 * id, with the instance that made it) and removes the note once the member is recorded: when an instance
 * starts, it resolves the notes its previous run left (the member exists: the claim stays; otherwise it is
 * released). An instance is named by {@code patronage.enrollment.instance-name}, by default host and HTTP port,
 * which a restarted process keeps and no other live process has. Claims of an instance that never comes
 * back are taken over by the next member with that address once older than
 * {@code patronage.enrollment.email-claim-grace}, conditionally on still naming the same non-member.
 */
@Singleton
public class EmailRegistry {

    private final ClaimRegistry emails;
    private final MongoCollection<Document> pending;
    private final Clock clock;
    private final Duration grace;
    private final String instance;

    EmailRegistry(MongoDatabase database, Clock clock,
                  @Value("${patronage.enrollment.email-claim-grace:PT1M}") Duration grace,
                  @Value("${patronage.enrollment.instance-name:}") String instanceName,
                  @Value("${micronaut.server.port:8081}") int port) {
        this.emails = new ClaimRegistry(database, "emails", clock);
        this.pending = database.getCollection("emails-pending");
        this.clock = clock;
        this.grace = grace;
        this.instance = instanceName.isBlank() ? defaultInstanceName(port) : instanceName;
    }

    /**
     * Host and port: a process restarted in place gets the same name, two live processes never share one. A
     * random port (tests) gives a name of its own, whose pending claims only the grace period resolves.
     */
    private static String defaultInstanceName(int port) {
        if (port <= 0) {
            return "random-port-" + UUID.randomUUID();
        }
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + port;
        } catch (UnknownHostException e) {
            return "localhost:" + port;
        }
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

    /**
     * Claims the address for a member being enrolled, as {@link #claim} does, noting the claim as pending until
     * {@link #confirmEnrollment} or {@link #abandonEnrollment}.
     */
    public boolean claimForEnrollment(String chainId, String email, String memberId, Predicate<String> isMember) {
        // The note comes first: a crash between the two writes leaves a note without a claim, never the reverse.
        pending.insertOne(new Document("_id", memberId).append("claim", id(chainId, email))
                .append("instance", instance).append("claimedAt", Date.from(clock.instant())));
        boolean claimed = claim(chainId, email, memberId, isMember);
        if (!claimed) {
            pending.deleteOne(eq("_id", memberId));
        }
        return claimed;
    }

    /** The member is recorded: their claim is no longer pending. */
    public void confirmEnrollment(String memberId) {
        pending.deleteOne(eq("_id", memberId));
    }

    /** The enrollment failed: frees the address. */
    public void abandonEnrollment(String chainId, String email, String memberId) {
        release(chainId, email, memberId);
        pending.deleteOne(eq("_id", memberId));
    }

    /**
     * Resolves the claims this instance's previous run left pending (it died mid-enrollment): kept when the
     * member was recorded after all, released otherwise. To be called before the instance enrolls anyone.
     *
     * @return how many claims were released
     */
    public int resolvePendingOfPreviousRun(Predicate<String> memberExists) {
        int released = 0;
        for (Document note : pending.find(eq("instance", instance))) {
            String memberId = note.getString("_id");
            if (!memberExists.test(memberId)) {
                emails.release(note.getString("claim"), memberId);
                released++;
            }
            pending.deleteOne(eq("_id", memberId));
        }
        return released;
    }

    public String instanceName() {
        return instance;
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
