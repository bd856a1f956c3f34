package io.patronage.bench.measure;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import java.util.Optional;

/** The data size of a database as the server reports it ({@code dbStats}), where the server supports it. */
final class DbStats {

    private DbStats() {
    }

    static Optional<Long> dataSize(MongoClient mongo, String database) {
        try {
            Document stats = mongo.getDatabase(database).runCommand(new Document("dbStats", 1));
            Object size = stats.get("dataSize");
            return size instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
