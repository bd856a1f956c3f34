package io.patronage.enrollment.member;

import java.time.Instant;

public record MemberOptedOut(String memberId, String chainId, Instant optedOutAt) {
}
