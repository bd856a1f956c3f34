package io.patronage.enrollment.member;

/** A command that the member's current state does not allow, e.g. changing the contact details of an erased member. */
public class MemberStateException extends RuntimeException {
    public MemberStateException(String message) {
        super(message);
    }
}
