package io.patronage.contracts.retail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PosTransactionTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    @Test
    void readsThePointsPaymentOfAPurchase() throws Exception {
        PosTransaction sale = JSON.readValue("""
                {"transactionId":"t-1","chainId":"c-1","storeId":"s-1","cardNumber":"900","type":"PURCHASE",
                 "occurredAt":"2026-12-01T10:00:00+02:00","currency":"EUR","total":"20.00",
                 "pointsPayment":{"points":500,"amount":"5.00"}}""", PosTransaction.class);

        assertEquals(new PointsPayment(new BigDecimal("500"), new BigDecimal("5.00")), sale.pointsPayment());
    }

    @Test
    void readsPointsWithDecimalsExactly() throws Exception {
        PosTransaction sale = JSON.readValue("""
                {"transactionId":"t-1","chainId":"c-1","storeId":"s-1","cardNumber":"900","type":"PURCHASE",
                 "occurredAt":"2026-12-01T10:00:00+02:00","currency":"EUR","total":"20.00",
                 "pointsPayment":{"points":2.57,"amount":"2.57"}}""", PosTransaction.class);

        assertEquals(new BigDecimal("2.57"), sale.pointsPayment().points(), "never through a double");
    }

    @Test
    void aRecordWithoutTheFieldIsOneWithoutPointsPaying() throws Exception {
        PosTransaction sale = JSON.readValue("""
                {"transactionId":"t-1","chainId":"c-1","storeId":"s-1","type":"PURCHASE",
                 "occurredAt":"2026-12-01T10:00:00+02:00","currency":"EUR","total":"20.00"}""", PosTransaction.class);

        assertNull(sale.pointsPayment());
        assertEquals(new PosTransaction("t-1", "c-1", "s-1", null, TransactionType.PURCHASE,
                OffsetDateTime.parse("2026-12-01T10:00:00+02:00"), "EUR", new BigDecimal("20.00"), null, null, null),
                sale);
    }

    @Test
    void theAsyncApiDocumentDescribesThePointsPaymentsFields() throws Exception {
        JsonNode schemas;
        try (InputStream in = PosTransactionTest.class.getResourceAsStream("/asyncapi.yaml")) {
            schemas = new ObjectMapper(new YAMLFactory()).readTree(in).get("components").get("schemas");
        }
        Set<String> properties = new TreeSet<>();
        schemas.get("PointsPayment").get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> fields = Arrays.stream(PointsPayment.class.getRecordComponents())
                .map(component -> component.getName()).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(fields, properties);
        assertEquals("#/components/schemas/PointsPayment", schemas.get("PosTransaction").get("properties")
                .get("pointsPayment").get("oneOf").get(1).get("$ref").asText());
        assertEquals(List.of("points", "amount"), List.of(schemas.get("PointsPayment").get("required").get(0).asText(),
                schemas.get("PointsPayment").get("required").get(1).asText()));
    }
}
