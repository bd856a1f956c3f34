package io.patronage.kit.mongo;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the commands this service sends to MongoDB, by command name: the storage cost of the hot
 * path. Exposed as the {@code patronage.mongo.commands} counter, tagged with the command name.
 */
public class MongoCommandCounter implements CommandListener, MeterBinder {

    private final Map<String, LongAdder> byCommand = new ConcurrentHashMap<>();
    private volatile MeterRegistry meters;

    @Override
    public void commandStarted(CommandStartedEvent event) {
        byCommand.computeIfAbsent(event.getCommandName(), this::register).increment();
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        meters = registry;
        byCommand.forEach(this::register);
    }

    public long total() {
        return byCommand.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> byCommand() {
        Map<String, Long> counts = new TreeMap<>();
        byCommand.forEach((name, count) -> counts.put(name, count.sum()));
        return counts;
    }

    private LongAdder register(String command) {
        LongAdder count = new LongAdder();
        if (meters != null) {
            register(command, count);
        }
        return count;
    }

    private void register(String command, LongAdder count) {
        FunctionCounter.builder("patronage.mongo.commands", count, LongAdder::doubleValue)
                .description("Commands sent to MongoDB")
                .tag("command", command)
                .register(meters);
    }
}
