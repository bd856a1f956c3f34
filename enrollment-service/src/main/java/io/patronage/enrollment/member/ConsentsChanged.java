package io.patronage.enrollment.member;

/** The member's consents are now {@code consents}. */
public record ConsentsChanged(String memberId, String chainId, Consents consents) {
}
