package io.patronage.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnrollmentMasterKeyTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void theFirstStartGeneratesARandomKeyOnlyItsOwnerCanReadAndLaterStartsReadIt() throws Exception {
        String key = EnrollmentMasterKey.loadOrCreate(dataDir, out);

        Path file = dataDir.resolve("keys/enrollment-master.key");
        assertEquals(32, Base64.getDecoder().decode(key).length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("back it up"));
        assertEquals(key, EnrollmentMasterKey.loadOrCreate(dataDir, out));
        assertNotEquals(key, EnrollmentMasterKey.loadOrCreate(dataDir.resolve("other"), out), "per installation");
    }

    @Test
    void aKeyFileOthersCanReadIsMadeOwnerOnly() throws Exception {
        EnrollmentMasterKey.loadOrCreate(dataDir, out);
        Path file = dataDir.resolve("keys/enrollment-master.key");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        EnrollmentMasterKey.loadOrCreate(dataDir, out);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("was readable by others"));
    }

    @Test
    void aDamagedKeyFileStopsTheStartAndIsNotReplaced() throws Exception {
        Path file = dataDir.resolve("keys/enrollment-master.key");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a key");

        PlatformStartException refused = assertThrows(PlatformStartException.class,
                () -> EnrollmentMasterKey.loadOrCreate(dataDir, out));

        assertTrue(refused.getMessage().contains("Restore it from your backup"), refused.getMessage());
        assertEquals("not a key", Files.readString(file));
    }
}
