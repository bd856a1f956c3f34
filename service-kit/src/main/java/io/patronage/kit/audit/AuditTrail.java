package io.patronage.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.patronage.contracts.audit.AuditRecorded;
import io.patronage.kit.json.Json;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.security.Caller;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The service's record of ops and admin actions: each is kept in its {@code audit} collection (the service's own
 * answer to {@code GET /audit}) and published on {@code loyalty.audit.v1} for SIEMs. Record an action after it
 * took effect; a refused action is not recorded.
 * <p>
 * Publishing does not hold up the request. Until the broker has a record, its id waits in {@code audit_outbox}
 * (a collection of only the unpublished, so finding them scans no audit log); every
 * {@code patronage.audit.republish-interval} the records waiting longer than that are published again with the same
 * {@code ce_id}, until the broker takes them. A record may so reach the topic twice (its first send was only slow,
 * or two instances republished it): consumers recognise the repeat by its id.
 */
@Singleton
public class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final int REPUBLISH_BATCH = 500;
    private static final Duration REPUBLISH_WAIT = Duration.ofSeconds(30);

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> outbox;
    private final EventPublisher publisher;
    private final Executor executor;
    private final Clock clock;
    private final String service;
    private final Duration republishAfter;

    AuditTrail(MongoDatabase database, EventPublisher publisher, @Named(TaskExecutors.IO) ExecutorService executor,
               Clock clock, @Value("${micronaut.application.name}") String service,
               @Value("${patronage.audit.republish-interval:30s}") Duration republishAfter) {
        this.records = database.getCollection("audit");
        this.outbox = database.getCollection("audit_outbox");
        this.publisher = publisher;
        this.executor = executor;
        this.clock = clock;
        this.service = service;
        this.republishAfter = republishAfter;
    }

    /**
     * @param chainId the chain acted on; {@code null} for a platform-wide action
     * @param details what changed: a record or map that serializes to a JSON object
     */
    public AuditRecorded record(Caller actor, String chainId, String action, String target, Object details) {
        AuditRecorded event = new AuditRecorded(UUID.randomUUID().toString(), chainId, actor.subject(),
                actor.roles().stream().sorted().toList(), service, action, target, asMap(details),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)); // as kept in Mongo: a republished record is equal
        Document document = toDocument(event);
        // the outbox entry first: a crash between the two writes leaves an entry without a record (dropped by the
        // republisher), never a record nobody publishes
        outbox.insertOne(new Document("_id", event.auditId()).append("recordedAt", new Date()));
        records.insertOne(document);
        publish(event).whenComplete((published, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                LOG.warn("audit record {} ({} by {}) not published to loyalty.audit.v1 yet ({}); it is published "
                        + "again within {}", event.auditId(), action, actor.subject(), cause.toString(), republishAfter);
            }
        });
        return event;
    }

    /** Publishes again the records that wait in the outbox for longer than the republish interval. */
    @Scheduled(fixedDelay = "${patronage.audit.republish-interval:30s}",
            initialDelay = "${patronage.audit.republish-interval:30s}")
    void republishPending() {
        Date before = Date.from(Instant.now().minus(republishAfter));
        List<String> pending = new ArrayList<>();
        outbox.find(Filters.lt("recordedAt", before)).limit(REPUBLISH_BATCH)
                .forEach(entry -> pending.add(entry.getString("_id")));
        for (String auditId : pending) {
            Document document = records.find(Filters.eq("_id", auditId)).first();
            if (document == null) {
                outbox.deleteOne(Filters.eq("_id", auditId));
                continue;
            }
            try {
                publish(fromDocument(document)).get(REPUBLISH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("{} audit records still not published to loyalty.audit.v1 ({}); trying again in {}",
                        pending.size(), e.getCause() == null ? e.toString() : e.getCause().toString(), republishAfter);
                return;
            }
        }
        if (!pending.isEmpty()) {
            LOG.info("{} audit records published again to loyalty.audit.v1", pending.size());
        }
    }

    /** Publishes the record with its stable id; once the broker has it, it leaves the outbox. */
    private CompletableFuture<Void> publish(AuditRecorded event) {
        return publisher.publishUntracked(event, "audit:" + event.auditId(), event.at())
                .thenRunAsync(() -> outbox.deleteOne(Filters.eq("_id", event.auditId())), executor);
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
