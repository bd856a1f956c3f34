package io.patronage.rewards.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.patronage.kit.json.Json;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reward catalog in MongoDB. Collection {@code rewards}: the current version of each reward,
 * {@code _id = <chainId>/<rewardId>} ({@code *&#47;<rewardId>} for the configured rewards every chain offers), so a
 * redemption finds its reward with one or two {@code _id} lookups; collection {@code reward_versions}: every version
 * ever stored, {@code _id = <chainId>/<rewardId>/<version>}. A chain's own reward of the same id as a configured one
 * replaces it for that chain (withdrawing it there withdraws the configured one for that chain only).
 * <p>
 * Every change writes a new version, conditional on the version it read, so two concurrent updates never lose one
 * silently: the later one is retried on what the earlier one stored.
 */
@Singleton
public class Catalog {

    static final String EVERY_CHAIN = "*";
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> rewards;
    private final MongoCollection<Document> versions;

    Catalog(MongoDatabase database) {
        this.rewards = database.getCollection("rewards");
        this.versions = database.getCollection("reward_versions");
    }

    /** What a change did: {@code changed} when a new version was stored ({@code created} when the first). */
    public record Saved(Reward reward, boolean created, boolean changed) {
    }

    /** Writes the configured rewards (every chain's); an entry that changed since the last start becomes a new version. */
    void seed(List<Reward> configured, Instant now) {
        for (int position = 0; position < configured.size(); position++) {
            Reward reward = configured.get(position);
            int order = position;
            change(null, reward.id(), now, current -> current.isPresent() && current.get().sameDefinitionAs(reward)
                    ? null : reward, order);
        }
    }

    /** The reward as its chain (or, for {@code chainId} null, the configuration) last stored it, withdrawn or not. */
    public Optional<Reward> current(String chainId, String rewardId) {
        return Optional.ofNullable(rewards.find(Filters.eq("_id", key(chainId, rewardId))).first()).map(Catalog::read);
    }

    /** The reward a member of {@code chainId} can redeem under that id: the chain's own, else every chain's; active only. */
    public Optional<Reward> find(String rewardId, String chainId) {
        Optional<Reward> own = current(chainId, rewardId);
        return (own.isPresent() ? own : current(null, rewardId)).filter(Reward::active);
    }

    /**
     * The active rewards a chain offers (every chain's first, in configuration order, then the chain's own by id), or
     * those of every chain when {@code chainId} is null. A scan of the collection: catalogs are small, and this is
     * not on the path of a redemption.
     */
    public List<Reward> offeredIn(String chainId) {
        List<Document> documents = new ArrayList<>();
        (chainId == null ? rewards.find() : rewards.find(Filters.in("scope", chainId, EVERY_CHAIN)))
                .forEach(documents::add);
        documents.sort(Comparator.<Document, Boolean>comparing(document -> !EVERY_CHAIN.equals(document.getString("scope")))
                .thenComparing(document -> document.getInteger("position", Integer.MAX_VALUE))
                .thenComparing(document -> document.getString("_id")));
        if (chainId == null) {
            return documents.stream().map(Catalog::read).filter(Reward::active).toList();
        }
        Map<String, Reward> offered = new LinkedHashMap<>();
        for (Document document : documents) {
            Reward reward = read(document);
            offered.put(reward.id(), reward); // a chain's own (sorted after) replaces every chain's of the same id
        }
        return offered.values().stream().filter(Reward::active).toList();
    }

    /** Creates the chain's reward, or stores the definition as its next version; the same definition again changes nothing. */
    public Saved save(String chainId, String rewardId, RewardDefinition definition, Instant now) {
        Reward defined = definition.toReward(rewardId, chainId, 1, now);
        return change(chainId, rewardId, now, current -> current.isPresent() && current.get().active()
                && current.get().sameDefinitionAs(defined) ? null : defined, null);
    }

    /** Withdraws the reward for the chain (a configured one for that chain only); empty when the chain offers no such reward. */
    public Optional<Saved> withdraw(String chainId, String rewardId, Instant now) {
        Optional<Reward> offered = current(chainId, rewardId).or(() -> current(null, rewardId));
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        Reward template = offered.get();
        Reward withdrawn = new Reward(rewardId, chainId, 1L, Reward.Status.WITHDRAWN, template.name(),
                template.description(), template.pointsCost(), template.coupon(), template.couponValidityDays(),
                template.couponValidity(), template.stock(), template.firstX(), template.availableFrom(),
                template.availableUntil(), template.tiers(), template.perMemberLimit(), now);
        return Optional.of(change(chainId, rewardId, now,
                current -> current.isPresent() && !current.get().active() ? null : withdrawn, null));
    }

    /** One stored version of a reward. */
    public Optional<Reward> version(String chainId, String rewardId, long version) {
        return Optional.ofNullable(versions.find(Filters.eq("_id", key(chainId, rewardId) + "/" + version)).first())
                .map(Catalog::read);
    }

    private interface Change {
        /** The reward to store as the next version, or {@code null} to leave the current one. */
        Reward next(Optional<Reward> current);
    }

    private Saved change(String chainId, String rewardId, Instant now, Change change, Integer position) {
        String key = key(chainId, rewardId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Reward> current = current(chainId, rewardId);
            Reward next = change.next(current);
            if (next == null) {
                return new Saved(current.orElseThrow(), false, false);
            }
            long version = current.map(reward -> reward.version() + 1).orElse(1L);
            Reward stored = next.withVersion(version, next.status(), now);
            Document document = write(key, stored, position);
            try {
                if (current.isEmpty()) {
                    rewards.insertOne(document);
                } else if (rewards.replaceOne(Filters.and(Filters.eq("_id", key),
                        Filters.eq("version", current.get().version())), document).getMatchedCount() == 0) {
                    continue; // changed meanwhile: decide again on what is stored now
                }
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    continue; // created meanwhile
                }
                throw e;
            }
            Document history = write(key + "/" + version, stored, position);
            versions.replaceOne(Filters.eq("_id", history.getString("_id")), history,
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
            return new Saved(stored, current.isEmpty(), true);
        }
        throw new IllegalStateException("reward " + key + " kept changing while it was being changed; try again");
    }

    private static String key(String chainId, String rewardId) {
        return (chainId == null ? EVERY_CHAIN : chainId) + "/" + rewardId;
    }

    private static Document write(String id, Reward reward, Integer position) {
        try {
            Document document = Document.parse(Json.mapper().writeValueAsString(reward));
            document.put("_id", id);
            document.put("scope", reward.chainId() == null ? EVERY_CHAIN : reward.chainId());
            if (position != null) {
                document.put("position", position);
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reward read(Document document) {
        try {
            return Json.mapper().readValue(document.toJson(), Reward.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
