package io.patronage.kit.axon;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedEntryWhenFull() {
        BoundedCache cache = new BoundedCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertEquals(Integer.valueOf(1), cache.get("a"));
        cache.put("c", 3);

        assertTrue(cache.containsKey("a"), "recently read entry stays");
        assertFalse(cache.containsKey("b"), "least recently used entry goes");
        assertTrue(cache.containsKey("c"));
        assertEquals(2, cache.size());
    }

    @Test
    void keepsEntriesStronglyAcrossGarbageCollections() {
        BoundedCache cache = new BoundedCache(10);
        cache.put("account", new StringBuilder("state"));
        System.gc();
        assertEquals("state", cache.get("account").toString());
    }

    @Test
    void putIfAbsentAndComputeIfAbsentDoNotOverwrite() {
        BoundedCache cache = new BoundedCache(10);
        assertTrue(cache.putIfAbsent("k", "first"));
        assertFalse(cache.putIfAbsent("k", "second"));
        assertEquals("first", cache.computeIfAbsent("k", () -> "third"));
        assertTrue(cache.remove("k"));
        assertNull(cache.get("k"));
    }

    @Test
    void refusesANonPositiveSize() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedCache(0));
    }
}
