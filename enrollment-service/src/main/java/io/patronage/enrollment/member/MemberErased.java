package io.patronage.enrollment.member;

import java.time.Instant;

/** The member's personal data was erased: their key is destroyed, so every sealed value in their events is unreadable. */
public record MemberErased(String memberId, String chainId, Instant erasedAt) {
}
