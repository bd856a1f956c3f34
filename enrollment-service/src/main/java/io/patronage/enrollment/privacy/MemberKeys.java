package io.patronage.enrollment.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * One AES-256 data key per member, in the {@code member_keys} collection ({@code _id} = member id),
 * outside the event store. Key material is stored wrapped (AES-GCM) with the master key from
 * {@code patronage.enrollment.master-key}, so a copy of the database alone opens nothing. Destroying a
 * member's key leaves a tombstone without key material, so the key can never be recreated.
 */
@Context // created at startup, so that the warning about the development master key comes first
public class MemberKeys {

    /** Only for development and tests: anyone who reads this source can unwrap the keys. */
    static final String DEV_MASTER_KEY = "cGF0cm9uYWdlLWRldi1tYXN0ZXIta2V5LW5vdC1zZWM=";
    private static final Logger LOG = LoggerFactory.getLogger(MemberKeys.class);

    private final MongoCollection<Document> keys;
    private final SecretKey masterKey;

    MemberKeys(MongoDatabase database, @Value("${patronage.enrollment.master-key:}") String masterKey) {
        this.keys = database.getCollection("member_keys");
        if (masterKey.isBlank()) {
            LOG.warn("""

                    ****************************************************************************************
                    * patronage.enrollment.master-key (PATRONAGE_ENROLLMENT_MASTER_KEY) is not set: member *
                    * keys are wrapped with the PUBLIC DEVELOPMENT master key. Never run like this with     *
                    * real members' data. Set a random base64 256-bit key, e.g. `openssl rand -base64 32`. *
                    ****************************************************************************************""");
            masterKey = DEV_MASTER_KEY;
        }
        byte[] material = Base64.getDecoder().decode(masterKey.trim());
        if (material.length != 32) {
            throw new IllegalArgumentException("patronage.enrollment.master-key must be 32 bytes in base64, got " + material.length);
        }
        this.masterKey = new SecretKeySpec(material, "AES");
    }

    /** Creates the member's key; a member id that ever had a key (even a destroyed one) gets none. */
    public void create(String memberId, Instant at) {
        byte[] wrapped = Aes.encrypt(masterKey, Aes.randomKey(), memberId);
        try {
            keys.insertOne(new Document("_id", memberId).append("wrappedKey", new Binary(wrapped))
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
        byte[] material = Aes.decrypt(masterKey, key.get("wrappedKey", Binary.class).getData(), memberId);
        return Optional.of(new SecretKeySpec(material, "AES"));
    }

    /** Destroys the member's key: from now on nothing sealed for them can be opened. Idempotent. */
    public void destroy(String memberId, Instant at) {
        keys.replaceOne(eq("_id", memberId), new Document("_id", memberId).append("destroyedAt", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }
}
