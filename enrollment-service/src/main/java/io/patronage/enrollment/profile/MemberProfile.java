package io.patronage.enrollment.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.patronage.enrollment.member.Consents;
import io.patronage.enrollment.member.MemberStatus;
import io.patronage.enrollment.member.PostalAddress;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What {@code GET /members/{memberId}} shows about a member. Every field is always present, {@code null}
 * when unknown; an erased member keeps ids, card number, status and dates, and nothing personal.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MemberProfile(String memberId,
                            String chainId,
                            String cardNumber,
                            String referralCode,
                            String firstName,
                            String lastName,
                            String email,
                            String phone,
                            LocalDate birthDate,
                            String locale,
                            MemberStatus status,
                            Instant enrolledAt,
                            PostalAddress address,
                            Consents consents,
                            String referredBy,
                            Instant optedOutAt,
                            Instant erasedAt) {
}
