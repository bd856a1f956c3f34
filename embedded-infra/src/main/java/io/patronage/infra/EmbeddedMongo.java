package io.patronage.infra;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server). The real MongoDB driver talks to it,
 * but it has no transactions, no TTL indexes, and indexes only {@code _id} lookups.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A server on a free port whose data lives in memory only. */
    public static EmbeddedMongo inMemory() {
        return bind(new MemoryBackend(), 0);
    }

    /**
     * A server whose data lives in an H2 MVStore file, {@code dataDir/mongo.mv}, and survives a restart. The file
     * is encrypted with the installation's key {@code dataDir/mongo.key} (see {@link EncryptedStoreFile}), so
     * what a delete leaves in it is never readable in clear.
     *
     * @param port the port, or 0 for a free one
     */
    public static EmbeddedMongo persistent(Path dataDir, int port) {
        Directories.create(dataDir);
        MVStore store = EncryptedStoreFile.open(dataDir);
        EmbeddedMongo mongo;
        try {
            mongo = bind(new H2Backend(store), port);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        LOG.info("MongoDB wire server on localhost:{} keeps its data in {} (encrypted)", mongo.port,
                dataDir.resolve(EncryptedStoreFile.DATA_FILE).toAbsolutePath());
        return mongo;
    }

    private static EmbeddedMongo bind(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        // A failed bind shuts the server down itself, closing the backend and so releasing the H2 file lock.
        server.bind("localhost", port);
        return new EmbeddedMongo(server, server.getLocalAddress().getPort());
    }

    /** {@code mongodb://localhost:PORT} */
    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    /** Stops the server and closes the backend, writing an H2 store to disk. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
        }
    }
}
