package io.patronage.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.patronage.contracts.IntegrationEvent;
import io.patronage.contracts.Topic;
import io.patronage.contracts.members.MemberEnrolled;
import io.patronage.kit.security.Caller;
import io.patronage.points.intake.CardDirectory;
import io.patronage.testsupport.HttpProbe;
import io.patronage.testsupport.KafkaProbe;
import io.patronage.testsupport.Records;
import io.patronage.testsupport.TestTokens;
import io.patronage.testsupport.TopicReader;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service as outside clients see it, for points' integration tests: test-support's Kafka and HTTP probes, with
 * the published topics followed from their beginning and their records read as the JSON of one member's events.
 */
final class Outside implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpProbe http;
    private final HttpProbe admin;
    private final KafkaProbe kafka = new KafkaProbe();
    private final Map<Topic, TopicReader> readers = new HashMap<>();

    Outside(int port, Topic... published) {
        HttpProbe anonymous = new HttpProbe(() -> port);
        http = anonymous.as(TestTokens.ops(Caller.EVERY_CHAIN));
        admin = anonymous.as(TestTokens.admin());
        for (Topic topic : published) {
            readers.put(topic, kafka.follow(topic));
        }
    }

    KafkaProbe kafka() {
        return kafka;
    }

    void send(Topic topic, String key, String json) {
        kafka.send(topic, key, json);
    }

    void sendCloudEvent(IntegrationEvent event) {
        kafka.send(event);
    }

    /** Publishes the chain on loyalty.chains.v1, as enrollment-service does, and returns its id. */
    String configureChain(String chainId, String currency) {
        return kafka.configureChain(chainId, currency);
    }

    /** Posts {@code program} as the chain's version until points-service, which learns chains from Kafka, takes it. */
    void awaitProgram(String chainId, String program) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> created = post("/programs/" + chainId + "/versions", program);
            assertTrue(created.statusCode() == 201 || created.statusCode() == 200, created.body());
        });
    }

    /** Enrolls the member on loyalty.members.v1, as enrollment-service does, and waits until their card is known. */
    void enroll(CardDirectory cards, String chainId, String memberId, String card, String locale) {
        kafka.send(new MemberEnrolled(memberId, chainId, card, MonthDay.of(6, 15), locale, Instant.now()));
        await().atMost(PATIENCE).until(() -> cards.memberFor(chainId, card).isPresent());
    }

    /** The first record of {@code type} about {@code memberId} on {@code topic} whose body matches, awaited. */
    JsonNode awaitRecord(Topic topic, String memberId, String type, Predicate<JsonNode> body) {
        return Records.json(readers.get(topic).await(Records.event(memberId, type, body)));
    }

    /** The records seen so far (reading what is new) of {@code type} about {@code memberId} whose body matches. */
    List<JsonNode> seen(Topic topic, String memberId, String type, Predicate<JsonNode> body) {
        return readers.get(topic).seen(Records.event(memberId, type, body)).stream().map(Records::json).toList();
    }

    /** As an operator of every chain, or an admin for {@code /admin/...}: the role each call needs. */
    HttpResponse<String> get(String path) {
        return probeFor(path).get(path);
    }

    HttpResponse<String> post(String path, String json) {
        return probeFor(path).post(path, json);
    }

    /** A POST whose body is sent as {@code contentType} says. */
    HttpResponse<String> post(String path, String contentType, String body) {
        HttpProbe probe = probeFor(path);
        return probe.send(HttpRequest.newBuilder(probe.uri(path)).header("content-type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The JSON body of a {@code 200}/{@code 201} GET. */
    JsonNode json(String path) {
        return probeFor(path).getJson(path);
    }

    private HttpProbe probeFor(String path) {
        return path.startsWith("/admin/") ? admin : http;
    }

    static JsonNode read(String json) {
        return HttpProbe.parse(json);
    }

    @Override
    public void close() {
        kafka.close();
    }
}
