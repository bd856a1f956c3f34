package io.patronage.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code patronage-launcher.jar rebuild [--points-url URL]}: asks a running points-service to drop its
 * balance projection and rebuild it from the event log in one pass, then prints what it found.
 * Exit code 0 when the balances before and after are equal, 3 when they differ (the rebuild corrected
 * them, or live traffic changed them meanwhile: run it again), 1 when the service could not do it.
 */
final class RebuildCommand {

    static final String USAGE = """
            Usage: java -jar launcher/target/patronage-launcher.jar rebuild [--points-url URL] [--data-dir DIR]

            Rebuilds points-service's balance projection from its event log in one ordered pass and
            compares a checksum over all balances before and after. The service logs its progress.

            Options:
              --points-url URL        the running points-service (default http://localhost:8082)
              --data-dir DIR          the platform's data directory, whose key signs the admin token
                                      the command calls with (default ./data)
            """;

    private RebuildCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String pointsUrl = "http://localhost:8082";
        Path dataDir = Path.of("data");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[++i]);
            } else if (args[i].startsWith("--data-dir=")) {
                dataDir = Path.of(args[i].substring("--data-dir=".length()));
            } else if (args[i].equals("--points-url") && i + 1 < args.length) {
                pointsUrl = args[++i];
            } else if (args[i].startsWith("--points-url=")) {
                pointsUrl = args[i].substring("--points-url=".length());
            } else if (args[i].equals("-h") || args[i].equals("--help")) {
                out.print(USAGE);
                return 0;
            } else {
                err.println("patronage-launcher rebuild: unknown argument " + args[i]);
                err.print(USAGE);
                return 2;
            }
        }
        out.println("Rebuilding the points balances from the event log of " + pointsUrl + " ...");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(pointsUrl + "/admin/rebuild"))
                            .timeout(Duration.ofHours(2))
                            .header("Authorization", "Bearer " + TokenCommand.launcherToken(TokenCommand.keys(dataDir)))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                err.println("points-service answered " + response.statusCode() + ": " + response.body());
                return 1;
            }
            JsonNode result = new ObjectMapper().readTree(response.body());
            out.printf(Locale.ROOT, "%,d events of %,d members read in %.1f s%n", result.path("events").asLong(),
                    result.path("members").asLong(), result.path("seconds").asDouble());
            out.println("checksum before: " + result.path("checksumBefore").asText());
            out.println("checksum after:  " + result.path("checksumAfter").asText());
            if (result.path("equal").asBoolean()) {
                out.println("Balances are identical to those before the rebuild.");
                return 0;
            }
            out.println("Balances differ from those before the rebuild: the projection was corrected, or live "
                    + "traffic changed it meanwhile. Run the rebuild again to confirm.");
            return 3;
        } catch (ConnectException e) {
            err.println("cannot reach points-service at " + pointsUrl + ": is the platform running?");
            return 1;
        } catch (IOException e) {
            err.println("rebuild failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
