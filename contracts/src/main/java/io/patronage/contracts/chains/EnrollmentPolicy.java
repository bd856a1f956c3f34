package io.patronage.contracts.chains;

import java.util.List;

/**
 * Who may join a chain's program: enrollment-service enforces it; the others may show it.
 *
 * @param mode             open, by invitation, or closed; default open
 * @param invitationCodes  for {@link EnrollmentMode#INVITATION}: the codes that admit (a member's referral code
 *                         admits too)
 * @param minimumAge       years, judged by the date in the chain's time zone; 0 = none
 * @param requiredConsents consents a member must give to join
 */
public record EnrollmentPolicy(EnrollmentMode mode,
                               List<String> invitationCodes,
                               int minimumAge,
                               List<RequiredConsent> requiredConsents) {

    /** What a chain configured before policies travelled here has: anyone may join. */
    public static final EnrollmentPolicy OPEN = new EnrollmentPolicy(EnrollmentMode.OPEN, List.of(), 0, List.of());

    public EnrollmentPolicy {
        mode = mode == null ? EnrollmentMode.OPEN : mode;
        invitationCodes = invitationCodes == null ? List.of() : List.copyOf(invitationCodes);
        requiredConsents = requiredConsents == null ? List.of() : List.copyOf(requiredConsents);
        if (minimumAge < 0) {
            throw new IllegalArgumentException("minimumAge must not be negative");
        }
    }
}
