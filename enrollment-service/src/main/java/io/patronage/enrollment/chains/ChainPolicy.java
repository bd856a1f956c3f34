package io.patronage.enrollment.chains;

import java.time.ZoneId;
import java.util.Set;

/**
 * A chain's program policy, checked: who may enroll, from what age (judged by the date in the chain's
 * time zone), which consents are required, and the locale of members who give none.
 */
public record ChainPolicy(String chainId,
                          EnrollmentMode enrollment,
                          Set<String> invitationCodes,
                          int minimumAge,
                          Set<RequiredConsent> requiredConsents,
                          String defaultLocale,
                          ZoneId timeZone) {
}
