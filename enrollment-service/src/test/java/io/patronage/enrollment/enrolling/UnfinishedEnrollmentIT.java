package io.patronage.enrollment.enrolling;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.patronage.enrollment.EnrollmentInstance;
import io.patronage.testsupport.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An enrollment that died between claiming the email address and recording the member (simulated by the
 * claim and its pending note it leaves behind) does not block a retry once the instance is back, well within
 * the grace period after which any instance would take the claim over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnfinishedEnrollmentIT {

    private final String database = "enrollment-unfinished-it-" + UUID.randomUUID();
    private final String chain = "chain-" + UUID.randomUUID();
    private final String instance = "host-" + UUID.randomUUID() + ":8081";
    private MongoClient mongo;
    private MongoDatabase store;

    @BeforeAll
    void connect() {
        mongo = MongoClients.create(TestInfrastructure.mongoUri());
        store = mongo.getDatabase(database);
    }

    @AfterAll
    void disconnect() {
        mongo.close();
    }

    @Test
    void aRetryAfterTheInstanceRestartedIsEnrolledWhileRealMembersAndOtherInstancesKeepTheirClaims() throws Exception {
        String enrolledEmail = "aino." + UUID.randomUUID() + "@example.fi";
        String enrolled;
        try (EnrollmentInstance service = start()) {
            enrolled = service.enrolled(chain, "Aino", enrolledEmail);
        }
        assertEquals(0, store.getCollection("emails-pending").countDocuments(), "a finished enrollment leaves no note");

        // What a crash leaves: this instance's claim without a member, and one whose member's event was stored
        // just before the crash (before the profile: only the event store knows the member); and another
        // instance's enrollment still running.
        String crashedEmail = "eino." + UUID.randomUUID() + "@example.fi";
        leavePendingClaim(crashedEmail, UUID.randomUUID().toString(), instance);
        leavePendingClaim(enrolledEmail, enrolled, instance);
        store.getCollection("members").deleteOne(new Document("_id", enrolled));
        String otherInstanceEmail = "ilmari." + UUID.randomUUID() + "@example.fi";
        leavePendingClaim(otherInstanceEmail, UUID.randomUUID().toString(), "other-host:8081");

        try (EnrollmentInstance service = start()) {
            assertEquals(201, service.enroll(chain, "Eino", crashedEmail).statusCode(), "the retry is enrolled");
            assertEquals(409, service.enroll(chain, "Aino", enrolledEmail).statusCode(), "the member keeps the address");
            assertEquals(409, service.enroll(chain, "Ilmari", otherInstanceEmail).statusCode(),
                    "another live instance's enrollment keeps its claim");
        }
        assertEquals(1, store.getCollection("emails-pending").countDocuments(), "only the other instance's note is left");
    }

    private void leavePendingClaim(String email, String memberId, String owner) {
        Date now = Date.from(Instant.now());
        String claim = chain + ":" + email;
        store.getCollection("emails").deleteOne(new Document("_id", claim));
        store.getCollection("emails").insertOne(new Document("_id", claim).append("memberId", memberId)
                .append("chainId", chain).append("claimedAt", now));
        store.getCollection("emails-pending").insertOne(new Document("_id", memberId).append("claim", claim)
                .append("instance", owner).append("claimedAt", now));
    }

    private EnrollmentInstance start() {
        return EnrollmentInstance.start(database, chain, Map.of("patronage.enrollment.instance-name", instance));
    }
}
