package io.patronage.contracts.members;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.MonthDay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberEnrolledTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void publishesTheBirthdayAsMonthAndDayWithoutTheYear() throws Exception {
        String json = JSON.writeValueAsString(new MemberEnrolled("m-1", "chain-1", "9000000000000001",
                MonthDay.of(4, 12), "el-GR", Instant.parse("2026-03-01T09:15:00Z")));

        assertTrue(json.contains("\"birthday\":\"--04-12\""), json);
        assertFalse(json.contains("birthDate"), json);
        assertEquals(MonthDay.of(4, 12), JSON.readValue(json, MemberEnrolled.class).birthday());
    }

    @Test
    void readsRecordsWrittenWithTheFullBirthDateAsTheirMonthAndDay() throws Exception {
        MemberEnrolled old = JSON.readValue("""
                {"memberId":"m-1","chainId":"chain-1","cardNumber":"9000000000000001","birthDate":"1988-02-29",
                 "locale":"el-GR","enrolledAt":"2026-03-01T09:15:00Z"}""", MemberEnrolled.class);

        assertEquals(new MemberEnrolled("m-1", "chain-1", "9000000000000001", MonthDay.of(2, 29), "el-GR",
                Instant.parse("2026-03-01T09:15:00Z")), old);
    }

    @Test
    void aMemberWithoutBirthDateHasNoBirthday() throws Exception {
        assertNull(JSON.readValue("{\"memberId\":\"m-1\",\"chainId\":\"c\",\"birthDate\":null}", MemberEnrolled.class)
                .birthday());
    }
}
