package io.patronage.enrollment.profile;

/** Where a member stands in the program. */
public enum MemberStatus {
    ACTIVE
}
