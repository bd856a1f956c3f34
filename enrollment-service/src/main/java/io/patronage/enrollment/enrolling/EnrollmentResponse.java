package io.patronage.enrollment.enrolling;

/** The body of {@code 201 Created} for {@code POST /members}. */
public record EnrollmentResponse(String memberId, String cardNumber) {
}
