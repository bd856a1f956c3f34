package io.patronage.analytics.participation;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The participation views: one Mongo document per view ({@code _id = chainId|period}), all held in
 * memory for reads, loaded once at startup. A batch writes every view it changed in one bulk write.
 */
@Singleton
class ParticipationStore {

    private final MongoCollection<Document> collection;
    private final Map<ViewKey, ParticipationState> states = new ConcurrentHashMap<>();

    ParticipationStore(MongoDatabase database) {
        this.collection = database.getCollection("participation");
        collection.find().forEach(document -> remember(fromDocument(document)));
    }

    Optional<ParticipationState> find(ViewKey key) {
        return Optional.ofNullable(states.get(key));
    }

    ParticipationState current(ViewKey key) {
        return states.getOrDefault(key, ParticipationState.empty(key));
    }

    /** The view as stored, by {@code _id}: another instance may have counted since this one last wrote it. */
    ParticipationState stored(ViewKey key) {
        Document document = collection.find(Filters.eq("_id", key.id())).first();
        return document == null ? ParticipationState.empty(key) : fromDocument(document);
    }

    /**
     * Writes each state only over the revision it was computed from (a new view only if none exists).
     *
     * @throws ConcurrentViewUpdateException when another instance wrote one of them first; the
     *         views are then reloaded from Mongo, so the retried batch starts from what is stored
     */
    void saveAll(List<ParticipationState> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = changed.stream().map(ParticipationStore::write).toList();
        try {
            BulkWriteResult result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            if (result.getInsertedCount() + result.getMatchedCount() < writes.size()) {
                throw conflict(changed);
            }
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
            throw conflict(changed);
        }
        changed.forEach(this::remember);
    }

    private ConcurrentViewUpdateException conflict(List<ParticipationState> changed) {
        List<String> ids = changed.stream().map(state -> state.key().id()).toList();
        collection.find(Filters.in("_id", ids)).forEach(document -> remember(fromDocument(document)));
        return new ConcurrentViewUpdateException("participation views changed by another writer: " + ids);
    }

    private void remember(ParticipationState state) {
        states.put(state.key(), state);
    }

    private static WriteModel<Document> write(ParticipationState state) {
        Document document = toDocument(state);
        return state.revision() == 1
                ? new InsertOneModel<>(document)
                : new ReplaceOneModel<>(Filters.and(Filters.eq("_id", state.key().id()),
                        Filters.eq("revision", state.revision() - 1)), document);
    }

    private static Document toDocument(ParticipationState state) {
        ParticipationCounts counts = state.counts();
        List<Document> offsets = state.appliedOffsets().entrySet().stream()
                .map(entry -> new Document("partition", entry.getKey()).append("offset", entry.getValue()))
                .toList();
        return new Document("_id", state.key().id())
                .append("chainId", state.key().chainId())
                .append("period", state.key().period())
                .append("enrolledMembers", counts.enrolledMembers())
                .append("memberTransactions", counts.memberTransactions())
                .append("nonMemberTransactions", counts.nonMemberTransactions())
                .append("pointsIssued", counts.pointsIssued())
                .append("pointsRedeemed", counts.pointsRedeemed())
                .append("revision", state.revision())
                .append("computedAt", Date.from(state.computedAt()))
                .append("appliedOffsets", offsets);
    }

    private static ParticipationState fromDocument(Document document) {
        Map<String, Long> offsets = new HashMap<>();
        document.getList("appliedOffsets", Document.class, List.of())
                .forEach(offset -> offsets.put(offset.getString("partition"), number(offset, "offset")));
        ParticipationCounts counts = new ParticipationCounts(number(document, "enrolledMembers"),
                number(document, "memberTransactions"), number(document, "nonMemberTransactions"),
                number(document, "pointsIssued"), number(document, "pointsRedeemed"));
        return new ParticipationState(new ViewKey(document.getString("chainId"), document.getString("period")),
                counts, offsets, number(document, "revision"), document.getDate("computedAt").toInstant());
    }

    private static long number(Document document, String field) {
        return document.get(field, Number.class).longValue();
    }
}
