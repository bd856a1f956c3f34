package io.patronage.points.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.micronaut.context.annotation.Context;
import io.patronage.kit.json.Json;
import io.patronage.points.account.PointsAccount;
import io.patronage.points.membership.PointsAccountOpened;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Removes the birth dates that {@link PointsAccountOpened} events stored in clear before they carried only the
 * birthday (month and day): each such event is rewritten in place to the form it has now — the same member,
 * chain, card, birthday and time, without the year and the unused locale — so an erasure no longer depends on
 * an old value nobody can shred. This is the one place where a stored event changes; what the account folds
 * from it does not. Snapshots of that era hold the birth date too: they are deleted (Axon rebuilds the state
 * from the events and snapshots it again). Runs once, before Axon starts ({@code @Context}); the
 * {@code migrations} document {@value #ID} records that it ran, and deleting it runs it again at the next start.
 */
@Context
public class LegacyBirthDates {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyBirthDates.class);
    static final String ID = "legacy-birth-dates";
    private static final Pattern LEGACY_FIELD = Pattern.compile("\"(birthDate|locale)\"");

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> migrations;

    LegacyBirthDates(MongoDatabase database) {
        this.events = database.getCollection("domainevents");
        this.snapshots = database.getCollection("snapshotevents");
        this.migrations = database.getCollection("migrations");
        if (migrations.find(Filters.eq("_id", ID)).first() == null) {
            redact();
        }
    }

    /** Rewrites every legacy opening and deletes every legacy snapshot; running it again changes nothing. */
    public long redact() {
        Bson legacyOpenings = Filters.and(Filters.in("payloadType",
                MovedEvents.oldName(PointsAccountOpened.class), PointsAccountOpened.class.getName()),
                Filters.regex("serializedPayload", LEGACY_FIELD));
        long rewritten = 0;
        for (Document event : events.find(legacyOpenings)) {
            events.updateOne(Filters.eq("_id", event.get("_id")),
                    Updates.set("serializedPayload", withoutYear(event.getString("serializedPayload"))));
            rewritten++;
        }
        long deleted = snapshots.deleteMany(Filters.and(Filters.eq("payloadType", PointsAccount.class.getName()),
                Filters.regex("serializedPayload", Pattern.compile("\"birthDate\"")))).getDeletedCount();
        migrations.replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("at", new Date())
                .append("eventsRewritten", rewritten).append("snapshotsDeleted", deleted), new ReplaceOptions().upsert(true));
        if (rewritten > 0 || deleted > 0) {
            LOG.info("Removed the birth year from {} stored account openings and deleted {} snapshots holding it",
                    rewritten, deleted);
        }
        return rewritten;
    }

    static String withoutYear(String payload) {
        try {
            ObjectNode event = (ObjectNode) Json.mapper().readTree(payload);
            String birthDate = event.path("birthDate").textValue();
            if (birthDate != null && event.path("birthday").isMissingNode()) {
                event.put("birthday", MonthDay.from(LocalDate.parse(birthDate)).toString());
            }
            event.remove("birthDate");
            event.remove("locale");
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored account opening is not JSON", e);
        }
    }
}
