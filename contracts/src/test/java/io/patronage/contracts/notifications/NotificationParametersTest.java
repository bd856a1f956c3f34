package io.patronage.contracts.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationParametersTest {

    private static final Instant AT = Instant.parse("2026-12-31T22:59:59Z");

    @Test
    void eachKindsRecordSurvivesTheWireAsAJsonObjectOfStrings() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        for (NotificationParameters parameters : List.of(new WelcomeParameters("9000000000000001"),
                new PointsExpiringParameters(new BigDecimal("40"), AT),
                new TierChangedParameters(null, "GOLD", "QUALIFIED"),
                new CouponIssuedParameters("C-42", "coffee", AT), new CouponIssuedParameters("C-43", "coffee", null),
                new PunchCardCompletedParameters("C-44", "coffee", "tenth-coffee", 10, AT),
                new BirthdayOfferParameters("C-45", "cake", AT), new WinBackOfferParameters("C-46", "coffee", null))) {
            NotificationRequested sent = NotificationRequested.of("n-1", "m-1", "c-1", false, parameters, AT);
            NotificationRequested received = json.readValue(json.writeValueAsString(sent), NotificationRequested.class);

            assertEquals(parameters, NotificationParameters.read(received.kind(), received.parameters()).orElseThrow());
        }
    }

    @Test
    void theWireNamesAreTheOnesTheProducersSend() {
        assertEquals(Map.of("points", "40", "expiresAt", "2026-12-31T22:59:59Z"),
                new PointsExpiringParameters(new BigDecimal("40"), AT).toMap());
        assertEquals(Map.of("fromTier", "SILVER", "toTier", "GOLD", "reason", "QUALIFIED"),
                new TierChangedParameters("SILVER", "GOLD", "QUALIFIED").toMap());
        assertEquals(Map.of("couponCode", "C-44", "rewardId", "coffee", "punchCardId", "tenth-coffee", "visits", "10"),
                new PunchCardCompletedParameters("C-44", "coffee", "tenth-coffee", 10, null).toMap());
        assertEquals(Map.of("couponCode", "C-45", "rewardId", "cake", "expiresAt", "2026-12-31T22:59:59Z"),
                new BirthdayOfferParameters("C-45", "cake", AT).toMap());
        assertEquals(Map.of("couponCode", "C-46", "rewardId", "coffee"),
                new WinBackOfferParameters("C-46", "coffee", null).toMap());
    }

    @Test
    void aMissingOrUnreadableRequiredParameterIsAnErrorNamingIt() {
        var missing = assertThrows(NotificationParameters.MissingParameterException.class,
                () -> NotificationParameters.read("POINTS_EXPIRING", Map.of("points", "40", "expiresOn", "2026-12-31")));
        assertEquals("expiresAt", missing.parameter());
        assertTrue(missing.getMessage().contains("expiresAt"), missing.getMessage());

        var unreadable = assertThrows(NotificationParameters.MissingParameterException.class,
                () -> NotificationParameters.read("POINTS_EXPIRING", Map.of("points", "many", "expiresAt", "2026-12-31T00:00:00Z")));
        assertEquals("points", unreadable.parameter());

        assertThrows(NotificationParameters.MissingParameterException.class, () -> new TierChangedParameters("A", "B", null));
    }

    @Test
    void anUnknownKindHasNoRecord() {
        assertTrue(NotificationParameters.read("BIRTHDAY_PONY", Map.of()).isEmpty());
    }
}
