package io.patronage.enrollment.enrolling;

/**
 * The body of {@code POST /members}. Every field is taken as text and checked by
 * {@link EnrollmentValidator}, so that a wrong value (even a malformed date) is reported against its
 * field together with all the others, rather than failing JSON binding.
 */
public record EnrollmentRequest(String chainId,
                                String firstName,
                                String lastName,
                                String email,
                                String phone,
                                String birthDate,
                                String locale) {
}
