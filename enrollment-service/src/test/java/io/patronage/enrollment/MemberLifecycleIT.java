package io.patronage.enrollment;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patronage.contracts.Topics;
import io.patronage.contracts.notifications.CouponIssuedParameters;
import io.patronage.contracts.notifications.CouponOffer;
import io.patronage.contracts.notifications.NotificationParameters;
import io.patronage.contracts.notifications.NotificationRequested;
import io.patronage.contracts.notifications.PointsExpiringParameters;
import io.patronage.contracts.notifications.TierChangedParameters;
import io.patronage.contracts.notifications.WelcomeParameters;
import io.patronage.contracts.members.Luhn;
import io.patronage.enrollment.profile.MemberProfiles;
import io.patronage.enrollment.publishing.MemberEventPublisher;
import io.patronage.kit.json.Json;
import io.patronage.testsupport.CloudEventRecord;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestInfrastructure;
import io.patronage.testsupport.TestTokens;
import io.patronage.testsupport.TopicReader;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static org.awaitility.Awaitility.await;
import static io.patronage.testsupport.HttpProbe.assertProblem;
import static io.patronage.testsupport.HttpProbe.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The member lifecycle through HTTP, Kafka and the Mongo wire protocol on the embedded infrastructure:
 * chain policy, unique email under concurrency, referrals, self-service, erasure, messages, lookups.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberLifecycleIT implements TestPropertyProvider {

    private final String chain = "chain-" + UUID.randomUUID();
    private final String otherChain = "chain-" + UUID.randomUUID();
    private final String clubChain = "club-" + UUID.randomUUID();
    private final Path mailbox = Path.of("target", "mailbox-" + UUID.randomUUID());
    /** Ops of the test's chains: they enroll, look members up and act on members' behalf. */
    private final HttpProbe service = new HttpProbe(() -> this.server.getPort())
            .as(TestTokens.ops(chain, otherChain, clubChain));
    private final KafkaProbe kafka = new KafkaProbe();
    private TopicReader membersTopic;

    @Inject
    EmbeddedServer server;

    @Inject
    EventStore eventStore;

    @Inject
    MongoDatabase database;

    @Inject
    MemberProfiles profiles;

    @Override
    public Map<String, String> getProperties() {
        return TestInfrastructure.serviceProperties("enrollment-lifecycle-it", Map.ofEntries(
                Map.entry("patronage.mail.mailbox-dir", mailbox.toString()),
                Map.entry("patronage.enrollment.chains." + chain + ".enrollment", "open"),
                Map.entry("patronage.enrollment.chains." + chain + ".currency", "EUR"),
                Map.entry("patronage.enrollment.chains." + otherChain + ".currency", "EUR"),
                Map.entry("patronage.enrollment.chains." + clubChain + ".currency", "MYR"),
                Map.entry("patronage.enrollment.chains." + chain + ".point-value", "0.01"),
                Map.entry("patronage.enrollment.chains." + otherChain + ".point-value", "0.01"),
                Map.entry("patronage.enrollment.chains." + clubChain + ".point-value", "0.05"),
                Map.entry("patronage.enrollment.chains." + chain + ".default-locale", "el-GR"),
                Map.entry("patronage.enrollment.chains." + otherChain + ".enrollment", "open"),
                Map.entry("patronage.enrollment.chains." + clubChain + ".enrollment", "invitation"),
                Map.entry("patronage.enrollment.chains." + clubChain + ".invitation-codes", "SUMMER26"),
                Map.entry("patronage.enrollment.chains." + clubChain + ".minimum-age", "18"),
                Map.entry("patronage.enrollment.chains." + clubChain + ".required-consents", "terms"),
                Map.entry("patronage.enrollment.chains." + clubChain + ".time-zone", "Asia/Kuala_Lumpur")));
    }

    @BeforeAll
    void followTheMembersTopic() {
        membersTopic = kafka.follow(Topics.MEMBERS);
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    // --- 1. chains and program policy, unique email ---

    @Test
    void anUnknownChainIsRefusedNamingTheChain() throws Exception {
        String unknown = "nowhere-" + UUID.randomUUID();
        // a sign-up channel of a chain nobody configured: allowed to try, refused by the chain check
        HttpResponse<String> response = new HttpProbe(() -> this.server.getPort()).as(TestTokens.pos(unknown))
                .post("/members", enrollment(unknown, "Ana", "ana@example.ro", ""));

        JsonNode problem = assertProblem(response, 422, "urn:patronage:problem:unknown-chain");
        assertTrue(problem.get("detail").asText().contains(unknown), problem.toString());
        assertEquals("chainId", problem.get("errors").get(0).get("field").asText());
    }

    @Test
    void anInvitationOnlyProgramChecksInvitationAgeAndConsents() throws Exception {
        JsonNode refused = assertProblem(service.post("/members", enrollment(clubChain, "Siti", uniqueEmail(), """
                , "birthDate": "2015-01-01" """)), 422, "urn:patronage:problem:enrollment-not-allowed");
        List<String> fields = new ArrayList<>();
        refused.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertEquals(List.of("birthDate", "consents.terms", "invitationCode"), fields);

        HttpResponse<String> admitted = service.post("/members", enrollment(clubChain, "Siti", uniqueEmail(), """
                , "birthDate": "1990-01-01", "invitationCode": "SUMMER26", "consents": {"terms": true} """));
        assertEquals(201, admitted.statusCode(), admitted.body());
        JsonNode consents = json(service.get(admitted.headers().firstValue("location").orElseThrow())).get("consents");
        assertFalse(consents.get("termsAcceptedAt").isNull());
    }

    @Test
    void ofConcurrentEnrollmentsWithOneEmailExactlyOneWins() throws Exception {
        String email = uniqueEmail();
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Callable<HttpResponse<String>>> enrollments = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                // The same address in other cases and with spaces: one person.
                String variant = i % 2 == 0 ? email : " " + email.toUpperCase() + " ";
                enrollments.add(() -> service.post("/members", enrollment(chain, "Väinö", variant, "")));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : pool.invokeAll(enrollments)) {
                responses.add(response.get());
            }
            assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count(), "exactly one enrollment wins");
            for (HttpResponse<String> response : responses) {
                if (response.statusCode() != 201) {
                    assertProblem(response, 409, "urn:patronage:problem:email-taken");
                }
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(201, service.post("/members", enrollment(otherChain, "Väinö", email, "")).statusCode(),
                "the same address may join another chain's program");
    }

    @Test
    void anEmailClaimLeftByAnEnrollmentThatNeverFinishedIsTakenOver() throws Exception {
        String email = uniqueEmail();
        database.getCollection("emails").insertOne(new Document("_id", chain + ":" + email)
                .append("memberId", UUID.randomUUID().toString()).append("chainId", chain)
                .append("claimedAt", Date.from(Instant.now().minus(Duration.ofDays(1)))));

        assertEquals(201, service.post("/members", enrollment(chain, "Aino", email, "")).statusCode());
    }

    // --- 2. referrals ---

    @Test
    void enrollingWithAReferralCodeRecordsAndPublishesTheReferral() throws Exception {
        String referrer = enroll(chain, "Ελένη", uniqueEmail(), "");
        String code = json(service.get("/members/" + referrer)).get("referralCode").asText();

        String referred = enroll(chain, "Νίκος", uniqueEmail(), ", \"referralCode\": \"" + code.toLowerCase() + "\"");

        assertEquals(referrer, json(service.get("/members/" + referred)).get("referredBy").asText());
        JsonNode event = Json.mapper().readTree(awaitPublished(referred, "io.patronage.ReferralRegistered").value());
        assertEquals(referrer, event.get("referrerMemberId").asText());
        assertEquals(chain, event.get("chainId").asText());
    }

    @Test
    void unknownForeignAndOwnReferralCodesAreRefused() throws Exception {
        String foreign = enroll(otherChain, "Ana", uniqueEmail(), "");
        String foreignCode = json(service.get("/members/" + foreign)).get("referralCode").asText();
        String phone = "+3069" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String me = enroll(chain, "Zahra", uniqueEmail(), ", \"phone\": \"" + phone + "\"");
        String myCode = json(service.get("/members/" + me)).get("referralCode").asText();

        for (String[] attempt : List.of(new String[]{"ZZZZ2222", "is not a referral code of this program"},
                new String[]{foreignCode, "is not a referral code of this program"},
                new String[]{myCode, "is your own referral code: members cannot refer themselves"})) {
            JsonNode problem = assertProblem(service.post("/members", enrollment(chain, "Zahra", uniqueEmail(),
                    ", \"phone\": \"" + phone + "\", \"referralCode\": \"" + attempt[0] + "\"")), 422,
                    "urn:patronage:problem:invalid-referral");
            assertEquals(attempt[1], problem.get("errors").get(0).get("message").asText());
        }
    }

    // --- 3. self-service ---

    @Test
    void contactDetailsChangeAndTheOldEmailIsFreed() throws Exception {
        String oldEmail = uniqueEmail();
        String member = enroll(chain, "Ștefan", oldEmail, "");
        String taken = uniqueEmail();
        enroll(chain, "Ioana", taken, "");

        assertProblem(service.put("/members/" + member + "/contact", "{\"email\": \"" + taken + "\"}"), 409,
                "urn:patronage:problem:email-taken");
        assertProblem(service.put("/members/" + member + "/contact", "{\"email\": \"nope\", \"phone\": \"123\"}"), 400,
                "urn:patronage:problem:invalid-request");

        String newEmail = uniqueEmail();
        HttpResponse<String> changed = service.put("/members/" + member + "/contact", """
                {"email": "%s", "phone": "+40721234567",
                 "address": {"street": "Strada Lipscani 5", "postalCode": "030031", "city": "București", "country": "ro"}}
                """.formatted(newEmail));
        assertEquals(200, changed.statusCode(), changed.body());
        JsonNode profile = json(changed);
        assertEquals(newEmail, profile.get("email").asText());
        assertEquals("+40721234567", profile.get("phone").asText());
        assertEquals("București", profile.get("address").get("city").asText());
        assertEquals("RO", profile.get("address").get("country").asText());
        assertEquals(member, lookup("?chainId=" + chain + "&email=" + newEmail).get(0).get("memberId").asText());
        assertEquals(0, lookup("?chainId=" + chain + "&email=" + oldEmail).size());
        assertEquals(201, service.post("/members", enrollment(chain, "Other", oldEmail, "")).statusCode(), "old email is free");
    }

    @Test
    void consentsChangeWithTimestampsAndArePublished() throws Exception {
        String member = enroll(chain, "Aino", uniqueEmail(), "");

        JsonNode consents = json(service.put("/members/" + member + "/consents", "{\"marketingEmail\": true}")).get("consents");

        assertTrue(consents.get("marketingEmail").asBoolean());
        assertFalse(consents.get("marketingSms").asBoolean());
        assertTrue(Instant.parse(consents.get("marketingEmailChangedAt").asText())
                .isAfter(Instant.parse(consents.get("marketingSmsChangedAt").asText())));
        JsonNode event = Json.mapper().readTree(awaitPublished(member, "io.patronage.ConsentsChanged").value());
        assertTrue(event.get("marketingEmail").asBoolean());
        assertFalse(event.get("marketingSms").asBoolean());
    }

    @Test
    void aReplacedCardNoLongerResolvesAndTheNewOneDoes() throws Exception {
        String email = uniqueEmail();
        String member = enroll(chain, "Siti", email, "");
        String oldCard = json(service.get("/members/" + member)).get("cardNumber").asText();

        HttpResponse<String> replaced = service.post("/members/" + member + "/card-replacement", "");

        assertEquals(200, replaced.statusCode(), replaced.body());
        String newCard = json(replaced).get("cardNumber").asText();
        assertNotEquals(oldCard, newCard);
        assertTrue(Luhn.isValid(newCard));
        assertEquals(0, lookup("?cardNumber=" + oldCard).size());
        assertEquals(member, lookup("?cardNumber=" + newCard).get(0).get("memberId").asText());
        JsonNode event = Json.mapper().readTree(awaitPublished(member, "io.patronage.CardReplaced").value());
        assertEquals(oldCard, event.get("oldCardNumber").asText());
        assertEquals(newCard, event.get("newCardNumber").asText());
    }

    @Test
    void anOptedOutMemberIsPublishedAndGetsNoMoreMessages() throws Exception {
        String member = enroll(chain, "Νίκος", uniqueEmail(), ", \"consents\": {\"marketingEmail\": true}");
        String other = enroll(chain, "Μαρία", uniqueEmail(), "");

        JsonNode profile = json(service.post("/members/" + member + "/opt-out", ""));
        assertEquals("OPTED_OUT", profile.get("status").asText());
        awaitPublished(member, "io.patronage.MemberOptedOut");
        assertProblem(service.put("/members/" + member + "/consents", "{\"marketingEmail\": true}"), 409,
                "urn:patronage:problem:member-state");

        String skipped = requestNotification(member, member, "POINTS_EXPIRING", false);
        String barrier = requestNotification(member, other, "TIER_CHANGED", false);
        awaitMail(barrier);
        assertFalse(Files.exists(mail(skipped)), "nothing is sent after opting out");
    }

    @Test
    void theExportHoldsTheProfileAndTheReadableHistory() throws Exception {
        String email = uniqueEmail();
        String member = enroll(chain, "Αικατερίνη", email, ", \"birthDate\": \"1988-04-12\"");
        service.put("/members/" + member + "/consents", "{\"marketingSms\": true}");
        awaitMail(MemberEventPublisher.welcomeNotificationId(member));

        JsonNode export = json(service.get("/members/" + member + "/export"));

        assertEquals(email, export.get("profile").get("email").asText());
        JsonNode history = export.get("history");
        assertEquals("MemberEnrolled", history.get(0).get("type").asText());
        JsonNode enrolled = history.get(0).get("data");
        assertEquals("Αικατερίνη", enrolled.get("personalData").get("firstName").asText());
        assertEquals("1988-04-12", enrolled.get("personalData").get("birthDate").asText());
        assertEquals("ConsentsChanged", history.get(1).get("type").asText());
        assertTrue(history.get(1).get("data").get("consents").get("marketingSms").asBoolean());
        assertEquals("WELCOME", export.get("messages").get(0).get("kind").asText());
    }

    // --- 4. erasure by crypto-shredding ---

    @Test
    void erasureShredsThePersonalDataInTheLogAndEverywhereElse() throws Exception {
        String email = uniqueEmail();
        String member = enroll(chain, "Παρασκευή", email, ", \"phone\": \"+302101234567\", \"birthDate\": \"1975-05-05\"");
        service.put("/members/" + member + "/contact", "{\"email\": \"" + email + "\", \"phone\": \"+302109999999\"}");
        String card = json(service.get("/members/" + member)).get("cardNumber").asText();
        String other = enroll(chain, "Γιώργος", uniqueEmail(), "");

        // Before: the raw event store never held the personal data in clear; the profile shows it.
        List<String> rawBefore = rawEvents(member);
        assertEquals(2, rawBefore.size());
        for (String pii : List.of("Παρασκευή", email, "+302101234567", "+302109999999", "1975-05-05")) {
            assertTrue(rawBefore.stream().noneMatch(raw -> raw.contains(pii)), pii + " is not in the event store in clear");
        }
        assertTrue(rawBefore.get(0).contains(card) && rawBefore.get(0).contains(member), "ids stay readable");
        assertEquals("Παρασκευή", json(service.get("/members/" + member)).get("firstName").asText());

        HttpResponse<String> erased = service.delete("/members/" + member);

        assertEquals(204, erased.statusCode(), erased.body());
        JsonNode profile = json(service.get("/members/" + member));
        assertEquals("ERASED", profile.get("status").asText());
        for (String field : List.of("firstName", "lastName", "email", "phone", "birthDate", "locale", "address")) {
            assertTrue(profile.get(field).isNull(), field + " is erased: " + profile);
        }
        assertEquals(member, profile.get("memberId").asText());
        assertEquals(card, profile.get("cardNumber").asText());
        assertFalse(profile.get("enrolledAt").isNull());
        JsonNode event = Json.mapper().readTree(awaitPublished(member, "io.patronage.MemberErased").value());
        assertEquals(chain, event.get("chainId").asText());

        // The log is immutable: the same documents, now unreadable for good.
        List<String> rawAfter = rawEvents(member);
        assertEquals(rawBefore, rawAfter.subList(0, 2));
        assertEquals(3, rawAfter.size());
        Document key = database.getCollection("member_keys").find(eq("_id", member)).first();
        assertFalse(key.containsKey("wrappedKey"), "the member's key is destroyed");

        // A replay of the log into an empty profile shows the member as erased.
        database.getCollection("members").deleteOne(eq("_id", member));
        AnnotationEventHandlerAdapter replay = new AnnotationEventHandlerAdapter(profiles);
        eventStore.readEvents(member).asStream().forEach(message -> {
            try {
                replay.handle(message);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode replayed = json(service.get("/members/" + member));
        assertEquals("ERASED", replayed.get("status").asText());
        assertTrue(replayed.get("firstName").isNull() && replayed.get("email").isNull() && replayed.get("phone").isNull());

        JsonNode export = json(service.get("/members/" + member + "/export"));
        assertEquals("[erased]", export.get("history").get(0).get("data").get("personalData").asText());
        assertEquals("MemberErased", export.get("history").get(2).get("type").asText());

        assertEquals(204, service.delete("/members/" + member).statusCode(), "erasing twice is harmless");
        assertEquals(3, rawEvents(member).size());
        assertEquals(0, lookup("?cardNumber=" + card).size(), "the card no longer resolves");
        assertEquals(201, service.post("/members", enrollment(chain, "New", email, "")).statusCode(), "the email is free again");
        assertProblem(service.put("/members/" + member + "/consents", "{\"marketingEmail\": true}"), 409,
                "urn:patronage:problem:member-state");

        String skipped = requestNotification(member, member, "COUPON_ISSUED", false);
        String barrier = requestNotification(member, other, "TIER_CHANGED", false);
        awaitMail(barrier);
        assertFalse(Files.exists(mail(skipped)), "nothing is sent to an erased member");
    }

    // --- 5. messages ---

    @Test
    void theWelcomeEmailWithTheCardNumberLandsInTheMailboxInTheMembersLanguage() throws Exception {
        String email = uniqueEmail();
        String member = enroll(chain, "Ελένη", email, "");
        String card = json(service.get("/members/" + member)).get("cardNumber").asText();

        String eml = awaitMail(MemberEventPublisher.welcomeNotificationId(member));

        MimeMessage message = parse(eml);
        assertEquals(email, ((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress());
        assertEquals("Καλώς ήρθατε στο πρόγραμμα επιβράβευσης, Ελένη", message.getSubject());
        assertTrue(message.getContent().toString().contains(card), "the chain's default locale el-GR, and the card");
    }

    @Test
    void marketingMessagesNeedConsentAndEachNotificationIsSentOnce() throws Exception {
        String member = enroll(chain, "Aino", uniqueEmail(), ", \"locale\": \"fi-FI\"");

        String withoutConsent = requestNotification(member, member, "POINTS_EXPIRING", true);
        String transactional = requestNotification(member, member, "TIER_CHANGED", false);
        awaitMail(transactional);
        assertFalse(Files.exists(mail(withoutConsent)), "no marketing without consent");

        service.put("/members/" + member + "/consents", "{\"marketingEmail\": true}");
        String withConsent = requestNotification(member, member, "POINTS_EXPIRING", true);
        String eml = awaitMail(withConsent);
        assertEquals("Pisteesi vanhenevat pian", parse(eml).getSubject());
        assertTrue(parse(eml).getContent().toString().contains("120"), "parameters fill the template");

        // The same notification again, under a new ce_id: still sent once.
        Files.delete(mail(withConsent));
        sendNotification(member, NotificationRequested.of(withConsent, member, chain, true,
                parametersOf("POINTS_EXPIRING"), Instant.now()));
        String barrier = requestNotification(member, member, "TIER_CHANGED", false);
        awaitMail(barrier);
        assertFalse(Files.exists(mail(withConsent)), "a repeated notification id is not sent again");
    }

    /**
     * Every kind, built from the contract's records as points-service and rewards-service build them, in every
     * language: each value arrives rendered in the member's locale (chain time zone UTC), no placeholder is left.
     * Per language: the points 1234, and 2026-12-31T12:00Z as a date.
     */
    @Test
    void everyKindArrivesInEveryLanguageWithEveryValueRendered() throws Exception {
        Map<String, List<String>> rendered = Map.of(
                "en", List.of("1,234", "December 31, 2026"),
                "el-GR", List.of("1.234", "31 Δεκεμβρίου 2026"),
                "fa-IR", List.of("۱٬۲۳۴", "۱۰ دی ۱۴۰۵"),
                "fi-FI", List.of("1\u00a0234", "31. joulukuuta 2026"),
                "ms-MY", List.of("1,234", "31 Disember 2026"),
                "ro-RO", List.of("1.234", "31 decembrie 2026"));
        for (Map.Entry<String, List<String>> language : rendered.entrySet()) {
            String member = enroll(chain, "Ελένη", uniqueEmail(), ", \"locale\": \"" + language.getKey() + "\"");
            String card = profiles.find(member).orElseThrow().cardNumber();
            Map<NotificationParameters, List<String>> expected = Map.of(
                    new WelcomeParameters(card), List.of(card),
                    new PointsExpiringParameters(new BigDecimal("1234"), Instant.parse("2026-12-31T12:00:00Z")),
                    language.getValue(),
                    new TierChangedParameters("SILVER", "GOLD", "QUALIFIED"), List.of("GOLD"),
                    new CouponIssuedParameters("C-7", "coffee", Instant.parse("2027-01-31T12:00:00Z"),
                            CouponOffer.freeProduct("MUG-1")), List.of("C-7", "(MUG-1)"));
            for (Map.Entry<NotificationParameters, List<String>> kind : expected.entrySet()) {
                String notificationId = UUID.randomUUID().toString();
                sendNotification(member, NotificationRequested.of(notificationId, member, chain, false, kind.getKey(),
                        Instant.now()));
                MimeMessage message = parse(awaitMail(notificationId));
                String text = message.getSubject() + "\n" + message.getContent();
                String what = kind.getKey().kind() + " in " + language.getKey() + ": " + text;
                assertFalse(text.contains("{") || text.contains("}"), what);
                assertTrue(message.getContent().toString().contains("Ελένη"), what);
                kind.getValue().forEach(value -> assertTrue(text.contains(value), value + " in " + what));
            }
        }
    }

    @Test
    void aNotificationMissingARequiredParameterIsDeadLetteredNamingIt() throws Exception {
        String member = enroll(chain, "Ana", uniqueEmail(), "");
        String notificationId = UUID.randomUUID().toString();
        sendNotification(member, new NotificationRequested(notificationId, member, chain, "POINTS_EXPIRING", false,
                Map.of("points", "120", "expiresOn", "2026-12-31"), Instant.now()));

        ConsumerRecord<String, byte[]> dead = kafka.awaitDeadLetter(Topics.NOTIFICATIONS,
                record -> Records.text(record).contains(notificationId));
        String reason = Records.deadLetterReason(dead);
        assertTrue(reason.contains("parameter expiresAt is missing"), reason);
        assertFalse(Files.exists(mail(notificationId)), "no message with a blank");
    }

    @Test
    void aNotificationOfAnUnknownKindIsDeadLetteredWithTheReason() throws Exception {
        String member = enroll(chain, "Ana", uniqueEmail(), "");
        String notificationId = requestNotification(member, member, "BIRTHDAY_PONY", false);

        ConsumerRecord<String, byte[]> dead = kafka.awaitDeadLetter(Topics.NOTIFICATIONS,
                record -> Records.text(record).contains(notificationId));
        String reason = Records.deadLetterReason(dead);
        assertTrue(reason.contains("no message template for kind BIRTHDAY_PONY"), reason);
    }

    @Test
    void aNotificationWithoutItsIdsIsDeadLetteredNotSkipped() {
        String notificationId = UUID.randomUUID().toString();
        sendNotification("no-member", new NotificationRequested(notificationId, null, null, null, false, Map.of(),
                Instant.now()));

        ConsumerRecord<String, byte[]> dead = kafka.awaitDeadLetter(Topics.NOTIFICATIONS,
                record -> Records.text(record).contains(notificationId));
        assertEquals("a notification needs notificationId, memberId, chainId and kind", Records.deadLetterReason(dead));
    }

    // --- 6. lookups ---

    @Test
    void opsFindMembersByEmailCardAndName() throws Exception {
        String email = uniqueEmail();
        String surname = "Κωνσταντινίδου" + UUID.randomUUID().toString().substring(0, 6);
        String first = enroll(chain, "Άννα", email, ", \"lastName\": \"" + surname + "\"");
        String second = enroll(chain, "Βασιλική", uniqueEmail(), ", \"lastName\": \"" + surname + "\"");
        enroll(otherChain, "Άννα", uniqueEmail(), ", \"lastName\": \"" + surname + "\"");

        assertEquals(first, lookup("?chainId=" + chain + "&email=" + email.toUpperCase()).get(0).get("memberId").asText());
        String query = "?chainId=" + chain + "&name=" + encode(surname.toLowerCase()) + "&size=1";
        JsonNode page0 = json(service.get("/members" + query + "&page=0"));
        JsonNode page1 = json(service.get("/members" + query + "&page=1"));
        assertEquals(2, page0.get("total").asLong(), "only this chain's members");
        assertEquals(first, page0.get("members").get(0).get("memberId").asText(), "sorted by name: Άννα first");
        assertEquals(second, page1.get("members").get(0).get("memberId").asText());
        assertProblem(service.get("/members?chainId=" + chain), 400, "urn:patronage:problem:invalid-request");
        assertProblem(service.get("/members?chainId=" + chain + "&name=x&size=1000"), 400, "urn:patronage:problem:invalid-request");
        for (String control : List.of("%00", "a%00b", "%0A", "%1B")) {
            assertProblem(service.get("/members?chainId=" + chain + "&name=" + control), 400,
                    "urn:patronage:problem:invalid-request");
        }
    }

    // --- helpers ---

    private String enroll(String chainId, String firstName, String email, String extraFields) throws Exception {
        HttpResponse<String> response = service.post("/members", enrollment(chainId, firstName, email, extraFields));
        assertEquals(201, response.statusCode(), response.body());
        return json(response).get("memberId").asText();
    }

    private static String enrollment(String chainId, String firstName, String email, String extraFields) {
        String body = """
                {"chainId": "%s", "firstName": "%s", "email": "%s" %s}""".formatted(chainId, firstName, email, extraFields);
        return body.contains("\"lastName\"") ? body : body.replace("\"firstName\"", "\"lastName\": \"Test\", \"firstName\"");
    }

    private static String uniqueEmail() {
        return "m." + UUID.randomUUID() + "@example.com";
    }

    /** Asks for a message as points or rewards would; keyed by {@code key} so that its order among requests is known. */
    private String requestNotification(String key, String member, String kind, boolean marketing) {
        String notificationId = UUID.randomUUID().toString();
        NotificationParameters parameters = parametersOf(kind);
        sendNotification(key, new NotificationRequested(notificationId, member, chain, kind, marketing,
                parameters == null ? Map.of() : parameters.toMap(), Instant.now()));
        return notificationId;
    }

    /** The kind's parameters as points-service or rewards-service fill them; {@code null} for a kind without record. */
    private static NotificationParameters parametersOf(String kind) {
        return switch (kind) {
            case WelcomeParameters.KIND -> new WelcomeParameters("9000000000000001");
            case PointsExpiringParameters.KIND -> new PointsExpiringParameters(new BigDecimal("120"),
                    Instant.parse("2026-12-31T12:00:00Z"));
            case TierChangedParameters.KIND -> new TierChangedParameters("SILVER", "GOLD", "QUALIFIED");
            case CouponIssuedParameters.KIND -> new CouponIssuedParameters("C-1", "coffee", null);
            default -> null;
        };
    }

    private void sendNotification(String key, NotificationRequested request) {
        kafka.send(CloudEventRecord.of(request).withKey(key).withSource("/patronage/points-service")
                .withTime(request.requestedAt()));
    }

    private static MimeMessage parse(String eml) throws Exception {
        return new MimeMessage(null, new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Where the message is, in whichever member's directory. */
    private Path mail(String notificationId) throws IOException {
        String name = notificationId + ".eml";
        if (!Files.isDirectory(mailbox)) {
            return mailbox.resolve(name);
        }
        try (Stream<Path> files = Files.walk(mailbox)) {
            return files.filter(file -> file.getFileName().toString().equals(name)).findFirst()
                    .orElse(mailbox.resolve(name));
        }
    }

    private String awaitMail(String notificationId) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(mail(notificationId)));
        return Files.readString(mail(notificationId), StandardCharsets.UTF_8);
    }

    private List<String> rawEvents(String memberId) {
        List<String> raw = new ArrayList<>();
        database.getCollection("domainevents").find(eq("aggregateIdentifier", memberId))
                .sort(new Document("sequenceNumber", 1)).forEach(doc -> raw.add(doc.toJson()));
        return raw;
    }

    private ConsumerRecord<String, byte[]> awaitPublished(String memberId, String type) {
        return membersTopic.await(Records.event(memberId, type));
    }

    private JsonNode lookup(String query) throws Exception {
        HttpResponse<String> response = service.get("/members" + query);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).get("members");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
