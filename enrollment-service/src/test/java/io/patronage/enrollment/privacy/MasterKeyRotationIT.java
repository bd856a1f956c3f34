package io.patronage.enrollment.privacy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import io.patronage.enrollment.EnrollmentInstance;
import io.patronage.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The master key rotation procedure, run by restarting the service on one database: members enrolled under
 * the development key (stored without a key id, as before ids were) and under key A stay readable through a
 * rotation to key B, which rewraps their keys at startup, and after A is removed from the configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MasterKeyRotationIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String database = "enrollment-rotation-it-" + UUID.randomUUID();
    private final String chain = "chain-" + UUID.randomUUID();
    private MongoClient mongo;
    private MongoCollection<Document> memberKeys;

    @BeforeAll
    void connect() {
        mongo = MongoClients.create(TestInfrastructure.mongoUri());
        memberKeys = mongo.getDatabase(database).getCollection("member_keys");
    }

    @AfterAll
    void disconnect() {
        mongo.close();
    }

    @Test
    void membersStayReadableThroughARotationAndTheirKeysEndUpWrappedWithTheNewKey() throws Exception {
        String keyA = randomKey();
        String keyB = randomKey();
        String idA = MasterKeys.idOf(Base64.getDecoder().decode(keyA));
        String idB = MasterKeys.idOf(Base64.getDecoder().decode(keyB));

        String fromDevelopment;
        try (EnrollmentInstance service = start(Map.of("patronage.enrollment.development-master-key", "true"))) {
            fromDevelopment = service.enrolled(chain, "Aino", "aino." + UUID.randomUUID() + "@example.fi");
        }
        // As stored before master keys had ids (a launcher data directory from then).
        memberKeys.updateOne(eq("_id", fromDevelopment), Updates.unset("masterKeyId"));
        String underA;
        try (EnrollmentInstance service = start(Map.of("patronage.enrollment.master-key", keyA))) {
            assertEquals("Aino", service.profile(fromDevelopment).get("firstName").asText(),
                    "a key wrapped with the public development key is moved to the configured key");
            underA = service.enrolled(chain, "Eino", "eino." + UUID.randomUUID() + "@example.fi");
        }
        assertEquals(idA, wrappedWith(fromDevelopment));
        assertEquals(idA, wrappedWith(underA));

        // B made current with A kept as previous: every key is rewrapped under B at startup.
        try (EnrollmentInstance service = start(Map.of("patronage.enrollment.master-key", keyB,
                "patronage.enrollment.previous-master-keys", keyA))) {
            assertEquals("Aino", service.profile(fromDevelopment).get("firstName").asText());
            assertEquals("Eino", service.profile(underA).get("firstName").asText());
        }
        for (String memberId : List.of(fromDevelopment, underA)) {
            assertEquals(idB, wrappedWith(memberId));
            assertNotNull(memberKeys.find(eq("_id", memberId)).first().get("rewrappedAt"));
        }

        // A removed: nothing needs it any more.
        try (EnrollmentInstance service = start(Map.of("patronage.enrollment.master-key", keyB))) {
            assertEquals("Aino", service.profile(fromDevelopment).get("firstName").asText());
            assertEquals("Eino", service.profile(underA).get("firstName").asText());
        }
    }

    @Test
    void withoutTheKeyThatWrappedAMemberKeyTheServiceDoesNotStartAndNamesTheMissingKey() throws Exception {
        String keyA = randomKey();
        String chainDatabase = database + "-missing";
        try (EnrollmentInstance service = EnrollmentInstance.start(chainDatabase, chain,
                Map.of("patronage.enrollment.master-key", keyA))) {
            service.enrolled(chain, "Aino", "aino." + UUID.randomUUID() + "@example.fi");
        }

        Exception refused = assertThrows(Exception.class, () -> EnrollmentInstance.start(chainDatabase, chain,
                Map.of("patronage.enrollment.master-key", randomKey())).close());

        String message = rootMessage(refused);
        assertTrue(message.contains(MasterKeys.idOf(Base64.getDecoder().decode(keyA)))
                && message.contains("previous-master-keys"), message);
    }

    @Test
    void withoutAMasterKeyTheServiceDoesNotStartUnlessDevelopmentIsSaidExplicitly() {
        Exception refused = assertThrows(Exception.class, () -> EnrollmentInstance.start(database + "-unset", chain,
                Map.of("patronage.enrollment.development-master-key", "false")).close());

        String message = rootMessage(refused);
        assertTrue(message.contains("PATRONAGE_ENROLLMENT_MASTER_KEY") && message.contains("is not set"), message);
    }

    private EnrollmentInstance start(Map<String, Object> settings) {
        return EnrollmentInstance.start(database, chain, settings);
    }

    private String wrappedWith(String memberId) {
        return memberKeys.find(eq("_id", memberId)).first().getString("masterKeyId");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
