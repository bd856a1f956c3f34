package io.patronage.rewards.automatic;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The chains' birthday offers: collection {@code birthday_offers}, {@code _id = chainId}, with {@code processedThrough}
 * (the last local day whose birthdays were granted). A withdrawn offer keeps its document, marked {@code withdrawnAt},
 * and is found by nothing here; set again, it starts anew from that day.
 */
@Singleton
class BirthdayOffers {

    private static final String WITHDRAWN_AT = "withdrawnAt";

    private final MongoCollection<Document> offers;

    BirthdayOffers(MongoDatabase database) {
        this.offers = database.getCollection("birthday_offers");
    }

    /** A change of reward or of {@code when} keeps {@code since} and the days processed. */
    SavedOffer<BirthdayOffer> save(String chainId, String rewardId, BirthdayOffer.When when, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS); // as stored: the answer and a later read agree
        Optional<BirthdayOffer> current = find(chainId);
        if (current.isPresent() && current.get().rewardId().equals(rewardId) && current.get().when() == when) {
            return new SavedOffer<>(current.get(), false, false);
        }
        Instant since = current.map(BirthdayOffer::since).orElse(now);
        Bson fields = Updates.combine(Updates.set("rewardId", rewardId), Updates.set("when", when.name()),
                Updates.set("since", Date.from(since)), Updates.set("updatedAt", Date.from(now)));
        offers.updateOne(Filters.eq("_id", chainId), current.isPresent() ? fields
                        : Updates.combine(fields, Updates.unset(WITHDRAWN_AT), Updates.unset("processedThrough")),
                new UpdateOptions().upsert(true));
        return new SavedOffer<>(new BirthdayOffer(chainId, rewardId, when, since, now,
                current.map(BirthdayOffer::processedThrough).orElse(null)), current.isEmpty(), true);
    }

    /** Withdraws the chain's offer; {@code false} when it has none. */
    boolean withdraw(String chainId, Instant now) {
        return offers.updateOne(Filters.and(Filters.eq("_id", chainId), Filters.exists(WITHDRAWN_AT, false)),
                Updates.set(WITHDRAWN_AT, Date.from(now))).getModifiedCount() == 1;
    }

    Optional<BirthdayOffer> find(String chainId) {
        return Optional.ofNullable(offers.find(Filters.and(Filters.eq("_id", chainId),
                Filters.exists(WITHDRAWN_AT, false))).first()).map(BirthdayOffers::read);
    }

    /** Every chain's offer in force (a handful of documents: one per chain that has one). */
    List<BirthdayOffer> all() {
        return offers.find(Filters.exists(WITHDRAWN_AT, false)).map(BirthdayOffers::read).into(new ArrayList<>());
    }

    /** The birthdays of {@code day} are granted; a day processed before another instance's later one is ignored. */
    void processed(String chainId, LocalDate day) {
        offers.updateOne(Filters.and(Filters.eq("_id", chainId), Filters.or(Filters.exists("processedThrough", false),
                Filters.lt("processedThrough", day.toString()))), Updates.set("processedThrough", day.toString()));
    }

    private static BirthdayOffer read(Document document) {
        String processed = document.getString("processedThrough");
        return new BirthdayOffer(document.getString("_id"), document.getString("rewardId"),
                BirthdayOffer.When.valueOf(document.getString("when")), document.getDate("since").toInstant(),
                document.getDate("updatedAt").toInstant(), processed == null ? null : LocalDate.parse(processed));
    }
}
