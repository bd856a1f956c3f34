package io.patronage.points;

import com.mongodb.client.MongoDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.chains.ChainConfigured;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.kit.publication.PublicationRecovery;
import io.patronage.kit.security.Caller;
import io.patronage.points.earning.PointsEarned;
import io.patronage.testsupport.DeadInstance;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@code kill -9} between storing a purchase's {@code PointsEarned} and writing the member's balance: the event is
 * in the store, tagged with the instance that died, and the till record delivered again earns nothing (the account
 * has the transaction). Once the dead instance's checkpoint is claimed, the balance has the points.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpProbe service = new HttpProbe(() -> this.server.getPort()).as(TestTokens.ops(Caller.EVERY_CHAIN));
    private final KafkaProbe kafka = new KafkaProbe();

    @Inject
    EmbeddedServer server;

    @Inject
    MongoDatabase database;

    @Inject
    EventStorageEngine storage;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("points-crash-it", Map.of(
                "patronage.publication.dead-after", "1s",
                "patronage.publication.checkpoint-interval", "300ms"));
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void pointsStoredByAKilledInstanceReachTheBalance() {
        String member = "m-" + UUID.randomUUID();
        String chain = "chain-" + UUID.randomUUID();
        kafka.send(new ChainConfigured(chain, "EUR", "Europe/Athens", "en", null, Instant.now()));
        kafka.send(new MemberEnrolled(member, chain, "card-" + member, null, "en", Instant.now()));
        await().atMost(PATIENCE).until(() -> service.get("/members/" + member + "/points").statusCode() == 200);
        Instant checkpoint = Instant.now().minusSeconds(1);
        String killed = "killed-" + UUID.randomUUID();
        storage.appendEvents(new GenericDomainEventMessage<>("PointsAccount", member, 1,
                new PointsEarned(member, chain, "t-1", "s-1", "EUR", BigDecimal.TEN, BigDecimal.TEN, 10, "default-v1",
                        List.of(), OffsetDateTime.now(), null, 10),
                MetaData.with(PublicationRecovery.STORED_BY, killed)));
        assertEquals(0, service.getJson("/members/" + member + "/points").get("balance").asLong());

        DeadInstance.recovered(database, killed, checkpoint, PATIENCE);

        HttpResponse<String> points = service.get("/members/" + member + "/points");
        assertEquals(10, HttpProbe.json(points).get("balance").asLong(), points.body());
    }
}
