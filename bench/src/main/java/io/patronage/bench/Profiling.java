package io.patronage.bench;

import io.patronage.bench.measure.ProfileSummary;
import io.patronage.bench.measure.Report;
import io.patronage.bench.platform.BenchFailure;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;

/**
 * {@code --profile}: points-service runs under a flight recording from its start (dumped when it stops), the
 * bench JVM records itself during the earn run; afterwards both are summarised over the earn run's window. So are
 * analytics-service's, and that of the instance recomputing the views after the reset.
 */
final class Profiling {

    private static final String SERVICE = "points-service";
    private static final String ANALYTICS = "analytics-service";
    private static final String REPLAY = ANALYTICS + "-replay";

    private final Path directory;
    private Recording own;

    Profiling(Path directory) {
        this.directory = directory;
    }

    List<String> jvmOptions(String service) {
        return List.of("-XX:StartFlightRecording=name=bench,settings=profile,dumponexit=true,filename="
                + recording(service));
    }

    void startOwnRecording() {
        try {
            own = new Recording(Configuration.getConfiguration("profile"));
            own.setName("bench-infra");
            own.start();
        } catch (IOException | ParseException e) {
            throw new BenchFailure("cannot start a flight recording: " + e.getMessage(), e);
        }
    }

    void stopOwnRecording() {
        try {
            own.stop();
            own.dump(recording("bench-infra"));
        } catch (IOException e) {
            throw new BenchFailure("cannot write the flight recording: " + e.getMessage(), e);
        } finally {
            own.close();
        }
    }

    /** Prints and reports the hot frames of the recordings within the window; the service must have stopped. */
    void summarise(Instant from, Instant to, Report report) {
        summarise("profilePointsService", SERVICE + " during the earn run", recording(SERVICE), from, to, report);
        if (Files.exists(recording(ANALYTICS))) {
            // analytics catches up after the earn run: its whole recording from the run's start
            summarise("profileAnalyticsService", ANALYTICS + " (from the earn run's start until it stopped)",
                    recording(ANALYTICS), from, Instant.MAX, report);
        }
        if (Files.exists(recording(REPLAY))) {
            summarise("profileAnalyticsReplay", REPLAY + " (its whole run: the recomputation after the reset)",
                    recording(REPLAY), Instant.MIN, Instant.MAX, report);
        }
        summarise("profileBenchJvm", "the bench JVM (Kafka broker, Mongo server, load clients) during the earn run",
                recording("bench-infra"), from, to, report);
    }

    private static void summarise(String key, String title, Path recording, Instant from, Instant to, Report report) {
        if (!Files.exists(recording)) {
            report.note("no flight recording at " + recording);
            return;
        }
        try {
            ProfileSummary summary = ProfileSummary.of(recording, from, to);
            System.out.println();
            System.out.print(summary.text("profile of " + title));
            report.put(key, summary.json());
        } catch (IOException e) {
            report.note("cannot read " + recording + ": " + e.getMessage());
        }
    }

    private Path recording(String name) {
        return directory.resolve(name + ".jfr");
    }
}
