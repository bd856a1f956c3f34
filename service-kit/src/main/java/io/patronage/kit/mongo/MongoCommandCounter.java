package io.patronage.kit.mongo;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the commands this service sends to MongoDB, by command name: the storage cost of the hot path. */
public class MongoCommandCounter implements CommandListener {

    private final Map<String, LongAdder> byCommand = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        byCommand.computeIfAbsent(event.getCommandName(), name -> new LongAdder()).increment();
    }

    public long total() {
        return byCommand.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> byCommand() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        byCommand.forEach((name, count) -> counts.put(name, count.sum()));
        return counts;
    }
}
