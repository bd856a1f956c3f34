package io.patronage.points.membership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.patronage.points.ledger.PointsAccountEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The member's account was opened.
 *
 * @param birthday month and day of birth for the birthday bonus, {@code null} when none was given; the log never
 *                 holds the birth year (see {@code LegacyBirthDates})
 */
public record PointsAccountOpened(String memberId,
                                  String chainId,
                                  String cardNumber,
                                  MonthDay birthday,
                                  Instant enrolledAt) implements PointsAccountEvent {

    /** Also reads events stored before the birthday replaced the birth date (and the unused locale). */
    @JsonCreator
    static PointsAccountOpened read(@JsonProperty("memberId") String memberId,
                                    @JsonProperty("chainId") String chainId,
                                    @JsonProperty("cardNumber") String cardNumber,
                                    @JsonProperty("birthday") MonthDay birthday,
                                    @JsonProperty("birthDate") LocalDate legacyBirthDate,
                                    @JsonProperty("enrolledAt") Instant enrolledAt) {
        MonthDay day = birthday != null || legacyBirthDate == null ? birthday : MonthDay.from(legacyBirthDate);
        return new PointsAccountOpened(memberId, chainId, cardNumber, day, enrolledAt);
    }
}
