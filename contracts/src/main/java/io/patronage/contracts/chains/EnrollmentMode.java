package io.patronage.contracts.chains;

/** Who may join a chain's loyalty program. */
public enum EnrollmentMode {
    /** Anyone. */
    OPEN,
    /** Only with one of the chain's invitation codes or a member's referral code. */
    INVITATION,
    /** Nobody for now: the chain's members keep their membership, new enrollments are refused. */
    CLOSED
}
