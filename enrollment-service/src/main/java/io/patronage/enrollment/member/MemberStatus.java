package io.patronage.enrollment.member;

/** Where a member stands in the program. */
public enum MemberStatus {
    ACTIVE,
    /** Left the program: the card stops earning, no more messages; the data is kept until erased. */
    OPTED_OUT,
    /** Personal data destroyed (GDPR): only ids, card numbers and dates remain. */
    ERASED
}
