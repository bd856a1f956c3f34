package io.patronage.enrollment.enrolling;

/**
 * The body of {@code POST /members}. Every field is taken as text and checked by
 * {@link EnrollmentValidator}, so that a wrong value (even a malformed date) is reported against its
 * field together with all the others, rather than failing JSON binding.
 *
 * @param referralCode   another member's personal code, optional
 * @param invitationCode one of the chain's invitation codes, for invitation-only programs
 * @param consents       optional; every consent absent means not given
 */
public record EnrollmentRequest(String chainId,
                                String firstName,
                                String lastName,
                                String email,
                                String phone,
                                String birthDate,
                                String locale,
                                ContactFields.AddressRequest address,
                                ConsentsRequest consents,
                                String referralCode,
                                String invitationCode) {

    public record ConsentsRequest(Boolean terms, Boolean marketingEmail, Boolean marketingSms) {
    }
}
