package io.patronage.enrollment.notifying;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * The messages sent, in {@code sent-notifications} ({@code _id} = notification id): claiming the id
 * before sending makes a redelivered request send nothing. Holds no message text or address.
 */
@Singleton
public class SentNotifications {

    private final MongoCollection<Document> sent;

    SentNotifications(MongoDatabase database) {
        this.sent = database.getCollection("sent-notifications");
    }

    /** Whether this notification is still to be sent (and is now reserved for sending). */
    boolean claim(String notificationId, String memberId, String kind, String channel, Instant at) {
        try {
            sent.insertOne(new Document("_id", notificationId).append("memberId", memberId).append("kind", kind)
                    .append("channel", channel).append("sentAt", Date.from(at)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Gives up the reservation of a notification that could not be sent, so a retry sends it. */
    void release(String notificationId) {
        sent.deleteOne(eq("_id", notificationId));
    }

    /** The messages sent to a member, for their data export. A scan of the collection: exports are rare. */
    public List<Map<String, Object>> of(String memberId) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Document doc : sent.find(eq("memberId", memberId))) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("notificationId", doc.getString("_id"));
            message.put("kind", doc.getString("kind"));
            message.put("channel", doc.getString("channel"));
            message.put("sentAt", doc.getDate("sentAt").toInstant());
            messages.add(message);
        }
        return messages;
    }
}
