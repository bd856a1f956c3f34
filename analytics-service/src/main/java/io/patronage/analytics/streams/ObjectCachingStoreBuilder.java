package io.patronage.analytics.streams;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.util.Map;

/** Builds a store below an {@link ObjectCachingStore}; the store below has no cache of its own. */
public final class ObjectCachingStoreBuilder<V> implements StoreBuilder<KeyValueStore<String, V>> {

    private final StoreBuilder<KeyValueStore<String, V>> below;
    private final int cleanEntries;

    /** @param cleanEntries how many values each instance keeps once written (the least recently used go first) */
    public ObjectCachingStoreBuilder(StoreBuilder<KeyValueStore<String, V>> below, int cleanEntries) {
        this.below = below.withCachingDisabled();
        this.cleanEntries = cleanEntries;
    }

    @Override
    public KeyValueStore<String, V> build() {
        return new ObjectCachingStore<>(below.build(), cleanEntries);
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
        throw new UnsupportedOperationException("this store is a cache: build the store below without it");
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
        below.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
        below.withLoggingDisabled();
        return this;
    }

    @Override
    public Map<String, String> logConfig() {
        return below.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return below.loggingEnabled();
    }

    @Override
    public String name() {
        return below.name();
    }
}
