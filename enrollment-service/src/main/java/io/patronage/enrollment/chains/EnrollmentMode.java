package io.patronage.enrollment.chains;

/** Who may join a chain's program. */
public enum EnrollmentMode {
    /** Anyone. */
    OPEN,
    /** Only with one of the chain's invitation codes or a member's referral code. */
    INVITATION
}
