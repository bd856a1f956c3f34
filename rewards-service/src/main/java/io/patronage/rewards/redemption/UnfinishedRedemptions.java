package io.patronage.rewards.redemption;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.patronage.kit.lifecycle.ServiceInstance;
import io.patronage.rewards.availability.ReservationRelease;
import jakarta.annotation.PostConstruct;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Redemption requests in flight: collection {@code unfinished_redemptions} ({@code _id} = redemption id, with the
 * instance, the member, the {@code Idempotency-Key} and the time), noted before the key is claimed and the stock
 * reserved, removed once the request is answered. A process that dies in between (a {@code kill -9}) would keep the
 * reserved unit of stock and of the member's limit for ever, and its key would answer a redemption that never came
 * to be: this instance's next start, and after {@code patronage.rewards.unfinished-request-grace} any instance (for one
 * that never comes back), give such a request's reservation back and free its key, unless the redemption was
 * recorded after all (its events decide). The grace is on the system clock: it is about processes, not business time.
 */
@Context
class UnfinishedRedemptions {

    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedRedemptions.class);

    private final MongoCollection<Document> notes;
    private final IdempotencyKeys keys;
    private final ReservationRelease reservations;
    private final EventStore eventStore;
    private final String instance;
    private final Duration grace;

    UnfinishedRedemptions(MongoDatabase database, IdempotencyKeys keys, ReservationRelease reservations,
                          EventStore eventStore, ServiceInstance instance,
                          @Value("${patronage.rewards.unfinished-request-grace:5m}") Duration grace) {
        this.notes = database.getCollection("unfinished_redemptions");
        this.keys = keys;
        this.reservations = reservations;
        this.eventStore = eventStore;
        this.instance = instance.id();
        this.grace = grace;
    }

    /** The request for {@code redemptionId} starts: nothing of it is claimed yet. */
    void started(String redemptionId, String memberId, String idempotencyKey) {
        notes.insertOne(new Document("_id", redemptionId).append("instance", instance).append("memberId", memberId)
                .append("key", idempotencyKey).append("at", Date.from(Instant.now())));
    }

    /** The request is answered: recorded, refused (and given back) or repeated. */
    void finished(String redemptionId) {
        notes.deleteOne(Filters.eq("_id", redemptionId));
    }

    @PostConstruct
    void resolveThoseOfThePreviousRun() {
        resolve(Filters.eq("instance", instance), "this instance's previous run");
    }

    @Scheduled(fixedDelay = "${patronage.rewards.unfinished-request-check-interval:1m}")
    void resolveAbandoned() {
        resolve(Filters.lt("at", Date.from(Instant.now().minus(grace))), "an instance that did not finish them");
    }

    private void resolve(Bson which, String left) {
        List<Document> unfinished = new ArrayList<>();
        notes.find(which).forEach(unfinished::add);
        for (Document note : unfinished) {
            String redemptionId = note.getString("_id");
            if (eventStore.lastSequenceNumberFor(redemptionId).isEmpty()) {
                reservations.release(redemptionId);
                if (note.getString("key") != null) {
                    keys.release(note.getString("memberId"), note.getString("key"), redemptionId);
                }
                LOG.warn("Gave back the reservation and key of redemption request {}, left unfinished by {}",
                        redemptionId, left);
            }
            notes.deleteOne(Filters.eq("_id", redemptionId));
        }
    }
}
