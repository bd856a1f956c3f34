package io.patronage.enrollment.member;

import java.time.Instant;

public record CardReplaced(String memberId, String chainId, String oldCardNumber, String newCardNumber,
                           Instant replacedAt) {
}
