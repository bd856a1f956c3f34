package io.patronage.points.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.micronaut.context.annotation.Value;
import io.patronage.kit.json.Json;
import io.patronage.points.errors.PointsException;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The program versions of every chain, by effective time. Kept in Mongo ({@code programs}, {@code _id = chainId})
 * and in memory, loaded once at startup, so the earning hot path reads no Mongo. A chain without versions (or a
 * transaction before its first version) earns under the configured default program.
 */
@Singleton
public class Programs implements ProgramCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(Programs.class);
    private static final TypeReference<Map<String, List<ProgramRules>>> SEED = new TypeReference<>() {
    };

    private final ProgramRules fallback;
    private final MongoCollection<Document> store;
    private final String seedFile;
    private final Map<String, NavigableMap<Instant, ProgramRules>> byChain = new ConcurrentHashMap<>();
    /** The default program by the decimals of a chain's points. */
    private final Map<Integer, ProgramRules> fallbacks = new ConcurrentHashMap<>();

    Programs(ProgramProperties defaults, MongoDatabase database,
             @Value("${patronage.points.programs-file:}") String seedFile) {
        this.fallback = defaults.toRules();
        this.store = database.getCollection("programs");
        this.seedFile = seedFile;
    }

    @PostConstruct
    void load() throws IOException {
        for (Document chain : store.find()) {
            byChain.put(chain.getString("_id"), parse(chain.getString("versions")));
        }
        if (!seedFile.isBlank()) {
            Map<String, List<ProgramRules>> seed = Json.mapper().readValue(Files.readString(Path.of(seedFile)), SEED);
            seed.forEach((chainId, versions) -> versions.stream()
                    .filter(rules -> find(chainId, rules.version()).isEmpty())
                    .forEach(rules -> save(chainId, rules)));
        }
        LOG.info("programs loaded for {} chains", byChain.size());
    }

    /** Before the chain's first version, the default program, counted in the chain's unit. */
    @Override
    public ProgramRules rulesFor(String chainId, Instant occurredAt) {
        NavigableMap<Instant, ProgramRules> versions = byChain.get(chainId);
        if (versions == null || versions.isEmpty()) {
            return fallback;
        }
        Map.Entry<Instant, ProgramRules> entry = versions.floorEntry(occurredAt);
        return entry != null ? entry.getValue()
                : fallbacks.computeIfAbsent(versions.firstEntry().getValue().pointsDecimals(),
                fallback::withPointsDecimals);
    }

    public List<ProgramRules> versions(String chainId) {
        NavigableMap<Instant, ProgramRules> versions = byChain.get(chainId);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    public Optional<ProgramRules> find(String chainId, String version) {
        return versions(chainId).stream().filter(rules -> rules.version().equals(version)).findFirst();
    }

    /**
     * Adds a version (the caller checked it is new and not retroactive) to Mongo, then to the hot path.
     *
     * @throws PointsException.PointsUnitFixed for a version whose {@code pointsDecimals} differ from the chain's other
     *                                         versions': the events stored in the chain's unit would change meaning
     */
    public synchronized void save(String chainId, ProgramRules rules) {
        List<ProgramRules> existing = versions(chainId);
        if (!existing.isEmpty() && existing.get(0).pointsDecimals() != rules.pointsDecimals()) {
            throw new PointsException.PointsUnitFixed("pointsDecimals " + rules.pointsDecimals() + ": chain " + chainId
                    + " keeps points with " + existing.get(0).pointsDecimals() + " decimals (version "
                    + existing.get(0).version() + "), and a chain's points never change unit");
        }
        NavigableMap<Instant, ProgramRules> versions = new TreeMap<>(byChain.getOrDefault(chainId, new TreeMap<>()));
        versions.put(rules.effectiveFrom(), rules);
        try {
            store.replaceOne(Filters.eq("_id", chainId),
                    new Document("_id", chainId).append("versions",
                            Json.mapper().writeValueAsString(List.copyOf(versions.values()))),
                    new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the program of " + chainId, e);
        }
        byChain.put(chainId, versions);
    }

    private static NavigableMap<Instant, ProgramRules> parse(String json) {
        try {
            NavigableMap<Instant, ProgramRules> versions = new TreeMap<>();
            Json.mapper().readValue(json, new TypeReference<List<ProgramRules>>() {
            }).forEach(rules -> versions.put(rules.effectiveFrom(), rules));
            return versions;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored program", e);
        }
    }
}
