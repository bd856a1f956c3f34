package io.patronage.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Free TCP ports, for servers that must be told their port before they bind it. An instance hands out
 * ports one at a time and never the same one twice: two services started a moment apart could otherwise be
 * given the same port before the first has bound it (the second then fails to start, and the first answers
 * the second's readiness checks).
 */
public final class Ports {

    private final Set<Integer> handedOut = new HashSet<>();

    /** A port free now that this instance has not handed out before. */
    public synchronized int next() {
        while (true) {
            int port = free(1).get(0);
            if (handedOut.add(port)) {
                return port;
            }
        }
    }

    /** Whether nothing listens on {@code port} on any local address. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code count} distinct ports that were free a moment ago. */
    public static List<Integer> free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            // All stay open until every port is known, so the ports are distinct.
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // The port is released either way.
                }
            }
        }
    }
}
