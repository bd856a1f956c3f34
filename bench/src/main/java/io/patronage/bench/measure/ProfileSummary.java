package io.patronage.bench.measure;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hot frames of a JFR recording within a time window: where running threads were (execution samples) by
 * method and by component, which threads were busy, and where threads sat in native code (mostly waiting on
 * sockets: Kafka and Mongo round trips).
 */
public final class ProfileSummary {

    private static final int TOP = 15;
    private static final List<String[]> COMPONENTS = List.of(
            new String[] {"io.patronage.", "Patronage"},
            new String[] {"org.axonframework.", "Axon"},
            new String[] {"com.mongodb.", "Mongo driver"},
            new String[] {"org.bson.", "Mongo driver (BSON)"},
            new String[] {"de.bwaldvogel.", "mongo-java-server"},
            new String[] {"org.h2.", "H2 (store backend)"},
            new String[] {"kafka.", "Kafka broker"},
            new String[] {"org.apache.kafka.", "Kafka (clients/broker)"},
            new String[] {"com.fasterxml.jackson.", "Jackson"},
            new String[] {"io.netty.", "Netty"},
            new String[] {"io.micronaut.", "Micronaut"},
            new String[] {"io.micrometer.", "Micrometer"},
            new String[] {"ch.qos.logback.", "Logback"},
            new String[] {"org.slf4j.", "Logback"});

    private final Map<String, Integer> selfByMethod = new HashMap<>();
    private final Map<String, Integer> inclusiveByMethod = new HashMap<>();
    private final Map<String, Integer> byComponent = new HashMap<>();
    private final Map<String, Integer> byThread = new HashMap<>();
    private final Map<String, Integer> nativeByThread = new HashMap<>();
    private final Map<String, Integer> nativeByCaller = new HashMap<>();
    private int samples;
    private int nativeSamples;

    private ProfileSummary() {
    }

    public static ProfileSummary of(Path recording, Instant from, Instant to) throws IOException {
        ProfileSummary summary = new ProfileSummary();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                String type = event.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    summary.execution(event);
                } else if (type.equals("jdk.NativeMethodSample")) {
                    summary.nativeSample(event);
                }
            }
        }
        return summary;
    }

    private void execution(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        byThread.merge(threadName(event), 1, Integer::sum);
        List<RecordedFrame> frames = stack.getFrames();
        selfByMethod.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
        byComponent.merge(component(frames), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String method = name(frame.getMethod());
            if (method.startsWith("io.patronage.") && seen.add(method)) {
                inclusiveByMethod.merge(method, 1, Integer::sum);
            }
        }
    }

    private void nativeSample(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        nativeSamples++;
        nativeByThread.merge(threadName(event), 1, Integer::sum);
        if (stack != null) {
            nativeByCaller.merge(component(stack.getFrames()), 1, Integer::sum);
        }
    }

    /** The component of the first frame that is not the JDK's own: who asked for the work. */
    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod() == null ? "" : frame.getMethod().getType().getName();
            for (String[] component : COMPONENTS) {
                if (type.startsWith(component[0])) {
                    return component[1];
                }
            }
        }
        return "JDK only";
    }

    private static String name(RecordedMethod method) {
        if (method == null) {
            return "?";
        }
        return method.getType().getName() + "." + method.getName();
    }

    private static String threadName(RecordedEvent event) {
        RecordedThread thread = event.getThread("sampledThread");
        String name = thread == null ? "?" : thread.getJavaName() == null ? thread.getOSName() : thread.getJavaName();
        return name == null ? "?" : name.replaceAll("\\d+", "#");
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("executionSamples", samples);
        json.put("byComponent", percentages(byComponent, samples, TOP));
        json.put("byThread", percentages(byThread, samples, TOP));
        json.put("topSelfMethods", percentages(selfByMethod, samples, TOP));
        json.put("topPatronageMethodsInclusive", percentages(inclusiveByMethod, samples, TOP));
        json.put("nativeSamples", nativeSamples);
        json.put("nativeByThread", percentages(nativeByThread, nativeSamples, TOP));
        json.put("nativeByCaller", percentages(nativeByCaller, nativeSamples, TOP));
        return json;
    }

    public String text(String title) {
        StringBuilder text = new StringBuilder(title).append(": ").append(samples).append(" execution samples, ")
                .append(nativeSamples).append(" native samples\n");
        section(text, "by component (first non-JDK frame)", byComponent, samples, 10);
        section(text, "by thread", byThread, samples, 8);
        section(text, "hottest methods (self)", selfByMethod, samples, TOP);
        section(text, "Patronage methods (inclusive)", inclusiveByMethod, samples, 10);
        section(text, "threads in native code (mostly blocked on sockets)", nativeByThread, nativeSamples, 6);
        section(text, "native code by caller (whose I/O they wait for)", nativeByCaller, nativeSamples, 6);
        return text.toString();
    }

    private static void section(StringBuilder text, String title, Map<String, Integer> counts, int total, int top) {
        text.append("  ").append(title).append(":\n");
        percentages(counts, total, top).forEach((name, percent) ->
                text.append(String.format(Locale.ROOT, "    %5.1f%%  %s%n", percent, name)));
    }

    private static Map<String, Double> percentages(Map<String, Integer> counts, int total, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> Math.round(1000.0 * e.getValue() / Math.max(1, total)) / 10.0,
                        (a, b) -> a, LinkedHashMap::new));
    }
}
