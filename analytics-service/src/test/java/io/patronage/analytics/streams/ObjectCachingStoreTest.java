package io.patronage.analytics.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ObjectCachingStoreTest {

    private KeyValueStore<String, String> below;
    private ObjectCachingStore<String> store;

    @BeforeEach
    void open() {
        below = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("values"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        store = new ObjectCachingStore<>(below, 2);
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void changesReachTheStoreBelowOnlyWhenTheTaskCommits() {
        below.put("gone", "old");
        store.put("a", "1");
        store.put("a", "2");
        store.delete("gone");

        assertEquals("2", store.get("a"));
        assertNull(store.get("gone"));
        assertNull(below.get("a"));
        assertEquals("old", below.get("gone"));

        store.flushCache();
        assertEquals("2", below.get("a"));
        assertNull(below.get("gone"));
    }

    @Test
    void anAbortedTransactionsChangesAreDropped() {
        below.put("a", "committed");
        store.put("a", "uncommitted");
        store.put("b", "uncommitted");

        store.clearCache();
        store.flushCache();

        assertEquals("committed", store.get("a"));
        assertNull(store.get("b"));
        assertNull(below.get("b"));
    }

    @Test
    void keepsTheMostRecentlyUsedWrittenValuesOnly() {
        store.put("a", "1");
        store.put("b", "2");
        store.put("c", "3");
        store.flushCache();
        // changed below the cache behind its back: only an evicted key reads it
        below.put("a", "from below");
        below.put("c", "from below");

        assertEquals("from below", store.get("a"));
        assertEquals("3", store.get("c"));
    }

    @Test
    void aRecycledTaskReadsTheStoreBelowAgain() {
        store.put("a", "1");
        store.flushCache();
        below.put("a", "restored");

        store.clearCache();

        assertEquals("restored", store.get("a"));
    }

    @Test
    void anInteractiveQuerysReadIsNotCached() throws InterruptedException {
        below.put("a", "half restored");
        AtomicReference<String> read = new AtomicReference<>();
        Thread query = new Thread(() -> read.set(store.get("a")));
        query.start();
        query.join();
        assertEquals("half restored", read.get());
        below.put("a", "restored");

        assertEquals("restored", store.get("a"));
    }

    @Test
    void iteratorsLayTheChangesOverTheStoreBelowInItsKeyOrder() {
        below.put("p:a", "below");
        below.put("p:c", "below");
        below.put("p:\uFFFF", "below");
        below.put("q:z", "below");
        store.put("p:b", "changed");
        store.put("p:a", "changed");
        store.delete("p:c");
        // beyond the BMP: after U+FFFF in UTF-8 byte order, before it in String.compareTo
        store.put("p:\uD800\uDC00", "changed");

        assertEquals(List.of("p:a=changed", "p:b=changed", "p:\uFFFF=below", "p:\uD800\uDC00=changed", "q:z=below"),
                entries(store.all()));
        assertEquals(List.of("p:a=changed", "p:b=changed", "p:\uFFFF=below", "p:\uD800\uDC00=changed"),
                entries(store.prefixScan("p:", Serdes.String().serializer())));
        assertEquals(List.of("p:b=changed", "p:\uFFFF=below"), entries(store.range("p:b", "p:\uFFFF")));

        store.flushCache();
        assertEquals(entries(store.all()), entries(below.all()));
    }

    @Test
    void putAllAndPutIfAbsentAreChangesLikeAnyOther() {
        below.put("a", "below");
        assertEquals("below", store.putIfAbsent("a", "new"));
        assertNull(store.putIfAbsent("b", "new"));
        store.putAll(List.of(KeyValue.pair("c", "all"), KeyValue.pair("a", null)));

        assertEquals(List.of("b=new", "c=all"), entries(store.all()));
        assertEquals("below", below.get("a"));
    }

    private static List<String> entries(KeyValueIterator<String, String> iterator) {
        List<String> entries = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(entry -> entries.add(entry.key + "=" + entry.value));
        }
        return entries;
    }
}
