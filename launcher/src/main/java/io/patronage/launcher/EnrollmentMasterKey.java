package io.patronage.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * This installation's master key for enrollment-service, which wraps every member's personal-data key: 32
 * random bytes generated on the first start into {@code DIR/keys/enrollment-master.key} (base64, readable by
 * its owner only) and handed to enrollment-service as {@code PATRONAGE_ENROLLMENT_MASTER_KEY} on every start.
 */
final class EnrollmentMasterKey {

    static final String FILE = "keys/enrollment-master.key";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private EnrollmentMasterKey() {
    }

    /** The key in the data directory, generated there first if there is none. */
    static String loadOrCreate(Path dataDir, PrintStream out) throws PlatformStartException {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.notExists(file)) {
                create(file);
                out.println("Generated this installation's enrollment master key: " + file.toAbsolutePath().normalize()
                        + " (back it up apart from the data: without it members' personal data cannot be read)");
            }
            restrictToOwner(file, out);
            return read(file);
        } catch (IOException e) {
            throw new PlatformStartException("Could not read or create the enrollment master key " + file + ": " + e, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory, ownerOnly(directory, OWNER_ONLY_DIRECTORY));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        // Written beside the final name, then moved: a crash never leaves a half-written key behind.
        Path partial = Files.createTempFile(directory, "enrollment-master", ".partial", ownerOnly(directory, OWNER_ONLY_FILE));
        Files.writeString(partial, Base64.getEncoder().encodeToString(key) + System.lineSeparator(), StandardCharsets.US_ASCII);
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.delete(partial);
        }
    }

    private static String read(Path file) throws IOException, PlatformStartException {
        String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] material;
        try {
            material = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            material = new byte[0];
        }
        if (material.length != 32) {
            throw new PlatformStartException(file.toAbsolutePath().normalize() + " does not hold a master key (base64 of "
                    + "32 bytes). Restore it from your backup: members' personal data cannot be read without it.");
        }
        return key;
    }

    /** Takes group and others' access away from a key file that has it, e.g. after a copy from a backup. */
    private static void restrictToOwner(Path file, PrintStream out) throws IOException {
        if (!isPosix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY_FILE.containsAll(permissions)) {
            Files.setPosixFilePermissions(file, EnumSet.copyOf(OWNER_ONLY_FILE));
            out.println(file.toAbsolutePath().normalize() + " was readable by others (" + PosixFilePermissions.toString(permissions)
                    + "): made readable by its owner only");
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path path, Set<PosixFilePermission> permissions) {
        return isPosix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
