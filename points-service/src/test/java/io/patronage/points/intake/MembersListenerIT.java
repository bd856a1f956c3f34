package io.patronage.points.intake;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.kit.kafka.InboundMessage;
import io.patronage.points.membership.CreatePointsAccount;
import io.patronage.points.membership.OpenPointsAccount;
import io.patronage.testsupport.TestInfrastructure;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How enrollments open accounts: new members are created without a load, known ones cost nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembersListenerIT {

    private final MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri());
    private final CardDirectory directory = CardDirectories.on(mongo.getDatabase("members-it-" + UUID.randomUUID()));
    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private final List<Object> rootUnitsOfWork = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failCreation = new AtomicBoolean();
    private DefaultCommandGateway commands;

    @BeforeEach
    void bus() {
        sent.clear();
        rootUnitsOfWork.clear();
        failCreation.set(false);
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(CreatePointsAccount.class.getName(), message -> {
            sent.add(message.getPayload());
            rootUnitsOfWork.add(CurrentUnitOfWork.get().root());
            if (failCreation.get()) {
                throw new IllegalStateException("store unavailable after the append");
            }
            return null;
        });
        bus.subscribe(OpenPointsAccount.class.getName(), message -> sent.add(message.getPayload()));
        commands = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @AfterAll
    void close() {
        mongo.close();
    }

    private static InboundMessage enrolled(String memberId) {
        return new InboundMessage(UUID.randomUUID().toString(), Instant.now(),
                new MemberEnrolled(memberId, "chain-1", null, null, "en", Instant.now()), null);
    }

    @Test
    void aNewMemberIsCreatedOnceAndARedeliveryTouchesNothing() {
        MembersListener listener = new MembersListener(commands, directory, new OpenedAccounts(Set.of()));

        listener.onBatch(List.of(enrolled("m-1"), enrolled("m-1")));
        listener.onBatch(List.of(enrolled("m-1")));

        assertEquals(1, sent.size());
        assertEquals(CreatePointsAccount.class, sent.get(0).getClass());
    }

    @Test
    void consecutiveEnrollmentsOpenTheirAccountsInOneUnitOfWork() {
        MembersListener listener = new MembersListener(commands, directory, new OpenedAccounts(Set.of()));

        listener.onBatch(List.of(enrolled("m-a"), enrolled("m-b"), enrolled("m-c")));

        assertEquals(3, rootUnitsOfWork.size());
        assertEquals(1, Set.copyOf(rootUnitsOfWork).size(), "their openings are stored together when it commits");
    }

    @Test
    void aMemberOpenedBeforeTheStartIsNotOpenedAgain() {
        MembersListener listener = new MembersListener(commands, directory, new OpenedAccounts(Set.of("m-1")));

        listener.onBatch(List.of(enrolled("m-1")));

        assertEquals(List.of(), sent);
    }

    @Test
    void afterAFailedCreationTheAccountIsOpenedOnlyIfMissing() {
        MembersListener listener = new MembersListener(commands, directory, new OpenedAccounts(Set.of()));
        failCreation.set(true);

        assertThrows(IllegalStateException.class, () -> listener.onBatch(List.of(enrolled("m-1"))));
        listener.onBatch(List.of(enrolled("m-1")));
        listener.onBatch(List.of(enrolled("m-1")));

        assertEquals(List.of(CreatePointsAccount.class, OpenPointsAccount.class),
                sent.stream().map(Object::getClass).toList());
    }
}
