package io.patronage.kit.health;

import com.mongodb.client.MongoDatabase;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ready when this service's MongoDB database answers a ping. */
@Readiness
@Singleton
class MongoHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final MongoDatabase database;

    MongoHealthIndicator(MongoDatabase database) {
        this.database = database;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("database", database.getName());
        try {
            database.runCommand(new Document("ping", 1));
            healthStatus = HealthStatus.UP;
        } catch (RuntimeException e) {
            healthStatus = HealthStatus.DOWN;
            details.put("error", e.toString());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "mongodb";
    }
}
