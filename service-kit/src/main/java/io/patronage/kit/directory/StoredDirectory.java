package io.patronage.kit.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lookup table ({@code key -> value}) kept in a Mongo collection, {@code _id} = key and the value in one field,
 * with the most recently used entries in memory. Any instance of a service may have written an entry (another
 * instance consumed the enrollment: scale-out, rebalance, rolling deploy), so a key missing from memory is looked
 * up in the collection — by {@code _id}, the one index mongo-java-server serves, and for a whole batch in one
 * query — before it counts as unknown. Unknown keys are not remembered: their entry may be written at any moment.
 * <p>
 * An entry another instance removes stays in this instance's memory until it is evicted: removals are for keys
 * that stop mattering (a replaced card, an erased member), whose later use the domain refuses anyway.
 */
public final class StoredDirectory {

    private final MongoCollection<Document> collection;
    private final String valueField;
    private final Map<String, String> memory;

    /**
     * @param valueField the document field that holds the value
     * @param maxEntries how many entries stay in memory (least recently used go first)
     */
    public StoredDirectory(MongoCollection<Document> collection, String valueField, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("directory size must be positive: " + maxEntries);
        }
        this.collection = collection;
        this.valueField = valueField;
        this.memory = Collections.synchronizedMap(new LinkedHashMap<>(Math.min(maxEntries, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > maxEntries;
            }
        });
    }

    /** Reads the collection into memory (as much as fits): the first lookups then cost no round trip. */
    public int preload() {
        int count = 0;
        for (Document entry : collection.find()) {
            memory.put(entry.getString("_id"), entry.getString(valueField));
            count++;
        }
        return count;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(getAll(List.of(key)).get(key));
    }

    /** The values of those {@code keys} that have one: from memory, the rest in one query by {@code _id}. */
    public Map<String, String> getAll(Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            String value = memory.get(key);
            if (value != null) {
                found.put(key, value);
            } else if (!found.containsKey(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            for (Document entry : collection.find(Filters.in("_id", missing.stream().distinct().toList()))) {
                String key = entry.getString("_id");
                String value = entry.getString(valueField);
                memory.put(key, value);
                found.put(key, value);
            }
        }
        return found;
    }

    /**
     * Stores entries (each with {@code _id}, the value field and whatever else describes it) in one bulk write,
     * then makes them visible; storing one twice changes nothing.
     */
    public void putAll(List<Document> entries) {
        if (entries.isEmpty()) {
            return;
        }
        collection.bulkWrite(entries.stream()
                .map(entry -> new ReplaceOneModel<>(Filters.eq("_id", entry.getString("_id")), entry,
                        new ReplaceOptions().upsert(true)))
                .toList(), new BulkWriteOptions().ordered(true));
        entries.forEach(entry -> memory.put(entry.getString("_id"), entry.getString(valueField)));
    }

    public void remove(String key) {
        collection.deleteOne(Filters.eq("_id", key));
        memory.remove(key);
    }

    /** Removes every entry whose value is {@code value} (a query on a non-key field: for rare events only). */
    public void removeByValue(String value) {
        collection.deleteMany(Filters.eq(valueField, value));
        synchronized (memory) {
            memory.values().removeIf(value::equals);
        }
    }
}
