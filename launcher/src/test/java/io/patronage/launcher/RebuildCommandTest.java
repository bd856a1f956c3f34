package io.patronage.launcher;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RebuildCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void printsTheChecksumsAndSucceedsWhenBalancesAreEqual() throws IOException {
        String url = serve(200, "{\"events\":55000,\"members\":5000,\"checksumBefore\":\"ab12\","
                + "\"checksumAfter\":\"ab12\",\"equal\":true,\"seconds\":1.25}");

        int exit = RebuildCommand.run(new String[] {"--points-url", url, "--data-dir", dataDir.toString()}, print(out), print(err));

        assertEquals(0, exit, err.toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("55,000 events of 5,000 members"), printed);
        assertTrue(printed.contains("checksum after:  ab12"), printed);
    }

    @Test
    void exitsWithThreeWhenBalancesDifferAndOneWhenTheServiceFails() throws IOException {
        String url = serve(200, "{\"events\":1,\"members\":1,\"checksumBefore\":\"a\",\"checksumAfter\":\"b\","
                + "\"equal\":false,\"seconds\":0.1}");
        assertEquals(3, RebuildCommand.run(new String[] {"--points-url=" + url, "--data-dir=" + dataDir}, print(out), print(err)));
        server.stop(0);

        String failing = serve(500, "{\"status\":500}");
        assertEquals(1, RebuildCommand.run(new String[] {"--points-url", failing, "--data-dir", dataDir.toString()}, print(out), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("answered 500"), err.toString());
    }

    @Test
    void refusesUnknownArguments() {
        assertEquals(2, RebuildCommand.run(new String[] {"--fast"}, print(out), print(err)));
    }

    private String serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/admin/rebuild", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://localhost:" + server.getAddress().getPort();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
