package io.patronage.analytics;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.testsupport.AccessMatrix;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Who may read what (README, "Who may read"), for every operation of the OpenAPI document: the chain's analyst and
 * ops read its views, nobody else (another chain's analyst or ops, a member, a till, an admin, no token); the audit
 * log is for the chain's ops and admins.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsAccessIT implements TestPropertyProvider {

    private final HttpProbe http = new HttpProbe(() -> this.server.getPort());
    private final KafkaProbe kafka = new KafkaProbe();
    private String chain;
    private String otherChain;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestInfrastructure.serviceProperties("analytics-access-it"));
        try {
            properties.put("patronage.analytics.application-id", "analytics-access-it-" + UUID.randomUUID() + ".views");
            properties.put("patronage.analytics.state-dir", Files.createTempDirectory("analytics-state").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @BeforeAll
    void chains() {
        chain = kafka.configureChain("access-" + UUID.randomUUID(), "EUR");
        otherChain = kafka.configureChain("access-other-" + UUID.randomUUID(), "EUR");
        // the views are served once the streams have started and the chain is known
        HttpProbe analyst = http.as(TestTokens.analyst(chain));
        await().atMost(KafkaProbe.PATIENCE)
                .until(() -> analyst.get("/analytics/participation?chainId=" + chain).statusCode() == 200);
    }

    @AfterAll
    void close() {
        kafka.close();
    }

    @Test
    void everyOperationAnswersItsCallersAndRefusesEveryoneElse() {
        String query = "?chainId=" + chain;
        new AccessMatrix(http)
                .caller("analyst", TestTokens.analyst(chain))
                .caller("ops", TestTokens.ops(chain))
                .caller("pos", TestTokens.pos(chain))
                .caller("member", TestTokens.member("member-" + UUID.randomUUID()))
                .caller("analyst-of-other-chain", TestTokens.analyst(otherChain))
                .caller("ops-of-other-chain", TestTokens.ops(otherChain))
                .caller("admin", TestTokens.admin())
                .expect("GET /analytics/participation", "/analytics/participation" + query, null, "analyst", "ops")
                .expect("GET /analytics/points", "/analytics/points" + query + "&period=month", null, "analyst", "ops")
                .expect("GET /analytics/retention", "/analytics/retention" + query, null, "analyst", "ops")
                .expect("GET /analytics/churn", "/analytics/churn" + query + "&format=csv", null, "analyst", "ops")
                .expect("GET /analytics/cohorts", "/analytics/cohorts" + query, null, "analyst", "ops")
                .expect("GET /analytics/satisfaction", "/analytics/satisfaction" + query, null, "analyst", "ops")
                .expect("GET /analytics/dormant", "/analytics/dormant" + query, null, "analyst", "ops")
                .expect("GET /analytics/customers", "/analytics/customers" + query, null, "analyst", "ops")
                .expect("GET /analytics/customers/members", "/analytics/customers/members" + query, null, "analyst",
                        "ops")
                .expect("GET /analytics/baskets", "/analytics/baskets" + query, null, "analyst", "ops")
                .expect("GET /analytics/coupons", "/analytics/coupons" + query, null, "analyst", "ops")
                // an unknown view: 404 to everyone with a token, 401 without
                .expect("GET /analytics/{view}", "/analytics/loyalty" + query, null)
                .expect("GET /audit", "/audit" + query, null, "ops", "admin")
                .verify();
    }
}
