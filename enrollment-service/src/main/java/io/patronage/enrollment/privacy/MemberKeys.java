package io.patronage.enrollment.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;

/**
 * One AES-256 data key per member, in the {@code member_keys} collection ({@code _id} = member id),
 * outside the event store. Key material is stored wrapped (AES-GCM) with the master key from
 * {@code patronage.enrollment.master-key}, together with that master key's id, so a copy of the database
 * alone opens nothing. At startup every key wrapped with a previous master key is rewrapped under the current
 * one. Destroying a member's key leaves a tombstone without key material, so the key can never be recreated.
 */
@Context // created at startup: a missing master key or a key nobody can unwrap stops the service before it serves
public class MemberKeys {

    private static final Logger LOG = LoggerFactory.getLogger(MemberKeys.class);

    private final MongoCollection<Document> keys;
    private final MasterKeys masterKeys;
    private final Clock clock;

    MemberKeys(MongoDatabase database, Clock clock,
               @Value("${patronage.enrollment.master-key:}") String masterKey,
               @Value("${patronage.enrollment.previous-master-keys:}") String previousMasterKeys,
               @Value("${patronage.enrollment.development-master-key:false}") boolean developmentMasterKey) {
        this.keys = database.getCollection("member_keys");
        this.clock = clock;
        if (masterKey.isBlank()) {
            if (!developmentMasterKey) {
                throw new IllegalStateException("patronage.enrollment.master-key (PATRONAGE_ENROLLMENT_MASTER_KEY) is "
                        + "not set: set it to base64 of 32 random bytes (openssl rand -base64 32) and keep it apart "
                        + "from the database. Only for development: PATRONAGE_ENROLLMENT_DEVELOPMENT_MASTER_KEY=true "
                        + "uses a public key from the source.");
            }
            LOG.warn("""

                    ****************************************************************************************
                    * patronage.enrollment.development-master-key is on: member keys are wrapped with the
                    * PUBLIC DEVELOPMENT master key. Never run like this with real members' data: set
                    * PATRONAGE_ENROLLMENT_MASTER_KEY to a random base64 256-bit key (openssl rand -base64 32).
                    ****************************************************************************************""");
            masterKey = MasterKeys.DEVELOPMENT_KEY;
        }
        this.masterKeys = new MasterKeys(masterKey, Arrays.stream(previousMasterKeys.split("[,\\s]+")).toList());
    }

    /**
     * Rewraps every member key that another master key wrapped under the current one, so that key can be
     * removed from the configuration afterwards. Stops the service when a key is wrapped with a master key it
     * does not have: better a rollout that stops than members whose data cannot be read.
     */
    @PostConstruct
    void rewrapUnderCurrentKey() {
        String currentId = masterKeys.current().id();
        int rewrapped = 0;
        int fromDevelopmentKey = 0;
        TreeSet<String> unknown = new TreeSet<>();
        int unreadable = 0;
        for (Document key : keys.find(and(exists("wrappedKey"), ne("masterKeyId", currentId)))) {
            String memberId = key.getString("_id");
            String wrappedWith = key.getString("masterKeyId");
            Optional<Unwrapped> unwrapped = unwrap(key);
            if (unwrapped.isEmpty()) {
                unreadable++;
                unknown.add(wrappedWith == null ? "(none stored)" : wrappedWith);
                continue;
            }
            Bson unchanged = and(eq("_id", memberId), exists("wrappedKey"),
                    wrappedWith == null ? exists("masterKeyId", false) : eq("masterKeyId", wrappedWith));
            boolean replaced = keys.updateOne(unchanged, Updates.combine(
                    Updates.set("wrappedKey", new Binary(Aes.encrypt(masterKeys.current().key(),
                            unwrapped.get().key().getEncoded(), memberId))),
                    Updates.set("masterKeyId", currentId),
                    Updates.set("rewrappedAt", Date.from(clock.instant())))).getModifiedCount() == 1;
            if (replaced) {
                rewrapped++;
                if (MasterKeys.isDevelopmentKey(unwrapped.get().wrappedWith())) {
                    fromDevelopmentKey++;
                }
            }
        }
        if (unreadable > 0) {
            throw new IllegalStateException(unreadable + " member keys are wrapped with master keys this service does "
                    + "not have (ids " + String.join(", ", unknown) + "; the current key is " + currentId + "): add "
                    + "the old key to patronage.enrollment.previous-master-keys (PATRONAGE_ENROLLMENT_PREVIOUS_MASTER_KEYS)");
        }
        if (rewrapped > 0) {
            LOG.info("Rewrapped {} member keys under the current master key {}{}; keys wrapped with previous master "
                    + "keys: none left", rewrapped, currentId,
                    fromDevelopmentKey > 0 ? " (" + fromDevelopmentKey + " were wrapped with the public development key)" : "");
        } else {
            LOG.info("Every member key is wrapped with the current master key {}", currentId);
        }
    }

    /** Creates the member's key; a member id that ever had a key (even a destroyed one) gets none. */
    public void create(String memberId, Instant at) {
        byte[] wrapped = Aes.encrypt(masterKeys.current().key(), Aes.randomKey(), memberId);
        try {
            keys.insertOne(new Document("_id", memberId).append("wrappedKey", new Binary(wrapped))
                    .append("masterKeyId", masterKeys.current().id())
                    .append("createdAt", Date.from(at)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new IllegalStateException("member " + memberId + " already has (or had) a key");
            }
            throw e;
        }
    }

    /** The member's key, or empty once it has been destroyed. */
    Optional<SecretKey> find(String memberId) {
        Document key = keys.find(eq("_id", memberId)).first();
        if (key == null || key.get("wrappedKey") == null) {
            return Optional.empty();
        }
        return Optional.of(unwrap(key).orElseThrow(() -> new IllegalStateException("the key of member " + memberId
                + " is wrapped with master key " + key.getString("masterKeyId") + ", which is not configured")).key());
    }

    private record Unwrapped(SecretKey key, MasterKeys.MasterKey wrappedWith) {
    }

    /** With the master key named next to the wrapped key, or for keys stored before ids were, any that fits. */
    private Optional<Unwrapped> unwrap(Document key) {
        String memberId = key.getString("_id");
        byte[] wrapped = key.get("wrappedKey", Binary.class).getData();
        String wrappedWith = key.getString("masterKeyId");
        List<MasterKeys.MasterKey> candidates = wrappedWith == null
                ? masterKeys.all() : masterKeys.byId(wrappedWith).stream().toList();
        for (MasterKeys.MasterKey masterKey : candidates) {
            try {
                byte[] material = Aes.decrypt(masterKey.key(), wrapped, memberId);
                return Optional.of(new Unwrapped(new SecretKeySpec(material, "AES"), masterKey));
            } catch (IllegalStateException wrongKey) {
                // GCM's tag check: another master key wrapped it; try the next one.
            }
        }
        return Optional.empty();
    }

    /** Destroys the member's key: from now on nothing sealed for them can be opened. Idempotent. */
    public void destroy(String memberId, Instant at) {
        keys.replaceOne(eq("_id", memberId), new Document("_id", memberId).append("destroyedAt", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }
}
