package io.patronage.enrollment.member;

import io.patronage.enrollment.privacy.Sealed;

import java.time.Instant;

/** The member's contact details are now {@code contact} (a sealed {@link ContactDetails}). */
public record ContactDetailsChanged(String memberId, String chainId, Sealed contact, Instant changedAt) {
}
