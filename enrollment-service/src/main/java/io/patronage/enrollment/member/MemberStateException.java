package io.patronage.enrollment.member;

import io.patronage.enrollment.refusal.EnrollmentException;

import java.util.List;

/** A command that the member's current state does not allow, e.g. changing the contact details of an erased member. */
public class MemberStateException extends EnrollmentException {
    public MemberStateException(String message) {
        super(message, List.of());
    }
}
