package io.patronage.enrollment;

import io.micronaut.runtime.Micronaut;

/** Members: enrollment, cards and referral codes, profiles; publishes member events on loyalty.members.v1. */
public final class EnrollmentApplication {

    private EnrollmentApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(EnrollmentApplication.class, args);
    }
}
