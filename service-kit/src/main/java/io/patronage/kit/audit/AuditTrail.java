package io.patronage.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.micronaut.context.annotation.Value;
import io.patronage.contracts.audit.AuditRecorded;
import io.patronage.kit.json.Json;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.security.Caller;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The service's record of ops and admin actions: each is kept in its {@code audit} collection (the service's own
 * answer to {@code GET /audit}) and published on {@code loyalty.audit.v1} for SIEMs. Record an action after it
 * took effect; a refused action is not recorded.
 */
@Singleton
public class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final MongoCollection<Document> records;
    private final EventPublisher publisher;
    private final Clock clock;
    private final String service;

    AuditTrail(MongoDatabase database, EventPublisher publisher, Clock clock,
               @Value("${micronaut.application.name}") String service) {
        this.records = database.getCollection("audit");
        this.publisher = publisher;
        this.clock = clock;
        this.service = service;
    }

    /**
     * @param chainId the chain acted on; {@code null} for a platform-wide action
     * @param details what changed: a record or map that serializes to a JSON object
     */
    public AuditRecorded record(Caller actor, String chainId, String action, String target, Object details) {
        AuditRecorded event = new AuditRecorded(UUID.randomUUID().toString(), chainId, actor.subject(),
                actor.roles().stream().sorted().toList(), service, action, target, asMap(details), clock.instant());
        records.insertOne(toDocument(event));
        try {
            publisher.publish(event, "audit:" + event.auditId(), event.at()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // kept in the audit collection all the same; the SIEM misses it until it is republished
            LOG.error("audit record {} ({} by {}) not published to loyalty.audit.v1", event.auditId(), action,
                    actor.subject(), e);
        }
        return event;
    }

    /** The records of one chain ({@code null}: every chain and the platform's) in [from, to), oldest first. */
    public List<AuditRecorded> find(String chainId, Instant from, Instant to, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (chainId != null) {
            filters.add(Filters.eq("chainId", chainId));
        }
        if (from != null) {
            filters.add(Filters.gte("at", Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt("at", Date.from(to)));
        }
        List<AuditRecorded> found = new ArrayList<>();
        records.find(filters.isEmpty() ? new Document() : Filters.and(filters)).sort(Sorts.ascending("at", "_id"))
                .limit(limit).forEach(document -> found.add(fromDocument(document)));
        return found;
    }

    private static Map<String, Object> asMap(Object details) {
        return details == null ? Map.of() : Json.mapper().convertValue(details, MAP);
    }

    private static Document toDocument(AuditRecorded event) {
        try {
            return new Document("_id", event.auditId())
                    .append("chainId", event.chainId())
                    .append("actor", event.actor())
                    .append("actorRoles", event.actorRoles())
                    .append("service", event.service())
                    .append("action", event.action())
                    .append("target", event.target())
                    .append("details", Json.mapper().writeValueAsString(event.details()))
                    .append("at", Date.from(event.at()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details do not serialize: " + e.getOriginalMessage(), e);
        }
    }

    private static AuditRecorded fromDocument(Document document) {
        try {
            return new AuditRecorded(document.getString("_id"), document.getString("chainId"),
                    document.getString("actor"), document.getList("actorRoles", String.class),
                    document.getString("service"), document.getString("action"), document.getString("target"),
                    Json.mapper().readValue(document.getString("details"), MAP), document.getDate("at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit record " + document.get("_id") + " is unreadable", e);
        }
    }
}
