package io.patronage.enrollment.refusal;

import java.util.List;

public class MemberNotFoundException extends EnrollmentException {

    public MemberNotFoundException(String memberId) {
        super("no member with id " + memberId, List.of());
    }
}
