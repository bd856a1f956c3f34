package io.patronage.contracts.members;

import io.patronage.contracts.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member joined a chain's program. Carries no contact details: those stay in enrollment-service.
 *
 * @param birthDate for birthday offers and bonuses; {@code null} when the member gave none
 * @param locale    BCP 47 language tag the member reads messages in, e.g. {@code el-GR}
 */
public record MemberEnrolled(String memberId,
                             String chainId,
                             String cardNumber,
                             LocalDate birthDate,
                             String locale,
                             Instant enrolledAt) implements IntegrationEvent {
    @Override
    public String key() {
        return memberId;
    }
}
