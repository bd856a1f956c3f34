package io.patronage.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB's H2 MVStore file, encrypted at rest (MVStore's XTS-AES file encryption) with a key made
 * once per installation and kept beside it, {@code mongo.key} (owner-only where the file system has POSIX
 * permissions). Pages freed by a delete or an update stay in the file until reused, so without encryption an
 * erased profile can be read from it in clear; encrypted, the file's bytes never show a value.
 *
 * <p>A data directory from before encryption ({@code mongo.mv} and no key) is converted at the first start: its
 * live data is copied into a new, encrypted file, which then replaces it; the copy leaves behind whatever the old
 * file still held of deleted documents. The key is moved into place only once the copy is complete, and a
 * conversion interrupted after that is finished at the next start.
 */
final class EncryptedStoreFile {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptedStoreFile.class);
    static final String DATA_FILE = "mongo.mv";
    static final String KEY_FILE = "mongo.key";

    private EncryptedStoreFile() {
    }

    static MVStore open(Path dataDir) {
        Path file = dataDir.resolve(DATA_FILE).toAbsolutePath();
        Path key = dataDir.resolve(KEY_FILE);
        Path copy = dataDir.resolve(DATA_FILE + ".encrypted");
        try {
            if (Files.exists(key) && Files.exists(copy)) {
                Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.exists(key) && Files.exists(file)) {
                encryptExisting(file, copy, key);
            } else if (!Files.exists(key)) {
                writeKey(key, newKey());
            }
            return open(file, Files.readString(key, StandardCharsets.US_ASCII).strip().toCharArray(), key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the embedded MongoDB store in " + dataDir, e);
        }
    }

    private static MVStore open(Path file, char[] key, Path keyFile) {
        try {
            return new MVStore.Builder().fileName(file.toString()).encryptionKey(key).open();
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " cannot be opened with the key in " + keyFile + " (a key from "
                    + "another installation, or a damaged file): restore the key that belongs to this file, or move "
                    + "the data directory away to start empty", e);
        }
    }

    private static void encryptExisting(Path file, Path copy, Path key) throws IOException {
        LOG.info("Encrypting the embedded MongoDB store {} (once): copying its live data into an encrypted file", file);
        Files.deleteIfExists(copy);
        String newKey = newKey();
        MVStore plain;
        try {
            plain = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " has no key file " + key + " beside it and is not a readable "
                    + "unencrypted store: restore its key file, or move the data directory away to start empty", e);
        }
        try (plain; MVStore encrypted = new MVStore.Builder().fileName(copy.toString())
                .encryptionKey(newKey.toCharArray()).open()) {
            MVStoreTool.compact(plain, encrypted);
        }
        writeKey(key, newKey);
        Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("The embedded MongoDB store is encrypted; its key is {}", key);
    }

    /** Written whole under another name and moved into place, so a key file is either complete or absent. */
    private static void writeKey(Path key, String value) throws IOException {
        Path partial = key.resolveSibling(KEY_FILE + ".new");
        Files.deleteIfExists(partial);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(partial, value + "\n", StandardCharsets.US_ASCII);
        Files.move(partial, key, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
