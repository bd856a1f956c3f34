package io.patronage.enrollment.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.enrollment.member.Consents;
import io.patronage.enrollment.member.ContactDetails;
import io.patronage.enrollment.member.MemberEnrolled;
import io.patronage.enrollment.member.PersonalData;
import io.patronage.enrollment.member.ReferralRegistered;
import io.patronage.enrollment.privacy.PersonalDataVault;
import io.patronage.enrollment.privacy.Sealed;
import io.patronage.kit.json.Json;
import io.patronage.kit.kafka.CloudEventHeaders;
import io.patronage.kit.kafka.EventPublisher;
import io.patronage.kit.publication.IntegrationEventPublisher;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A subscribing processor handles the event in a unit of work nested in the command's: the publication
 * must wait for the command's (root) unit of work to commit, and never happen if it rolls back.
 */
class MemberEventPublisherTest {

    private static final Instant ENROLLED_AT = Instant.parse("2026-03-01T09:15:00.123Z");
    private static final PersonalData ZAHRA = new PersonalData("زهرا", "کاظمی",
            new ContactDetails("zahra@example.ir", "+989121234567", null), LocalDate.of(1992, 3, 21), "fa-IR");
    private static final Sealed SEALED = new Sealed("v1.c2VhbGVk");
    private static final MemberEnrolled ENROLLED = new MemberEnrolled("m-1", "chain-ir", "9000000000000001", "K7M2Q9XZ",
            SEALED, new Consents(false, ENROLLED_AT, false, ENROLLED_AT, null), ENROLLED_AT);

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final IntegrationEventPublisher publisher = new IntegrationEventPublisher(
            new EventPublisher(producer, "enrollment-service"), new MemberEventPublisher(new OpenVault()));
    private final GenericDomainEventMessage<MemberEnrolled> message =
            new GenericDomainEventMessage<>("Member", "m-1", 0, ENROLLED);

    @Test
    void publishesOnceTheCommandHasCommittedWithTheDomainEventIdAsCeId() throws Exception {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        handleInNestedUnitOfWork();

        assertTrue(producer.history().isEmpty(), "nothing is published while the command's unit of work is open");
        command.commit();

        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertEquals(2, sent.size(), "MemberEnrolled and the welcome message request");
        ProducerRecord<String, byte[]> record = sent.get(0);
        assertEquals("loyalty.members.v1", record.topic());
        assertEquals("m-1", record.key());
        assertEquals(message.getIdentifier(), CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID));
        assertEquals("io.patronage.MemberEnrolled", CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE));
        assertEquals(ENROLLED_AT.toString(), CloudEventHeaders.get(record.headers(), CloudEventHeaders.TIME));
        JsonNode body = Json.mapper().readTree(record.value());
        assertEquals("9000000000000001", body.get("cardNumber").asText());
        assertEquals("--03-21", body.get("birthday").asText(), "the birthday, never the birth year");
        assertFalse(new String(record.value(), StandardCharsets.UTF_8).contains("1992"), "no birth year on the topic");
        assertEquals("fa-IR", body.get("locale").asText());
        for (String personal : List.of("firstName", "lastName", "email", "phone", "contact", "personalData", "referralCode",
                "birthDate")) {
            assertFalse(body.has(personal), personal + " stays in enrollment-service: " + body);
        }
    }

    @Test
    void asksForTheWelcomeMessageWithTheCardNumberOnceWhateverTheDelivery() throws Exception {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        handleInNestedUnitOfWork();
        command.commit();

        ProducerRecord<String, byte[]> record = producer.history().get(1);
        assertEquals("loyalty.notifications.v1", record.topic());
        assertEquals("io.patronage.NotificationRequested", CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE));
        JsonNode body = Json.mapper().readTree(record.value());
        assertEquals(MemberEventPublisher.welcomeNotificationId("m-1"), body.get("notificationId").asText());
        assertEquals(body.get("notificationId").asText(), CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID));
        assertEquals("WELCOME", body.get("kind").asText());
        assertFalse(body.get("marketing").asBoolean());
        assertEquals("9000000000000001", body.get("parameters").get("cardNumber").asText());
        assertFalse(new String(record.value(), StandardCharsets.UTF_8).contains("zahra"));
    }

    @Test
    void publishesAMembersEventsInTheOrderTheyHappened() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        handleInNestedUnitOfWork();
        ReferralRegistered referral = new ReferralRegistered("m-1", "chain-ir", "m-0", ENROLLED_AT);
        GenericDomainEventMessage<ReferralRegistered> referralMessage =
                new GenericDomainEventMessage<>("Member", "m-1", 1, referral);
        UnitOfWork<?> processing = DefaultUnitOfWork.startAndGet(referralMessage);
        publisher.on(referral, referralMessage.getIdentifier(), referralMessage.getTimestamp());
        processing.commit();

        command.commit();

        List<String> membersTopic = producer.history().stream().filter(r -> r.topic().equals("loyalty.members.v1"))
                .map(r -> CloudEventHeaders.get(r.headers(), CloudEventHeaders.TYPE)).toList();
        assertEquals(List.of("io.patronage.MemberEnrolled", "io.patronage.ReferralRegistered"), membersTopic);
    }

    @Test
    void publishesNothingWhenTheCommandRollsBack() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        handleInNestedUnitOfWork();

        command.rollback();

        assertTrue(producer.history().isEmpty());
    }

    /** Opens every sealed value to Zahra's data, as the vault does while her key exists. */
    private static final class OpenVault extends PersonalDataVault {
        OpenVault() {
            super(null);
        }

        @Override
        public <T> Optional<T> open(String memberId, Sealed sealed, Class<T> type) {
            return Optional.of(type.cast(ZAHRA));
        }
    }

    private void handleInNestedUnitOfWork() {
        UnitOfWork<?> processing = DefaultUnitOfWork.startAndGet(message);
        publisher.on(ENROLLED, message.getIdentifier(), message.getTimestamp());
        processing.commit();
    }
}
