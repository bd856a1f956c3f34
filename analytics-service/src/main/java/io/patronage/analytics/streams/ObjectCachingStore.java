package io.patronage.analytics.streams;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A store's record cache of <em>values</em>, not of their bytes: what a processor reads and writes between two commits
 * stays an object in memory, and each changed key is serialized and written to the store below it (RocksDB and its
 * changelog) once, when the task commits. Kafka Streams' own cache keeps serialized bytes, so every get of a hot
 * key (a chain's tallies, changed by each of its facts) parsed JSON and every put wrote it again — a quarter of
 * the stream threads' time.
 * <p>
 * The writes reach the store below in {@link #flushCache()}, which Streams calls before every commit (the same hook
 * as its own cache), so they are in the transaction of the input they came from; {@link #clearCache()} and
 * {@link #close()} drop what was not written, as a task that aborts its transaction is closed and restored from its
 * changelog. After a commit the written values stay as a bounded, least-recently-used set of clean entries, so
 * the next commit interval reads its hot keys without parsing them.
 * <p>
 * The values must not be changed once put or read (our stored values are records copied on change). Interactive
 * queries read through this store from HTTP threads, so every method holds its lock (a commit's flush too, as in
 * Kafka Streams' cache), and only the stream thread's reads are cached: a query may come while a revived task's state
 * is restored below. An iterator walks a copy of the changed entries in its range merged with the store below, in
 * the store's key order (the UTF-8 bytes of a key, which is the order of its code points).
 */
public final class ObjectCachingStore<V> implements KeyValueStore<String, V>, CachedStateStore<String, V> {

    /** How a deleted key waits in {@link #dirty} for the commit. */
    private static final Object DELETED = new Object();
    private static final Comparator<String> KEY_ORDER = ObjectCachingStore::compareCodePoints;

    private final KeyValueStore<String, V> inner;
    private final Map<String, Object> dirty = new HashMap<>();
    private final LinkedHashMap<String, V> clean;
    /** The thread that initialised the store and processes its task: only its reads are cached. */
    private Thread streamThread;

    public ObjectCachingStore(KeyValueStore<String, V> inner, int cleanEntries) {
        this.inner = inner;
        this.clean = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > cleanEntries;
            }
        };
    }

    @Override
    public synchronized V get(String key) {
        Object changed = dirty.get(key);
        if (changed != null) {
            return changed == DELETED ? null : value(changed);
        }
        V cached = clean.get(key);
        if (cached != null) {
            return cached;
        }
        V stored = inner.get(key);
        // an interactive query's read is not cached: it may come while the state below is being restored
        if (stored != null && Thread.currentThread() == streamThread) {
            clean.put(key, stored);
        }
        return stored;
    }

    @Override
    public synchronized void put(String key, V value) {
        Objects.requireNonNull(key, "key");
        clean.remove(key);
        dirty.put(key, value == null ? DELETED : value);
    }

    @Override
    public synchronized V putIfAbsent(String key, V value) {
        V before = get(key);
        if (before == null) {
            put(key, value);
        }
        return before;
    }

    @Override
    public synchronized void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public synchronized V delete(String key) {
        V before = get(key);
        put(key, null);
        return before;
    }

    @Override
    public synchronized KeyValueIterator<String, V> range(String from, String to) {
        return merged(inner.range(from, to), key -> (from == null || KEY_ORDER.compare(key, from) >= 0)
                && (to == null || KEY_ORDER.compare(key, to) <= 0));
    }

    @Override
    public synchronized KeyValueIterator<String, V> all() {
        return merged(inner.all(), key -> true);
    }

    @Override
    public synchronized <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix,
                                                                                          PS prefixSerializer) {
        // only String prefixes serialized as UTF-8 are used with these stores
        String start = new String(prefixSerializer.serialize(null, prefix), StandardCharsets.UTF_8);
        return merged(inner.prefixScan(prefix, prefixSerializer), key -> key.startsWith(start));
    }

    @Override
    public synchronized long approximateNumEntries() {
        return inner.approximateNumEntries();
    }

    /** Writes the changed values to the store below: called by Streams before each commit. */
    @Override
    public synchronized void flushCache() {
        if (dirty.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Object> entry : dirty.entrySet()) {
            if (entry.getValue() == DELETED) {
                inner.delete(entry.getKey());
            } else {
                V value = value(entry.getValue());
                inner.put(entry.getKey(), value);
                clean.put(entry.getKey(), value);
            }
        }
        dirty.clear();
    }

    @Override
    public synchronized void clearCache() {
        dirty.clear();
        clean.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, V> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        clearCache();
        streamThread = Thread.currentThread();
        inner.init(context, root);
    }

    @Override
    @SuppressWarnings("deprecation")
    public synchronized void flush() {
        inner.flush();
    }

    @Override
    public synchronized void commit(Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public synchronized void close() {
        clearCache();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    @SuppressWarnings("unchecked")
    private V value(Object changed) {
        return (V) changed;
    }

    /** The store below's entries with the changed ones in range laid over them, in key order. */
    private KeyValueIterator<String, V> merged(KeyValueIterator<String, V> below,
                                               Predicate<String> inRange) {
        List<Map.Entry<String, Object>> changed = new ArrayList<>();
        dirty.forEach((key, value) -> {
            if (inRange.test(key)) {
                changed.add(Map.entry(key, value));
            }
        });
        changed.sort(Map.Entry.comparingByKey(KEY_ORDER));
        return new MergedIterator<>(below, changed.iterator());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Two sorted sources, the changed entries winning on equal keys and deleted ones left out. */
    private static final class MergedIterator<V> implements KeyValueIterator<String, V> {

        private final KeyValueIterator<String, V> below;
        private final Iterator<Map.Entry<String, Object>> changed;
        private KeyValue<String, V> nextBelow;
        private Map.Entry<String, Object> nextChanged;
        private KeyValue<String, V> next;

        MergedIterator(KeyValueIterator<String, V> below, Iterator<Map.Entry<String, Object>> changed) {
            this.below = below;
            this.changed = changed;
            this.nextBelow = below.hasNext() ? below.next() : null;
            this.nextChanged = changed.hasNext() ? changed.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (next == null && (nextBelow != null || nextChanged != null)) {
                int order = nextBelow == null ? 1 : nextChanged == null ? -1
                        : KEY_ORDER.compare(nextBelow.key, nextChanged.getKey());
                if (order < 0) {
                    next = nextBelow;
                    nextBelow = below.hasNext() ? below.next() : null;
                    continue;
                }
                if (order == 0) {
                    nextBelow = below.hasNext() ? below.next() : null;
                }
                Map.Entry<String, Object> entry = nextChanged;
                nextChanged = changed.hasNext() ? changed.next() : null;
                if (entry.getValue() != DELETED) {
                    @SuppressWarnings("unchecked")
                    V value = (V) entry.getValue();
                    next = KeyValue.pair(entry.getKey(), value);
                }
            }
            return next != null;
        }

        @Override
        public KeyValue<String, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<String, V> result = next;
            next = null;
            return result;
        }

        @Override
        public String peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            below.close();
        }
    }
}
