package io.patronage.rewards.automatic;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of a chain's automatic-reward definitions (punch cards, spend milestones) in its collection,
 * {@code _id = <chainId>/<id>}. Withdrawal marks the document with {@code withdrawnAt} rather than deleting it, so the
 * audit trail's ids keep naming what they named; a withdrawn definition is found by nothing here. Listing a chain's
 * scans the collection (a chain has a handful).
 */
final class ChainDefinitions<T> {

    private static final String WITHDRAWN_AT = "withdrawnAt";

    private final MongoCollection<Document> collection;
    private final String idField;
    private final Function<Document, T> read;

    /**
     * @param idField the field holding the definition's own id, e.g. {@code punchCardId}
     * @param read    the definition from its document
     */
    ChainDefinitions(MongoCollection<Document> collection, String idField, Function<Document, T> read) {
        this.collection = collection;
        this.idField = idField;
        this.read = read;
    }

    /** The active definition. */
    Optional<T> find(String chainId, String id) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("_id", key(chainId, id)),
                Filters.exists(WITHDRAWN_AT, false))).first()).map(read);
    }

    /** The chain's active definitions by id. */
    List<T> ofChain(String chainId) {
        List<T> found = new ArrayList<>();
        collection.find(Filters.and(Filters.eq("chainId", chainId), Filters.exists(WITHDRAWN_AT, false)))
                .sort(new Document(idField, 1)).forEach(document -> found.add(read.apply(document)));
        return found;
    }

    /** Stores the definition's {@code fields} as its active version (a withdrawn one is defined again). */
    void put(String chainId, String id, Document fields, Instant now) {
        Document document = new Document("_id", key(chainId, id)).append("chainId", chainId).append(idField, id)
                .append("updatedAt", Date.from(now));
        document.putAll(fields);
        collection.replaceOne(Filters.eq("_id", key(chainId, id)), document, new ReplaceOptions().upsert(true));
    }

    /** Withdraws the active definition; {@code false} when there is none (unknown, or withdrawn already). */
    boolean withdraw(String chainId, String id, Instant now) {
        return collection.updateOne(Filters.and(Filters.eq("_id", key(chainId, id)), Filters.exists(WITHDRAWN_AT, false)),
                Updates.set(WITHDRAWN_AT, Date.from(now))).getModifiedCount() == 1;
    }

    private static String key(String chainId, String id) {
        return chainId + "/" + id;
    }
}
