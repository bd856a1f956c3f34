package io.patronage.contracts.members;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A member joined a chain's program. Carries no contact details and no birth year: those stay in
 * enrollment-service, whose copy erasure destroys, while this topic is kept forever.
 *
 * @param birthday for birthday offers and bonuses, as a month and day ({@code "--04-12"}); {@code null} when
 *                 the member gave no birth date
 * @param locale   BCP 47 language tag the member reads messages in, e.g. {@code el-GR}
 */
public record MemberEnrolled(String memberId,
                             String chainId,
                             String cardNumber,
                             MonthDay birthday,
                             String locale,
                             Instant enrolledAt) implements IntegrationEvent {

    /**
     * Reads records written before the birthday replaced the birth date: their {@code birthDate} becomes the
     * month and day, and the year is dropped here, so no consumer ever holds it.
     */
    @JsonCreator
    static MemberEnrolled read(@JsonProperty("memberId") String memberId,
                               @JsonProperty("chainId") String chainId,
                               @JsonProperty("cardNumber") String cardNumber,
                               @JsonProperty("birthday") MonthDay birthday,
                               @JsonProperty("birthDate") LocalDate legacyBirthDate,
                               @JsonProperty("locale") String locale,
                               @JsonProperty("enrolledAt") Instant enrolledAt) {
        MonthDay day = birthday != null || legacyBirthDate == null ? birthday : MonthDay.from(legacyBirthDate);
        return new MemberEnrolled(memberId, chainId, cardNumber, day, locale, enrolledAt);
    }

    @Override
    public String key() {
        return memberId;
    }
}
