package io.patronage.enrollment.enrolling;

import io.patronage.enrollment.member.PersonalData;

/** A validated enrollment request. */
record Enrollment(String chainId, PersonalData personalData) {
}
