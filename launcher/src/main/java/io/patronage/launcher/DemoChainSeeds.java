package io.patronage.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Creates the demo chains ({@code demo-chains.json}: EUR in Athens, MYR in Kuala Lumpur, IRR in Tehran) through
 * enrollment-service's chain admin API, once the platform is ready: only a chain it does not know yet, so what an
 * admin changed since is kept.
 */
final class DemoChainSeeds {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI enrollment;
    private final String adminToken;

    /** @param adminToken a bearer token with the admin role (the launcher's own) */
    DemoChainSeeds(URI enrollment, String adminToken) {
        this.enrollment = enrollment;
        this.adminToken = adminToken;
    }

    /** Creates the chains enrollment-service does not have; answers the ids of those it created. */
    List<String> seed(PrintStream out) throws PlatformStartException {
        List<String> created = new ArrayList<>();
        try {
            for (Iterator<Map.Entry<String, JsonNode>> chains = chains().fields(); chains.hasNext(); ) {
                Map.Entry<String, JsonNode> chain = chains.next();
                URI uri = enrollment.resolve("/chains/" + chain.getKey());
                HttpResponse<String> known = http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (known.statusCode() == 200) {
                    continue;
                }
                if (known.statusCode() != 404) {
                    throw new PlatformStartException("Could not read chain " + chain.getKey() + " from " + uri + ": HTTP "
                            + known.statusCode() + " " + known.body());
                }
                HttpResponse<String> put = http.send(request(uri).header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(chain.getValue()))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (put.statusCode() != 201 && put.statusCode() != 200) {
                    throw new PlatformStartException("Could not create demo chain " + chain.getKey() + " at " + uri
                            + ": HTTP " + put.statusCode() + " " + put.body());
                }
                created.add(chain.getKey());
            }
        } catch (IOException e) {
            throw new PlatformStartException("Could not create the demo chains at " + enrollment + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStartException("Stopped while creating the demo chains", e);
        }
        if (!created.isEmpty()) {
            out.println("Demo chains created through " + enrollment.resolve("/chains") + ": " + String.join(", ", created));
        }
        return created;
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", "Bearer " + adminToken);
    }

    private JsonNode chains() throws IOException {
        try (InputStream in = DemoChainSeeds.class.getResourceAsStream("/demo-chains.json")) {
            return json.readTree(in);
        }
    }
}
